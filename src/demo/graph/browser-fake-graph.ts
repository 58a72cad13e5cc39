import { demoCalendarSeed } from './demo-calendars';
import { DEMO_GROUPS, DEMO_SITE_GRANTS, seedDemoProgrammeStore, type DemoKeyFiles } from './demo-programme-store';
import { generateDemoProfiles } from './demo-profiles';
import { generateDemoTenant } from './demo-tenant';
import type { SentActivity } from './fake-activity-feed';
import { FakeGraph, type FakeGraphState } from './fake-graph';
import { DEMO_TEAMS_APP_ID } from '@/demo/demo-people';
import { DEMO_ACTIVITY_KEY, DEMO_STATE_KEY, DEMO_WRITES_KEY, FAULT_CHANNEL, FAULT_STORAGE_KEY, faultsFor, isFaultPreset } from '@/demo/dev-host-protocol';

type Writes = Record<string, Record<string, Record<string, unknown> | null>>;

function readJson<T>(key: string, fallback: T): T {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
    return typeof value === 'object' && value !== null ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

let graph: FakeGraph | undefined;

/**
 * The demo's Graph in this page: the default demo tenant, its opt-in profiles and calendars, with
 * what demo users wrote since (kept in local storage, so every framed surface and every reload
 * sees one tenant; other frames' writes arrive through storage events), and the faults the dev
 * host chose, following changes while the page is open.
 */
export function browserFakeGraph(): FakeGraph {
  if (graph) return graph;
  const stored = localStorage.getItem(FAULT_STORAGE_KEY);
  const users = generateDemoTenant();
  const profiles = generateDemoProfiles(users);
  const extensionsOf = (userId: string, writes: Writes) => {
    const current = { ...(profiles.get(userId) ?? {}) };
    for (const [name, properties] of Object.entries(writes[userId] ?? {})) {
      if (properties) current[name] = properties;
      else delete current[name];
    }
    return current;
  };
  const writes = readJson<Writes>(DEMO_WRITES_KEY, {});
  const extensions = new Map([...new Set([...profiles.keys(), ...Object.keys(writes)])].map((id) => [id, extensionsOf(id, writes)] as const));
  let restoring = false;
  const created: FakeGraph = new FakeGraph({
    users,
    extensions,
    calendarSeed: demoCalendarSeed,
    groups: DEMO_GROUPS,
    siteGrants: DEMO_SITE_GRANTS,
    catalog: new Map([[DEMO_TEAMS_APP_ID, 'Reverse mentoring']]),
    // The app is installed for everyone in the programme: those with a profile, as generated or written since.
    appInstalledFor: (user) => profiles.has(user.id) || user.id in readJson<Writes>(DEMO_WRITES_KEY, {}),
    // What Teams would show in people's activity feeds: kept for the dev host, the last 20.
    onActivitySent: (activity) => {
      const sent = readJson<SentActivity[]>(DEMO_ACTIVITY_KEY, []);
      localStorage.setItem(DEMO_ACTIVITY_KEY, JSON.stringify([...(Array.isArray(sent) ? sent : []), activity].slice(-20)));
    },
    faults: faultsFor(isFaultPreset(stored) ? stored : 'none'),
    // The demo answers it 400 and carries on; the browser tests count console errors as failures.
    onUnknownRequest: ({ method, path }) => console.error(`Fake Graph: ${method} ${path} is not in the behaviour catalogue (graph-catalogue.ts).`),
    onExtensionChange: (userId, name, properties) => {
      const all = readJson<Writes>(DEMO_WRITES_KEY, {});
      all[userId] = { ...all[userId], [name]: properties ?? null };
      localStorage.setItem(DEMO_WRITES_KEY, JSON.stringify(all));
    },
    onStateChange: () => {
      if (!restoring) localStorage.setItem(DEMO_STATE_KEY, JSON.stringify(created.state()));
    },
  });
  const restore = () => {
    const state = readJson<FakeGraphState | undefined>(DEMO_STATE_KEY, undefined);
    restoring = true;
    created.restoreState(state ?? { events: [], files: [], chats: { meetings: [], installed: {}, tabs: {} } });
    // The participants' pairing keys, in a state saved before they had them too.
    created.drives.seedAppFiles(keyFiles);
    restoring = false;
  };
  // The programme store as from a fresh start (state saved before the store existed keeps it); its
  // keys take WebCrypto's time, which every request waits for.
  let keyFiles: DemoKeyFiles = [];
  created.waitFor(
    (async () => {
      restoring = true;
      // A round under way, as of when this demo first started (the saved state keeps it from then on).
      keyFiles = await seedDemoProgrammeStore(created, profiles, undefined, { roundAsOf: new Date() });
      restoring = false;
      restore();
    })(),
  );
  // Another frame (the partner's tab in the dev host) wrote: take it in.
  window.addEventListener('storage', (event) => {
    if (event.key === DEMO_STATE_KEY || event.key === null) restore();
    if (event.key === DEMO_WRITES_KEY || event.key === null) {
      const latest = readJson<Writes>(DEMO_WRITES_KEY, {});
      for (const userId of new Set([...Object.keys(latest), ...profiles.keys()])) created.replaceExtensions(userId, extensionsOf(userId, latest));
    }
  });
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel(FAULT_CHANNEL).onmessage = (event: MessageEvent) => {
      if (isFaultPreset(event.data)) created.setFaults(faultsFor(event.data));
    };
  }
  graph = created;
  return created;
}
