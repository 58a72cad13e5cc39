/**
 * The fake Graph's SharePoint lists: the root site of a Microsoft 365 group, lists in it, their
 * items with `fields`, paging, ETags and delta, as the pages say:
 * - `GET /groups/{group-id}/sites/root` (https://learn.microsoft.com/graph/api/site-get): the group's team site.
 * - `GET /sites/{site-id}/lists/{list-id or title}` (https://learn.microsoft.com/graph/api/list-get); 404 itemNotFound.
 * - `POST /sites/{site-id}/lists` (https://learn.microsoft.com/graph/api/list-create): `displayName`,
 *   `columns` (text, with `allowMultipleLines`; `indexed`), `list.template` genericList (which adds
 *   Title); 201 with the list. The page is silent on a name taken: the fake answers 409 nameAlreadyExists.
 * - `GET …/items?$expand=fields` (https://learn.microsoft.com/graph/api/listitem-list): pages with
 *   `@odata.nextLink`. The page names neither a default page size nor a maximum $top: the fake pages
 *   by {@link DEFAULT_ITEMS_PAGE} (what SharePoint's REST API answers without $top) and refuses $top
 *   over {@link MAX_ITEMS_TOP} (SharePoint's list view threshold), the stricter reading. `$filter` only on
 *   an indexed column (`fields/{Column} eq '…'`): "Filtering works best on indexed columns"; a
 *   non-indexed one needs `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`, which the fake refuses.
 * - `POST …/items` with `{ fields }` (https://learn.microsoft.com/graph/api/listitem-create): 201;
 *   a field that is not a column of the list is refused (400); single-line text holds 255 characters.
 * - `PATCH …/items/{id}/fields` (https://learn.microsoft.com/graph/api/listitem-update): `If-Match`
 *   with a stale eTag answers 412 and changes nothing; 200 with the fieldValueSet (and its `@odata.etag`).
 * - `DELETE …/items/{id}` (https://learn.microsoft.com/graph/api/listitem-delete): 204; `If-Match` as for update.
 * - `GET …/items/delta` (https://learn.microsoft.com/graph/api/listitem-delta): every item at first,
 *   then only what changed since the `token` of the deltaLink, the latest state once; a deleted item as
 *   `{ id, deleted: { state: 'deleted' } }` (the page's example); `token=latest` answers no items and a deltaLink.
 * - `createdBy`/`lastModifiedBy` are set by the service to the signed-in user (`user.id` is the Entra
 *   object id, as the pages' examples show); the body cannot set them.
 *
 * Permissions: the app uses delegated `Sites.Selected`, which works only where the app was granted a
 * role on the site (`POST /sites/{id}/permissions`, https://learn.microsoft.com/graph/permissions-selected-overview);
 * delegated access is the intersection of the app's role and the user's own. The fake models the
 * grant per site (read < write < manage < fullcontrol; creating lists needs manage, "Manage Lists"),
 * accepts the tenant-wide `Sites.*.All` scopes as their tables list them, and lets only the group's
 * members create lists (the site's owners and members); everyone in the tenant may read and write
 * items, as after the README's setup step. Anything else: 403 accessDenied.
 */
import type { Answer } from './fake-calendar';
import type { DemoUser } from './demo-tenant';
import { decodeToken, encodeToken } from './fake-tokens';

/** A role the admin granted the app on a site (https://learn.microsoft.com/graph/api/site-post-permissions). */
export type SiteRole = 'read' | 'write' | 'manage' | 'fullcontrol';

/** Items per page without $top (docs silent: SharePoint REST's default, the stricter choice). */
export const DEFAULT_ITEMS_PAGE = 100;
/** The largest $top the fake accepts (docs silent: SharePoint's list view threshold). */
export const MAX_ITEMS_TOP = 5000;
/** Single line of text holds at most 255 characters (https://learn.microsoft.com/graph/api/resources/textcolumn). */
const SINGLE_LINE_MAX = 255;
const ROLE_RANK: Record<SiteRole, number> = { read: 1, write: 2, manage: 3, fullcontrol: 4 };

interface Column {
  readonly name: string;
  readonly kind: 'text' | 'number';
  readonly multiLine: boolean;
  readonly indexed: boolean;
}

interface StoredItem {
  readonly id: string;
  readonly guid: string;
  fields: Record<string, unknown>;
  readonly createdBy: string;
  lastModifiedBy: string;
  readonly createdDateTime: string;
  lastModifiedDateTime: string;
  version: number;
}

interface StoredList {
  readonly id: string;
  readonly displayName: string;
  readonly columns: Column[];
  readonly items: Map<string, StoredItem>;
  nextId: number;
  /** The list's change counter; each change records it for delta. */
  version: number;
  readonly changes: { version: number; id: string }[];
  /** Delta tokens older than this can no longer be answered (their changes were forgotten): 410 Gone. */
  forgottenBefore?: number;
  readonly createdBy: string;
  readonly createdDateTime: string;
}

interface StoredSite {
  readonly id: string;
  readonly groupId: string;
  readonly lists: Map<string, StoredList>;
}

/** What the fake lists need from the fake Graph. */
export interface ListsContext {
  readonly user: (id: string) => DemoUser | undefined;
  /** Members of a group (its site's owners and members), or undefined for no such group. */
  readonly groupMembers: (groupId: string) => ReadonlySet<string> | undefined;
  /** The role the app was granted on a group's site (Sites.Selected), if any. */
  readonly siteGrant: (groupId: string) => SiteRole | undefined;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly onChange?: () => void;
}

/** How many changes a list's log keeps for delta before it forgets the older half. */
const CHANGE_LOG = 20_000;

type ErrorAnswer = (status: number, code: string, message: string) => Answer;
type Auth = { oid: string; scopes: Set<string> };

/** What the lists hold, as JSON (no Maps), to carry between the demo's frames through local storage. */
export type ListsState = readonly { readonly id: string; readonly groupId: string; readonly lists: readonly (Omit<StoredList, 'items'> & { readonly items: readonly StoredItem[] })[] }[];

/** A column as the fake keeps it (for seeding lists). */
export type { Column as FakeListColumn };

export class FakeLists {
  private readonly sites = new Map<string, StoredSite>();

  constructor(private readonly context: ListsContext) {}

  snapshot(): ListsState {
    return structuredClone(
      [...this.sites.values()].map((site) => ({ id: site.id, groupId: site.groupId, lists: [...site.lists.values()].map((list) => ({ ...list, items: [...list.items.values()] })) })),
    );
  }

  restore(state: ListsState): void {
    this.sites.clear();
    for (const site of JSON.parse(JSON.stringify(state)) as ListsState) {
      const lists = new Map<string, StoredList>(
        site.lists.map((list) => [list.id, { ...list, columns: [...list.columns], changes: [...list.changes], items: new Map(list.items.map((item) => [item.id, { ...item }])) }]),
      );
      this.sites.set(site.id, { id: site.id, groupId: site.groupId, lists });
    }
  }

  /** Adds an item as `author` would through the app (for seeding the demo); creates nothing else. */
  seedItem(groupId: string, listName: string, author: string, fields: Record<string, unknown>): void {
    const list = [...this.site(groupId).lists.values()].find((l) => l.displayName.toLowerCase() === listName.toLowerCase());
    if (!list) throw new Error(`No list ${listName} on the site of group ${groupId}`);
    this.addItem(list, author, fields);
  }

  /** Creates a list as `author` would (for seeding the demo). */
  seedList(groupId: string, author: string, displayName: string, columns: readonly Column[]): void {
    const site = this.site(groupId);
    const id = this.context.newId();
    site.lists.set(id, {
      id,
      displayName,
      columns: [...columns],
      items: new Map(),
      nextId: 1,
      version: 0,
      changes: [],
      createdBy: author,
      createdDateTime: this.context.now().toISOString(),
    });
  }

  handle(method: string, path: string, url: URL, headers: Record<string, string>, body: string | undefined, auth: Auth, error: ErrorAnswer): Answer | undefined {
    const root = /^\/groups\/([^/]+)\/sites\/root$/.exec(path);
    const lists = /^\/sites\/([^/]+)\/lists(?:\/([^/]+)(?:\/items(?:\/(delta|[^/]+)(\/fields)?)?)?)?$/.exec(path);
    if (!root && !lists) return undefined;
    const denied = () => error(403, 'accessDenied', 'Access denied');
    if (root) {
      const groupId = decodeURIComponent(root[1]!);
      if (!this.context.groupMembers(groupId)) return error(404, 'itemNotFound', 'The requested site was not found.');
      if (!this.allowed(auth, groupId, 'read')) return denied();
      if (method !== 'GET') return error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
      const site = this.site(groupId);
      return { status: 200, body: { id: site.id, name: groupId, displayName: 'Programme owners', webUrl: `https://contoso.sharepoint.com/sites/${groupId}`, root: {} } };
    }
    const site = this.sites.get(decodeURIComponent(lists![1]!));
    if (!site) return error(404, 'itemNotFound', 'The requested site was not found.');
    const [, , listKey, itemKey, fieldsPart] = lists!;
    if (!listKey) {
      if (method !== 'POST') return error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
      if (!this.allowed(auth, site.groupId, 'manage') || !this.context.groupMembers(site.groupId)?.has(auth.oid)) return denied();
      return this.createList(site, auth.oid, body, error);
    }
    const key = decodeURIComponent(listKey).toLowerCase();
    const list = [...site.lists.values()].find((l) => l.id === key || l.displayName.toLowerCase() === key);
    if (!this.allowed(auth, site.groupId, method === 'GET' ? 'read' : 'write')) return denied();
    if (!list) return error(404, 'itemNotFound', 'The specified list was not found.');
    if (!itemKey && !path.endsWith('/items')) {
      if (method !== 'GET') return error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
      const refused = [...url.searchParams.keys()][0];
      if (refused) return error(400, 'invalidRequest', `The query option '${refused}' is not supported here.`);
      return { status: 200, body: this.listBody(list) };
    }
    if (!itemKey) {
      if (method === 'GET') return this.page(site, list, url, error);
      if (method === 'POST') {
        const read = this.readFields(list, body, error);
        if ('status' in read) return read;
        const item = this.addItem(list, auth.oid, read.fields);
        return { status: 201, body: this.itemBody(site, list, item, true) };
      }
      return error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
    }
    if (itemKey === 'delta') return method === 'GET' ? this.delta(site, list, url, error) : error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
    const item = list.items.get(decodeURIComponent(itemKey));
    if (!item) return error(404, 'itemNotFound', 'The specified item was not found.');
    const ifMatch = headers['if-match'];
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== this.etag(item)) {
      return error(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch');
    }
    if (fieldsPart && method === 'PATCH') {
      const read = this.readFields(list, body, error);
      if ('status' in read) return read;
      item.fields = { ...item.fields, ...read.fields };
      this.touch(list, item, auth.oid);
      return { status: 200, body: this.fieldsBody(item) };
    }
    if (!fieldsPart && method === 'DELETE') {
      list.items.delete(item.id);
      this.recordChange(list, item.id);
      this.context.onChange?.();
      return { status: 204 };
    }
    if (!fieldsPart && method === 'GET') return { status: 200, body: this.itemBody(site, list, item, url.searchParams.get('$expand') === 'fields') };
    return error(405, 'invalidRequest', `The method ${method} is not allowed here.`);
  }

  private site(groupId: string): StoredSite {
    const id = `contoso.sharepoint.com,${groupId},${groupId}`;
    let site = this.sites.get(id);
    if (!site) {
      site = { id, groupId, lists: new Map() };
      this.sites.set(id, site);
    }
    return site;
  }

  /** Whether the token may do this on the group's site: a tenant-wide scope, or Sites.Selected with a granted role. */
  private allowed(auth: Auth, groupId: string, needed: 'read' | 'write' | 'manage'): boolean {
    const has = (scope: string) => auth.scopes.has(scope);
    if (has('Sites.FullControl.All') || has('Sites.Manage.All')) return true;
    if (needed !== 'manage' && has('Sites.ReadWrite.All')) return true;
    if (needed === 'read' && has('Sites.Read.All')) return true;
    const grant = this.context.siteGrant(groupId);
    return has('Sites.Selected') && grant !== undefined && ROLE_RANK[grant] >= ROLE_RANK[needed];
  }

  private createList(site: StoredSite, author: string, body: string | undefined, error: ErrorAnswer): Answer {
    const parsed = parseObject(body);
    const displayName = parsed?.displayName;
    if (typeof displayName !== 'string' || !displayName.trim()) return error(400, 'invalidRequest', 'A list needs a displayName.');
    const template = (parsed!.list as { template?: unknown } | undefined)?.template ?? 'genericList';
    if (template !== 'genericList') return error(400, 'invalidRequest', `The fake lists know only the genericList template, not '${String(template)}'.`);
    if ([...site.lists.values()].some((l) => l.displayName.toLowerCase() === displayName.toLowerCase())) return error(409, 'nameAlreadyExists', 'A list with this name already exists.');
    const columns: Column[] = [];
    for (const raw of (parsed!.columns as unknown[] | undefined) ?? []) {
      const column = raw as { name?: unknown; text?: { allowMultipleLines?: unknown } | null; number?: unknown; indexed?: unknown };
      const text = typeof column.text === 'object' && column.text !== null;
      const number = typeof column.number === 'object' && column.number !== null;
      if (typeof column.name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(column.name) || text === number) {
        return error(400, 'invalidRequest', 'Each column needs a name and one definition: text or number (the kinds the fake knows).');
      }
      columns.push({ name: column.name, kind: text ? 'text' : 'number', multiLine: text && column.text!.allowMultipleLines === true, indexed: column.indexed === true });
    }
    this.seedList(site.groupId, author, displayName, columns);
    const list = [...site.lists.values()].find((l) => l.displayName === displayName)!;
    this.context.onChange?.();
    return { status: 201, body: this.listBody(list) };
  }

  private readFields(list: StoredList, body: string | undefined, error: ErrorAnswer): { fields: Record<string, unknown> } | Answer {
    const parsed = parseObject(body);
    const fields = (parsed && 'fields' in parsed ? parsed.fields : parsed) as Record<string, unknown> | undefined;
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return error(400, 'invalidRequest', 'The request needs the fields to set.');
    for (const [name, value] of Object.entries(fields)) {
      const column: Column | undefined = name === 'Title' ? { name, kind: 'text', multiLine: false, indexed: false } : list.columns.find((c) => c.name === name);
      if (!column) return error(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (value !== null && typeof value !== (column.kind === 'text' ? 'string' : 'number')) return error(400, 'invalidRequest', `Field '${name}' takes a ${column.kind}.`);
      if (!column.multiLine && typeof value === 'string' && value.length > SINGLE_LINE_MAX)
        return error(400, 'invalidRequest', `Field '${name}' holds at most ${SINGLE_LINE_MAX} characters.`);
    }
    return { fields };
  }

  private addItem(list: StoredList, author: string, fields: Record<string, unknown>): StoredItem {
    const now = this.context.now().toISOString();
    const item: StoredItem = {
      id: String(list.nextId++),
      guid: this.context.newId(),
      fields: { ...fields },
      createdBy: author,
      lastModifiedBy: author,
      createdDateTime: now,
      lastModifiedDateTime: now,
      version: 1,
    };
    list.items.set(item.id, item);
    this.recordChange(list, item.id);
    this.context.onChange?.();
    return item;
  }

  /**
   * Records a change for delta. The log keeps the last {@link CHANGE_LOG} changes, as a service keeps
   * changes for a while only; a token from before the oldest kept is then answered 410 Gone.
   */
  private recordChange(list: StoredList, id: string): void {
    list.changes.push({ version: ++list.version, id });
    if (list.changes.length > CHANGE_LOG) list.forgottenBefore = list.changes.splice(0, list.changes.length - CHANGE_LOG / 2).at(-1)!.version;
  }

  /** Forgets every change so far, as after a long time: older delta tokens are answered 410 Gone (for tests). */
  forgetChanges(groupId: string, listName: string): void {
    const list = [...this.site(groupId).lists.values()].find((l) => l.displayName.toLowerCase() === listName.toLowerCase());
    if (!list) throw new Error(`No list ${listName} on the site of group ${groupId}`);
    list.changes.splice(0);
    list.forgottenBefore = list.version;
  }

  private touch(list: StoredList, item: StoredItem, by: string): void {
    item.version++;
    item.lastModifiedBy = by;
    item.lastModifiedDateTime = this.context.now().toISOString();
    this.recordChange(list, item.id);
    this.context.onChange?.();
  }

  private etag(item: StoredItem): string {
    return `"${item.guid},${item.version}"`;
  }

  private identity(id: string) {
    return { user: { id, displayName: this.context.user(id)?.displayName ?? '' } };
  }

  private listBody(list: StoredList) {
    return {
      id: list.id,
      name: list.displayName.replace(/\s+/g, ''),
      displayName: list.displayName,
      createdDateTime: list.createdDateTime,
      createdBy: this.identity(list.createdBy),
      list: { template: 'genericList', hidden: false, contentTypesEnabled: false },
    };
  }

  private fieldsBody(item: StoredItem) {
    return { '@odata.etag': this.etag(item), id: item.id, ...item.fields };
  }

  private itemBody(site: StoredSite, list: StoredList, item: StoredItem, withFields: boolean) {
    return {
      '@odata.etag': this.etag(item),
      id: item.id,
      eTag: this.etag(item),
      createdDateTime: item.createdDateTime,
      lastModifiedDateTime: item.lastModifiedDateTime,
      createdBy: this.identity(item.createdBy),
      lastModifiedBy: this.identity(item.lastModifiedBy),
      parentReference: { id: list.id, siteId: site.id },
      webUrl: `https://contoso.sharepoint.com/sites/${site.groupId}/Lists/${list.displayName.replace(/\s+/g, '')}/DispForm.aspx?ID=${item.id}`,
      ...(withFields ? { fields: this.fieldsBody(item) } : {}),
    };
  }

  /** Query options shared by the items page and delta: $expand=fields only, $top within the maximum. */
  private readTop(url: URL, allowed: readonly string[], error: ErrorAnswer): number | Answer {
    const refused = [...url.searchParams.keys()].find((k) => !allowed.includes(k));
    if (refused) return error(400, 'invalidRequest', `The query option '${refused}' is not supported here.`);
    const expand = url.searchParams.get('$expand');
    if (expand !== null && expand !== 'fields') return error(400, 'invalidRequest', `The fake lists expand only 'fields', not '${expand}'.`);
    const topText = url.searchParams.get('$top');
    if (topText === null) return DEFAULT_ITEMS_PAGE;
    const top = Number(topText);
    if (!Number.isInteger(top) || top < 1 || top > MAX_ITEMS_TOP) return error(400, 'invalidRequest', `Invalid page size '${topText}': 1 to ${MAX_ITEMS_TOP}.`);
    return top;
  }

  private page(site: StoredSite, list: StoredList, url: URL, error: ErrorAnswer): Answer {
    const top = this.readTop(url, ['$expand', '$top', '$filter', '$skiptoken'], error);
    if (typeof top !== 'number') return top;
    let items = [...list.items.values()];
    const filter = url.searchParams.get('$filter');
    if (filter !== null) {
      const m = /^fields\/([A-Za-z][A-Za-z0-9_]*)\s+eq\s+'((?:[^']|'')*)'$/.exec(filter.trim());
      if (!m) return error(400, 'invalidRequest', `The fake lists filter only by fields/{Column} eq '…', not '${filter}'.`);
      const column = list.columns.find((c) => c.name === m[1]);
      if (!column) return error(400, 'invalidRequest', `Field '${m[1]}' is not recognized`);
      if (!column.indexed) {
        return error(400, 'invalidRequest', `Field '${m[1]}' cannot be referenced in filter or orderby as it is not indexed. `);
      }
      const value = m[2]!.replace(/''/g, "'");
      items = items.filter((i) => i.fields[m[1]!] === value);
    }
    const offset = readOffset(url.searchParams.get('$skiptoken'));
    if (offset === undefined) return error(400, 'invalidRequest', 'The skip token is not valid.');
    const page = items.slice(offset, offset + top);
    const next = offset + top < items.length ? withParam(url, '$skiptoken', encodeToken({ o: offset + top })) : undefined;
    const withFields = url.searchParams.get('$expand') === 'fields';
    return { status: 200, body: { value: page.map((i) => this.itemBody(site, list, i, withFields)), ...(next ? { '@odata.nextLink': next } : {}) } };
  }

  private delta(site: StoredSite, list: StoredList, url: URL, error: ErrorAnswer): Answer {
    const top = this.readTop(url, ['$expand', '$top', 'token'], error);
    if (typeof top !== 'number') return top;
    const token = url.searchParams.get('token');
    const base = `${url.origin}${url.pathname}`;
    const deltaLink = (version: number) => {
      const link = new URL(base);
      for (const [k, v] of url.searchParams) if (k !== 'token') link.searchParams.set(k, v);
      link.searchParams.set('token', encodeToken({ v: version }));
      return link.toString();
    };
    if (token === 'latest') return { status: 200, body: { value: [], '@odata.deltaLink': deltaLink(list.version) } };
    const state = token === null ? { v: 0, o: 0, at: list.version } : decodeToken(token);
    if (!state || typeof state.v !== 'number') return error(400, 'invalidRequest', 'The delta token is not valid.');
    // A round starts at the version it was asked at; its pages carry that in their nextLinks.
    const at = typeof state.at === 'number' ? state.at : list.version;
    const offset = typeof state.o === 'number' ? state.o : 0;
    const since = state.v;
    // The page: "410 Gone … and a Location header that contains a new nextLink that starts a fresh delta
    // enumeration", when the changes since a token can no longer be given (they were forgotten here).
    if (since > 0 && since < (list.forgottenBefore ?? 0)) {
      const fresh = new URL(base);
      for (const [k, v] of url.searchParams) if (k !== 'token') fresh.searchParams.set(k, v);
      return { ...error(410, 'resyncChangesApplyDifferences', 'The changes since this token can no longer be given: enumerate the list again.'), headers: { Location: fresh.toString() } };
    }
    const ids = since === 0 ? [...list.items.keys()] : [...new Set(list.changes.filter((c) => c.version > since && c.version <= at).map((c) => c.id))];
    const page = ids.slice(offset, offset + top);
    const more = offset + top < ids.length;
    const withFields = url.searchParams.get('$expand') === 'fields';
    const value = page.map((id) => {
      const item = list.items.get(id);
      return item ? this.itemBody(site, list, item, withFields) : { id, parentReference: { siteId: site.id }, deleted: { state: 'deleted' } };
    });
    return {
      status: 200,
      body: { value, ...(more ? { '@odata.nextLink': withParam(url, 'token', encodeToken({ v: since, o: offset + top, at })) } : { '@odata.deltaLink': deltaLink(at) }) },
    };
  }
}

function parseObject(body: string | undefined): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(body ?? '') as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readOffset(token: string | null): number | undefined {
  if (token === null) return 0;
  const state = decodeToken(token);
  return typeof state?.o === 'number' ? state.o : undefined;
}

function withParam(url: URL, name: string, value: string): string {
  const next = new URL(url);
  next.searchParams.set(name, value);
  return next.toString();
}
