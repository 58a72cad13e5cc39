/**
 * The fake OneDrive pinned to Graph's pages: each describe names the operation and its page, and
 * the cases are the pages' examples, status codes and errors. Where a page is silent the fake is
 * the stricter, and the case says so.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { GraphClient } from '@/services/graph/graph-client';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '../demo-tenant';
import { DOWNLOAD_URL_LIFETIME_MS, FAKE_DOWNLOAD_ORIGIN, PROVISIONING_MS } from '../fake-drive';
import { FakeGraph, GRAPH_ROOT } from '../fake-graph';
import { GRAPH_OPERATIONS } from '../graph-catalogue';
import { describeOperation } from './support';

const users = generateDemoTenant({ size: 50 });
const [margaret, diego] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const FILE_SCOPES = ['Files.ReadWrite.All'];

/** A tenant with a clock the test moves, and Graph requests as a person with a token. */
function tenant(options: { notProvisioned?: string[] } = {}) {
  let now = new Date('2026-11-23T09:00:00Z').getTime();
  const graph = new FakeGraph({ users, now: () => new Date(now), faults: { drivesNotProvisioned: options.notProvisioned ?? [] } });
  const call = async (who: (typeof DEMO_PEOPLE)[number], method: string, path: string, init: { body?: string; headers?: Record<string, string>; redirect?: RequestRedirect } = {}) => {
    const token = await createDemoIdentity(who).getAccessToken(FILE_SCOPES);
    const pathOnly = path.split('?')[0]!;
    // Every request here is one the catalogue knows.
    expect(
      GRAPH_OPERATIONS.some((op) => op.method === method && op.path.test(pathOnly)),
      `${method} ${pathOnly} is in the catalogue`,
    ).toBe(true);
    return graph.fetch(`${GRAPH_ROOT}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.redirect ? { redirect: init.redirect } : {}),
    });
  };
  return { graph, call, advance: (ms: number) => (now += ms) };
}

/** Margaret's workspace-like file, shared with Diego (write). */
async function sharedFile(t: ReturnType<typeof tenant>) {
  const created = await t.call(margaret, 'PUT', '/me/drive/root:/Reverse%20mentoring/pair.json:/content?@microsoft.graph.conflictBehavior=fail', {
    body: JSON.stringify({ hello: 'world' }),
    headers: { 'content-type': 'application/json' },
  });
  const item = (await created.json()) as { id: string; eTag: string; parentReference: { driveId: string } };
  const file = t.graph.drives.snapshot().find((f) => f.id === item.id)!;
  file.permissions.push({ id: 'p1', userId: diego.id, roles: ['write'] });
  return { item, itemPath: `/drives/${encodeURIComponent(item.parentReference.driveId)}/items/${item.id}` };
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; innerError: Record<string, string> } }).error;

describeOperation('get driveItem (with its download URL)', () => {
  it('returns the id and download URL the page’s example selects (?select=id,@microsoft.graph.downloadUrl), and nothing else', async () => {
    const t = tenant();
    const { itemPath, item } = await sharedFile(t);
    const response = await t.call(diego, 'GET', `${itemPath}?$select=id,@microsoft.graph.downloadUrl`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['@microsoft.graph.downloadUrl', 'id']);
    expect(body.id).toBe(item.id);
    const url = new URL(body['@microsoft.graph.downloadUrl']!);
    expect(url.origin).toBe(FAKE_DOWNLOAD_ORIGIN);
    expect(url.searchParams.get('tempauth')).toBeTruthy();
  });

  it('returns the download URL and eTag without $select, and only selected properties with it', async () => {
    const t = tenant();
    const { itemPath, item } = await sharedFile(t);
    const all = (await (await t.call(diego, 'GET', itemPath)).json()) as Record<string, unknown>;
    expect(all).toMatchObject({ id: item.id, eTag: item.eTag, '@microsoft.graph.downloadUrl': expect.stringMatching(/^https:\/\//) as unknown });
    const some = (await (await t.call(diego, 'GET', `${itemPath}?$select=id,eTag`)).json()) as Record<string, unknown>;
    expect(some).toEqual({ id: item.id, eTag: item.eTag });
  });

  it('refuses a $select naming no driveItem property (400, Graph’s error shape)', async () => {
    const t = tenant();
    const { itemPath } = await sharedFile(t);
    const response = await t.call(diego, 'GET', `${itemPath}?$select=id,downloadUrl`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalidRequest');
  });

  it('hides another person’s file that is not shared with you (404 itemNotFound)', async () => {
    const t = tenant();
    const { itemPath } = await sharedFile(t);
    t.graph.drives.snapshot()[0]!.permissions = [];
    const response = await t.call(diego, 'GET', itemPath);
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('itemNotFound');
  });
});

describeOperation('download driveItem content (302 to the download URL)', () => {
  it('answers 302 Found with a Location on another host: the pre-authenticated download URL', async () => {
    const t = tenant();
    const { itemPath } = await sharedFile(t);
    const response = await t.call(diego, 'GET', `${itemPath}/content`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).not.toBe(new URL(GRAPH_ROOT).origin);
    expect(location.origin).toBe(FAKE_DOWNLOAD_ORIGIN);
    expect(location.searchParams.get('tempauth')).toBeTruthy();
  });

  it('fails as a browser fails when the redirect is followed with the token (CORS: "you can’t use the /content API")', async () => {
    const t = tenant();
    const { itemPath } = await sharedFile(t);
    await expect(t.call(diego, 'GET', `${itemPath}/content`)).rejects.toThrow(TypeError);
    await expect(t.call(diego, 'GET', `${itemPath}/content`)).rejects.toThrow(/Failed to fetch/);
  });

  it('serves the file at the download URL to a request without Authorization', async () => {
    const t = tenant();
    const { itemPath } = await sharedFile(t);
    const { '@microsoft.graph.downloadUrl': url } = (await (await t.call(diego, 'GET', `${itemPath}?$select=id,@microsoft.graph.downloadUrl`)).json()) as Record<string, string>;
    const response = await t.graph.fetch(url!);
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text())).toEqual({ hello: 'world' });
  });

  it('refuses the download URL to a request carrying an Authorization header, as CORS does (TypeError "Failed to fetch")', async () => {
    const t = tenant();
    const { itemPath } = await sharedFile(t);
    const { '@microsoft.graph.downloadUrl': url } = (await (await t.call(diego, 'GET', itemPath)).json()) as Record<string, string>;
    const token = await createDemoIdentity(diego).getAccessToken(FILE_SCOPES);
    await expect(t.graph.fetch(url!, { headers: { Authorization: `Bearer ${token}` } })).rejects.toThrow(/Failed to fetch/);
  });

  it('refuses unknown tempauth tokens, and URLs past their short life (the stricter of "a few minutes" and "1 hour")', async () => {
    const t = tenant();
    const { itemPath } = await sharedFile(t);
    const { '@microsoft.graph.downloadUrl': url } = (await (await t.call(diego, 'GET', itemPath)).json()) as Record<string, string>;
    const forged = new URL(url!);
    forged.searchParams.set('tempauth', 'v1.made-up');
    expect((await t.graph.fetch(forged.toString())).status).toBe(401);
    t.advance(DOWNLOAD_URL_LIFETIME_MS);
    expect((await t.graph.fetch(url!)).status).toBe(401);
  });
});

describeOperation('upload a new file by path (conflictBehavior=fail)', () => {
  it('creates a new file by path (201 with the driveItem), and with conflictBehavior=fail refuses the same name (409 nameAlreadyExists)', async () => {
    const t = tenant();
    const path = '/me/drive/root:/FolderA/FileB.json:/content?@microsoft.graph.conflictBehavior=fail';
    const created = await t.call(margaret, 'PUT', path, { body: '{"a":1}' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: 'FileB.json', size: 7, file: {} });
    const again = await t.call(margaret, 'PUT', path, { body: '{"a":2}' });
    expect(again.status).toBe(409);
    const error = await errorOf(again);
    expect(error.code).toBe('nameAlreadyExists');
    expect(error.innerError['request-id']).toBeTruthy();
  });
});

describeOperation('get driveItem by path', () => {
  it('finds a file by its path (the page’s /root:/{path} form), and answers 404 itemNotFound for a path with no file', async () => {
    const t = tenant();
    await t.call(margaret, 'PUT', '/me/drive/root:/FolderA/FileB.json:/content?@microsoft.graph.conflictBehavior=fail', { body: '{"a":1}' });
    const found = await t.call(margaret, 'GET', '/me/drive/root:/FolderA/FileB.json');
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ name: 'FileB.json' });
    const missing = await t.call(margaret, 'GET', '/me/drive/root:/FolderA/Nothing.json');
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('itemNotFound');
  });
});

describeOperation('replace driveItem content (If-Match)', () => {
  it('replaces content with the current eTag in If-Match (200, new eTag) and refuses a stale one (412)', async () => {
    const t = tenant();
    const { itemPath, item } = await sharedFile(t);
    const saved = await t.call(diego, 'PUT', `${itemPath}/content`, { body: '{"v":2}', headers: { 'if-match': item.eTag } });
    expect(saved.status).toBe(200);
    const newer = (await saved.json()) as { eTag: string };
    expect(newer.eTag).not.toBe(item.eTag);
    const stale = await t.call(margaret, 'PUT', `${itemPath}/content`, { body: '{"v":3}', headers: { 'if-match': item.eTag } });
    expect(stale.status).toBe(412);
    expect((await errorOf(stale)).code).toBe('resourceModified');
  });
});

describeOperation("get the signed-in user's drive (provisions a OneDrive never opened)", () => {
  it('returns the signed-in user’s OneDrive', async () => {
    const t = tenant();
    const response = await t.call(margaret, 'GET', '/me/drive');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: `b!${margaret.id}`, driveType: 'business' });
  });

  it('for a OneDrive never opened: 404 until provisioned, which GET /me/drive starts (docs silent on timing: not instant)', async () => {
    const t = tenant({ notProvisioned: [margaret.id] });
    const upload = () => t.call(margaret, 'PUT', '/me/drive/root:/Reverse%20mentoring/pair.json:/content?@microsoft.graph.conflictBehavior=fail', { body: '{}' });
    const first = await upload();
    expect(first.status).toBe(404);
    expect(await errorOf(first)).toMatchObject({ code: 'ResourceNotFound', message: "User's mysite not found." });
    expect((await t.call(margaret, 'GET', '/me/drive')).status).toBe(404);
    t.advance(PROVISIONING_MS - 1);
    expect((await upload()).status).toBe(404);
    t.advance(1);
    expect((await upload()).status).toBe(201);
    expect((await t.call(margaret, 'GET', '/me/drive')).status).toBe(200);
  });

  it('never provisions without GET /me/drive or opening OneDrive', async () => {
    const t = tenant({ notProvisioned: [margaret.id] });
    t.advance(10 * PROVISIONING_MS);
    expect((await t.call(margaret, 'PUT', '/me/drive/root:/x.json:/content', { body: '{}' })).status).toBe(404);
    t.graph.drives.provision(margaret.id);
    expect((await t.call(margaret, 'PUT', '/me/drive/root:/x.json:/content', { body: '{}' })).status).toBe(201);
  });
});

describe('the app’s download of a file (GraphClient.download)', () => {
  it('never sends the token or cookies to the download host', async () => {
    const t = tenant();
    const { itemPath } = await sharedFile(t);
    const seen: Request[] = [];
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return t.graph.fetch(input, init);
    });
    const client = new GraphClient({ identity: createDemoIdentity(diego), fetch, sleep: () => Promise.resolve() });
    const item = await client.get<Record<string, string>>(`${itemPath}?$select=id,@microsoft.graph.downloadUrl`, FILE_SCOPES);
    expect(JSON.parse(await client.download(item['@microsoft.graph.downloadUrl']!))).toEqual({ hello: 'world' });
    const download = seen.find((r) => r.url.startsWith(FAKE_DOWNLOAD_ORIGIN))!;
    expect(download.headers.get('authorization')).toBeNull();
    expect(download.credentials).toBe('omit');
  });

  it('refuses a download URL that is not https on a SharePoint host, without fetching it', async () => {
    const fetch = vi.fn();
    const client = new GraphClient({ identity: createDemoIdentity(diego), fetch, sleep: () => Promise.resolve() });
    for (const url of ['https://evil.example/file', 'http://contoso-my.sharepoint.com/file', `${GRAPH_ROOT}/me`]) {
      await expect(client.download(url)).rejects.toMatchObject({ code: 'UntrustedDownloadHost' });
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('retries a download that fails on the network, with the injected sleep', async () => {
    const t = tenant();
    const { itemPath } = await sharedFile(t);
    let failures = 1;
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).startsWith(FAKE_DOWNLOAD_ORIGIN) && failures-- > 0) return Promise.reject(new TypeError('Failed to fetch'));
      return t.graph.fetch(input, init);
    };
    const slept: number[] = [];
    const client = new GraphClient({ identity: createDemoIdentity(diego), fetch, sleep: (ms) => (slept.push(ms), Promise.resolve()) });
    const item = await client.get<Record<string, string>>(itemPath, FILE_SCOPES);
    expect(JSON.parse(await client.download(item['@microsoft.graph.downloadUrl']!))).toEqual({ hello: 'world' });
    expect(slept).toHaveLength(1);
  });
});

/** A request as `who` with exactly these scopes (the app folder's answers depend on them). */
async function callWith(t: ReturnType<typeof tenant>, who: (typeof DEMO_PEOPLE)[number], scopes: string[], method: string, path: string, body?: string) {
  const token = await createDemoIdentity(who).getAccessToken(scopes);
  return t.graph.fetch(`${GRAPH_ROOT}${path}`, { method, headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { body }) });
}

const KEY_PATH = '/me/drive/special/approot:/pair-records-key.json:';

describeOperation('get a file in the app folder by path', () => {
  it('answers 404 itemNotFound before the file is written, then the driveItem (with its download URL) in Apps/{app name}, for its owner only', async () => {
    const t = tenant();
    const missing = await callWith(t, margaret, ['Files.ReadWrite'], 'GET', KEY_PATH);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('itemNotFound');
    expect((await callWith(t, margaret, ['Files.ReadWrite'], 'PUT', `${KEY_PATH}/content?@microsoft.graph.conflictBehavior=fail`, '{"k":1}')).status).toBe(201);
    const found = await callWith(t, margaret, ['Files.ReadWrite'], 'GET', `${KEY_PATH}?$select=id,eTag,@microsoft.graph.downloadUrl`);
    expect(found.status).toBe(200);
    const item = (await found.json()) as Record<string, string>;
    expect(item['@microsoft.graph.downloadUrl']).toMatch(new RegExp(`^${FAKE_DOWNLOAD_ORIGIN}/`));
    expect(await (await t.graph.fetch(item['@microsoft.graph.downloadUrl']!)).text()).toBe('{"k":1}');
    expect(t.graph.drives.snapshot().find((f) => f.id === item.id)?.path).toBe('Apps/Reverse mentoring/pair-records-key.json');
    // The same path for another person is their own app folder, where there is no such file.
    expect((await callWith(t, diego, ['Files.ReadWrite'], 'GET', KEY_PATH)).status).toBe(404);
  });

  it('answers 403 to a read-only scope while the folder does not exist yet (the page: "If you have read-only permissions and request a special folder that doesn\'t exist")', async () => {
    const t = tenant();
    const refused = await callWith(t, margaret, ['Files.Read'], 'GET', KEY_PATH);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('accessDenied');
  });

  it('answers 404 ResourceNotFound while the OneDrive was never opened (docs silent: as for any path in it)', async () => {
    const t = tenant({ notProvisioned: [margaret.id] });
    const response = await callWith(t, margaret, ['Files.ReadWrite'], 'GET', KEY_PATH);
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('ResourceNotFound');
  });
});

describeOperation('upload a new file to the app folder (conflictBehavior=fail)', () => {
  it('creates the file (201) and, with conflictBehavior=fail, refuses to replace it (409 nameAlreadyExists), so one key is kept', async () => {
    const t = tenant();
    const put = (body: string) => callWith(t, margaret, ['Files.ReadWrite'], 'PUT', `${KEY_PATH}/content?@microsoft.graph.conflictBehavior=fail`, body);
    const created = await put('{"k":1}');
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: 'pair-records-key.json', file: {} });
    const again = await put('{"k":2}');
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('nameAlreadyExists');
  });

  it('is refused without a scope that may write (403)', async () => {
    const t = tenant();
    const refused = await callWith(t, margaret, ['Files.Read'], 'PUT', `${KEY_PATH}/content?@microsoft.graph.conflictBehavior=fail`, '{}');
    expect(refused.status).toBe(403);
  });
});
