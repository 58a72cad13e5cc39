/**
 * The behaviour catalogue: every Graph operation the app sends, with the documentation page that
 * pins its behaviour and the least-privileged delegated permission it needs. The fake Graph
 * answers only requests whose shape is listed here; anything else is answered 400 and recorded as
 * an unknown request, which fails the test that caused it (see the unit project's setup file) and
 * shows as a console error in the browser (which the browser tests count as a failure). Each entry
 * has behaviour tests beside the fake (behaviour/*.test.ts, one `describeOperation` per entry),
 * built from the page's examples.
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

const page = (name: string) => `https://learn.microsoft.com/graph/api/${name}`;

/** Filled per operation as each is pinned to its page. */
export const GRAPH_OPERATIONS: readonly GraphOperation[] = [
  // Directory (src/services/graph/directory-loader.ts, services/graph/user-name.ts,
  // programme/programme-owner.ts).
  {
    name: 'list users',
    method: 'GET',
    path: /^\/users$/,
    doc: page('user-list'),
    // The table's least privileged, User.ReadBasic.All, reads only the basic profile; the app
    // selects accountEnabled, userType and department and expands the manager: User.Read.All.
    permissions: ['User.Read.All'],
  },
  {
    name: 'get user',
    method: 'GET',
    path: /^\/users\/(?!delta$)[^/]+$/,
    doc: page('user-get'),
    // user-name reads only id and displayName (User.ReadBasic.All would do); the directory
    // fills its gaps with the full $select and the manager, which need User.Read.All.
    permissions: ['User.Read.All'],
  },
  {
    name: 'user delta',
    method: 'GET',
    path: /^\/users\/delta$/,
    doc: page('user-delta'),
    // The table lists User.Read as least privileged; reading everyone's changes with the
    // properties the app selects needs what listing them needs.
    permissions: ['User.Read.All'],
  },
  {
    name: 'batch',
    method: 'POST',
    path: /^\/\$batch$/,
    doc: 'https://learn.microsoft.com/graph/json-batching',
    // $batch needs no permission of its own: each request inside needs its own.
    permissions: [],
  },
  {
    name: 'check member groups',
    method: 'POST',
    path: /^\/me\/checkMemberGroups$/,
    doc: page('directoryobject-checkmembergroups'),
    // "Group memberships for the signed-in user", least privileged: User.Read
    // (https://learn.microsoft.com/graph/api/user-checkmembergroups).
    permissions: ['User.Read'],
  },
  {
    name: 'list user transitive memberOf',
    method: 'GET',
    path: /^\/users\/[^/]+\/transitiveMemberOf$/,
    doc: page('user-list-transitivememberof'),
    // "Permissions for another user's memberships", least privileged: User.Read.All. The programme
    // store asks it of the authors of owners' entries (src/services/programme/programme-store.ts).
    permissions: ['User.Read.All'],
  },
  // Profiles: open extensions (src/services/profile/profile-store.ts).
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
  // Calendar (src/services/booking/booking-service.ts, booking/schedule-reader.ts).
  {
    name: 'list events',
    method: 'GET',
    path: /^\/me\/events$/,
    doc: page('user-list-events'),
    // The table's least privileged, Calendars.ReadBasic, leaves out extensions; the app filters by
    // a single-value extended property.
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
    name: 'get event',
    method: 'GET',
    path: /^\/me\/events\/[^/]+$/,
    doc: page('event-get'),
    permissions: ['Calendars.ReadBasic'],
  },
  {
    name: 'update event',
    method: 'PATCH',
    path: /^\/me\/events\/[^/]+$/,
    doc: page('event-update'),
    permissions: ['Calendars.ReadWrite'],
  },
  {
    name: 'delete event',
    method: 'DELETE',
    path: /^\/me\/events\/[^/]+$/,
    doc: page('event-delete'),
    permissions: ['Calendars.ReadWrite'],
  },
  {
    name: 'list event instances',
    method: 'GET',
    path: /^\/me\/events\/[^/]+\/instances$/,
    doc: page('event-list-instances'),
    permissions: ['Calendars.Read'],
  },
  {
    name: 'cancel event',
    method: 'POST',
    path: /^\/me\/events\/[^/]+\/cancel$/,
    doc: page('event-cancel'),
    permissions: ['Calendars.ReadWrite'],
  },
  {
    name: 'accept event',
    method: 'POST',
    path: /^\/me\/events\/[^/]+\/accept$/,
    doc: page('event-accept'),
    permissions: ['Calendars.ReadWrite'],
  },
  {
    name: 'decline event',
    method: 'POST',
    path: /^\/me\/events\/[^/]+\/decline$/,
    doc: page('event-decline'),
    permissions: ['Calendars.ReadWrite'],
  },
  {
    name: 'get free/busy schedule',
    method: 'POST',
    path: /^\/me\/calendar\/getSchedule$/,
    doc: 'https://learn.microsoft.com/graph/api/calendar-getschedule',
    permissions: ['Calendars.Read'],
  },
  // --- drive: the pair workspace file and the organiser's OneDrive (behaviour/drive.test.ts) ---
  {
    name: 'get driveItem (with its download URL)',
    method: 'GET',
    path: /^\/(?:me\/drive|drives\/[^/]+)\/items\/[^/]+$/,
    doc: 'https://learn.microsoft.com/graph/api/driveitem-get',
    // The partner opens a file shared with them: Files.Read covers only one's own files.
    permissions: ['Files.Read.All'],
  },
  {
    name: 'get driveItem by path',
    method: 'GET',
    path: /^\/me\/drive\/root:\/.+:?$/,
    doc: 'https://learn.microsoft.com/graph/api/driveitem-get',
    permissions: ['Files.Read'],
  },
  {
    name: 'download driveItem content (302 to the download URL)',
    method: 'GET',
    path: /^\/(?:me\/drive|drives\/[^/]+)\/items\/[^/]+\/content$/,
    doc: 'https://learn.microsoft.com/graph/api/driveitem-get-content',
    permissions: ['Files.Read'],
  },
  {
    name: 'replace driveItem content (If-Match)',
    method: 'PUT',
    path: /^\/(?:me\/drive|drives\/[^/]+)\/items\/[^/]+\/content$/,
    doc: 'https://learn.microsoft.com/graph/api/driveitem-put-content',
    // The partner saves into a file shared with them: Files.ReadWrite covers only one's own files.
    permissions: ['Files.ReadWrite.All'],
  },
  {
    name: 'upload a new file by path (conflictBehavior=fail)',
    method: 'PUT',
    path: /^\/me\/drive\/root:\/.+:\/content$/,
    doc: 'https://learn.microsoft.com/graph/api/driveitem-put-content',
    permissions: ['Files.ReadWrite'],
  },
  {
    name: "get the signed-in user's drive (provisions a OneDrive never opened)",
    method: 'GET',
    path: /^\/me\/drive$/,
    doc: 'https://learn.microsoft.com/graph/api/drive-get',
    permissions: ['Files.Read'],
  },
  // The person's pairing key in their own app folder (src/services/programme/person-key.ts).
  {
    name: 'get a file in the app folder by path',
    method: 'GET',
    path: /^\/me\/drive\/special\/approot:\/[^/]+:$/,
    doc: 'https://learn.microsoft.com/graph/api/drive-get-specialfolder',
    // The special folder page's table (work or school): Files.Read; before the folder exists a
    // read-only scope answers 403, and the app reads with the scope it writes with.
    permissions: ['Files.ReadWrite'],
  },
  {
    name: 'upload a new file to the app folder (conflictBehavior=fail)',
    method: 'PUT',
    path: /^\/me\/drive\/special\/approot:\/[^/]+:\/content$/,
    doc: 'https://learn.microsoft.com/graph/onedrive-sharepoint-appfolder',
    permissions: ['Files.ReadWrite'],
  },
  {
    name: 'send sharing invitation',
    method: 'POST',
    path: /^\/me\/drive\/items\/[^/]+\/invite$/,
    doc: 'https://learn.microsoft.com/graph/api/driveitem-invite',
    permissions: ['Files.ReadWrite'],
  },
  // Teams: the meeting chat's tab (src/services/booking/booking-service.ts addChatTab).
  {
    name: 'find online meeting by join URL',
    method: 'GET',
    path: /^\/me\/onlineMeetings$/,
    doc: page('onlinemeeting-get'),
    permissions: ['OnlineMeetings.Read'],
  },
  {
    name: 'list catalogue apps',
    method: 'GET',
    path: /^\/appCatalogs\/teamsApps$/,
    doc: page('appcatalogs-list-teamsapps'),
    permissions: ['AppCatalog.Read.All'],
  },
  {
    name: 'install app in chat',
    method: 'POST',
    path: /^\/chats\/[^/]+\/installedApps$/,
    doc: 'https://learn.microsoft.com/graph/api/chat-post-installedapps',
    // The least privileged that can install an app with resource-specific permissions (note 1 of the page).
    permissions: ['TeamsAppInstallation.ReadWriteAndConsentSelfForChat'],
  },
  {
    name: 'list chat tabs',
    method: 'GET',
    path: /^\/chats\/[^/]+\/tabs$/,
    doc: 'https://learn.microsoft.com/graph/api/chat-list-tabs',
    permissions: ['TeamsTab.Read.All'],
  },
  {
    name: 'add tab to chat',
    method: 'POST',
    path: /^\/chats\/[^/]+\/tabs$/,
    doc: 'https://learn.microsoft.com/graph/api/chat-post-tabs',
    permissions: ['TeamsTab.Create'],
  },
  // Teams activity-feed notifications (src/services/notifications/activity-feed.ts).
  {
    name: 'send activity notification to a user',
    method: 'POST',
    path: /^\/users\/[^/]+\/teamwork\/sendActivityNotification$/,
    doc: page('userteamwork-sendactivitynotification'),
    permissions: ['TeamsActivity.Send'],
  },
  // Photos (src/services/graph/photos.ts), in $batch requests of 20.
  {
    name: 'get profile photo',
    method: 'GET',
    path: /^\/users\/[^/]+\/photos\/[^/]+\/\$value$/,
    doc: page('profilephoto-get'),
    // Least privileged for a user's photo is ProfilePhoto.Read.All; the page lists User.Read.All
    // among the higher privileged ones, which the app already has (admin-consented for the
    // directory), so photos add no permission and no consent prompt.
    permissions: ['User.Read.All'],
  },
  // Token area (issue 11 item 10): whether the signed-in person is a guest, asked when the directory is refused.
  {
    name: 'get the signed-in user',
    method: 'GET',
    path: /^\/me$/,
    doc: 'https://learn.microsoft.com/graph/api/user-get',
    permissions: ['User.Read'],
  },
  // The programme store: lists in the programme owners' group's site (src/services/programme/programme-store.ts,
  // behaviour/lists.test.ts). The pages' tables list Sites.Read.All / Sites.ReadWrite.All / Sites.Manage.All;
  // the app asks for delegated Sites.Selected, which covers them all on the one site the admin granted it
  // (https://learn.microsoft.com/graph/permissions-selected-overview; README "The programme store").
  {
    name: "get a group's root site",
    method: 'GET',
    path: /^\/groups\/[^/]+\/sites\/root$/,
    doc: page('site-get'),
    permissions: ['Sites.Selected'],
  },
  {
    name: 'get list',
    method: 'GET',
    path: /^\/sites\/[^/]+\/lists\/[^/]+$/,
    doc: page('list-get'),
    permissions: ['Sites.Selected'],
  },
  {
    name: 'create list',
    method: 'POST',
    path: /^\/sites\/[^/]+\/lists$/,
    doc: page('list-create'),
    // Sites.Manage.All in the table; with Sites.Selected the app needs the manage role on the site.
    permissions: ['Sites.Selected'],
  },
  {
    name: 'list items',
    method: 'GET',
    path: /^\/sites\/[^/]+\/lists\/[^/]+\/items$/,
    doc: page('listitem-list'),
    permissions: ['Sites.Selected'],
  },
  {
    name: 'create list item',
    method: 'POST',
    path: /^\/sites\/[^/]+\/lists\/[^/]+\/items$/,
    doc: page('listitem-create'),
    permissions: ['Sites.Selected'],
  },
  {
    name: 'update list item fields (If-Match)',
    method: 'PATCH',
    path: /^\/sites\/[^/]+\/lists\/[^/]+\/items\/[^/]+\/fields$/,
    doc: page('listitem-update'),
    permissions: ['Sites.Selected'],
  },
  {
    name: 'delete list item',
    method: 'DELETE',
    path: /^\/sites\/[^/]+\/lists\/[^/]+\/items\/[^/]+$/,
    doc: page('listitem-delete'),
    permissions: ['Sites.Selected'],
  },
  {
    name: 'list items delta',
    method: 'GET',
    path: /^\/sites\/[^/]+\/lists\/[^/]+\/items\/delta$/,
    doc: page('listitem-delta'),
    permissions: ['Sites.Selected'],
  },
];

/** The catalogue entry a request matches (path after `/v1.0`, no query), or undefined. */
export function findOperation(method: string, path: string): GraphOperation | undefined {
  const upper = method.toUpperCase();
  return GRAPH_OPERATIONS.find((operation) => operation.method === upper && operation.path.test(path));
}

/** A request the catalogue does not know, as the fake Graph saw it. */
export interface UnknownGraphRequest {
  readonly method: string;
  readonly path: string;
}

const unknownRequests: UnknownGraphRequest[] = [];

/** Records a request the catalogue does not know (the fake Graph calls this; tests read it). */
export function recordUnknownGraphRequest(request: UnknownGraphRequest): void {
  unknownRequests.push(request);
}

/** The unknown requests recorded since the last call, and forgets them. */
export function takeUnknownGraphRequests(): UnknownGraphRequest[] {
  return unknownRequests.splice(0, unknownRequests.length);
}

/** Throws, naming each one, when requests the catalogue does not know were recorded since the last check. */
export function assertNoUnknownGraphRequests(): void {
  const unknown = takeUnknownGraphRequests();
  if (unknown.length === 0) return;
  const counts = new Map<string, number>();
  for (const r of unknown) counts.set(`${r.method} ${r.path}`, (counts.get(`${r.method} ${r.path}`) ?? 0) + 1);
  const list = [...counts].map(([request, n]) => (n > 1 ? `${request} (${n} times)` : request)).join(', ');
  throw new Error(`The fake Graph received requests that are not in the behaviour catalogue (graph-catalogue.ts): ${list}`);
}
