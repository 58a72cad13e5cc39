import { DEMO_PEOPLE } from '@/demo/demo-people';
import type { GraphFaults } from './graph/fake-graph';

/** The demo's executive, who books: the one whose OneDrive the "never opened" preset leaves unprovisioned. */
const DEMO_EXECUTIVE = DEMO_PEOPLE.find((p) => p.role === 'executive')!.id;

/**
 * Named fault settings for the demo's fake Graph, chosen in the dev host and read by every framed
 * surface (same origin): the choice is kept in local storage (it is a demo setting, never a token)
 * and announced on a broadcast channel so open frames switch at once.
 */
export const FAULT_PRESETS = {
  none: {},
  throttle: { throttleRate: 0.2, retryAfterSeconds: 1 },
  slow: { latencyMs: 1500 },
  unavailable: { unavailableRate: 0.3, retryAfterSeconds: 1 },
  'expired-token': { expiredToken: true },
  'missing-consent': { missingConsent: true },
  'lost-answers': { dropRate: 0.3 },
  'no-chat-apps': { chatAppsDenied: true },
  'onedrive-not-opened': { drivesNotProvisioned: [DEMO_EXECUTIVE] },
} satisfies Record<string, Partial<GraphFaults>>;

export type FaultPreset = keyof typeof FAULT_PRESETS;

export const FAULT_PRESET_LABELS: Record<FaultPreset, string> = {
  none: 'None',
  throttle: '20% throttled (429)',
  slow: 'Slow (1.5 s)',
  unavailable: '30% unavailable (503)',
  'expired-token': 'Expired token (401)',
  'missing-consent': 'No admin consent (403)',
  'lost-answers': '30% of answers lost (network)',
  'no-chat-apps': 'Chat apps not allowed (403)',
  'onedrive-not-opened': 'Executive never opened OneDrive (404)',
};

export const FAULT_STORAGE_KEY = 'demo-graph-faults';

/**
 * What demo users wrote (profiles, requests, answers), kept in this browser so every framed
 * surface and every reload sees the same demo tenant. Demo data only, never tokens.
 */
export const DEMO_WRITES_KEY = 'demo-graph-writes';
/** What demo users made in calendars, OneDrive and meeting chats (demo data only). */
export const DEMO_STATE_KEY = 'demo-graph-state';
/** The last Teams activity-feed notifications demo users sent, newest last, for the dev host to show (demo data only). */
export const DEMO_ACTIVITY_KEY = 'demo-teams-activity';

export const FAULT_CHANNEL = 'demo-graph-faults';
/** The demo meeting's Live Share container id, per meeting, shared by the dev host's frames. */
export const DEMO_CONTAINER_PREFIX = 'demo-live-container:';
/** The dev host's network switch per person: messages `{ person, offline }`. */
export const NETWORK_CHANNEL = 'demo-network';

export function isFaultPreset(value: unknown): value is FaultPreset {
  return typeof value === 'string' && Object.hasOwn(FAULT_PRESETS, value);
}

/** The faults every preset starts from: a little latency, as a real tenant has. */
const BASELINE: Partial<GraphFaults> = {
  latencyMs: 60,
  throttleRate: 0,
  unavailableRate: 0,
  expiredToken: false,
  missingConsent: false,
  dropRate: 0,
  chatAppsDenied: false,
  offline: false,
  drivesNotProvisioned: [],
};

export function faultsFor(preset: FaultPreset): Partial<GraphFaults> {
  return { ...BASELINE, ...FAULT_PRESETS[preset] };
}
