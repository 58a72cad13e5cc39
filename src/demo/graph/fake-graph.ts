/**
 * The fake Microsoft Graph: serves the demo tenant at Graph's own URLs with Graph's semantics, as a
 * `fetch` function. The app's real Graph client runs against it unchanged in demo mode and in
 * tests; only the fetch differs.
 *
 * Behaviour follows Graph v1.0 for what the app uses (sources cited where it matters):
 * - `GET /users`: `$select`, `$top` (1–999, else 400), `$filter` (the default-supported subset the
 *   app uses), `$expand=manager` (pages of at most 100 with `$expand`: Graph known issue 13635),
 *   `$count=true` only as an advanced query (`ConsistencyLevel: eventual`), which in turn does not
 *   support `$expand` (https://learn.microsoft.com/graph/aad-advanced-queries), `@odata.nextLink`.
 * - `GET /users/delta`: full rounds, `$deltatoken=latest`, changes since a token, `manager@delta`.
 * - `GET /users/{id}`, `POST /$batch` (at most 20 requests, `dependsOn`).
 * - Only what the behaviour catalogue (graph-catalogue.ts) lists: any other request is answered
 *   400 and reported as unknown, which fails the test that sent it.
 * - Calendars (fake-calendar.ts), OneDrive files and sharing (fake-drive.ts), SharePoint lists of a
 *   group's site (fake-lists.ts: the programme store), meeting chats, the
 *   app catalogue and chat tabs (fake-chats.ts).
 * - Teams activity-feed notifications to a user, recorded for tests and the demo (fake-activity-feed.ts).
 * - Profile photos (`/users/{id}/photos/{size}/$value`): JPEG bytes, base64 inside a $batch;
 *   404 ImageNotFound for a user without one (demo-photos.ts).
 * - Errors in Graph's shape; faults on demand: 429 with Retry-After, 503, slow answers, expired
 *   tokens, missing consent.
 */
import { seededRandom } from '@/domain/random/seeded-random';
import type { ActivityType } from '@/services/config/activity-types';
import { RESOURCE_SPECIFIC_PERMISSIONS, type ResourceSpecificPermission } from '@/services/config/resource-specific-permissions';
import type { DemoUser } from './demo-tenant';
import { decodeToken, encodeToken } from './fake-tokens';
import { FakeCalendars, type Answer, type SeedEvent, type StoredEvent } from './fake-calendar';
import { FakeActivityFeed, type SentActivity } from './fake-activity-feed';
import { FakeChats, type ChatState } from './fake-chats';
import { demoPhoto, PHOTO_SIZES, type StoredPhoto } from './demo-photos';
import { FakeDrives, type StoredFile } from './fake-drive';
import { FakeLists, type ListsState, type SiteRole } from './fake-lists';
import { findOperation, recordUnknownGraphRequest, type UnknownGraphRequest } from './graph-catalogue';

export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

/** Faults to inject; rates are per request (each request inside a $batch counts on its own). */
export interface GraphFaults {
  /** Share of requests answered 429 Too Many Requests. */
  readonly throttleRate: number;
  /** The Retry-After the 429 (and 503) carry, in seconds. */
  readonly retryAfterSeconds: number;
  /** Share of requests answered 503 Service Unavailable. */
  readonly unavailableRate: number;
  /** Delay before every HTTP response, in milliseconds. */
  readonly latencyMs: number;
  /** Answer every request 401 with an expired-token error (until switched off). */
  readonly expiredToken: boolean;
  /** Answer directory reads 403 as if the admin had not consented to User.Read.All. */
  readonly missingConsent: boolean;
  /** Share of requests that are carried out but whose answer is lost (a dropped connection). */
  readonly dropRate: number;
  /** Answer installing apps in chats and adding tabs 403, as without admin consent for them. */
  readonly chatAppsDenied: boolean;
  /** No network at all: every request fails before reaching Graph. */
  readonly offline: boolean;
  /** Users whose OneDrive has never been opened: their drive answers 404 until provisioned (fake-drive.ts). */
  readonly drivesNotProvisioned: readonly string[];
  /** Answer Teams activity-feed notifications 403, as without admin consent for TeamsActivity.Send. */
  readonly activityFeedDenied: boolean;
}

export const NO_FAULTS: GraphFaults = {
  throttleRate: 0,
  retryAfterSeconds: 1,
  unavailableRate: 0,
  latencyMs: 0,
  expiredToken: false,
  missingConsent: false,
  dropRate: 0,
  chatAppsDenied: false,
  offline: false,
  drivesNotProvisioned: [],
  activityFeedDenied: false,
};

/** Counts of what the fake answered, for tests and benchmarks. */
export interface GraphStats {
  /** HTTP requests received (a $batch is one). */
  httpRequests: number;
  /** Requests handled, counting each one inside a $batch. */
  operations: number;
  throttled: number;
  unavailable: number;
  /** Answers lost on purpose (dropRate). */
  dropped: number;
}

/** What users made in calendars, drives and chats: kept by the demo so every frame agrees. */
export interface FakeGraphState {
  readonly events: StoredEvent[];
  readonly files: StoredFile[];
  readonly chats: ChatState;
  /** SharePoint lists (the programme store); absent in state kept before the store existed. */
  readonly lists?: ListsState;
}

export interface FakeGraphOptions {
  readonly users: readonly DemoUser[];
  /** Open extensions already on users: user id → extension name → properties. */
  readonly extensions?: ReadonlyMap<string, Readonly<Record<string, Record<string, unknown>>>>;
  /** Group memberships: group id → member ids (for checkMemberGroups). */
  readonly groups?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The role the app was granted (Sites.Selected) on the root site of each group that has one
   * (https://learn.microsoft.com/graph/api/site-post-permissions); a group not listed has no grant.
   */
  readonly siteGrants?: ReadonlyMap<string, SiteRole>;
  /** Told of every write to an open extension (undefined: deleted), e.g. to keep the demo's state. */
  readonly onExtensionChange?: (userId: string, name: string, properties: Record<string, unknown> | undefined) => void;
  readonly faults?: Partial<GraphFaults>;
  /** The events a person's calendar starts with (the demo's busy patterns). */
  readonly calendarSeed?: (user: DemoUser) => readonly SeedEvent[];
  /** Apps in the organisation's Teams catalogue: manifest id → display name. */
  readonly catalog?: ReadonlyMap<string, string>;
  /** Resource-specific permissions of catalogue apps by manifest id; an app not listed has this app's (RESOURCE_SPECIFIC_PERMISSIONS). */
  readonly catalogPermissions?: ReadonlyMap<string, readonly ResourceSpecificPermission[]>;
  /** The activity types the app's manifest declares (default: the app's, ACTIVITY_TYPES). */
  readonly activityTypes?: readonly ActivityType[];
  /** Told of every activity-feed notification the fake accepted (the demo shows them). */
  readonly onActivitySent?: (activity: SentActivity) => void;
  /** Whether the app is installed in Teams for a user, so they can be sent activity-feed notifications (default: everyone). */
  readonly appInstalledFor?: (user: DemoUser) => boolean;
  /** A user's profile photo, or undefined for none (default: the demo's, demo-photos.ts). */
  readonly photos?: (user: DemoUser) => StoredPhoto | undefined;
  /** Told after every change to calendars, drives or chats. */
  readonly onStateChange?: () => void;
  readonly newId?: () => string;
  /** Seed for the fault dice, so runs repeat. */
  readonly seed?: number;
  /** The clock for error dates; injected so tests are deterministic. */
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Told of every request whose shape the behaviour catalogue (graph-catalogue.ts) does not know;
   * the fake answers it 400. By default recorded for the test run (which then fails); the demo in
   * the browser logs it as a console error (which the browser tests count).
   */
  readonly onUnknownRequest?: (request: UnknownGraphRequest) => void;
}

const MAX_TOP = 999;
const MAX_EXPAND_PAGE = 100;
const DEFAULT_PAGE = 100;
const MAX_BATCH = 20;
/** Query options each directory operation takes (its page); anything else is refused. */
const LIST_OPTIONS = new Set(['$select', '$filter', '$top', '$expand', '$count', '$skiptoken']);
const GET_OPTIONS = new Set(['$select', '$expand']);
const DELTA_OPTIONS = new Set(['$select', '$filter', '$deltatoken', '$skiptoken']);
/** Open extension limits (https://learn.microsoft.com/graph/extensibility-overview#open-extension-limits). */
const EXTENSION_LIMIT_BYTES = 2048;
const MAX_EXTENSIONS_PER_APP = 2;
/** The type an open extension's body names; the pages' examples write it with and without '#', in either case. */
const OPEN_TYPE = /^#?microsoft\.graph\.openTypeExtension$/i;

/** Properties Graph returns for a user when no $select is given. */
const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

const USER_PROPERTIES = new Set([
  ...DEFAULT_USER_PROPERTIES,
  'accountEnabled',
  'userType',
  'department',
  'city',
  'country',
  'usageLocation',
  'employeeHireDate',
  'mailboxSettings',
  'proxyAddresses',
]);

/** A change to the tenant, kept for delta queries. */
interface Change {
  readonly version: number;
  readonly id: string;
  readonly removed: boolean;
}

export class FakeGraph {
  readonly stats: GraphStats = { httpRequests: 0, operations: 0, throttled: 0, unavailable: 0, dropped: 0 };
  readonly calendars: FakeCalendars;
  readonly drives: FakeDrives;
  readonly chats: FakeChats;
  readonly lists: FakeLists;
  /** Teams activity-feed notifications, with a record of those sent (fake-activity-feed.ts). */
  readonly activityFeed: FakeActivityFeed;
  private faults: GraphFaults;
  private readonly users = new Map<string, DemoUser>();
  private ordered: string[] = [];
  private version = 1;
  private readonly changes: Change[] = [];
  /** Open extensions per user id, then per extension name. */
  private readonly extensions = new Map<string, Map<string, Record<string, unknown>>>();
  /** Matching ids per $filter, so paging through a large tenant stays cheap; cleared on change. */
  private readonly matches = new Map<string, string[]>();
  /** Users sorted by lower-case user principal name, for startswith(userPrincipalName, …). */
  private byUpn: { readonly upn: string; readonly id: string }[] = [];
  private readonly dice: () => number;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly onExtensionChange: FakeGraphOptions['onExtensionChange'];
  private readonly groups: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly onUnknownRequest: (request: UnknownGraphRequest) => void;
  private readonly photoOf: (user: DemoUser) => StoredPhoto | undefined;

  constructor(options: FakeGraphOptions) {
    this.photoOf = options.photos ?? demoPhoto;
    this.onExtensionChange = options.onExtensionChange;
    this.onUnknownRequest = options.onUnknownRequest ?? recordUnknownGraphRequest;
    this.groups = options.groups ?? new Map();
    for (const user of options.users) this.users.set(user.id, user);
    for (const [id, byName] of options.extensions ?? []) this.extensions.set(id, new Map(Object.entries(byName)));
    this.reorder();
    this.faults = { ...NO_FAULTS, ...options.faults };
    this.dice = seededRandom(options.seed ?? 1);
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const newId = options.newId ?? (() => crypto.randomUUID());
    const user = (id: string) => this.users.get(id);
    // Exchange resolves a recipient by SMTP address only: the primary (mail) or another proxy
    // address. A user principal name that is not one of them finds nobody, as in a real tenant
    // (getSchedule takes "SMTP addresses": https://learn.microsoft.com/graph/api/calendar-getschedule).
    const userByAddress = (address: string) => {
      const wanted = address.trim().toLowerCase();
      const smtp = `smtp:${wanted}`;
      for (const u of this.users.values()) {
        if (u.mail?.toLowerCase() === wanted || u.proxyAddresses.some((p) => p.toLowerCase() === smtp)) return u;
      }
      return undefined;
    };
    const onChange = options.onStateChange;
    const resourceSpecificOf = (externalId: string) => options.catalogPermissions?.get(externalId) ?? RESOURCE_SPECIFIC_PERMISSIONS;
    this.chats = new FakeChats({ newId, catalog: options.catalog ?? new Map(), resourceSpecificOf, denied: () => this.faults.chatAppsDenied, ...(onChange ? { onChange } : {}) });
    this.activityFeed = new FakeActivityFeed({
      exists: (id) => this.users.has(id),
      installedFor: (id) => {
        const found = this.users.get(id);
        return found !== undefined && (options.appInstalledFor?.(found) ?? true);
      },
      denied: () => this.faults.activityFeedDenied,
      ...(options.activityTypes ? { declared: options.activityTypes } : {}),
      ...(options.onActivitySent ? { onSent: options.onActivitySent } : {}),
    });
    this.calendars = new FakeCalendars({
      user,
      userByAddress,
      now: this.now,
      newId,
      onOnlineMeeting: (meeting) => this.chats.addMeeting(meeting),
      ...(options.calendarSeed ? { seed: options.calendarSeed } : {}),
      ...(onChange ? { onChange } : {}),
    });
    this.lists = new FakeLists({
      user,
      groupMembers: (groupId) => this.groups.get(groupId),
      siteGrant: (groupId) => options.siteGrants?.get(groupId),
      now: this.now,
      newId,
      ...(onChange ? { onChange } : {}),
    });
    this.drives = new FakeDrives({
      user,
      userByAddress,
      now: this.now,
      newId,
      notProvisioned: () => this.faults.drivesNotProvisioned,
      ...(onChange ? { onChange } : {}),
    });
  }

  /** What users made in calendars, drives and chats. */
  state(): FakeGraphState {
    return { events: this.calendars.snapshot(), files: this.drives.snapshot(), chats: this.chats.snapshot(), lists: this.lists.snapshot() };
  }

  /** Puts back what {@link state} returned (e.g. another frame's writes). */
  restoreState(state: FakeGraphState): void {
    this.calendars.restore(state.events);
    this.drives.restore(state.files);
    this.chats.restore(state.chats);
    if (state.lists) this.lists.restore(state.lists);
  }

  /** Replaces one user's open extensions (what another frame of the demo wrote), without telling onExtensionChange. */
  replaceExtensions(userId: string, byName: Readonly<Record<string, Record<string, unknown>>>): void {
    this.extensions.set(userId, new Map(Object.entries(byName)));
  }

  /** Switches faults on or off from now on. */
  setFaults(faults: Partial<GraphFaults>): void {
    this.faults = { ...this.faults, ...faults };
  }

  /** Changes a user (or adds one), as an admin would; delta queries will report it. */
  upsertUser(user: DemoUser): void {
    this.users.set(user.id, user);
    this.changes.push({ version: ++this.version, id: user.id, removed: false });
    this.reorder();
  }

  /** Deletes a user; delta queries will report it as removed. */
  removeUser(id: string): void {
    this.users.delete(id);
    this.changes.push({ version: ++this.version, id, removed: true });
    this.reorder();
  }

  /** Seeding still under way (the demo's, which takes WebCrypto's time): requests wait for it. */
  private seeding: Promise<unknown> = Promise.resolve();

  /** Makes every request wait until `seeding` is done (whether it succeeds or not). */
  waitFor(seeding: Promise<unknown>): void {
    this.seeding = seeding.catch(() => undefined);
  }

  /**
   * A `fetch` that answers Graph URLs and the fake OneDrive's download URLs; anything else is a
   * network error, as with no route. A redirect is followed as a browser follows it (unless the
   * request says `redirect: 'manual'`): with the same headers, so Graph's 302 from `…/content` to
   * the download host fails there as CORS makes it fail in a browser (the request carries the token).
   */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    await this.seeding;
    const request = new Request(input, init);
    if (this.drives.isDownloadUrl(request.url) && !this.faults.offline) {
      this.stats.httpRequests++;
      if (this.faults.latencyMs > 0) await this.sleep(this.faults.latencyMs);
      return this.drives.download(request.method, request.url, Object.fromEntries(request.headers.entries()));
    }
    const response = await this.graphFetch(request);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location && request.redirect !== 'manual') {
      if (request.redirect === 'error') throw new TypeError(`Failed to fetch ${request.url} (redirected)`);
      return this.fetch(location, { method: 'GET', headers: request.headers, signal: request.signal });
    }
    return response;
  };

  private async graphFetch(request: Request): Promise<Response> {
    if (!request.url.startsWith(`${GRAPH_ROOT}/`) || this.faults.offline) throw new TypeError(`Failed to fetch ${request.url}`);
    this.stats.httpRequests++;
    if (this.faults.latencyMs > 0) await this.sleep(this.faults.latencyMs);
    const headers = Object.fromEntries(request.headers.entries());
    const body = request.method === 'POST' || request.method === 'PATCH' || request.method === 'PUT' ? await request.text() : undefined;
    const answer = this.route(request.method, request.url, headers, body);
    if (this.faults.dropRate > 0 && this.dice() < this.faults.dropRate) {
      // Carried out, but the answer never arrives: what makes retries of writes dangerous.
      this.stats.dropped++;
      throw new TypeError('Failed to fetch (the connection dropped)');
    }
    if (answer.bytes) return new Response(answer.bytes, { status: answer.status, headers: answer.headers ?? {} });
    // No content (204, and 201/202 for actions), no content type: as Graph answers.
    if (answer.body === undefined) return new Response(null, { status: answer.status, headers: answer.headers ?? {} });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  }

  private reorder() {
    // Graph lists directory objects in a stable order of its own; by id is as good as any.
    this.ordered = [...this.users.keys()].sort();
    this.matches.clear();
    this.byUpn = [...this.users.values()].map((u) => ({ upn: u.userPrincipalName.toLowerCase(), id: u.id })).sort((a, b) => (a.upn < b.upn ? -1 : a.upn > b.upn ? 1 : 0));
  }

  /** Ids whose user principal name starts with the prefix, in listing order: a range of the index. */
  private withUpnPrefix(prefix: string): string[] {
    let low = 0;
    let high = this.byUpn.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.byUpn[mid]!.upn < prefix) low = mid + 1;
      else high = mid;
    }
    const ids: string[] = [];
    for (let i = low; i < this.byUpn.length && this.byUpn[i]!.upn.startsWith(prefix); i++) ids.push(this.byUpn[i]!.id);
    return ids.sort();
  }

  private route(method: string, url: string, headers: Record<string, string>, body: string | undefined): Answer {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/^\/v1\.0/, '');
    if (method === 'POST' && path === '/$batch') {
      // The envelope is authenticated too: a bad token fails the whole batch (https://learn.microsoft.com/graph/json-batching).
      const auth = this.authenticate(headers);
      return 'status' in auth ? auth : this.batch(headers, body);
    }
    return this.operation(method, parsed, path, headers, body);
  }

  /** One request (alone or inside a batch): the catalogue first, then faults, then the endpoint. */
  private operation(method: string, url: URL, path: string, headers: Record<string, string>, body?: string): Answer {
    this.stats.operations++;
    if (!findOperation(method, path)) {
      // Not a shape the app is known to send: a test failure, whatever Graph would have said.
      this.onUnknownRequest({ method, path });
      return this.error(400, 'BadRequest', `The behaviour catalogue has no operation ${method} ${path}; add it with its documentation page.`);
    }
    const auth = this.authenticate(headers);
    if ('status' in auth) return auth;
    if (this.dice() < this.faults.throttleRate) {
      this.stats.throttled++;
      return this.error(429, 'TooManyRequests', 'Too many requests. Please retry after the time given in Retry-After.', {
        'retry-after': String(this.faults.retryAfterSeconds),
      });
    }
    if (this.dice() < this.faults.unavailableRate) {
      this.stats.unavailable++;
      return this.error(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', {
        'retry-after': String(this.faults.retryAfterSeconds),
      });
    }
    const json = (): unknown => {
      try {
        return body ? (JSON.parse(body) as unknown) : undefined;
      } catch {
        return undefined;
      }
    };
    const error = (status: number, code: string, message: string) => this.error(status, code, message);
    const handled =
      this.calendars.handle(method, path, url, json(), auth, error, headers) ??
      this.drives.handle(method, path, url, headers, body, auth, error) ??
      this.lists.handle(method, path, url, headers, body, auth, error) ??
      this.chats.handle(method, path, url, json(), auth, error) ??
      this.activityFeed.handle(method, path, json(), auth, error);
    if (handled) return handled;
    const extension = /^\/(me|users\/([^/]+))\/extensions(?:\/([^/]+))?$/.exec(path);
    if (extension) {
      const owner = extension[1] === 'me' ? auth.oid : decodeURIComponent(extension[2]!);
      if (owner !== auth.oid && method !== 'GET') {
        return this.denied();
      }
      if (owner !== auth.oid && !auth.scopes.has('User.Read.All')) {
        return this.denied();
      }
      return this.extension(method, owner, extension[3] ? decodeURIComponent(extension[3]) : undefined, body);
    }
    const photo = /^\/users\/([^/]+)\/photos\/([^/]+)\/\$value$/.exec(path);
    if (photo) return this.photo(decodeURIComponent(photo[1]!), decodeURIComponent(photo[2]!), url, auth);
    if (method === 'POST' && path === '/me/checkMemberGroups') {
      // https://learn.microsoft.com/graph/api/user-checkmembergroups, "Group memberships for the
      // signed-in user", least to most privileged: User.Read; User.ReadBasic.All or User.Read.All with
      // GroupMember.Read.All or Group.Read.All; Directory.Read.All. Up to 20 group ids.
      const has = (...scopes: string[]) => scopes.some((s) => auth.scopes.has(s));
      const allowed = has('User.Read', 'Directory.Read.All') || (has('User.ReadBasic.All', 'User.Read.All') && has('GroupMember.Read.All', 'Group.Read.All'));
      if (!allowed) return this.denied();
      let groupIds: unknown;
      try {
        groupIds = (JSON.parse(body ?? '') as { groupIds?: unknown }).groupIds;
      } catch {
        groupIds = undefined;
      }
      if (!Array.isArray(groupIds) || groupIds.length > 20) return this.error(400, 'Request_BadRequest', 'groupIds must list at most 20 group ids.');
      return {
        status: 200,
        body: { '@odata.context': `${GRAPH_ROOT}/$metadata#Collection(Edm.String)`, value: groupIds.filter((id) => typeof id === 'string' && this.groups.get(id)?.has(auth.oid)) },
      };
    }
    const memberships = /^\/users\/([^/]+)\/transitiveMemberOf$/.exec(path);
    if (method === 'GET' && memberships) return this.transitiveMemberOf(decodeURIComponent(memberships[1]!), url, auth);
    if (method !== 'GET') return this.error(405, 'Request_BadRequest', `The method ${method} is not allowed here.`);
    const options = path === '/users' ? LIST_OPTIONS : path === '/users/delta' ? DELTA_OPTIONS : GET_OPTIONS;
    const refused = [...url.searchParams.keys()].find((k) => !options.has(k));
    // $skip "isn't supported" on /users (https://learn.microsoft.com/graph/api/user-list); other
    // options the fake does not implement are refused rather than silently ignored.
    if (refused) return this.error(400, 'Request_UnsupportedQuery', `The query option '${refused}' is not supported here.`);
    const query = readQuery(url);
    if ('status' in query) return this.error(query.status, query.code, query.message);
    // Your own user needs only User.Read (https://learn.microsoft.com/graph/api/user-get); guests too.
    if (path === '/me') {
      const own = ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All'].some((scope) => auth.scopes.has(scope));
      return own ? this.one(auth.oid, query) : this.denied();
    }
    if (this.faults.missingConsent || !auth.scopes.has('User.Read.All')) {
      return this.denied();
    }
    // "Guest users cannot call this API" (https://learn.microsoft.com/graph/api/user-list), whatever the
    // app was consented (https://learn.microsoft.com/entra/fundamentals/users-default-permissions); the
    // delta page is silent, so the fake refuses guests there too. A tenant may give guests members'
    // access, which the fake does not model (the stricter default).
    if ((path === '/users' || path === '/users/delta') && this.users.get(auth.oid)?.userType === 'Guest') {
      return this.denied();
    }
    if (path === '/users') return this.list(url, query, headers);
    if (path === '/users/delta') return this.delta(url);
    const single = /^\/users\/([^/]+)$/.exec(path);
    if (single?.[1]) return this.one(decodeURIComponent(single[1]), query);
    return this.error(400, 'BadRequest', `Resource not found for the segment '${path.split('/')[1] ?? ''}'.`);
  }

  private authenticate(headers: Record<string, string>): Answer | { oid: string; scopes: Set<string> } {
    if (this.faults.expiredToken) {
      return this.error(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
    }
    const token = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
    const claims = token ? readClaims(token) : undefined;
    if (!claims) return this.error(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    return { oid: claims.oid, scopes: new Set(claims.scp.split(' ')) };
  }

  /**
   * Open extensions on a user, as their pages say:
   * - list and get (https://learn.microsoft.com/graph/api/opentypeextension-get): 200, 404 for an
   *   unknown name;
   * - create (https://learn.microsoft.com/graph/api/opentypeextension-post-opentypeextension): 201 with
   *   the extension; `@odata.type` microsoft.graph.openTypeExtension and `extensionName` required;
   * - update (https://learn.microsoft.com/graph/api/opentypeextension-update): the same two required,
   *   or 400; the properties sent replace the stored ones (those not sent are deleted); 200 with the
   *   extension; 404 when there is none;
   * - delete (https://learn.microsoft.com/graph/api/opentypeextension-delete): 204.
   * Limits (https://learn.microsoft.com/graph/extensibility-overview#open-extension-limits): at most
   * 2 KB per extension, at most two per app on one user. The pages are silent on the status for a
   * name taken, a size over the limit, a third extension and an `extensionName` that differs from
   * the URL's: the fake refuses them all (409, 400, 400, 400), the stricter choice.
   */
  private extension(method: string, owner: string, name: string | undefined, body: string | undefined): Answer {
    if (!this.users.has(owner)) return this.error(404, 'Request_ResourceNotFound', `Resource '${owner}' does not exist.`);
    const mine = this.extensions.get(owner) ?? new Map<string, Record<string, unknown>>();
    this.extensions.set(owner, mine);
    const shape = (extensionName: string, properties: Record<string, unknown>) => ({
      '@odata.type': '#microsoft.graph.openTypeExtension',
      id: extensionName,
      extensionName,
      ...properties,
    });
    const parse = (): Record<string, unknown> | undefined => {
      try {
        const value = JSON.parse(body ?? '') as unknown;
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    };
    const custom = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('@') && k !== 'extensionName' && k !== 'id'));
    // The whole extension (its name included) counts toward the 2 KB.
    const tooLarge = (extensionName: string, properties: Record<string, unknown>) =>
      new TextEncoder().encode(JSON.stringify({ extensionName, ...properties })).length > EXTENSION_LIMIT_BYTES;
    const typed = (value: Record<string, unknown> | undefined): value is Record<string, unknown> & { extensionName: string } =>
      !!value && typeof value.extensionName === 'string' && value.extensionName.length > 0 && OPEN_TYPE.test(String(value['@odata.type'] ?? ''));
    const untyped = () => this.error(400, 'BadRequest', "The body of an open extension needs '@odata.type': 'microsoft.graph.openTypeExtension' and an extensionName.");
    if (method === 'GET') {
      if (!name) return { status: 200, body: { value: [...mine.entries()].map(([n, p]) => shape(n, p)) } };
      const found = mine.get(name);
      return found ? { status: 200, body: shape(name, found) } : this.error(404, 'ResourceNotFound', `Extension '${name}' was not found.`);
    }
    if (method === 'POST' && !name) {
      const value = parse();
      if (!typed(value)) return untyped();
      const extensionName = value.extensionName;
      if (mine.has(extensionName)) return this.error(409, 'NameAlreadyExists', 'An extension already exists with given id.');
      if (mine.size >= MAX_EXTENSIONS_PER_APP) return this.error(400, 'BadRequest', `An app can add at most ${MAX_EXTENSIONS_PER_APP} open extensions to one resource.`);
      const properties = custom(value);
      if (tooLarge(extensionName, properties)) return this.error(400, 'BadRequest', 'The extension exceeds the 2 KB size limit.');
      mine.set(extensionName, properties);
      this.onExtensionChange?.(owner, extensionName, properties);
      return { status: 201, body: shape(extensionName, properties) };
    }
    if (method === 'PATCH' && name) {
      if (!mine.has(name)) return this.error(404, 'ResourceNotFound', `Extension '${name}' was not found.`);
      const value = parse();
      if (!typed(value)) return untyped();
      if (value.extensionName !== name) return this.error(400, 'BadRequest', `The extensionName '${value.extensionName}' does not match the extension '${name}'.`);
      const properties = custom(value);
      if (tooLarge(name, properties)) return this.error(400, 'BadRequest', 'The extension exceeds the 2 KB size limit.');
      mine.set(name, properties);
      this.onExtensionChange?.(owner, name, properties);
      return { status: 200, body: shape(name, properties) };
    }
    if (method === 'DELETE' && name) {
      if (!mine.delete(name)) return this.error(404, 'ResourceNotFound', `Extension '${name}' was not found.`);
      this.onExtensionChange?.(owner, name, undefined);
      return { status: 204 };
    }
    return this.error(405, 'Request_BadRequest', `The method ${method} is not allowed here.`);
  }

  /**
   * A user's profile photo at one size (https://learn.microsoft.com/graph/api/profilephoto-get):
   * 200 with the JPEG's bytes (`Content-Type: image/jpeg`), 404 ImageNotFound when the user has
   * none. Delegated, for a user's photo: ProfilePhoto.Read.All least privileged, or
   * ProfilePhoto.ReadWrite.All, User.ReadBasic.All, User.Read.All, User.ReadWrite.All; the page also
   * lists User.Read and User.ReadWrite, which the fake accepts for one's own photo only (the
   * stricter reading). The page gives the sizes Microsoft 365 keeps and says a size is available up
   * to the uploaded photo's; it is silent on other sizes and sizes above it: the fake answers them
   * 404 ImageNotFound too, and refuses query options.
   */
  private photo(id: string, size: string, url: URL, auth: { oid: string; scopes: Set<string> }): Answer {
    const has = (...scopes: string[]) => scopes.some((s) => auth.scopes.has(s));
    const allowed =
      has('ProfilePhoto.Read.All', 'ProfilePhoto.ReadWrite.All', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All') || (id === auth.oid && has('User.Read', 'User.ReadWrite'));
    if (!allowed || this.faults.missingConsent) return this.denied();
    const refused = [...url.searchParams.keys()][0];
    if (refused) return this.error(400, 'Request_UnsupportedQuery', `The query option '${refused}' is not supported here.`);
    const user = this.users.get(id);
    if (!user) return this.error(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
    const stored = this.photoOf(user);
    const side = Number(/^(\d+)x\1$/.exec(size)?.[1]);
    if (!stored || !(PHOTO_SIZES as readonly string[]).includes(size) || side > stored.uploaded) {
      return this.error(404, 'ImageNotFound', "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.");
    }
    return { status: 200, headers: { 'content-type': 'image/jpeg' }, bytes: stored.jpeg(side) };
  }

  private one(id: string, query: Query): Answer {
    const user = this.users.get(id);
    if (!user) return this.error(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
    return { status: 200, body: { '@odata.context': `${GRAPH_ROOT}/$metadata#users/$entity`, ...this.shape(user, query) } };
  }

  private list(url: URL, query: Query, headers: Record<string, string>): Answer {
    const advanced = headers.consistencylevel?.toLowerCase() === 'eventual';
    if (query.count && !advanced) {
      return this.error(400, 'Request_BadRequest', "$count is only supported with the 'ConsistencyLevel: eventual' header.");
    }
    if (advanced && query.count && query.expand) {
      return this.error(400, 'Request_UnsupportedQuery', '$expand is not supported with advanced queries.');
    }
    const filter = compileFilter(query.filter, advanced && query.count);
    if ('status' in filter) return this.error(filter.status, filter.code, filter.message);
    const pageSize = Math.min(query.top ?? DEFAULT_PAGE, query.expand ? MAX_EXPAND_PAGE : MAX_TOP);
    const key = query.filter ?? '';
    let matching = this.matches.get(key);
    if (!matching) {
      const candidates = filter.upnPrefix === undefined ? this.ordered : this.withUpnPrefix(filter.upnPrefix);
      matching = candidates.filter((id) => filter.test(this.users.get(id)!));
      this.matches.set(key, matching);
    }
    const offset = query.skip;
    const page = matching.slice(offset, offset + pageSize);
    const next = offset + pageSize < matching.length ? withSkipToken(url, offset + pageSize) : undefined;
    return {
      status: 200,
      body: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#users`,
        ...(query.count ? { '@odata.count': matching.length } : {}),
        ...(next ? { '@odata.nextLink': next } : {}),
        value: page.map((id) => this.shape(this.users.get(id)!, query)),
      },
    };
  }

  /** `/users/delta` (https://learn.microsoft.com/graph/api/user-delta): a round of pages, then a deltaLink. */
  private delta(url: URL): Answer {
    const token = url.searchParams.get('$deltatoken');
    const state = token && token !== 'latest' ? decodeToken(token) : undefined;
    if (token && token !== 'latest' && (typeof state?.v !== 'number' || typeof state.q !== 'string')) {
      return this.error(400, 'Request_BadRequest', 'The delta token is not valid.');
    }
    // A deltaLink carries the original query in its token, as Graph's do.
    const original = new URL(`${GRAPH_ROOT}/users/delta?${typeof state?.q === 'string' ? state.q : baseQuery(url)}`);
    const skipToken = url.searchParams.get('$skiptoken');
    if (skipToken) original.searchParams.set('$skiptoken', skipToken);
    const query = readQuery(original);
    if ('status' in query) return this.error(query.status, query.code, query.message);
    // "The only supported $filter expression is for tracking changes on a specific object: id eq"
    // (https://learn.microsoft.com/graph/api/user-delta), at most 50 of them.
    let only: Set<string> | undefined;
    if (query.filter !== undefined) {
      const clauses = query.filter.split(/\s+or\s+/i).map((c) => /^\s*id\s+eq\s+'([^']+)'\s*$/i.exec(c)?.[1]);
      if (clauses.some((id) => id === undefined) || clauses.length > 50) {
        return this.error(400, 'Request_UnsupportedQuery', "Delta supports only $filter=id eq '{id}' (or several joined with or, at most 50).");
      }
      only = new Set(clauses as string[]);
    }
    const deltaLink = (version: number) => `${GRAPH_ROOT}/users/delta?$deltatoken=${encodeToken({ v: version, q: baseQuery(original) })}`;
    if (token === 'latest') return { status: 200, body: { value: [], '@odata.deltaLink': deltaLink(this.version) } };
    let ids: string[];
    let removed = new Set<string>();
    if (state) {
      const since = state.v as number;
      const changed = this.changes.filter((c) => c.version > since);
      removed = new Set(changed.filter((c) => c.removed && !this.users.has(c.id)).map((c) => c.id));
      ids = [...new Set(changed.map((c) => c.id))];
    } else {
      ids = this.ordered;
    }
    if (only) ids = ids.filter((id) => only.has(id));
    const pageSize = Math.min(query.top ?? DEFAULT_PAGE, MAX_TOP);
    const page = ids.slice(query.skip, query.skip + pageSize);
    const more = query.skip + pageSize < ids.length;
    const selectManager = query.select?.includes('manager') ?? false;
    return {
      status: 200,
      body: {
        '@odata.context': `${GRAPH_ROOT}/$metadata#users`,
        ...(more ? { '@odata.nextLink': withSkipToken(url, query.skip + pageSize) } : { '@odata.deltaLink': deltaLink(this.version) }),
        value: page.map((id) => {
          if (removed.has(id)) return { id, '@removed': { reason: 'deleted' } };
          const user = this.users.get(id)!;
          const shaped = this.shape(user, { ...query, select: query.select?.filter((p) => p !== 'manager'), expand: false });
          return selectManager
            ? { ...shaped, 'manager@delta': user.managerId && this.users.has(user.managerId) ? [{ '@odata.type': '#microsoft.graph.user', id: user.managerId }] : [] }
            : shaped;
        }),
      },
    };
  }

  private batch(headers: Record<string, string>, body: string | undefined): Answer {
    let parsed: { requests?: { id?: string; method?: string; url?: string; headers?: Record<string, string>; body?: unknown; dependsOn?: string[] }[] };
    try {
      parsed = JSON.parse(body ?? '') as typeof parsed;
    } catch {
      return this.error(400, 'BadRequest', 'Invalid batch payload format.');
    }
    const requests = parsed.requests;
    if (!Array.isArray(requests) || requests.length === 0) return this.error(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > MAX_BATCH) {
      return this.error(400, 'BadRequest', `The number of requests in a batch cannot exceed ${MAX_BATCH}.`);
    }
    const ids = new Set<string>();
    const statuses = new Map<string, number>();
    // Requests run in order; one whose dependency did not succeed is answered 424 (https://learn.microsoft.com/graph/json-batching).
    const responses = requests.map((sub) => {
      const id = String(sub.id ?? '');
      if (!id || ids.has(id) || !sub.url || !sub.method) {
        return { id, ...this.asBatchPart(this.error(400, 'BadRequest', 'Each request needs a unique id, a method and a url.')) };
      }
      ids.add(id);
      if (sub.dependsOn?.some((d) => !statuses.has(d))) return { id, ...this.asBatchPart(this.error(400, 'BadRequest', 'dependsOn must name an earlier request.')) };
      if (sub.dependsOn?.some((d) => statuses.get(d)! >= 400)) {
        statuses.set(id, 424);
        return { id, ...this.asBatchPart(this.error(424, 'FailedDependency', 'A request this one depends on failed.')) };
      }
      // "If a body is included with the request, the headers object must contain a value for
      // Content-Type" (https://learn.microsoft.com/graph/json-batching).
      if (sub.body !== undefined && !Object.keys(sub.headers ?? {}).some((k) => k.toLowerCase() === 'content-type')) {
        statuses.set(id, 400);
        return { id, ...this.asBatchPart(this.error(400, 'BadRequest', 'A request with a body needs a Content-Type header.')) };
      }
      const url = new URL(sub.url.startsWith('http') ? sub.url : `${GRAPH_ROOT}${sub.url.startsWith('/') ? '' : '/'}${sub.url}`);
      const subHeaders = { authorization: headers.authorization ?? '', ...lowerKeys(sub.headers ?? {}) };
      const subBody = sub.body === undefined ? undefined : typeof sub.body === 'string' ? sub.body : JSON.stringify(sub.body);
      const answer = this.operation(sub.method.toUpperCase(), url, url.pathname.replace(/^\/v1\.0/, ''), subHeaders, subBody);
      statuses.set(id, answer.status);
      return { id, ...this.asBatchPart(answer) };
    });
    return { status: 200, body: { responses } };
  }

  private asBatchPart(answer: Answer) {
    // A batch answer is JSON: a binary body travels as a base64 string with its own content type
    // (OData JSON Format 4.01, "Batch Response"; Graph sends plain base64 for photos, as
    // microsoftgraph/msgraph-sdk-javascript#367 shows).
    if (answer.bytes) return { status: answer.status, headers: { ...answer.headers }, body: toBase64(answer.bytes) };
    return { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers }, body: answer.body };
  }

  private shape(user: DemoUser, query: Query): Record<string, unknown> {
    const select = query.select ?? DEFAULT_USER_PROPERTIES;
    const shaped: Record<string, unknown> = {};
    for (const property of select) {
      if (property === 'manager') continue;
      shaped[property] = (user as unknown as Record<string, unknown>)[property] ?? null;
    }
    if (!('id' in shaped)) shaped.id = user.id;
    if (query.expand) {
      const manager = user.managerId ? this.users.get(user.managerId) : undefined;
      // Graph leaves `manager` out when there is none.
      if (manager) shaped.manager = { '@odata.type': '#microsoft.graph.user', id: manager.id, ...pick(manager, query.expandSelect) };
    }
    return shaped;
  }

  /** The directory's refusal for a missing permission or a caller it does not serve (a guest). */
  /**
   * Another user's groups, direct and through nesting (the fake's groups are flat, so direct):
   * https://learn.microsoft.com/graph/api/user-list-transitivememberof. "Permissions for another
   * user's memberships": User.Read.All least, or Directory.Read.All, Directory.ReadWrite.All,
   * Group.Read.All, GroupMember.Read.All; default page 100, maximum 999; $select and $top only here
   * (other options the fake does not implement are refused rather than ignored).
   */
  private transitiveMemberOf(id: string, url: URL, auth: { oid: string; scopes: Set<string> }): Answer {
    if (!['User.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Group.Read.All', 'GroupMember.Read.All'].some((scope) => auth.scopes.has(scope))) return this.denied();
    const refused = [...url.searchParams.keys()].find((key) => !['$select', '$top', '$skiptoken'].includes(key));
    if (refused) return this.error(400, 'Request_BadRequest', `The query option '${refused}' is not supported here.`);
    if (!this.users.has(id)) return this.error(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
    const top = Number(url.searchParams.get('$top') ?? 100);
    if (!Number.isInteger(top) || top < 1 || top > 999) return this.error(400, 'Request_BadRequest', 'Invalid page size specified: the maximum is 999.');
    const from = Number(url.searchParams.get('$skiptoken') ?? 0);
    const groups = [...this.groups].filter(([, members]) => members.has(id)).map(([groupId]) => groupId);
    const page = groups.slice(from, from + top);
    const next =
      from + top < groups.length
        ? {
            '@odata.nextLink': `${GRAPH_ROOT}/users/${encodeURIComponent(id)}/transitiveMemberOf?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), $skiptoken: String(from + top) })}`,
          }
        : {};
    return {
      status: 200,
      body: { '@odata.context': `${GRAPH_ROOT}/$metadata#directoryObjects(id)`, value: page.map((groupId) => ({ '@odata.type': '#microsoft.graph.group', id: groupId })), ...next },
    };
  }

  private denied(): Answer {
    return this.error(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }

  private error(status: number, code: string, message: string, headers: Record<string, string> = {}): Answer {
    const requestId = `fake-${this.stats.operations}`;
    return {
      status,
      headers: { 'request-id': requestId, ...headers },
      body: { error: { code, message, innerError: { date: this.now().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': requestId } } },
    };
  }
}

interface Query {
  readonly select: string[] | undefined;
  readonly top: number | undefined;
  readonly filter: string | undefined;
  readonly expand: boolean;
  readonly expandSelect: string[];
  readonly count: boolean;
  readonly skip: number;
}

function readQuery(url: URL): Query | { status: number; code: string; message: string } {
  const params = url.searchParams;
  const select = params
    .get('$select')
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = select?.find((p) => p !== 'manager' && !USER_PROPERTIES.has(p));
  if (unknown) return { status: 400, code: 'Request_BadRequest', message: `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.` };
  const topText = params.get('$top');
  const top = topText === null ? undefined : Number(topText);
  if (top !== undefined && (!Number.isInteger(top) || top < 1 || top > MAX_TOP)) {
    return { status: 400, code: 'Request_UnsupportedQuery', message: `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_TOP} inclusive.` };
  }
  const expandText = params.get('$expand');
  let expand = false;
  let expandSelect: string[] = [];
  if (expandText !== null) {
    const match = /^manager(?:\(\$select=([^)]*)\))?$/.exec(expandText.trim());
    if (!match)
      return { status: 400, code: 'Request_BadRequest', message: `Parsing OData Select and Expand failed: Could not find a property named '${expandText}' on type 'microsoft.graph.user'.` };
    expand = true;
    expandSelect =
      match[1]
        ?.split(',')
        .map((p) => p.trim())
        .filter(Boolean) ?? [];
  }
  const skipToken = params.get('$skiptoken');
  let skip = 0;
  if (skipToken) {
    const state = decodeToken(skipToken);
    if (!state || typeof state.o !== 'number') return { status: 400, code: 'Request_BadRequest', message: 'The skip token is not valid.' };
    skip = state.o;
  }
  return { select, top, filter: params.get('$filter') ?? undefined, expand, expandSelect, count: params.get('$count') === 'true', skip };
}

interface Filter {
  readonly test: (user: DemoUser) => boolean;
  /** Set when the filter requires startswith(userPrincipalName, …): lets the fake use its index. */
  readonly upnPrefix?: string;
}

/**
 * The `$filter` subset the app uses, joined with `and`: `accountEnabled eq true|false`,
 * `userType eq '…'`, `startswith(userPrincipalName|displayName|mail, '…')`, `id eq '…'`,
 * `id in ('…', …)`. `ne`, `not` and `endswith` only in advanced queries, as in Graph.
 */
function compileFilter(text: string | undefined, advanced: boolean): Filter | { status: number; code: string; message: string } {
  if (!text) return { test: () => true };
  const clauses = text.split(/\s+and\s+/i);
  const tests: ((user: DemoUser) => boolean)[] = [];
  let upnPrefix: string | undefined;
  const field = (user: DemoUser, name: string) => String((user as unknown as Record<string, unknown>)[name] ?? '');
  for (const raw of clauses) {
    const clause = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(accountEnabled)\s+(eq|ne)\s+(true|false)$/i.exec(clause))) {
      const [, , op, value] = m;
      if (op!.toLowerCase() === 'ne' && !advanced) return advancedOnly('ne');
      const wanted = value!.toLowerCase() === 'true';
      tests.push((u) => (u.accountEnabled === wanted) === (op!.toLowerCase() === 'eq'));
    } else if ((m = /^(userType|id|department)\s+eq\s+'((?:[^']|'')*)'$/i.exec(clause))) {
      const name = m[1]!;
      const value = m[2]!.replace(/''/g, "'").toLowerCase();
      tests.push((u) => field(u, name).toLowerCase() === value);
    } else if ((m = /^id\s+in\s+\(([^)]*)\)$/i.exec(clause))) {
      const values = new Set([...m[1]!.matchAll(/'((?:[^']|'')*)'/g)].map((v) => v[1]!.replace(/''/g, "'")));
      if (values.size > 15) return { status: 400, code: 'Request_UnsupportedQuery', message: "Too many values in 'in' clause (at most 15)." };
      tests.push((u) => values.has(u.id));
    } else if ((m = /^(startswith|endswith)\((userPrincipalName|displayName|mail),\s*'((?:[^']|'')*)'\)$/i.exec(clause))) {
      const op = m[1]!.toLowerCase();
      if (op === 'endswith' && !advanced) return advancedOnly('endswith');
      const name = m[2]!;
      const value = m[3]!.replace(/''/g, "'").toLowerCase();
      if (op === 'startswith' && name.toLowerCase() === 'userprincipalname') upnPrefix = value;
      tests.push(op === 'startswith' ? (u) => field(u, name).toLowerCase().startsWith(value) : (u) => field(u, name).toLowerCase().endsWith(value));
    } else {
      return { status: 400, code: 'Request_UnsupportedQuery', message: `Unsupported or invalid query filter clause specified: '${clause}'.` };
    }
  }
  return { test: (user) => tests.every((test) => test(user)), ...(upnPrefix === undefined ? {} : { upnPrefix }) };
}

function advancedOnly(operator: string) {
  return {
    status: 400,
    code: 'Request_UnsupportedQuery',
    message: `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header.`,
  };
}

function pick(user: DemoUser, properties: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(properties.map((p) => [p, (user as unknown as Record<string, unknown>)[p] ?? null]));
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** The query without paging tokens, so a nextLink or deltaLink repeats it. */
function baseQuery(url: URL): string {
  const params = new URLSearchParams(url.searchParams);
  params.delete('$skiptoken');
  params.delete('$deltatoken');
  return params.toString();
}

function withSkipToken(url: URL, offset: number): string {
  const next = new URL(url);
  next.searchParams.delete('$skiptoken');
  next.searchParams.set('$skiptoken', encodeToken({ o: offset }));
  return next.toString();
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function readClaims(token: string): { oid: string; scp: string } | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as { oid?: unknown; scp?: unknown };
    return typeof claims.oid === 'string' && typeof claims.scp === 'string' ? { oid: claims.oid, scp: claims.scp } : undefined;
  } catch {
    return undefined;
  }
}
