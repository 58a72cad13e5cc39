/**
 * The app folder (`/me/drive/special/approot`) pinned to Graph's pages: "Using app folders"
 * (https://learn.microsoft.com/graph/onedrive-sharepoint-appfolder), "Get special folder by name"
 * (https://learn.microsoft.com/graph/api/drive-get-specialfolder) and "Upload or replace the contents
 * of a driveItem" (https://learn.microsoft.com/graph/api/driveitem-put-content). Where a page is silent
 * the fake is the stricter, and the case says so.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoTenant } from '../demo-tenant';
import { FAKE_DOWNLOAD_ORIGIN } from '../fake-drive';
import { FakeGraph, GRAPH_ROOT } from '../fake-graph';
import { takeUnknownGraphRequests } from '../graph-catalogue';
import { describeOperation, expectGraphError, send } from './support';

const users = generateDemoTenant({ size: 30 });
const [priya, diego] = [DEMO_PEOPLE[3]!, DEMO_PEOPLE[1]!];
const WRITE = ['Files.ReadWrite'];
const FILE = '/me/drive/special/approot:/settings.json';

function tenant(options: { notProvisioned?: string[] } = {}) {
  return new FakeGraph({ users, now: () => new Date('2026-11-23T09:00:00Z'), faults: { drivesNotProvisioned: options.notProvisioned ?? [] } });
}
const upload = (graph: FakeGraph, as: string, body: unknown, query = '', headers: Record<string, string> = {}) =>
  send(graph, `${FILE}:/content${query}`, { as, scopes: WRITE, method: 'PUT', body, headers });

describeOperation('get a file in the app folder by path', () => {
  it('answers 404 itemNotFound for a file not there yet (the folder itself is created on first request)', async () => {
    const reply = await send(tenant(), FILE, { as: priya.id, scopes: WRITE });
    expectGraphError(reply, 404, 'itemNotFound');
  });

  it('refuses read-only scopes while the folder does not exist yet (403), as the page’s note says', async () => {
    const graph = tenant();
    expectGraphError(await send(graph, FILE, { as: priya.id, scopes: ['Files.Read'] }), 403, 'accessDenied');
    // Once the app created it (any request with a write scope), read-only scopes reach it.
    await send(graph, FILE, { as: priya.id, scopes: WRITE });
    expectGraphError(await send(graph, FILE, { as: priya.id, scopes: ['Files.Read'] }), 404, 'itemNotFound');
  });

  it('returns the driveItem with its download URL and eTag; the URL serves the file without a token', async () => {
    const graph = tenant();
    const created = await upload(graph, priya.id, { a: 1 });
    const reply = await send(graph, `${FILE}?$select=id,eTag,@microsoft.graph.downloadUrl`, { as: priya.id, scopes: WRITE });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body).sort()).toEqual(['@microsoft.graph.downloadUrl', 'eTag', 'id']);
    expect(reply.body.eTag).toBe(created.body.eTag);
    const url = reply.body['@microsoft.graph.downloadUrl'] as string;
    expect(new URL(url).origin).toBe(FAKE_DOWNLOAD_ORIGIN);
    expect(JSON.parse(await (await graph.fetch(url)).text())).toEqual({ a: 1 });
  });

  it('is each person’s own: another user’s request finds their own (empty) app folder, never Priya’s file', async () => {
    const graph = tenant();
    await upload(graph, priya.id, { a: 1 });
    expectGraphError(await send(graph, FILE, { as: diego.id, scopes: WRITE }), 404, 'itemNotFound');
  });

  it('lives in Apps/{app name} of the user’s drive, as the page says', async () => {
    const graph = tenant();
    await upload(graph, priya.id, { a: 1 });
    const reply = await send(graph, '/me/drive/root:/Apps/Reverse%20mentoring/settings.json', { as: priya.id, scopes: WRITE });
    expect(reply.status).toBe(200);
  });

  it('answers 404 "User\'s mysite not found." while the OneDrive was never opened', async () => {
    const reply = await send(tenant({ notProvisioned: [priya.id] }), FILE, { as: priya.id, scopes: WRITE });
    expectGraphError(reply, 404, 'ResourceNotFound');
  });

  it('redirects GET …:/content (302) to the download URL on another host, as for any file', async () => {
    const graph = tenant();
    await upload(graph, priya.id, { a: 1 });
    // Not an operation the app sends (it reads the download URL), so it is asked of the drive directly.
    const answer = graph.drives.handle('GET', `${FILE}:/content`, new URL(`${GRAPH_ROOT}${FILE}:/content`), {}, undefined, { oid: priya.id, scopes: new Set(WRITE) }, () => {
      throw new Error('no error expected');
    });
    expect(answer?.status).toBe(302);
    expect(new URL(answer!.headers!.location!).origin).toBe(FAKE_DOWNLOAD_ORIGIN);
  });
});

describeOperation('upload a file to the app folder by path (If-Match or conflictBehavior=fail)', () => {
  it('creates the file (201), then replaces it (200) with a new eTag', async () => {
    const graph = tenant();
    const created = await upload(graph, priya.id, { a: 1 }, '?@microsoft.graph.conflictBehavior=fail');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'settings.json', file: {} });
    const replaced = await upload(graph, priya.id, { a: 2 }, '', { 'If-Match': created.body.eTag as string });
    expect(replaced.status).toBe(200);
    expect(replaced.body.eTag).not.toBe(created.body.eTag);
  });

  it('with conflictBehavior=fail refuses a name already taken (409 nameAlreadyExists)', async () => {
    const graph = tenant();
    await upload(graph, priya.id, { a: 1 });
    expectGraphError(await upload(graph, priya.id, { a: 2 }, '?@microsoft.graph.conflictBehavior=fail'), 409, 'nameAlreadyExists');
  });

  it('with a stale If-Match refuses (412), and with If-Match on a file not there too', async () => {
    const graph = tenant();
    const first = await upload(graph, priya.id, { a: 1 });
    await upload(graph, priya.id, { a: 2 });
    expectGraphError(await upload(graph, priya.id, { a: 3 }, '', { 'If-Match': first.body.eTag as string }), 412, 'resourceModified');
    expectGraphError(await upload(tenant(), priya.id, { a: 3 }, '', { 'If-Match': first.body.eTag as string }), 412, 'resourceModified');
  });

  it('needs a scope that may write (403 with Files.Read)', async () => {
    const reply = await send(tenant(), `${FILE}:/content`, { as: priya.id, scopes: ['Files.Read'], method: 'PUT', body: { a: 1 } });
    expect(reply.status).toBe(403);
  });

  it('answers 404 while the OneDrive was never opened', async () => {
    expectGraphError(await upload(tenant({ notProvisioned: [priya.id] }), priya.id, { a: 1 }), 404, 'ResourceNotFound');
  });
});

describe('the app folder', () => {
  it('is named case-sensitively: only "approot" is the app folder (other spellings are not requests the app sends)', async () => {
    const reply = await send(tenant(), '/me/drive/special/AppRoot:/settings.json', { as: priya.id, scopes: WRITE });
    expect(reply.status).toBe(400);
    expect(takeUnknownGraphRequests()).toEqual([{ method: 'GET', path: '/me/drive/special/AppRoot:/settings.json' }]);
  });
});
