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
  // --- drive: the pair workspace file and the organiser's OneDrive (behaviour/drive.test.ts) ---
  {
    name: 'get driveItem (with its download URL)',
    method: 'GET',
    path: /^\/(?:me\/drive|drives\/[^/]+)\/items\/[^/]+$/,
    doc: 'https://learn.microsoft.com/graph/api/driveitem-get',
    permissions: ['Files.Read'],
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
    permissions: ['Files.ReadWrite'],
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
];
