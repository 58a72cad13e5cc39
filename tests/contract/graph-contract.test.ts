import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphSubset } from '../../scripts/graph-metadata/extract-subset';
import { DEMO_PEOPLE } from '../../src/services/demo/demo-people';
import { loadDirectory, refreshDirectory } from '../../src/services/graph/directory-loader';
import { generateDemoTenant } from '../../src/services/graph/fake/demo-tenant';
import { FakeGraph } from '../../src/services/graph/fake/fake-graph';
import { GraphClient, type FetchLike } from '../../src/services/graph/graph-client';
import { createDemoIdentity } from '../../src/services/identity/demo-identity';
import { optOut, readProfiles, saveMyProfile } from '../../src/services/profile/profile-store';
import { objectProblems, requestProblems } from './odata-contract';

const subset = JSON.parse(readFileSync(new URL('./graph-v1.0-subset.json', import.meta.url), 'utf8')) as GraphSubset;
const USER = 'microsoft.graph.user';

interface Exchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  status: number;
  body: unknown;
}

/** Records every request the app makes (each one inside a $batch too) and its answer. */
function recording(graph: FakeGraph) {
  const exchanges: Exchange[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const sent = request.method === 'POST' ? ((await request.clone().json()) as { requests?: { id: string; method: string; url: string; headers?: Record<string, string> }[] }) : undefined;
    const response = await graph.fetch(request);
    const text = await response.clone().text();
    const body = (text ? JSON.parse(text) : undefined) as { responses?: { id: string; status: number; body: unknown }[] } | undefined;
    exchanges.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), status: response.status, body });
    for (const sub of sent?.requests ?? []) {
      const answer = body?.responses?.find((r) => r.id === sub.id);
      exchanges.push({ method: sub.method, url: sub.url, headers: sub.headers ?? {}, status: answer?.status ?? 0, body: answer?.body });
    }
    return response;
  };
  return { exchanges, fetch };
}

describe('the app’s Graph requests and the fake Graph’s answers, against Graph v1.0’s official description', () => {
  it('uses only resources, options, properties and navigations that Graph defines', async () => {
    const users = generateDemoTenant({ size: 1200 });
    const graph = new FakeGraph({ users });
    const { exchanges, fetch } = recording(graph);
    const client = new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[0]!), fetch, sleep: () => Promise.resolve() });
    await client.get('/me', ['User.Read']);
    const snapshot = await loadDirectory(client);
    graph.upsertUser({ ...users[3]!, jobTitle: 'Changed' });
    graph.removeUser(users[4]!.id);
    await refreshDirectory(client, snapshot);

    expect(exchanges.length).toBeGreaterThan(20);
    const requestIssues = exchanges.flatMap((e) => requestProblems(e.method, e.url, e.headers, subset));
    expect(requestIssues).toEqual([]);

    const answerIssues = exchanges
      .filter((e) => e.status === 200 && !e.url.endsWith('$batch'))
      .flatMap((e, i) => {
        const body = e.body as { value?: unknown[] };
        const objects = Array.isArray(body.value) ? body.value : [body];
        return objects.flatMap((object, j) => objectProblems(object, USER, `answer ${i} item ${j}`, subset));
      });
    expect(answerIssues).toEqual([]);
  });

  it('stores and reads profiles as open extensions the way Graph defines them', async () => {
    const users = generateDemoTenant({ size: 100 });
    const graph = new FakeGraph({ users });
    const { exchanges, fetch } = recording(graph);
    const client = new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[1]!), fetch, sleep: () => Promise.resolve() });
    const profile = { mentor: { capacity: 2, canTeach: ['gaming'] }, languages: ['en'], timeZone: 'Europe/London', load: 0, updated: '2026-11-23T10:00:00Z' };
    await saveMyProfile(client, profile);
    await saveMyProfile(client, { ...profile, load: 1 });
    await readProfiles(client, users.slice(0, 30).map((u) => u.id));
    await optOut(client);

    expect(exchanges.flatMap((e) => requestProblems(e.method, e.url, e.headers, subset))).toEqual([]);
    const extensions = exchanges.filter((e) => e.status === 200 || e.status === 201).filter((e) => /extensions/.test(e.url));
    expect(extensions.length).toBeGreaterThan(0);
    expect(extensions.flatMap((e, i) => objectProblems(e.body, 'microsoft.graph.openTypeExtension', `extension ${i}`, subset))).toEqual([]);
    expect(requestProblems('PUT', '/me/extensions/x', {}, subset)).toEqual(['PUT /me/extensions/x: not a write Graph accepts here']);
    expect(requestProblems('PATCH', '/me', {}, subset)).toEqual(['PATCH /me: the app only reads here']);
  });

  it('returns user objects whose every property and value type Graph defines, with no $select too', async () => {
    const graph = new FakeGraph({ users: generateDemoTenant({ size: 100 }) });
    const client = new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[0]!), fetch: graph.fetch });
    const everything = [...Object.keys(subset.types[USER]!.properties)].filter((p) =>
      ['mailboxSettings', 'employeeHireDate', 'accountEnabled', 'userType', 'usageLocation', 'department', 'city', 'country'].includes(p),
    );
    const page = await client.get<{ value: unknown[] }>(`/users?$select=id,${everything.join(',')}&$expand=manager`, ['User.Read.All']);
    const defaults = await client.get<{ value: unknown[] }>('/users', ['User.Read.All']);
    const issues = [...page.value, ...defaults.value].flatMap((u, i) => objectProblems(u, USER, `user ${i}`, subset));
    expect(issues).toEqual([]);
  });
});

describe('the contract checker', () => {
  it('catches requests Graph would not understand', () => {
    expect(requestProblems('GET', '/users?$select=id,shoeSize', {}, subset)).toEqual(['/users: $select names unknown property "shoeSize"']);
    expect(requestProblems('GET', '/users?$expand=boss', {}, subset)).toEqual(['/users: $expand names unknown navigation "boss"']);
    expect(requestProblems('GET', '/people', {}, subset)).toEqual(['GET /people: no such resource in Graph v1.0']);
    expect(requestProblems('GET', '/users?$count=true', {}, subset)).toEqual(['/users: $count needs the ConsistencyLevel: eventual header']);
    expect(requestProblems('GET', "/users?$filter=shoeSize eq 'x'", {}, subset)).toEqual(['/users: $filter uses unknown property "shoeSize"']);
    expect(requestProblems('GET', '/users?$top=5000', {}, subset)).toEqual(['/users: $top must be 1–999']);
    expect(requestProblems('GET', '/users/delta?$select=id,manager&$deltatoken=x', {}, subset)).toEqual([]);
  });

  it('catches answers Graph would not give', () => {
    expect(objectProblems({ id: 'a', shoeSize: 42 }, USER, 'u', subset)).toEqual(['u.shoeSize: not a property of microsoft.graph.user']);
    expect(objectProblems({ id: 'a', accountEnabled: 'yes' }, USER, 'u', subset)).toEqual(['u.accountEnabled: expected a boolean']);
    expect(objectProblems({ id: 'a', employeeHireDate: '2020-01-01' }, USER, 'u', subset)).toEqual(['u.employeeHireDate: expected a date-time with offset']);
    expect(objectProblems({ id: null }, USER, 'u', subset)).toEqual(['u.id: null is not allowed']);
    expect(objectProblems({ id: 'a', mailboxSettings: { timeZone: 5 } }, USER, 'u', subset)).toEqual(['u.mailboxSettings.timeZone: expected a string']);
  });
});
