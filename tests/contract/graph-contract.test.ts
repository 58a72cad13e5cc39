import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphSubset } from '../../scripts/graph-metadata/extract-subset';
import { DEMO_PEOPLE } from '../../src/demo/demo-people';
import { loadDirectory, refreshDirectory } from '../../src/services/graph/directory-loader';
import { generateDemoTenant } from '../../src/demo/graph/demo-tenant';
import { FakeGraph } from '../../src/demo/graph/fake-graph';
import { GraphClient, type FetchLike } from '../../src/services/graph/graph-client';
import { createDemoIdentity } from '../../src/demo/demo-identity';
import { optOut, readProfiles, saveMyProfile } from '../../src/services/profile/profile-store';
import { seriesFor } from '../../src/domain/scheduling/recurrence';
import { bookSeries, listOccurrences, rescheduleSeries, skipOccurrence } from '../../src/services/booking/booking-service';
import { readSchedules } from '../../src/services/booking/schedule-reader';
import { demoCalendarSeed } from '../../src/demo/graph/demo-calendars';
import { objectProblems, requestProblems } from './odata-contract';

const subset = JSON.parse(readFileSync(new URL('./graph-v1.0-subset.json', import.meta.url), 'utf8')) as GraphSubset;
const USER = 'microsoft.graph.user';

interface Exchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  status: number;
  body: unknown;
  requestBody?: unknown;
}

/** Records every request the app makes (each one inside a $batch too) and its answer. */
function recording(graph: FakeGraph) {
  const exchanges: Exchange[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const text_ = request.method === 'POST' || request.method === 'PATCH' ? await request.clone().text() : '';
    let requestBody: unknown;
    try {
      requestBody = text_ ? (JSON.parse(text_) as unknown) : undefined;
    } catch {
      requestBody = undefined;
    }
    const sent = request.url.endsWith('$batch') ? (requestBody as { requests?: { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown }[] }) : undefined;
    const response = await graph.fetch(request);
    const text = await response.clone().text();
    const body = (text ? JSON.parse(text) : undefined) as { responses?: { id: string; status: number; body: unknown }[] } | undefined;
    exchanges.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), status: response.status, body, requestBody });
    for (const sub of sent?.requests ?? []) {
      const answer = body?.responses?.find((r) => r.id === sub.id);
      exchanges.push({ method: sub.method, url: sub.url, headers: sub.headers ?? {}, status: answer?.status ?? 0, body: answer?.body, requestBody: sub.body });
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
    await readProfiles(
      client,
      users.slice(0, 30).map((u) => u.id),
    );
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

describe('booking’s Graph requests and answers, against Graph v1.0’s types', () => {
  it('sends events and reads free/busy, files, sharing, meetings, apps and tabs with only the properties Graph defines', async () => {
    const users = generateDemoTenant({ size: 300 });
    const appId = '11111111-2222-4333-8444-555555555555';
    const graph = new FakeGraph({ users, calendarSeed: demoCalendarSeed, catalog: new Map([[appId, 'Reverse mentoring']]) });
    const { exchanges, fetch } = recording(graph);
    const client = new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[0]!), fetch, sleep: () => Promise.resolve() });
    const person = (id: string) => {
      const user = users.find((u) => u.id === id)!;
      return { id, displayName: user.displayName, mail: user.mail! };
    };
    const [margaret, diego] = [person(DEMO_PEOPLE[0]!.id), person(DEMO_PEOPLE[1]!.id)];
    await readSchedules(
      client,
      [margaret, diego].map((p) => ({ address: p.mail, fallbackZone: 'UTC' })),
      new Date('2026-11-30T00:00:00Z'),
      8,
    );
    const series = seriesFor('2027-01-05T15:00:00Z', 'Europe/London', { everyWeeks: 2, weeks: 26, minutes: 45 });
    const booked = await bookSeries(client, {
      organiser: margaret,
      partner: diego,
      series,
      programmeName: 'Reverse mentoring',
      app: { teamsAppId: appId, origin: 'https://x.example', tabName: 'Pair workspace' },
    });
    const next = await listOccurrences(client, booked.series.id, new Date('2027-01-01T00:00:00Z'), new Date('2027-03-01T00:00:00Z'));
    await rescheduleSeries(client, booked.series.id, series);
    await skipOccurrence(client, next[1]!.id, 'Away');

    const typeOf = (e: Exchange): string | undefined => {
      const path = new URL(e.url, 'https://graph.microsoft.com/v1.0/').pathname.replace(/^\/v1\.0/, '');
      if (/\/events(\/[^/]+)?(\/instances)?$/.test(path)) return 'microsoft.graph.event';
      if (path.endsWith('/getSchedule')) return 'microsoft.graph.scheduleInformation';
      if (path.endsWith(':/content') || /\/drive\/root:/.test(path)) return 'microsoft.graph.driveItem';
      if (path.endsWith('/invite')) return 'microsoft.graph.permission';
      if (path.endsWith('/onlineMeetings')) return 'microsoft.graph.onlineMeeting';
      if (path.endsWith('/teamsApps')) return 'microsoft.graph.teamsApp';
      if (path.endsWith('/tabs')) return 'microsoft.graph.teamsTab';
      return undefined;
    };
    const checked = exchanges.filter((e) => typeOf(e) && !e.url.endsWith('$batch'));
    expect(new Set(checked.map(typeOf)).size).toBe(7);
    const sentEvents = checked.filter((e) => typeOf(e) === 'microsoft.graph.event' && e.requestBody !== undefined && e.method !== 'GET');
    expect(sentEvents.length).toBeGreaterThanOrEqual(2);
    const requestIssues = sentEvents.flatMap((e, i) => objectProblems(e.requestBody, 'microsoft.graph.event', `sent event ${i}`, subset));
    expect(requestIssues).toEqual([]);
    const answerIssues = checked
      .filter((e) => e.status === 200 || e.status === 201)
      .flatMap((e, i) => {
        const body = e.body as { value?: unknown[] } | undefined;
        const objects = Array.isArray(body?.value) ? body.value : body === undefined ? [] : [body];
        return objects.flatMap((object, j) => objectProblems(object, typeOf(e)!, `${e.method} ${e.url.split('?')[0]} ${i}.${j}`, subset));
      });
    expect(answerIssues).toEqual([]);
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
    expect(objectProblems({ subject: 'x', startTime: '09:00', isOnlineMeeting: 'yes' }, 'microsoft.graph.event', 'e', subset)).toEqual([
      'e.startTime: not a property of microsoft.graph.event',
      'e.isOnlineMeeting: expected a boolean',
    ]);
    expect(objectProblems({ singleValueExtendedProperties: [{ id: 'x', colour: 'y' }] }, 'microsoft.graph.event', 'e', subset)).toEqual([
      'e.singleValueExtendedProperties[0].colour: not a property of microsoft.graph.singleValueLegacyExtendedProperty',
    ]);
  });
});
