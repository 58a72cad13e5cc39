import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/services/demo/demo-people';
import { createDemoIdentity } from '@/services/identity/demo-identity';
import { isActive, mailboxAddressOf } from './directory-person';
import { loadDirectory, refreshDirectory, type LoadCheckpoint, type LoadProgress } from './directory-loader';
import { generateDemoTenant, type DemoUser } from './fake/demo-tenant';
import { FakeGraph } from './fake/fake-graph';
import { GraphClient, type FetchLike } from './graph-client';
import { GraphPermissionError } from './graph-errors';

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
