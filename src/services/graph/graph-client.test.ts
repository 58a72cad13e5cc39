import { describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE } from '@/services/demo/demo-people';
import { createDemoIdentity } from '@/services/identity/demo-identity';
import { generateDemoTenant } from './fake/demo-tenant';
import { FakeGraph } from './fake/fake-graph';
import { GraphClient, type FetchLike } from './graph-client';
import { GraphPermissionError, GraphRequestError } from './graph-errors';

const users = generateDemoTenant({ size: 200 });
const identity = createDemoIdentity(DEMO_PEOPLE[0]!);
const ALL = ['User.Read.All'];
/** A read the app sends (get user, in the behaviour catalogue): the signed-in person by id. */
const ME = `/users/${DEMO_PEOPLE[0]!.id}`;

function setup(options: { fetch?: FetchLike; graph?: FakeGraph; identity?: typeof identity } = {}) {
  const graph = options.graph ?? new FakeGraph({ users });
  const sleeps: number[] = [];
  const client = new GraphClient({
    identity: options.identity ?? identity,
    fetch: options.fetch ?? graph.fetch,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });
  return { graph, client, sleeps };
}

/** A fetch that answers the first `times` requests with `status`, then passes through. */
function failingFirst(graph: FakeGraph, times: number, status: number, headers: Record<string, string> = {}): FetchLike {
  let left = times;
  return (input, init) => {
    if (left-- > 0) {
      return Promise.resolve(
        new Response(JSON.stringify({ error: { code: 'x', message: 'injected' } }), { status, headers: { 'content-type': 'application/json', ...headers } }),
      );
    }
    return graph.fetch(input, init);
  };
}

describe('GraphClient', () => {
  it('reads with a token for the scopes asked for', async () => {
    const spy = vi.spyOn(identity, 'getAccessToken');
    const { client } = setup();
    const me = await client.get<{ id: string }>(ME, ALL);
    expect(me.id).toBe(DEMO_PEOPLE[0]!.id);
    expect(spy).toHaveBeenCalledWith(ALL, undefined);
    expect(client.stats).toEqual({ requests: 1, retries: 0 });
    spy.mockRestore();
  });

  it('waits as long as Retry-After says, then succeeds', async () => {
    const graph = new FakeGraph({ users });
    const { client, sleeps } = setup({ graph, fetch: failingFirst(graph, 2, 429, { 'retry-after': '3' }) });
    await expect(client.get(ME, ALL)).resolves.toMatchObject({ id: DEMO_PEOPLE[0]!.id });
    expect(sleeps).toEqual([3000, 3000]);
    expect(client.stats).toEqual({ requests: 3, retries: 2 });
  });

  it('backs off with jitter on 503 and 504 without Retry-After', async () => {
    const graph = new FakeGraph({ users });
    const { client, sleeps } = setup({ graph, fetch: failingFirst(graph, 3, 504) });
    await client.get(ME, ALL);
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it('gives up when throttling does not stop, with Graph’s code', async () => {
    const graph = new FakeGraph({ users, faults: { throttleRate: 1 } });
    const { client, sleeps } = setup({ graph });
    const error = await client.get('/users', ALL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 429, code: 'TooManyRequests' });
    expect(sleeps).toHaveLength(8);
  });

  it('refreshes the token once on 401, and only once', async () => {
    const graph = new FakeGraph({ users });
    const spy = vi.spyOn(identity, 'getAccessToken');
    const { client } = setup({ graph, fetch: failingFirst(graph, 1, 401) });
    await client.get(ME, ALL);
    expect(spy.mock.calls.map((c) => c[1])).toEqual([undefined, { forceRefresh: true }]);

    spy.mockClear();
    graph.setFaults({ expiredToken: true });
    const error = await client.get(ME, ALL).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  it('names the missing permission on 403 and tells who can grant it', async () => {
    const graph = new FakeGraph({ users, faults: { missingConsent: true } });
    const error = await setup({ graph }).client.get('/users', ALL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphPermissionError);
    expect((error as GraphPermissionError).permissions).toEqual(ALL);
    expect((error as Error).message).toMatch(/User\.Read\.All.*admin consent/);
  });

  it('turns a consent the person cannot give into the same permission error', async () => {
    const refusing = { getAccessToken: () => Promise.reject(Object.assign(new Error('AADSTS65001: consent'), { errorCode: 'consent_required' })) };
    const error = await setup({ identity: refusing as unknown as typeof identity }).client.get('/users', ALL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphPermissionError);
  });

  it('retries a lost network as a 503', async () => {
    const graph = new FakeGraph({ users });
    let failures = 1;
    const fetch: FetchLike = (input, init) => (failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch')) : graph.fetch(input, init));
    await expect(setup({ graph, fetch }).client.get(ME, ALL)).resolves.toBeTruthy();
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(setup().client.get(ME, ALL, { signal: controller.signal })).rejects.toThrow(/aborted/);
  });

  it('batches up to 20 reads and retries only the throttled ones', async () => {
    const graph = new FakeGraph({ users, faults: { throttleRate: 0.4, retryAfterSeconds: 2 }, seed: 3 });
    const { client, sleeps } = setup({ graph });
    const items = users.slice(0, 20).map((u, i) => ({ id: String(i), url: `/users/${u.id}?$select=id` }));
    const answers = await client.batch(items, ALL);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.map((a) => (a.body as { id: string }).id)).toEqual(users.slice(0, 20).map((u) => u.id));
    expect(sleeps.every((ms) => ms === 2000)).toBe(true);
    expect(client.stats.retries).toBe(graph.stats.throttled);
    expect(client.stats.requests).toBe(graph.stats.httpRequests);
  });

  it('splits any number of reads into batches of 20, answers in order', async () => {
    const { graph, client } = setup();
    const items = users.slice(0, 45).map((u) => ({ id: u.id, url: `/users/${u.id}?$select=id` }));
    const answers = await client.batchAll(items, ALL);
    expect(answers.map((a) => (a.body as { id: string }).id)).toEqual(items.map((i) => i.id));
    expect(graph.stats.httpRequests).toBe(3);
    expect(await client.batchAll([], ALL)).toEqual([]);
  });

  it('returns errors that retrying cannot fix, and refuses more than 20', async () => {
    const { client } = setup();
    const [missing] = await client.batch([{ id: 'a', url: '/users/nobody' }], ALL);
    expect(missing).toMatchObject({ id: 'a', status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
    const tooMany = Array.from({ length: 21 }, (_, i) => ({ id: String(i), url: ME }));
    await expect(client.batch(tooMany, ALL)).rejects.toThrow(RangeError);
  });
});
