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
  // Token area (issue 11 item 10): whether the signed-in person is a guest, asked when the directory is refused.
  {
    name: 'get the signed-in user',
    method: 'GET',
    path: /^\/me$/,
    doc: 'https://learn.microsoft.com/graph/api/user-get',
    permissions: ['User.Read'],
  },
];
