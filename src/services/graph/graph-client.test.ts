import { describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GRAPH_BASE, GraphClient, GraphLinkError, isGraphUrl, type FetchLike, type StartTimer } from './graph-client';
import { GraphPermissionError, GraphRequestError } from './graph-errors';
import { corruptAnswers } from './corrupt-answers';
import { batchResponseSchema } from './graph-client';
import { GraphAnswerError } from './graph-errors';

const users = generateDemoTenant({ size: 200 });
const identity = createDemoIdentity(DEMO_PEOPLE[0]!);
const ALL = ['User.Read.All'];
/** A read the app sends (get user, in the behaviour catalogue): the signed-in person by id. */
const ME = `/users/${DEMO_PEOPLE[0]!.id}`;

function setup(options: { fetch?: FetchLike; graph?: FakeGraph; identity?: typeof identity; startTimer?: StartTimer } = {}) {
  const graph = options.graph ?? new FakeGraph({ users });
  const sleeps: number[] = [];
  const client = new GraphClient({
    identity: options.identity ?? identity,
    fetch: options.fetch ?? graph.fetch,
    random: () => 0.5,
    ...(options.startTimer ? { startTimer: options.startTimer } : {}),
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
      return Promise.resolve(new Response(JSON.stringify({ error: { code: 'x', message: 'injected' } }), { status, headers: { 'content-type': 'application/json', ...headers } }));
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
    const error = await setup({ graph })
      .client.get('/users', ALL)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphPermissionError);
    expect((error as GraphPermissionError).permissions).toEqual(ALL);
    expect((error as Error).message).toMatch(/User\.Read\.All.*admin consent/);
  });

  it('turns a consent the person cannot give into the same permission error', async () => {
    const refusing = { getAccessToken: () => Promise.reject(Object.assign(new Error('AADSTS65001: consent'), { errorCode: 'consent_required' })) };
    const error = await setup({ identity: refusing as unknown as typeof identity })
      .client.get('/users', ALL)
      .catch((e: unknown) => e);
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

/** Links that would carry the token away from Graph (https://learn.microsoft.com/graph/paging: a nextLink is a Graph URL). */
const FOREIGN_LINKS = [
  'https://evil.example/v1.0/users?$skiptoken=x',
  'http://graph.microsoft.com/v1.0/users?$skiptoken=x',
  'https://graph.microsoft.com.evil.example/v1.0/users',
  'https://graph.microsoft.com@evil.example/v1.0/users',
  'https://user:pass@graph.microsoft.com/v1.0/users',
  'https://graph.microsoft.com:8443/v1.0/users',
  'https://evil.example/?x=https://graph.microsoft.com/v1.0/users',
  'https://graph.microsoft.com/beta/users',
  'https://graph.microsoft.com/v1.0/../beta/users',
  'https://graph.microsoft.com/v1.0/%2e%2e/beta/users',
  'https://graph.microsoft.com/v1.0\\..\\beta/users',
  'https://graph.microsoft.com/v1.0',
  '//evil.example/v1.0/users',
  '/\\evil.example/v1.0/users',
  'users',
  '',
];

describe('GraphClient keeps the token with Graph', () => {
  it('accepts paths and Graph’s own nextLink and deltaLink', () => {
    expect(isGraphUrl('/users?$top=999')).toBe(true);
    expect(isGraphUrl(`${GRAPH_BASE}/users?$top=3&$skiptoken=X%2744537074%27`)).toBe(true);
    expect(isGraphUrl(`${GRAPH_BASE}/users/delta?$deltatoken=oEBwdSP6uehIAxQOWq_3Ksh_TLol6KIm3stvdc6hGhZRi1hQ7Spe__dpvm3U4zReE4CYXC2zOtaKdi7KHlUtC2CbRiBIUwOxPKLa`)).toBe(true);
    for (const link of FOREIGN_LINKS) expect(isGraphUrl(link), link).toBe(false);
  });

  it.each(FOREIGN_LINKS)('refuses %s before asking for a token or sending anything', async (link) => {
    const fetch = vi.fn<FetchLike>();
    const getAccessToken = vi.fn(identity.getAccessToken);
    const { client } = setup({ fetch, identity: { ...identity, getAccessToken } });
    const error = await client.get(link, ALL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphLinkError);
    expect((error as Error).message).toMatch(/did not follow it/);
    await expect(
      client.batch(
        [
          { id: '1', url: '/me' },
          { id: '2', url: link },
        ],
        ALL,
      ),
    ).rejects.toBeInstanceOf(GraphLinkError);
    expect(fetch).not.toHaveBeenCalled();
    expect(getAccessToken).not.toHaveBeenCalled();
    expect(client.stats).toEqual({ requests: 0, retries: 0 });
  });

  it('refuses a deltaLink changed to point elsewhere (as a tampered cache would hold)', async () => {
    const graph = new FakeGraph({ users });
    const fetch = vi.fn<FetchLike>(graph.fetch);
    const { client } = setup({ graph, fetch });
    const { '@odata.deltaLink': link } = await client.get<{ '@odata.deltaLink': string }>('/users/delta?$deltatoken=latest', ALL);
    expect(isGraphUrl(link)).toBe(true);
    const tampered = link.replace('https://graph.microsoft.com/', 'https://graph.microsoft.com.evil.example/');
    await expect(client.get(tampered, ALL)).rejects.toBeInstanceOf(GraphLinkError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('checks every request that carries the token, whichever method sends it', async () => {
    const fetch = vi.fn<FetchLike>();
    const { client } = setup({ fetch });
    await expect(client.write('POST', 'https://evil.example/v1.0/me/extensions', ALL, {})).rejects.toBeInstanceOf(GraphLinkError);
    await expect(client.get('https://graph.microsoft.com/beta/me', ALL)).rejects.toBeInstanceOf(GraphLinkError);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('GraphClient gives up on a call that never answers', () => {
  /** A fetch that never answers its first `times` calls and fires the timeout the client started for each. */
  function hanging(graph: FakeGraph, times: number) {
    const timers: { ms: number; fire: () => void; cancelled: boolean }[] = [];
    const signals: AbortSignal[] = [];
    let left = times;
    const startTimer: StartTimer = (ms, fire) => {
      const timer = { ms, fire, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    };
    const fetch: FetchLike = (input, init) => {
      if (left-- <= 0) return graph.fetch(input, init);
      signals.push(init!.signal!);
      const timer = timers.at(-1)!;
      queueMicrotask(() => timer.fire());
      return new Promise<Response>(() => undefined);
    };
    return { fetch, startTimer, timers, signals };
  }

  it('times out after 30 seconds, aborts the request and retries it like a 503', async () => {
    const graph = new FakeGraph({ users });
    const { fetch, startTimer, timers, signals } = hanging(graph, 2);
    const { client, sleeps } = setup({ graph, fetch, startTimer });
    await expect(client.get('/me', ['User.Read'])).resolves.toMatchObject({ id: DEMO_PEOPLE[0]!.id });
    expect(timers.map((t) => t.ms)).toEqual([30_000, 30_000, 30_000]);
    expect(signals.every((s) => s.aborted)).toBe(true);
    // The answered request's timer is cancelled, not left running.
    expect(timers.at(-1)!.cancelled).toBe(true);
    expect(sleeps).toEqual([250, 500]);
    expect(client.stats).toEqual({ requests: 3, retries: 2 });
  });

  it('fails with a clear error once the retry policy gives up, the $batch too', async () => {
    const graph = new FakeGraph({ users });
    const { fetch, startTimer } = hanging(graph, Infinity);
    const { client, sleeps } = setup({ graph, fetch, startTimer });
    const error = await client.get('/me', ['User.Read']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 503, code: 'Timeout', message: 'Microsoft Graph did not answer within 30 seconds.' });
    expect(sleeps).toHaveLength(8);
    await expect(client.batch([{ id: '1', url: '/me' }], ALL)).rejects.toMatchObject({ code: 'Timeout' });
  });

  it('tells a timeout from the caller’s cancel: a cancel is not retried', async () => {
    const graph = new FakeGraph({ users });
    const controller = new AbortController();
    let signal: AbortSignal | undefined;
    const fetch: FetchLike = (_input, init) => {
      signal = init?.signal ?? undefined;
      queueMicrotask(() => controller.abort());
      return new Promise<Response>(() => undefined);
    };
    const { client, sleeps } = setup({ graph, fetch, startTimer: () => () => undefined });
    await expect(client.get('/me', ['User.Read'], { signal: controller.signal })).rejects.toThrow(/aborted/);
    expect(signal?.aborted).toBe(true);
    expect(sleeps).toEqual([]);
    expect(client.stats.retries).toBe(0);
  });
});

describe('GraphClient reads $batch answers with a schema', () => {
  /** The example answer on https://learn.microsoft.com/graph/json-batching (bodies shortened). */
  const DOCUMENTED = {
    responses: [
      {
        id: '1',
        status: 200,
        headers: {
          'Cache-Control': 'no-cache',
          'x-ms-resource-unit': '1',
          'OData-Version': '4.0',
          'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
        },
        body: {
          '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directoryObjects',
          value: [{ '@odata.type': '#microsoft.graph.directoryRole', id: '21004afc-7bb2-4fe6-a1e1-074ebd3e52c1' }],
        },
      },
      {
        id: '3',
        status: 403,
        headers: { 'Cache-Control': 'no-cache', 'x-ms-resource-unit': '1', 'Content-Type': 'application/json' },
        body: {
          error: {
            code: 'Authorization_RequestDenied',
            message: 'Insufficient privileges to complete the operation.',
            innerError: { date: '2025-02-13T10:17:06', 'request-id': '93b6f17e-c05d-4f45-ad2a-6665c708d8a0', 'client-request-id': 'e70c5c1b-8b47-68c0-3171-3d22f5e0bd54' },
          },
        },
      },
      {
        id: '5',
        status: 200,
        headers: { 'Cache-Control': 'no-cache' },
        body: { '@odata.count': 36, value: [{ id: '10a1d484-cd1a-4162-a5a4-832370bac356', displayName: 'Lynne Robbins', userPrincipalName: 'LynneR@contoso.com' }] },
      },
    ],
  };

  it('accepts the documented example and rejects answers that are not $batch answers', () => {
    expect(batchResponseSchema.safeParse(DOCUMENTED).success).toBe(true);
    // A 204 (or a 201 without content) comes with no body.
    expect(batchResponseSchema.safeParse({ responses: [{ id: '1', status: 204, headers: {} }] }).success).toBe(true);
    expect(batchResponseSchema.safeParse({ value: [] }).success).toBe(false);
    expect(batchResponseSchema.safeParse({ responses: [{ id: '1', status: '200' }] }).success).toBe(false);
    expect(batchResponseSchema.safeParse({ responses: [{ status: 200 }] }).success).toBe(false);
  });

  it('turns a $batch answer that is not one into GraphAnswerError, not retried', async () => {
    const graph = new FakeGraph({ users });
    const { client } = setup({ graph, fetch: corruptAnswers(graph.fetch, ({ url }) => (url.endsWith('/$batch') ? { responses: 'soon' } : undefined)) });
    await expect(client.batch([{ id: '1', url: ME }], ALL)).rejects.toBeInstanceOf(GraphAnswerError);
    expect(client.stats).toMatchObject({ requests: 1, retries: 0 });
  });
});

/**
 * A fetch whose $batch answers come only when the test says: counts the batches in flight, so the
 * pool is seen without wall time. Each inner request is answered 200 with its id, or as `answer` says.
 */
function heldBatches(answer: (id: string, sent: number) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 })) {
  const held: { ids: string[]; released: boolean; release: () => void }[] = [];
  let inFlight = 0;
  let most = 0;
  let sent = 0;
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const { requests } = (await request.json()) as { requests: { id: string }[] };
    inFlight++;
    most = Math.max(most, inFlight);
    const number = sent++;
    await new Promise<void>((resolve) => {
      const entry = { ids: requests.map((r) => r.id), released: false, release: () => ((entry.released = true), resolve()) };
      held.push(entry);
    });
    inFlight--;
    const responses = requests.map((r) => {
      const { status, headers } = answer(r.id, number);
      return { id: r.id, status, headers: headers ?? {}, body: status === 200 ? { id: r.id } : { error: { code: 'TooManyRequests', message: 'Slow down.' } } };
    });
    return new Response(JSON.stringify({ responses }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  /** Answers every batch held now and later, until none is left. */
  const drain = async () => {
    for (let entry = held.find((h) => !h.released); entry; entry = held.find((h) => !h.released)) {
      entry.release();
      await settle();
    }
  };
  return { fetch, held, drain, inFlight: () => inFlight, most: () => most, sent: () => sent };
}

/** Lets every pending promise run (the client's token, middleware and parsing), without any timer. */
async function settle() {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

describe('GraphClient.batchAll keeps a pool of batches in flight', () => {
  const items = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `u${i}`, url: `/users/u${i}/extensions/x` }));

  it('starts the next batch as soon as one answers, not when a whole wave has', async () => {
    const graph = heldBatches();
    const client = new GraphClient({ identity, fetch: graph.fetch, batchesInFlight: 4 });
    const heard: number[] = [];
    const all = client.batchAll(items(200), ALL, undefined, (answered) => heard.push(answered));
    await settle();
    expect(graph.inFlight()).toBe(4);
    // One of four answers (the third): a fifth starts while the other three are still out.
    graph.held[2]!.release();
    await settle();
    expect(graph.inFlight()).toBe(4);
    expect(graph.sent()).toBe(5);
    expect(heard).toEqual([20]);
    await graph.drain();
    const answers = await all;
    expect(answers.map((a) => a.id)).toEqual(items(200).map((i) => i.id));
    expect(graph.most()).toBe(4);
    expect(heard.at(-1)).toBe(200);
  });

  it('keeps N in flight as configured, and never more than there are batches', async () => {
    const graph = heldBatches();
    const client = new GraphClient({ identity, fetch: graph.fetch, batchesInFlight: 8 });
    const all = client.batchAll(items(60), ALL);
    await settle();
    expect(graph.inFlight()).toBe(3);
    await graph.drain();
    await all;
    const wide = heldBatches();
    const many = new GraphClient({ identity, fetch: wide.fetch, batchesInFlight: 8 }).batchAll(items(400), ALL);
    await settle();
    expect(wide.inFlight()).toBe(8);
    await wide.drain();
    expect((await many).length).toBe(400);
    expect(wide.most()).toBe(8);
  });

  it('a throttled batch waits its Retry-After alone while the pool goes on', async () => {
    // The first batch's first answer is 429 with Retry-After 7: only that request goes again, after 7 s.
    const graph = heldBatches((id, sent) => (id === 'u0' && sent === 0 ? { status: 429, headers: { 'retry-after': '7' } } : { status: 200 }));
    const waits: { ms: number; wake: () => void }[] = [];
    const client = new GraphClient({
      identity,
      fetch: graph.fetch,
      batchesInFlight: 2,
      sleep: (ms) => new Promise<void>((wake) => waits.push({ ms, wake })),
    });
    const all = client.batchAll(items(80), ALL);
    await settle();
    graph.held[0]!.release();
    await settle();
    expect(waits.map((w) => w.ms)).toEqual([7000]);
    // While it waits, the other slot carries on through the remaining batches.
    graph.held[1]!.release();
    await settle();
    expect(graph.sent()).toBe(3);
    graph.held[2]!.release();
    await settle();
    expect(graph.sent()).toBe(4);
    waits[0]!.wake();
    await settle();
    await graph.drain();
    const answers = await all;
    expect(answers.map((a) => a.status)).toEqual(Array(80).fill(200));
    expect(client.stats.retries).toBe(1);
  });
});
