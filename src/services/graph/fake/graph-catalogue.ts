/**
 * The behaviour catalogue: every Graph operation the app sends, with the documentation page that
 * pins its behaviour and the least-privileged delegated permission it needs. The fake Graph
 * answers only requests whose shape is listed here; anything else is a test failure (see the
 * behaviour tests beside the fake, one per operation, built from each page's examples).
 */

/** One documented Graph operation, as the app sends it. */
export interface GraphOperation {
  /** Short, unique name, e.g. "list users". */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Matches the path after `/v1.0` (no query string), e.g. `/^\/users$/`. */
  readonly path: RegExp;
  /** The operation's page on learn.microsoft.com. */
  readonly doc: string;
  /** Least-privileged delegated permissions that allow it, as the page's permissions table says. */
  readonly permissions: readonly string[];
}

/** Filled per operation as each is pinned to its page. */
export const GRAPH_OPERATIONS: readonly GraphOperation[] = [
  // Profiles as open extensions (issue 11 item 2; behaviour/extensions.test.ts).
  {
    name: 'get open extension on me',
    method: 'GET',
    path: /^\/me\/extensions\/[^/]+$/,
    doc: 'https://learn.microsoft.com/graph/api/opentypeextension-get',
    permissions: ['User.Read'],
  },
  {
    name: "get a user's open extension",
    method: 'GET',
    path: /^\/users\/[^/]+\/extensions\/[^/]+$/,
    doc: 'https://learn.microsoft.com/graph/api/opentypeextension-get',
    permissions: ['User.Read.All'],
  },
  {
    name: 'create open extension on me',
    method: 'POST',
    path: /^\/me\/extensions$/,
    doc: 'https://learn.microsoft.com/graph/api/opentypeextension-post-opentypeextension',
    permissions: ['User.ReadWrite'],
  },
  {
    name: 'update open extension on me',
    method: 'PATCH',
    path: /^\/me\/extensions\/[^/]+$/,
    doc: 'https://learn.microsoft.com/graph/api/opentypeextension-update',
    permissions: ['User.ReadWrite'],
  },
  {
    name: 'delete open extension on me',
    method: 'DELETE',
    path: /^\/me\/extensions\/[^/]+$/,
    doc: 'https://learn.microsoft.com/graph/api/opentypeextension-delete',
    permissions: ['User.ReadWrite'],
  },
  // Installing the app into the meeting chat (issue 11 item 6; behaviour/chat-apps.test.ts).
  {
    name: 'install app in chat',
    method: 'POST',
    path: /^\/chats\/[^/]+\/installedApps$/,
    doc: 'https://learn.microsoft.com/graph/api/chat-post-installedapps',
    // The least privileged that can install an app with resource-specific permissions (note 1 of the page).
    permissions: ['TeamsAppInstallation.ReadWriteAndConsentSelfForChat'],
  },
  {
    name: 'add tab to chat',
    method: 'POST',
    path: /^\/chats\/[^/]+\/tabs$/,
    doc: 'https://learn.microsoft.com/graph/api/chat-post-tabs',
    permissions: ['TeamsTab.Create'],
  },
  {
    name: 'list chat tabs',
    method: 'GET',
    path: /^\/chats\/[^/]+\/tabs$/,
    doc: 'https://learn.microsoft.com/graph/api/chat-list-tabs',
    permissions: ['TeamsTab.Read.All'],
  },
  // Mailboxes addressed by mail (issue 11 item 5; behaviour/schedule-addresses.test.ts).
  {
    name: 'get free/busy schedule',
    method: 'POST',
    path: /^\/me\/calendar\/getSchedule$/,
    doc: 'https://learn.microsoft.com/graph/api/calendar-getschedule',
    permissions: ['Calendars.Read'],
  },
  {
    name: 'create event',
    method: 'POST',
    path: /^\/me\/events$/,
    doc: 'https://learn.microsoft.com/graph/api/user-post-events',
    permissions: ['Calendars.ReadWrite'],
  },
  {
    name: 'send sharing invitation',
    method: 'POST',
    path: /^\/me\/drive\/items\/[^/]+\/invite$/,
    doc: 'https://learn.microsoft.com/graph/api/driveitem-invite',
    permissions: ['Files.ReadWrite'],
  },
];
