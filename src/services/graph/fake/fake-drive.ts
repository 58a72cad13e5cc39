/**
 * The fake Graph's OneDrive: small files by path or id, ETags that change with every write,
 * `If-Match` (412 when stale), `@microsoft.graph.conflictBehavior=fail` (409 when the name is
 * taken), and sharing with specific people (`invite`) that others' access follows. Sources:
 * https://learn.microsoft.com/graph/api/driveitem-put-content,
 * https://learn.microsoft.com/graph/api/resources/driveitem (conflictBehavior goes in the URL:
 * OneDrive/onedrive-api-docs#981), https://learn.microsoft.com/graph/api/driveitem-invite.
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
}

type ErrorAnswer = (status: number, code: string, message: string) => Answer;

export const driveIdOf = (userId: string) => `b!${userId}`;

export class FakeDrives {
  private readonly files = new Map<string, StoredFile>();

  constructor(private readonly context: DriveContext) {}

  snapshot(): StoredFile[] {
    return [...this.files.values()];
  }

  restore(files: readonly StoredFile[]): void {
    this.files.clear();
    for (const file of files) this.files.set(file.id, structuredClone(file));
  }

  handle(method: string, path: string, url: URL, headers: Record<string, string>, body: string | undefined, auth: { oid: string; scopes: Set<string> }, error: ErrorAnswer): Answer | undefined {
    const byPath = /^\/me\/drive\/root:\/(.+?)(:\/content|:)?$/.exec(path);
    const byId = /^\/(?:me\/drive|drives\/([^/]+))\/items\/([^/]+)(?:\/(content|invite|permissions))?$/.exec(path);
    if (!byPath && !byId) return undefined;
    const own = auth.scopes.has('Files.ReadWrite') || auth.scopes.has('Files.ReadWrite.All') || (method === 'GET' && auth.scopes.has('Files.Read'));
    if (!own) return error(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');
    if (byPath) {
      const filePath = decodeURIComponent(byPath[1]!);
      const existing = [...this.files.values()].find((f) => f.ownerId === auth.oid && f.path.toLowerCase() === filePath.toLowerCase());
      if (byPath[2] === ':/content') {
        if (method !== 'PUT') return error(405, 'invalidRequest', 'Use PUT to upload.');
        const behaviour = url.searchParams.get('@microsoft.graph.conflictBehavior') ?? 'replace';
        if (existing && behaviour === 'fail') return error(409, 'nameAlreadyExists', 'The specified item name already exists.');
        return this.write(existing, auth.oid, filePath, headers, body ?? '', error);
      }
      if (method !== 'GET') return error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
      return existing ? { status: 200, body: this.shape(existing) } : error(404, 'itemNotFound', 'The resource could not be found.');
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
    if (!action) return method === 'GET' ? { status: 200, body: this.shape(file) } : error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
    if (action === 'content') {
      if (method === 'GET') return { status: 200, body: JSON.parse(file.content) as unknown, headers: { etag: this.etag(file) } };
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
