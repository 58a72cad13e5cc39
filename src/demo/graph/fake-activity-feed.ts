/**
 * The fake Graph's Teams activity feed: `POST /users/{id}/teamwork/sendActivityNotification`, as
 * "userTeamwork: sendActivityNotification" (https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification)
 * and "Send activity feed notifications to users in Microsoft Teams"
 * (https://learn.microsoft.com/graph/teams-send-activityfeednotifications) describe it, and a record of
 * what was sent that tests and the demo read.
 *
 * - Delegated `TeamsActivity.Send` (the only delegated permission the page lists), else 403.
 * - 204 No Content on success.
 * - `activityType` must be declared in the app's manifest, except the reserved `systemDefault`; its
 *   template's parameters (all but `{actor}`, which Teams fills) must each be given in
 *   `templateParameters`; `systemDefault` needs `systemDefaultText`.
 * - `topic`: `source` `text` needs a `value` and a `webUrl` that starts with the Teams domain;
 *   `entityUrl` must name a Teams app installation or catalogue app (the page's two supported resources).
 * - The app must be installed for the recipient: the demo tenant decides who has it.
 * Where the pages are silent the fake picks the stricter answer: 403 for a recipient without the app
 * (the words Teams answers with in OfficeDev/microsoft-365-agents-toolkit#6067), 400 for a
 * notification to oneself ("a user can't send notifications to themselves"), 400 for a missing
 * `previewText`, for a `webUrl` over 1,024 characters (reported in Microsoft's Tech Community) and for
 * template parameters the template does not name, 404 for a recipient not in the directory.
 */
import { ACTIVITY_TYPES, type ActivityType } from '@/services/config/activity-types';
import type { Answer } from './fake-calendar';

/** A notification the fake accepted, as Teams would show it to the recipient. */
export interface SentActivity {
  readonly senderId: string;
  readonly recipientId: string;
  readonly activityType: string;
  readonly topic: { readonly source: string; readonly value: string; readonly webUrl?: string };
  readonly previewText: string;
  readonly templateParameters: readonly { readonly name: string; readonly value: string }[];
  readonly chainId?: number;
}

export interface ActivityFeedContext {
  /** Whether a user is in the directory. */
  readonly exists: (userId: string) => boolean;
  /** Whether the app is installed for a user (personally, or in a team or chat of theirs). */
  readonly installedFor: (userId: string) => boolean;
  /** The activity types the app's manifest declares (default: the app's own, ACTIVITY_TYPES). */
  readonly declared?: readonly ActivityType[];
  /** When set, every notification is answered 403, as without admin consent for TeamsActivity.Send. */
  readonly denied: () => boolean;
  /** Told of every notification accepted (the demo shows them in the dev host). */
  readonly onSent?: (activity: SentActivity) => void;
}

type ErrorAnswer = (status: number, code: string, message: string) => Answer;

const PATH = /^\/users\/([^/]+)\/teamwork\/sendActivityNotification$/;
const SYSTEM_DEFAULT = 'systemDefault';
const MAX_WEB_URL_LENGTH = 1024;
const ENTITY_URL = /^https:\/\/graph\.microsoft\.com\/(?:v1\.0|beta)\/(?:users\/[^/]+\/teamwork\/installedApps\/[^/]+|appCatalogs\/teamsApps\/[^/]+)$/;

export class FakeActivityFeed {
  private readonly sentList: SentActivity[] = [];

  constructor(private readonly context: ActivityFeedContext) {}

  /** Every notification accepted so far, oldest first. */
  sent(): readonly SentActivity[] {
    return [...this.sentList];
  }

  handle(method: string, path: string, body: unknown, auth: { oid: string; scopes: Set<string> }, error: ErrorAnswer): Answer | undefined {
    const match = PATH.exec(path);
    if (!match || method !== 'POST') return undefined;
    if (!auth.scopes.has('TeamsActivity.Send') || this.context.denied()) {
      return error(403, 'Forbidden', "Missing scope permissions on the request. API requires one of 'TeamsActivity.Send'.");
    }
    const recipientId = decodeURIComponent(match[1]!);
    if (!this.context.exists(recipientId)) return error(404, 'NotFound', `The user '${recipientId}' was not found.`);
    if (recipientId === auth.oid) return error(400, 'BadRequest', 'A user cannot send an activity notification to themselves with delegated permissions.');
    const problem = this.bodyProblem(body);
    if (typeof problem === 'string') return error(400, 'BadRequest', problem);
    if (!this.context.installedFor(recipientId)) {
      return error(
        403,
        'Forbidden',
        'The app is not authorized to generate notifications to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat).',
      );
    }
    const activity: SentActivity = { senderId: auth.oid, recipientId, ...problem };
    this.sentList.push(activity);
    this.context.onSent?.(activity);
    return { status: 204 };
  }

  /** What is wrong with the body, in words; or the notification it describes. */
  private bodyProblem(body: unknown): string | Omit<SentActivity, 'senderId' | 'recipientId'> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The request body must be a JSON object.';
    const value = body as Record<string, unknown>;
    const known = new Set(['topic', 'activityType', 'chainId', 'previewText', 'templateParameters', 'teamsAppId', 'iconId']);
    const unknown = Object.keys(value).find((k) => !known.has(k));
    if (unknown) return `The property '${unknown}' does not exist on sendActivityNotification's parameters.`;
    const topic = value.topic as Record<string, unknown> | undefined;
    if (typeof topic !== 'object' || topic === null) return 'topic is required.';
    if (topic.source === 'text') {
      if (typeof topic.value !== 'string' || !topic.value) return 'A text topic needs a value.';
      if (typeof topic.webUrl !== 'string' || !topic.webUrl.startsWith('https://teams.microsoft.com/'))
        return 'webUrl is required with a text topic and must start with the Microsoft Teams domain.';
      if (topic.webUrl.length > MAX_WEB_URL_LENGTH) return 'UnknownError';
    } else if (topic.source === 'entityUrl') {
      if (typeof topic.value !== 'string' || !ENTITY_URL.test(topic.value)) return 'An entityUrl topic must name a Teams app installation or a catalogue app.';
    } else {
      return "topic.source must be 'text' or 'entityUrl'.";
    }
    const activityType = value.activityType;
    if (typeof activityType !== 'string' || !activityType) return 'activityType is required.';
    const declared = (this.context.declared ?? ACTIVITY_TYPES).find((t) => t.type === activityType);
    if (!declared && activityType !== SYSTEM_DEFAULT) return `The activity type '${activityType}' is not declared in the app's manifest.`;
    const preview = value.previewText as { content?: unknown } | undefined;
    if (typeof preview?.content !== 'string') return 'previewText needs a content string.';
    const parameters = value.templateParameters ?? [];
    if (!Array.isArray(parameters) || !parameters.every((p: { name?: unknown; value?: unknown }) => typeof p?.name === 'string' && typeof p.value === 'string')) {
      return 'templateParameters must be a list of name and value strings.';
    }
    const given = new Set((parameters as { name: string }[]).map((p) => p.name));
    const wanted = declared ? [...declared.templateText.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).filter((name) => name !== 'actor') : ['systemDefaultText'];
    const missing = wanted.find((name) => !given.has(name));
    if (missing) return `The template of '${activityType}' needs the parameter '${missing}'.`;
    const extra = [...given].find((name) => !wanted.includes(name));
    if (extra) return `The template of '${activityType}' has no parameter '${extra}'.`;
    const chainId = value.chainId;
    if (chainId !== undefined && !Number.isInteger(chainId)) return 'chainId must be an Int64.';
    return {
      activityType,
      topic: { source: topic.source, value: topic.value as string, ...(typeof topic.webUrl === 'string' ? { webUrl: topic.webUrl } : {}) },
      previewText: preview.content,
      templateParameters: parameters as { name: string; value: string }[],
      ...(chainId === undefined ? {} : { chainId: chainId as number }),
    };
  }
}
