import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { isActive, mailboxAddressOf } from './directory-person';
import { loadDirectory, refreshDirectory, type LoadCheckpoint, type LoadProgress } from './directory-loader';
import { generateDemoTenant, type DemoUser } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { buildOrgModel } from '@/domain/org/org-model';
import { createMatcher } from '@/domain/matching/engine';
import { GraphClient, GraphLinkError, type FetchLike } from './graph-client';
import { GraphPermissionError, GuestDirectoryError } from './graph-errors';
import { corruptAnswers, corruptBatchParts } from './corrupt-answers';
import { GraphAnswerError } from './graph-errors';

const users = generateDemoTenant({ size: 3000 });
const programme = users.filter((u) => u.accountEnabled && u.userType === 'Member');
const identity = createDemoIdentity(DEMO_PEOPLE[3]!);
const now = () => new Date('2026-11-23T10:00:00Z');

function setup(graph = new FakeGraph({ users }), fetch: FetchLike = graph.fetch) {
  const client = new GraphClient({ identity, fetch, random: () => 0.5, sleep: () => Promise.resolve() });
  return { graph, client };
}

describe('loadDirectory', () => {
  it('loads every enabled member exactly once, with manager links', async () => {
    const { client, graph } = setup();
    const snapshot = await loadDirectory(client, { now });
    const active = snapshot.people.filter(isActive);
    expect(active).toHaveLength(programme.length);
    expect(new Set(active.map((p) => p.id))).toEqual(new Set(programme.map((u) => u.id)));
    expect(snapshot.expected).toBe(programme.length);
    const diego = snapshot.people.find((p) => p.id === DEMO_PEOPLE[1]!.id)!;
    expect(diego.managerId).toBe(users.find((u) => u.id === diego.id)!.managerId);
    // Mail comes with the directory: mailboxes are addressed by it, not by the user principal name.
    const aisha = snapshot.people.find((p) => p.id === DEMO_PEOPLE[2]!.id)!;
    expect(aisha).toMatchObject({ userPrincipalName: 'a.bello@contoso.onmicrosoft.com', mail: 'aisha.bello@contoso.example' });
    expect(mailboxAddressOf(aisha)).toBe('aisha.bello@contoso.example');
    expect(mailboxAddressOf({ mail: undefined, userPrincipalName: 'room@contoso.example' })).toBe('room@contoso.example');
    expect(snapshot).toMatchObject({ skipped: 0, loadedAt: '2026-11-23T10:00:00.000Z' });
    // 100-person pages would need 30 requests; batching needs far fewer.
    expect(graph.stats.httpRequests).toBeLessThanOrEqual(Math.ceil(programme.length / 100) + 5);
  });

  it('leaves out guests and rooms, and keeps a disabled manager only to hold the chart together', async () => {
    const snapshot = await loadDirectory(setup().client, { now });
    const ids = new Set(snapshot.people.map((p) => p.id));
    expect(users.filter((u) => u.userType === 'Guest').some((u) => ids.has(u.id))).toBe(false);
    expect(users.filter((u) => u.displayName.startsWith('Room ')).some((u) => ids.has(u.id))).toBe(false);
    const inactive = snapshot.people.filter((p) => !isActive(p));
    expect(inactive.length).toBeGreaterThan(0);
    for (const person of inactive) expect(snapshot.people.some((p) => p.managerId === person.id)).toBe(true);
  });

  it('loads the same people when a fifth of requests are throttled', async () => {
    const graph = new FakeGraph({ users, faults: { throttleRate: 0.2 }, seed: 5 });
    const { client } = setup(graph);
    const snapshot = await loadDirectory(client, { now });
    expect(snapshot.people.filter(isActive)).toHaveLength(programme.length);
    expect(graph.stats.throttled).toBeGreaterThan(0);
    expect(client.stats.retries).toBe(graph.stats.throttled);
  });

  it('reports progress up to the expected number', async () => {
    const progress: LoadProgress[] = [];
    await loadDirectory(setup().client, { now, onProgress: (p) => progress.push(p) });
    expect(progress[0]).toEqual({ phase: 'counting', loaded: 0, expected: undefined, skipped: 0 });
    const loading = progress.filter((p) => p.phase === 'loading').map((p) => p.loaded);
    expect(loading).toEqual([...loading].sort((a, b) => a - b));
    expect(loading.at(-1)).toBe(programme.length);
  });

  it('resumes from its last checkpoint after an interruption, loading each person once', async () => {
    const checkpoints: LoadCheckpoint[] = [];
    const controller = new AbortController();
    await expect(
      loadDirectory(setup().client, {
        now,
        concurrency: 1,
        signal: controller.signal,
        onCheckpoint: (checkpoint) => {
          checkpoints.push(checkpoint);
          if (checkpoints.length === 2) controller.abort();
        },
      }),
    ).rejects.toThrow(/abort/i);
    const last = checkpoints.at(-1)!;
    expect(last.people.length).toBeGreaterThan(0);
    expect(last.pending.length).toBeGreaterThan(0);

    const { graph, client } = setup();
    const snapshot = await loadDirectory(client, { now, resumeFrom: last });
    expect(snapshot.people.filter(isActive)).toHaveLength(programme.length);
    expect(graph.stats.httpRequests).toBeLessThan(Math.ceil(programme.length / 100));
  });

  it('skips and counts malformed records instead of failing', async () => {
    const graph = new FakeGraph({ users });
    const fetch: FetchLike = async (input, init) => {
      const response = await graph.fetch(input, init);
      const body = (await response.json()) as { responses?: { body?: { value?: Record<string, unknown>[] } }[] };
      for (const part of body.responses ?? []) {
        const first = part.body?.value?.[0];
        if (first && 'userPrincipalName' in first) first.id = 42 as unknown as string;
      }
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const snapshot = await loadDirectory(setup(graph, fetch).client, { now });
    expect(snapshot.skipped).toBeGreaterThan(0);
    expect(snapshot.people.filter(isActive).length + snapshot.skipped).toBeGreaterThanOrEqual(programme.length);
  });

  it('says which permission is missing', async () => {
    const graph = new FakeGraph({ users, faults: { missingConsent: true } });
    await expect(loadDirectory(setup(graph).client, { now })).rejects.toBeInstanceOf(GraphPermissionError);
  });
});

describe('refreshDirectory', () => {
  it('fetches only what changed, in at most 3 requests', async () => {
    const { graph, client } = setup(new FakeGraph({ users: generateDemoTenant({ size: 3000 }) }));
    const snapshot = await loadDirectory(client, { now });
    const before = graph.stats.httpRequests;

    const renamed: DemoUser = { ...programme[10]!, displayName: 'Renamed Person', jobTitle: 'Head of Renaming' };
    const joiner: DemoUser = { ...programme[11]!, id: 'aaaaaaaa-0000-4000-8000-00000000beef', userPrincipalName: 'new.joiner@contoso.example', displayName: 'New Joiner' };
    graph.upsertUser(renamed);
    graph.upsertUser(joiner);
    graph.removeUser(programme[12]!.id);

    const refreshed = await refreshDirectory(client, snapshot, { now });
    expect(graph.stats.httpRequests - before).toBeLessThanOrEqual(3);
    expect(refreshed.changed).toBe(3);
    const byId = new Map(refreshed.people.map((p) => [p.id, p]));
    expect(byId.get(renamed.id)).toMatchObject({ displayName: 'Renamed Person', jobTitle: 'Head of Renaming' });
    expect(byId.get(joiner.id)).toMatchObject({ displayName: 'New Joiner', managerId: joiner.managerId });
    expect(byId.has(programme[12]!.id)).toBe(false);
    expect(refreshed.deltaLink).not.toBe(snapshot.deltaLink);
  });
});

/** A fetch that answers as Graph does, but with every nextLink and deltaLink pointing to another host. */
function linksElsewhere(graph: FakeGraph) {
  const sent: { url: string; authorization: string | null }[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    sent.push({ url: request.url, authorization: request.headers.get('authorization') });
    const response = await graph.fetch(input, init);
    const text = (await response.text()).replace(/"(@odata\.(?:next|delta)Link)":"https:\/\/graph\.microsoft\.com\//g, '"$1":"https://graph.microsoft.com.evil.example/');
    return new Response(text, { status: response.status, headers: response.headers });
  };
  return { fetch, sent, foreign: () => sent.filter((r) => !r.url.startsWith('https://graph.microsoft.com/v1.0/')) };
}

describe('the directory never sends the token away from Graph', () => {
  it('refuses a page link from Graph that points elsewhere, with a clear error', async () => {
    const graph = new FakeGraph({ users });
    const { fetch, foreign, sent } = linksElsewhere(graph);
    const error = await loadDirectory(setup(graph, fetch).client, { now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphLinkError);
    expect(sent.length).toBeGreaterThan(0);
    expect(foreign()).toEqual([]);
  });

  it('refuses a delta link that points elsewhere, fresh from Graph or saved in a checkpoint', async () => {
    const graph = new FakeGraph({ users });
    const snapshot = await loadDirectory(setup(graph).client, { now });
    graph.upsertUser({ ...programme[0]!, displayName: 'Changed' });
    const { fetch, foreign } = linksElsewhere(graph);
    const tampered = { ...snapshot, deltaLink: snapshot.deltaLink.replace('https://graph.microsoft.com/', 'https://evil.example/') };
    await expect(refreshDirectory(setup(graph, fetch).client, tampered, { now })).rejects.toBeInstanceOf(GraphLinkError);
    const checkpoint: LoadCheckpoint = { pending: ['https://evil.example/v1.0/users?$skiptoken=x'], people: [], skipped: 0, expected: 1, deltaLink: snapshot.deltaLink };
    await expect(loadDirectory(setup(graph, fetch).client, { now, resumeFrom: checkpoint })).rejects.toBeInstanceOf(GraphLinkError);
    expect(foreign()).toEqual([]);
  });
});

describe('people the app meets in real tenants', () => {
  it('tells a guest, who may not list users, that guests cannot see the organisation', async () => {
    const guest = users.find((u) => u.userType === 'Guest' && u.accountEnabled)!;
    const client = new GraphClient({
      identity: createDemoIdentity({ id: guest.id, displayName: guest.displayName, userPrincipalName: guest.userPrincipalName, tenantId: undefined }),
      fetch: new FakeGraph({ users }).fetch,
      sleep: () => Promise.resolve(),
    });
    const error = await loadDirectory(client, { now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuestDirectoryError);
    expect(error).toMatchObject({ status: 403, message: expect.stringMatching(/^Guests can't see the organisation here.*ask your programme owner\.$/) });
    // A member without consent is still told which permission is missing.
    const member = new FakeGraph({ users, faults: { missingConsent: true } });
    await expect(loadDirectory(setup(member).client, { now })).rejects.not.toBeInstanceOf(GuestDirectoryError);
  });

  it('an organisation of one (besides guests, rooms and disabled accounts) loads, and suggests nobody, with a reason', async () => {
    const me = users.find((u) => u.id === DEMO_PEOPLE[3]!.id)!;
    const alone: DemoUser = { ...me, managerId: null };
    const others = users
      .filter((u) => u.userType === 'Guest' || !u.accountEnabled)
      .slice(0, 5)
      .map((u) => ({ ...u, managerId: null }));
    const { client } = setup(new FakeGraph({ users: [alone, ...others] }));
    const snapshot = await loadDirectory(client, { now });
    expect(snapshot).toMatchObject({ expected: 1, skipped: 0 });
    expect(snapshot.people.filter(isActive).map((p) => p.id)).toEqual([alone.id]);

    const model = buildOrgModel(snapshot.people.map((p) => ({ id: p.id, displayName: p.displayName, managerId: p.managerId, department: p.department })));
    expect(model.issues).toEqual([]);
    const profile = { personId: alone.id, mentee: { wantsToLearn: ['generative-ai'] }, mentor: { capacity: 1, canTeach: ['generative-ai'] }, languages: ['en'], timeZone: 'Europe/London' };
    const rules = { levelGap: 2, pastPairs: [], exclusions: [] };
    const nobody = createMatcher({ model, profiles: [], loads: new Map(), rules, at: now().getTime() });
    expect(nobody.suggestionsFor(alone.id)).toEqual({ suggestions: [], why: { code: 'opt-in' } });
    expect(nobody.assignProgramme()).toEqual({ pairs: [], unmatched: [] });
    const onlyMe = createMatcher({ model, profiles: [profile], loads: new Map(), rules, at: now().getTime() });
    const mine = onlyMe.suggestionsFor(alone.id);
    expect(mine.suggestions).toEqual([]);
    // Opted in both ways, the one person is their own only reverse mentor: never suggested to themselves.
    expect(mine.why).toEqual({ code: 'rules' });
    expect(onlyMe.assignProgramme().pairs).toEqual([]);
  });
});

describe("the directory reads Graph's answers with a schema", () => {
  it('a count that is not a number fails with GraphAnswerError instead of loading nobody', async () => {
    const graph = new FakeGraph({ users });
    const fetch = corruptBatchParts(graph.fetch, 'count=true', (body) => ({ ...(body as object), '@odata.count': 'many' }));
    const error = await loadDirectory(setup(graph, fetch).client, { now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphAnswerError);
    expect(error).toMatchObject({ operation: 'counting the people in the directory', problem: expect.stringMatching(/^@odata\.count: /) });
  });

  it('a page of people without its list fails with GraphAnswerError', async () => {
    const graph = new FakeGraph({ users });
    const fetch = corruptBatchParts(graph.fetch, 'expand=manager', () => ({ people: [] }));
    await expect(loadDirectory(setup(graph, fetch).client, { now })).rejects.toMatchObject({ name: 'GraphAnswerError', operation: 'reading the people in the directory' });
  });

  it('a delta page that is not one fails with GraphAnswerError', async () => {
    const graph = new FakeGraph({ users });
    const snapshot = await loadDirectory(setup(graph).client, { now });
    const fetch = corruptAnswers(graph.fetch, ({ url }) => (url.includes('/users/delta') ? { value: 'changed' } : undefined));
    await expect(refreshDirectory(setup(graph, fetch).client, snapshot, { now })).rejects.toBeInstanceOf(GraphAnswerError);
  });
});
