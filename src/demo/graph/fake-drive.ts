/**
 * The fake Graph's OneDrive: small files by path or id, ETags that change with every write,
 * `If-Match` (412 when stale), `@microsoft.graph.conflictBehavior=fail` (409 when the name is
 * taken), and sharing with specific people (`invite`) that others' access follows. Sources:
 * https://learn.microsoft.com/graph/api/driveitem-put-content,
 * https://learn.microsoft.com/graph/api/resources/driveitem (conflictBehavior goes in the URL:
 * OneDrive/onedrive-api-docs#981), https://learn.microsoft.com/graph/api/driveitem-invite.
 *
 * Reading content behaves as Graph and the web do (https://learn.microsoft.com/graph/api/driveitem-get-content):
 * `GET …/content` answers 302 to a pre-authenticated download URL on the SharePoint host; a driveItem
 * carries the same URL as `@microsoft.graph.downloadUrl`. The download host serves the file to a
 * request with no Authorization header and refuses one with it as a browser's CORS check would
 * (the fetch fails with TypeError), as well as unknown or expired `tempauth` tokens (401).
 *
 * A user whose OneDrive was never opened has no drive yet: every request to it answers 404
 * `ResourceNotFound` "User's mysite not found." until it is provisioned. `GET /me/drive` starts
 * provisioning (https://learn.microsoft.com/graph/api/drive-get: "this request will automatically
 * provision the user's drive"); the page is silent on how long that takes, so the fake is stricter
 * than instant: the drive is there {@link PROVISIONING_MS} later (the fake's clock).
 *
 * The app folder (`/me/drive/special/approot`, https://learn.microsoft.com/graph/onedrive-sharepoint-appfolder
 * and https://learn.microsoft.com/graph/api/drive-get-specialfolder) is `Apps/{app name}` in the
 * user's own drive, created the first time the app requests it with a scope that may write; asked
 * for with read-only scopes before it exists, it answers 403 ("If you have read-only permissions and
 * request a special folder that doesn't exist, you'll receive a 403 Forbidden error"). Files in it are
 * addressed by path (`approot:/{name}:`) and behave as any other file: a driveItem with its download
 * URL, 404 itemNotFound when absent, `GET …:/content` answers 302, uploads with `If-Match` or
 * `conflictBehavior=fail`. Only the owner's own token reaches it: there is no `/users/{id}/drive/special`
 * here, and the folder is never shared.
 */
import type { Answer } from './fake-calendar';
import type { DemoUser } from './demo-tenant';

export interface StoredFile {
  readonly id: string;
  readonly ownerId: string;
  readonly path: string;
  content: string;
  version: number;
  readonly createdDateTime: string;
  lastModifiedDateTime: string;
  /** Who it is shared with (user ids) and how. */
  permissions: { id: string; userId: string; roles: ('read' | 'write')[] }[];
}

export interface DriveContext {
  readonly user: (id: string) => DemoUser | undefined;
  readonly userByAddress: (address: string) => DemoUser | undefined;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly onChange?: () => void;
  /** Users whose OneDrive has never been opened (not provisioned), as the faults say now. */
  readonly notProvisioned?: () => readonly string[];
  /** The app's name in Entra, which names its app folder (`Apps/{name}`); "Reverse mentoring" unless given. */
  readonly appName?: string;
}

/** The fake tenant's OneDrive for Business host (`<tenant>-my.sharepoint.com`). */
export const FAKE_DOWNLOAD_ORIGIN = 'https://contoso-my.sharepoint.com';
/**
 * How long a download URL works. The driveItem page says an hour
 * (https://learn.microsoft.com/graph/api/resources/driveitem#instance-attributes), the download page
 * "a few minutes" (https://learn.microsoft.com/graph/api/driveitem-get-content): the stricter.
 */
export const DOWNLOAD_URL_LIFETIME_MS = 5 * 60_000;
/** How long provisioning a OneDrive takes after `GET /me/drive` starts it (docs silent: not instant). */
export const PROVISIONING_MS = 30_000;

/** driveItem properties `$select` may name (https://learn.microsoft.com/graph/api/resources/driveitem). */
const DRIVE_ITEM_PROPERTIES = new Set([
  'id',
  'name',
  'eTag',
  'cTag',
  'size',
  'createdDateTime',
  'lastModifiedDateTime',
  'webUrl',
  'file',
  'folder',
  'parentReference',
  'shared',
  'createdBy',
  'lastModifiedBy',
  'description',
  'fileSystemInfo',
  'root',
  'deleted',
  '@microsoft.graph.downloadUrl',
]);

/** Request headers a browser sends cross-origin without a CORS preflight (Fetch standard, CORS-safelisted). */
const SAFELISTED_HEADERS = new Set(['accept', 'accept-language', 'content-language', 'range']);

type ErrorAnswer = (status: number, code: string, message: string) => Answer;

export const driveIdOf = (userId: string) => `b!${userId}`;

export class FakeDrives {
  private readonly files = new Map<string, StoredFile>();
  /** Issued download tokens: tempauth → the file and when the URL stops working. */
  private readonly downloads = new Map<string, { fileId: string; expires: number }>();
  /** Unprovisioned users whose provisioning has started: user id → when the drive is there. */
  private readonly provisioning = new Map<string, number>();
  /** Users whose drive was provisioned while the faults still listed them. */
  private readonly provisioned = new Set<string>();
  /** Users whose app folder was created by a request (it also exists while a file is in it). */
  private readonly appFolders = new Set<string>();

  constructor(private readonly context: DriveContext) {}

  snapshot(): StoredFile[] {
    return [...this.files.values()];
  }

  restore(files: readonly StoredFile[]): void {
    this.files.clear();
    for (const file of files) this.files.set(file.id, structuredClone(file));
  }

  handle(
    method: string,
    path: string,
    url: URL,
    headers: Record<string, string>,
    body: string | undefined,
    auth: { oid: string; scopes: Set<string> },
    error: ErrorAnswer,
  ): Answer | undefined {
    const inAppFolder = /^\/me\/drive\/special\/approot:\/(.+?)(:\/content|:)?$/.exec(path);
    const byPath = inAppFolder ?? /^\/me\/drive\/root:\/(.+?)(:\/content|:)?$/.exec(path);
    const byId = /^\/(?:me\/drive|drives\/([^/]+))\/items\/([^/]+)(?:\/(content|invite|permissions))?$/.exec(path);
    const drive = path === '/me/drive';
    if (!byPath && !byId && !drive) return undefined;
    const own = auth.scopes.has('Files.ReadWrite') || auth.scopes.has('Files.ReadWrite.All') || (method === 'GET' && (auth.scopes.has('Files.Read') || auth.scopes.has('Files.Read.All')));
    if (!own) return error(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');
    if ((drive || byPath || path.startsWith('/me/drive/')) && !this.isProvisioned(auth.oid)) {
      if (drive && method === 'GET' && !this.provisioning.has(auth.oid)) this.provisioning.set(auth.oid, this.context.now().getTime() + PROVISIONING_MS);
      return error(404, 'ResourceNotFound', "User's mysite not found.");
    }
    if (drive) {
      if (method !== 'GET') return error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
      const owner = this.context.user(auth.oid);
      return { status: 200, body: { id: driveIdOf(auth.oid), driveType: 'business', owner: { user: { id: auth.oid, displayName: owner?.displayName ?? '' } } } };
    }
    if (byPath) {
      const folder = inAppFolder ? `${this.appFolderPath()}/` : '';
      if (inAppFolder && !this.hasAppFolder(auth.oid)) {
        const mayWrite = auth.scopes.has('Files.ReadWrite') || auth.scopes.has('Files.ReadWrite.All');
        if (!mayWrite) return error(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');
        this.appFolders.add(auth.oid);
      }
      const filePath = folder + decodeURIComponent(byPath[1]!);
      const existing = [...this.files.values()].find((f) => f.ownerId === auth.oid && f.path.toLowerCase() === filePath.toLowerCase());
      if (byPath[2] === ':/content') {
        // As for an item by id: 302 Found to the pre-authenticated download URL (driveitem-get-content).
        if (inAppFolder && method === 'GET') {
          return existing ? { status: 302, headers: { location: this.downloadUrl(existing) } } : error(404, 'itemNotFound', 'The resource could not be found.');
        }
        if (method !== 'PUT') return error(405, 'invalidRequest', 'Use PUT to upload.');
        const behaviour = url.searchParams.get('@microsoft.graph.conflictBehavior') ?? 'replace';
        if (existing && behaviour === 'fail') return error(409, 'nameAlreadyExists', 'The specified item name already exists.');
        return this.write(existing, auth.oid, filePath, headers, body ?? '', error);
      }
      if (method !== 'GET') return error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
      return existing ? this.item(existing, url, error) : error(404, 'itemNotFound', 'The resource could not be found.');
    }
    const [, driveId, itemId, action] = byId!;
    const file = this.files.get(decodeURIComponent(itemId!));
    if (!file || (driveId && decodeURIComponent(driveId) !== driveIdOf(file.ownerId))) return error(404, 'itemNotFound', 'The resource could not be found.');
    const mine = file.ownerId === auth.oid;
    const grant = file.permissions.find((p) => p.userId === auth.oid);
    // Another person's file needs a share and the .All scope (https://learn.microsoft.com/graph/permissions-reference#files-permissions).
    if (!mine && (!grant || !(auth.scopes.has('Files.ReadWrite.All') || (method === 'GET' && auth.scopes.has('Files.Read.All'))))) {
      return error(mine || grant ? 403 : 404, mine || grant ? 'accessDenied' : 'itemNotFound', mine || grant ? 'Access denied.' : 'The resource could not be found.');
    }
    if (!action) return method === 'GET' ? this.item(file, url, error) : error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
    if (action === 'content') {
      // 302 Found to the pre-authenticated download URL (https://learn.microsoft.com/graph/api/driveitem-get-content).
      if (method === 'GET') return { status: 302, headers: { location: this.downloadUrl(file) } };
      if (method !== 'PUT') return error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
      if (!mine && !grant!.roles.includes('write')) return error(403, 'accessDenied', 'Access denied.');
      return this.write(file, file.ownerId, file.path, headers, body ?? '', error);
    }
    if (!mine) return error(403, 'accessDenied', 'Only the owner can share this item.');
    if (action === 'permissions' && method === 'GET') {
      return { status: 200, body: { value: file.permissions.map((p) => this.permission(p)) } };
    }
    if (action === 'invite' && method === 'POST') return this.invite(file, body, error);
    return error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
  }

  /** Puts files in users' app folders, as the app would have written them (demo seeding); one already there is kept. */
  seedAppFiles(files: Iterable<{ readonly ownerId: string; readonly name: string; readonly content: string }>): void {
    const there = new Set([...this.files.values()].map((f) => `${f.ownerId}|${f.path.toLowerCase()}`));
    for (const { ownerId, name, content } of files) {
      const path = `${this.appFolderPath()}/${name}`;
      if (there.has(`${ownerId}|${path.toLowerCase()}`)) continue;
      this.write(undefined, ownerId, path, {}, content, () => {
        throw new Error(`The demo file ${name} is not JSON.`);
      });
    }
  }

  /** Provisions a user's OneDrive now, as opening OneDrive once does. */
  provision(userId: string): void {
    this.provisioning.delete(userId);
    this.provisioned.add(userId);
  }

  /** The app folder's path in a drive: `Apps/{app name}`. */
  private appFolderPath(): string {
    return `Apps/${this.context.appName ?? 'Reverse mentoring'}`;
  }

  private hasAppFolder(userId: string): boolean {
    const prefix = `${this.appFolderPath()}/`.toLowerCase();
    return this.appFolders.has(userId) || [...this.files.values()].some((f) => f.ownerId === userId && f.path.toLowerCase().startsWith(prefix));
  }

  private isProvisioned(userId: string): boolean {
    if (this.provisioned.has(userId) || !(this.context.notProvisioned?.() ?? []).includes(userId)) return true;
    const ready = this.provisioning.get(userId);
    if (ready === undefined || this.context.now().getTime() < ready) return false;
    this.provision(userId);
    return true;
  }

  /** True for a URL on the fake download host. */
  isDownloadUrl(url: string): boolean {
    return url.startsWith(`${FAKE_DOWNLOAD_ORIGIN}/`);
  }

  /**
   * Serves a download URL as the SharePoint host does for a browser app: a request that would need
   * a CORS preflight (any Authorization or other non-safelisted header) fails as a network error,
   * since the host does not allow it; an unknown or expired token answers 401; a deleted file 404.
   */
  download(method: string, url: string, headers: Record<string, string>): Response {
    const unsafe = Object.keys(headers).find((name) => !SAFELISTED_HEADERS.has(name.toLowerCase()));
    if (unsafe || (method !== 'GET' && method !== 'HEAD')) {
      throw new TypeError(`Failed to fetch (CORS: ${FAKE_DOWNLOAD_ORIGIN} does not allow ${unsafe ? `the ${unsafe} header` : method} from this origin)`);
    }
    const token = new URL(url).searchParams.get('tempauth') ?? '';
    const issued = this.downloads.get(token);
    if (!issued || this.context.now().getTime() >= issued.expires) {
      if (issued) this.downloads.delete(token);
      return new Response(JSON.stringify({ error_description: 'Invalid or expired tempauth token.' }), { status: 401, headers: { 'content-type': 'application/json' } });
    }
    const file = this.files.get(issued.fileId);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(method === 'HEAD' ? null : file.content, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
  }

  /** A fresh pre-authenticated URL for the file's content, valid for {@link DOWNLOAD_URL_LIFETIME_MS}. */
  private downloadUrl(file: StoredFile): string {
    const now = this.context.now().getTime();
    for (const [old, issued] of this.downloads) if (issued.expires <= now) this.downloads.delete(old);
    const token = `v1.${btoa(this.context.newId()).replace(/=+$/, '')}`;
    this.downloads.set(token, { fileId: file.id, expires: now + DOWNLOAD_URL_LIFETIME_MS });
    const upn = this.context.user(file.ownerId)?.userPrincipalName ?? 'unknown';
    const site = `${FAKE_DOWNLOAD_ORIGIN}/personal/${upn.replace(/[@.]/g, '_')}`;
    return `${site}/_layouts/15/download.aspx?UniqueId=${encodeURIComponent(file.id)}&Translate=false&tempauth=${encodeURIComponent(token)}&ApiVersion=2.0`;
  }

  /** A driveItem as `GET` answers it: every property, or those `$select` names (unknown ones: 400). */
  private item(file: StoredFile, url: URL, error: ErrorAnswer): Answer {
    const select = url.searchParams
      .get('$select')
      ?.split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const unknown = select?.find((p) => !DRIVE_ITEM_PROPERTIES.has(p));
    if (unknown) return error(400, 'invalidRequest', `Could not find a property named '${unknown}' on type 'microsoft.graph.driveItem'.`);
    const full: Record<string, unknown> = { ...this.shape(file), '@microsoft.graph.downloadUrl': this.downloadUrl(file) };
    if (!select) return { status: 200, body: full };
    return { status: 200, body: Object.fromEntries(select.filter((p) => full[p] !== undefined).map((p) => [p, full[p]])) };
  }

  private etag(file: StoredFile): string {
    return `"{${file.id.toUpperCase()}},${file.version}"`;
  }

  private write(existing: StoredFile | undefined, ownerId: string, path: string, headers: Record<string, string>, content: string, error: ErrorAnswer): Answer {
    const ifMatch = headers['if-match'];
    if (ifMatch && (!existing || (ifMatch !== '*' && ifMatch !== this.etag(existing)))) {
      return error(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch.');
    }
    try {
      JSON.parse(content);
    } catch {
      return error(400, 'invalidRequest', 'The fake drive holds JSON documents only.');
    }
    const now = this.context.now().toISOString();
    const file = existing ?? { id: this.context.newId().toUpperCase(), ownerId, path, content, version: 0, createdDateTime: now, lastModifiedDateTime: now, permissions: [] };
    file.content = content;
    file.version++;
    file.lastModifiedDateTime = now;
    this.files.set(file.id, file);
    this.context.onChange?.();
    return { status: existing ? 200 : 201, body: this.shape(file) };
  }

  private invite(file: StoredFile, body: string | undefined, error: ErrorAnswer): Answer {
    let value: { recipients?: { email?: string }[]; roles?: string[]; requireSignIn?: boolean };
    try {
      value = JSON.parse(body ?? '') as typeof value;
    } catch {
      return error(400, 'invalidRequest', 'The body is not JSON.');
    }
    const roles = (value.roles ?? []).filter((r): r is 'read' | 'write' => r === 'read' || r === 'write');
    if (!value.recipients?.length || roles.length === 0 || value.requireSignIn !== true) {
      return error(400, 'invalidRequest', 'invite needs recipients, roles (read or write) and requireSignIn true for specific people.');
    }
    const granted = [];
    for (const recipient of value.recipients) {
      // The page does not say what an address that finds nobody does; the fake refuses it (stricter),
      // so a user principal name that is not an SMTP address fails here as it would share with no one.
      const user = recipient.email ? this.context.userByAddress(recipient.email) : undefined;
      if (!user) return error(400, 'invalidRequest', `The recipient '${recipient.email ?? ''}' is not in this organisation.`);
      let permission = file.permissions.find((p) => p.userId === user.id);
      if (permission) permission.roles = roles;
      else file.permissions.push((permission = { id: this.context.newId(), userId: user.id, roles }));
      granted.push(this.permission(permission));
    }
    this.context.onChange?.();
    return { status: 200, body: { value: granted } };
  }

  private permission(p: StoredFile['permissions'][number]) {
    const user = this.context.user(p.userId);
    return { id: p.id, roles: p.roles, grantedToV2: { user: { id: p.userId, displayName: user?.displayName ?? '' } } };
  }

  private shape(file: StoredFile) {
    const owner = this.context.user(file.ownerId);
    const upn = owner?.userPrincipalName ?? 'unknown';
    return {
      id: file.id,
      name: file.path.split('/').pop(),
      eTag: this.etag(file),
      cTag: `"c:{${file.id}},${file.version}"`,
      size: new TextEncoder().encode(file.content).length,
      createdDateTime: file.createdDateTime,
      lastModifiedDateTime: file.lastModifiedDateTime,
      webUrl: `https://contoso-my.sharepoint.com/personal/${upn.replace(/[@.]/g, '_')}/Documents/${file.path.split('/').map(encodeURIComponent).join('/')}`,
      file: { mimeType: 'application/json' },
      parentReference: { driveId: driveIdOf(file.ownerId), driveType: 'business' },
      shared: file.permissions.length > 0 ? { scope: 'users' } : undefined,
    };
  }
}
