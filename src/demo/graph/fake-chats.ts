/**
 * The fake Graph's Teams meeting chats: the online meeting behind an event's join URL (and its
 * chat), the organisation's app catalogue, installing an app in a chat and adding a tab. Sources:
 * https://learn.microsoft.com/graph/api/onlinemeeting-get (filter by JoinWebUrl),
 * https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps (filter by externalId),
 * https://learn.microsoft.com/graph/api/chat-post-installedapps,
 * https://learn.microsoft.com/graph/api/chat-post-tabs, https://learn.microsoft.com/graph/api/chat-list-tabs.
 */
import type { ResourceSpecificPermission } from '@/services/config/resource-specific-permissions';
import type { Answer } from './fake-calendar';

interface Meeting {
  readonly id: string;
  readonly joinUrl: string;
  readonly threadId: string;
  readonly subject: string;
  readonly members: readonly string[];
}

export interface ChatTab {
  readonly id: string;
  readonly displayName: string;
  readonly teamsAppId: string;
  readonly configuration: { entityId?: string; contentUrl?: string; websiteUrl?: string; removeUrl?: string };
}

export interface ChatState {
  readonly meetings: Meeting[];
  readonly installed: Record<string, string[]>;
  readonly tabs: Record<string, ChatTab[]>;
}

export interface ChatsContext {
  readonly newId: () => string;
  /** Apps in the organisation's catalogue: manifest id (externalId) → display name. */
  readonly catalog: ReadonlyMap<string, string>;
  /** The resource-specific permissions of a catalogue app's definition (its manifest's), by manifest id. */
  readonly resourceSpecificOf: (externalId: string) => readonly ResourceSpecificPermission[];
  /** When set, installing apps and adding tabs answer 403 (no admin consent for those permissions). */
  readonly denied: () => boolean;
  readonly onChange?: () => void;
}

type ErrorAnswer = (status: number, code: string, message: string) => Answer;

/** The catalogue id the fake gives an app (the real one differs from the manifest id too). */
export const catalogIdOf = (externalId: string) => `catalog-${externalId}`;

export class FakeChats {
  private state: ChatState = { meetings: [], installed: {}, tabs: {} };

  constructor(private readonly context: ChatsContext) {}

  snapshot(): ChatState {
    return structuredClone(this.state);
  }

  restore(state: ChatState): void {
    this.state = structuredClone(state);
  }

  /** Called by the calendar when an event gets a Teams meeting. */
  addMeeting(meeting: { joinUrl: string; organizerId: string; attendeeIds: string[]; subject: string }): void {
    const id = this.context.newId().replace(/-/g, '');
    // Teams' classic join URL carries the meeting chat's thread id, as the host's `chat.id` names it.
    const thread = /\/meetup-join\/([^/?#]+)/.exec(meeting.joinUrl)?.[1];
    this.state.meetings.push({
      id: `MSo${id}`,
      joinUrl: meeting.joinUrl,
      threadId: thread ? decodeURIComponent(thread) : `19:meeting_${id}@thread.v2`,
      subject: meeting.subject,
      members: [meeting.organizerId, ...meeting.attendeeIds],
    });
  }

  tabsOf(threadId: string): ChatTab[] {
    return this.state.tabs[threadId] ?? [];
  }

  handle(method: string, path: string, url: URL, body: unknown, auth: { oid: string; scopes: Set<string> }, error: ErrorAnswer): Answer | undefined {
    if (path === '/me/onlineMeetings' && method === 'GET') {
      if (!auth.scopes.has('OnlineMeetings.Read') && !auth.scopes.has('OnlineMeetings.ReadWrite')) return error(403, 'Forbidden', 'Insufficient privileges.');
      const filter = /^JoinWebUrl eq '(.+)'$/i.exec(url.searchParams.get('$filter')?.trim() ?? '');
      if (!filter) return error(400, 'BadRequest', "Filter by JoinWebUrl eq '<url>'.");
      const joinUrl = filter[1]!.replace(/''/g, "'");
      const meeting = this.state.meetings.find((m) => m.joinUrl === joinUrl && m.members.includes(auth.oid));
      return {
        status: 200,
        body: { value: meeting ? [{ id: meeting.id, joinWebUrl: meeting.joinUrl, subject: meeting.subject, chatInfo: { threadId: meeting.threadId, messageId: '0' } }] : [] },
      };
    }
    if (path === '/appCatalogs/teamsApps' && method === 'GET') {
      if (!auth.scopes.has('AppCatalog.Read.All') && !auth.scopes.has('AppCatalog.ReadWrite.All')) return error(403, 'Forbidden', 'Insufficient privileges.');
      const filter = /^externalId eq '(.+)'$/i.exec(url.searchParams.get('$filter')?.trim() ?? '');
      const apps = [...this.context.catalog].filter(([externalId]) => !filter || externalId === filter[1]);
      return { status: 200, body: { value: apps.map(([externalId, displayName]) => ({ id: catalogIdOf(externalId), externalId, displayName, distributionMethod: 'organization' })) } };
    }
    const chat = /^\/chats\/([^/]+)\/(installedApps|tabs)$/.exec(path);
    if (!chat) return undefined;
    const threadId = decodeURIComponent(chat[1]!);
    const meeting = this.state.meetings.find((m) => m.threadId === threadId);
    if (!meeting || !meeting.members.includes(auth.oid)) return error(404, 'NotFound', 'The chat was not found, or you are not a member.');
    // Permissions as the pages list them; the ones without "AndConsent" cannot install an app that
    // has resource-specific permissions (chat-post-installedapps, note 1).
    const installScopes = ['TeamsAppInstallation.ReadWriteAndConsentSelfForChat', 'TeamsAppInstallation.ReadWriteAndConsentForChat'];
    const plainInstallScopes = ['TeamsAppInstallation.ReadWriteSelfForChat', 'TeamsAppInstallation.ReadWriteForChat'];
    const tabScopes =
      method === 'GET'
        ? ['TeamsTab.Read.All', 'TeamsTab.ReadWriteSelfForChat', 'TeamsTab.ReadWriteForChat', 'TeamsTab.ReadWrite.All']
        : ['TeamsTab.Create', 'TeamsTab.ReadWriteSelfForChat', 'TeamsTab.ReadWriteForChat', 'TeamsTab.ReadWrite.All'];
    const has = (scopes: string[]) => scopes.some((s) => auth.scopes.has(s));
    const forbidden = () => error(403, 'Forbidden', 'Missing role permissions on the request. The app needs admin consent for this permission.');
    if (this.context.denied()) return forbidden();
    if (chat[2] === 'tabs' && !has(tabScopes)) return forbidden();
    if (chat[2] === 'installedApps' && method !== 'GET' && !has([...installScopes, ...plainInstallScopes])) return forbidden();
    const bound = (value: unknown) => /\/appCatalogs\/teamsApps\/([^/'"]+)$/.exec(String((value as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'] ?? ''))?.[1];
    if (chat[2] === 'installedApps') {
      if (method === 'GET') return { status: 200, body: { value: (this.state.installed[threadId] ?? []).map((id) => ({ id: `inst-${id}`, teamsApp: { id } })) } };
      if (method !== 'POST') return error(405, 'MethodNotAllowed', `The method ${method} is not allowed here.`);
      const appId = bound(body);
      const externalId = [...this.context.catalog.keys()].find((e) => catalogIdOf(e) === appId);
      if (!appId || externalId === undefined) return error(400, 'BadRequest', 'teamsApp@odata.bind must name an app in the catalogue.');
      const definition = this.context.resourceSpecificOf(externalId);
      if (definition.length > 0 && !has(installScopes)) return forbidden();
      const refused = consentProblem(definition, (body as { consentedPermissionSet?: unknown } | undefined)?.consentedPermissionSet);
      if (refused) return error(400, 'BadRequest', refused);
      const installed = (this.state.installed[threadId] ??= []);
      // The page is silent on an app already installed; Teams refuses a second installation (stricter than ignoring it).
      if (installed.includes(appId)) return error(409, 'Conflict', 'The app is already installed in this chat.');
      installed.push(appId);
      this.context.onChange?.();
      return { status: 201 };
    }
    const shapeTab = ({ teamsAppId, ...t }: ChatTab) => ({ ...t, webUrl: `https://teams.microsoft.com/l/entity/${teamsAppId}/${t.id}` });
    if (method === 'GET') {
      // The app is a navigation, there only with $expand=teamsApp.
      const expand = url.searchParams.get('$expand') === 'teamsApp';
      return { status: 200, body: { value: this.tabsOf(threadId).map((t) => ({ ...shapeTab(t), ...(expand ? { teamsApp: { id: t.teamsAppId } } : {}) })) } };
    }
    if (method !== 'POST') return error(405, 'MethodNotAllowed', `The method ${method} is not allowed here.`);
    const value = (body ?? {}) as { displayName?: unknown; configuration?: ChatTab['configuration'] };
    const appId = bound(body);
    if (!appId || !(this.state.installed[threadId] ?? []).includes(appId)) return error(400, 'BadRequest', 'Install the app in the chat before adding its tab.');
    if (typeof value.displayName !== 'string' || !value.displayName || !value.configuration?.entityId || !value.configuration.contentUrl) {
      return error(400, 'BadRequest', 'A tab needs a displayName and a configuration with entityId and contentUrl.');
    }
    const tab: ChatTab = { id: this.context.newId(), displayName: value.displayName, teamsAppId: appId, configuration: value.configuration };
    (this.state.tabs[threadId] ??= []).push(tab);
    this.context.onChange?.();
    return { status: 201, body: shapeTab(tab) };
  }
}

/**
 * Why a consented permission set does not fit the app's definition, or undefined when it does. It
 * must match the definition exactly; it may be left out when the definition has only delegated
 * permissions (https://learn.microsoft.com/graph/api/chat-post-installedapps). Permission names are
 * compared exactly; the type case-insensitively, as the page's example writes `Delegated` and the
 * resource page `delegated` (https://learn.microsoft.com/graph/api/resources/teamsappresourcespecificpermission).
 */
function consentProblem(definition: readonly ResourceSpecificPermission[], consented: unknown): string | undefined {
  if (consented === undefined || consented === null) {
    return definition.some((p) => p.type === 'Application') ? 'The app has application resource-specific permissions: install it with a consentedPermissionSet that lists them.' : undefined;
  }
  const listed = (consented as { resourceSpecificPermissions?: unknown }).resourceSpecificPermissions;
  if (!Array.isArray(listed)) return 'consentedPermissionSet needs resourceSpecificPermissions.';
  const key = (value: unknown, type: unknown) => `${String(value)}|${String(type).toLowerCase()}`;
  const given = (listed as { permissionValue?: unknown; permissionType?: unknown }[]).map((p) => key(p.permissionValue, p.permissionType)).sort();
  const wanted = definition.map((p) => key(p.name, p.type)).sort();
  if (given.length === wanted.length && given.every((k, i) => k === wanted[i])) return undefined;
  return `The consented permissions must match the app's resource-specific permissions exactly: ${wanted.map((k) => k.replace('|', ' (') + ')').join(', ')}.`;
}
