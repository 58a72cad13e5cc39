import { describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant, type DemoUser } from './demo-tenant';
import { FakeGraph, GRAPH_ROOT } from './fake-graph';

const users = generateDemoTenant({ size: 600 });
const margaret = DEMO_PEOPLE[0]!;
/** The signed-in person, read as the app reads people (get user, in the behaviour catalogue). */
const ME = `/users/${margaret.id}`;
const token = (scopes: string[]) => createDemoIdentity(margaret).getAccessToken(scopes);

async function call(graph: FakeGraph, path: string, init: { scopes?: string[]; headers?: Record<string, string>; method?: string; body?: unknown } = {}) {
  const response = await graph.fetch(path.startsWith('http') ? path : `${GRAPH_ROOT}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${await token(init.scopes ?? ['User.Read', 'User.Read.All'])}`, ...init.headers },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> & { value?: Record<string, unknown>[] } };
}

async function readAll(graph: FakeGraph, path: string, headers: Record<string, string> = {}) {
  const pages: Record<string, unknown>[][] = [];
  let next: string | undefined = path;
  while (next) {
    const { status, body } = await call(graph, next, { headers });
    expect(status).toBe(200);
    pages.push(body.value!);
    next = body['@odata.nextLink'] as string | undefined;
  }
  return pages;
}

const expectGraphError = (body: Record<string, unknown>, code: string) =>
  expect(body).toEqual({
    error: { code, message: expect.any(String), innerError: { date: expect.any(String), 'request-id': expect.any(String), 'client-request-id': expect.any(String) } },
  });

describe('the fake Graph', () => {
  it('answers a user by id, with the default properties', async () => {
    const { status, body } = await call(new FakeGraph({ users }), ME);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: margaret.id, displayName: margaret.displayName, jobTitle: 'Chief Financial Officer' });
    expect(body).not.toHaveProperty('department');
  });

  it('refuses a request without a valid token, in Graph’s error shape', async () => {
    const graph = new FakeGraph({ users });
    const response = await graph.fetch(`${GRAPH_ROOT}${ME}`);
    expect(response.status).toBe(401);
    expectGraphError((await response.json()) as Record<string, unknown>, 'InvalidAuthenticationToken');
  });

  it('refuses the directory without User.Read.All', async () => {
    const { status, body } = await call(new FakeGraph({ users }), '/users', { scopes: ['User.Read'] });
    expect(status).toBe(403);
    expectGraphError(body, 'Authorization_RequestDenied');
  });

  it('pages through every user exactly once, honouring $top and $select', async () => {
    const graph = new FakeGraph({ users });
    const pages = await readAll(graph, '/users?$top=250&$select=id,displayName,department');
    expect(pages.map((p) => p.length)).toEqual([250, 250, 100]);
    const ids = pages.flat().map((u) => u.id);
    expect(new Set(ids).size).toBe(users.length);
    expect(Object.keys(pages[0]![0]!).sort()).toEqual(['department', 'displayName', 'id']);
  });

  it('rejects $top above 999, and pages of at most 100 with $expand', async () => {
    const graph = new FakeGraph({ users });
    const tooMany = await call(graph, '/users?$top=1000');
    expect(tooMany.status).toBe(400);
    expect((tooMany.body.error as { message: string }).message).toMatch(/between 1 and 999/);
    const pages = await readAll(graph, '/users?$top=999&$select=id&$expand=manager($select=id)');
    expect(Math.max(...pages.map((p) => p.length))).toBe(100);
    const diego = pages.flat().find((u) => u.id === DEMO_PEOPLE[1]!.id)!;
    expect(diego.manager).toEqual({ '@odata.type': '#microsoft.graph.user', id: users.find((u) => u.id === diego.id)!.managerId });
    const ceo = pages.flat().find((u) => u.id === users[0]!.id)!;
    expect(ceo).not.toHaveProperty('manager');
  });

  it('filters with the default-supported operators', async () => {
    const graph = new FakeGraph({ users });
    const filter = "accountEnabled eq true and userType eq 'Member' and startswith(userPrincipalName,'a')";
    const found = (await readAll(graph, `/users?$select=id,userPrincipalName,accountEnabled,userType&$filter=${encodeURIComponent(filter)}`)).flat();
    const expected = users.filter((u) => u.accountEnabled && u.userType === 'Member' && u.userPrincipalName.startsWith('a'));
    expect(found.map((u) => u.id).sort()).toEqual(expected.map((u) => u.id).sort());
    expect(expected.length).toBeGreaterThan(0);
  });

  it('needs advanced query parameters for ne and $count, and refuses $expand in advanced queries', async () => {
    const graph = new FakeGraph({ users });
    const ne = encodeURIComponent('accountEnabled ne false');
    expect((await call(graph, `/users?$filter=${ne}`)).status).toBe(400);
    expect((await call(graph, '/users?$count=true')).status).toBe(400);
    const advanced = await call(graph, `/users?$filter=${ne}&$count=true&$top=1&$select=id`, { headers: { ConsistencyLevel: 'eventual' } });
    expect(advanced.status).toBe(200);
    expect(advanced.body['@odata.count']).toBe(users.filter((u) => u.accountEnabled).length);
    const expand = await call(graph, '/users?$count=true&$expand=manager', { headers: { ConsistencyLevel: 'eventual' } });
    expect(expand.status).toBe(400);
  });

  it('rejects unknown properties and filters as Graph does', async () => {
    const graph = new FakeGraph({ users });
    expect((await call(graph, '/users?$select=shoeSize')).status).toBe(400);
    expect((await call(graph, `/users?$filter=${encodeURIComponent("jobTitle eq 'CEO'")}`)).status).toBe(400);
    expect((await call(graph, '/users?$skiptoken=garbage')).status).toBe(400);
    expect((await call(graph, '/users/nobody')).status).toBe(404);
  });

  it('reports changes through delta links, with manager@delta', async () => {
    const graph = new FakeGraph({ users });
    const round = await readAll(graph, '/users/delta?$select=id,displayName,manager');
    expect(round.flat()).toHaveLength(users.length);
    const sample = round.flat().find((u) => u.id === DEMO_PEOPLE[1]!.id)!;
    expect(sample['manager@delta']).toEqual([{ '@odata.type': '#microsoft.graph.user', id: expect.any(String) }]);

    const latest = await call(graph, '/users/delta?$select=id,displayName,manager&$deltatoken=latest');
    expect(latest.body.value).toEqual([]);
    const link = latest.body['@odata.deltaLink'] as string;

    const renamed: DemoUser = { ...users[5]!, displayName: 'Renamed Person' };
    graph.upsertUser(renamed);
    graph.removeUser(users[6]!.id);
    const changes = await call(graph, link);
    expect(changes.body.value).toEqual([
      expect.objectContaining({ id: renamed.id, displayName: 'Renamed Person', 'manager@delta': expect.any(Array) }),
      { id: users[6]!.id, '@removed': { reason: 'deleted' } },
    ]);
    const quiet = await call(graph, changes.body['@odata.deltaLink'] as string);
    expect(quiet.body.value).toEqual([]);
  });

  it('answers $batch requests one by one, at most 20', async () => {
    const graph = new FakeGraph({ users });
    const requests = Array.from({ length: 3 }, (_, i) => ({ id: String(i), method: 'GET', url: `/users/${users[i]!.id}?$select=id` }));
    const { body } = await call(graph, '/$batch', { method: 'POST', body: { requests: [...requests, { id: '9', method: 'GET', url: '/users?$top=5000' }] } });
    const responses = body.responses as { id: string; status: number; body: Record<string, unknown> }[];
    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ['0', 200],
      ['1', 200],
      ['2', 200],
      ['9', 400],
    ]);
    expect(responses[1]!.body).toMatchObject({ id: users[1]!.id });
    expect(graph.stats).toMatchObject({ httpRequests: 1, operations: 4 });
    const tooBig = await call(graph, '/$batch', {
      method: 'POST',
      body: { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: ME })) },
    });
    expect(tooBig.status).toBe(400);
  });

  it('throttles with 429 and Retry-After, inside batches too', async () => {
    const graph = new FakeGraph({ users, faults: { throttleRate: 1, retryAfterSeconds: 3 } });
    const alone = await call(graph, '/users');
    expect(alone.status).toBe(429);
    expect(alone.headers.get('retry-after')).toBe('3');
    expectGraphError(alone.body, 'TooManyRequests');
    const { body } = await call(graph, '/$batch', { method: 'POST', body: { requests: [{ id: '1', method: 'GET', url: ME }] } });
    expect(body.responses).toEqual([expect.objectContaining({ id: '1', status: 429, headers: expect.objectContaining({ 'retry-after': '3' }) })]);
  });

  it('throttles about the share asked for, the same way every run', async () => {
    const run = async () => {
      const graph = new FakeGraph({ users, faults: { throttleRate: 0.2 }, seed: 9 });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await call(graph, ME)).status);
      return statuses;
    };
    const first = await run();
    expect(first).toEqual(await run());
    const throttled = first.filter((s) => s === 429).length;
    expect(throttled).toBeGreaterThan(20);
    expect(throttled).toBeLessThan(60);
  });

  it('is slow, unavailable, expired or unconsented on demand', async () => {
    const sleep = vi.fn(() => Promise.resolve());
    const graph = new FakeGraph({ users, sleep, faults: { latencyMs: 200 } });
    await call(graph, ME);
    expect(sleep).toHaveBeenCalledWith(200);
    graph.setFaults({ unavailableRate: 1 });
    expect((await call(graph, ME)).status).toBe(503);
    graph.setFaults({ unavailableRate: 0, expiredToken: true });
    const expired = await call(graph, ME);
    expect(expired.status).toBe(401);
    expect((expired.body.error as { message: string }).message).toMatch(/expired/);
    graph.setFaults({ expiredToken: false, missingConsent: true });
    expect((await call(graph, '/users')).status).toBe(403);
  });

  it('is not reachable for other hosts', async () => {
    await expect(new FakeGraph({ users }).fetch('https://example.com/')).rejects.toThrow(TypeError);
  });
});
