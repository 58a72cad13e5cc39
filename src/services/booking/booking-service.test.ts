import { describe, expect, it } from 'vitest';
import { occurrencesBetween, seriesFor } from '@/domain/scheduling/recurrence';
import { findSlotsStretching } from '@/domain/scheduling/slots';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { demoCalendarSeed } from '@/demo/graph/demo-calendars';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { catalogIdOf } from '@/demo/graph/fake-chats';
import { FakeGraph, type GraphFaults } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { GraphPermissionError } from '@/services/graph/graph-errors';
import { createDemoIdentity } from '@/demo/demo-identity';
import {
  bookSeries,
  DRIVE_PROVISIONING_WAITS_MS,
  endSeries,
  findMyCopy,
  findSeries,
  listOccurrences,
  OneDriveNotReadyError,
  pairKeyOf,
  readSeries,
  rescheduleSeries,
  respondToSeries,
  skipOccurrence,
  type BookingRequest,
} from './booking-service';
import { readSchedules } from './schedule-reader';
import { corruptAnswers, corruptBatchParts } from '@/services/graph/corrupt-answers';
import { GraphAnswerError } from '@/services/graph/graph-errors';

const users = generateDemoTenant({ size: 300 });
const [margaret, diego] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const APP_ID = '11111111-2222-4333-8444-555555555555';
const userOf = (id: string) => users.find((u) => u.id === id)!;
const person = (id: string) => ({ id, displayName: userOf(id).displayName, mail: userOf(id).mail! });

const graphWith = (faults: Partial<GraphFaults> = {}) =>
  new FakeGraph({ users, calendarSeed: demoCalendarSeed, catalog: new Map([[APP_ID, 'Reverse mentoring']]), faults, now: () => new Date('2026-11-23T09:00:00Z') });
const clientFor = (graph: FakeGraph, who = margaret) => new GraphClient({ identity: createDemoIdentity(who), fetch: graph.fetch, sleep: () => Promise.resolve() });

const request = (start = '2027-01-05T15:00:00Z'): BookingRequest => ({
  organiser: person(margaret.id),
  partner: person(diego.id),
  series: seriesFor(start, 'Europe/London', { everyWeeks: 2, weeks: 26, minutes: 45 }),
  programmeName: 'Reverse <mentoring>',
  app: { teamsAppId: APP_ID, origin: 'https://rm.contoso.example', tabName: 'Pair workspace' },
});

const pairSeries = (graph: FakeGraph, userId: string) => graph.calendars.eventsOf(userId).filter((e) => !e.id.startsWith('seed-'));

describe('reading both calendars', () => {
  it('reads 26 weeks of free/busy for both in one $batch, with working hours in IANA zones', async () => {
    const graph = graphWith();
    const client = clientFor(graph);
    const schedules = await readSchedules(
      client,
      [margaret.id, diego.id].map((id) => ({ address: person(id).mail, fallbackZone: userOf(id).mailboxSettings.timeZone })),
      new Date('2026-11-30T00:00:00Z'),
      26,
    );
    expect(client.stats.requests).toBe(1);
    const exec = schedules.get(person(margaret.id).mail);
    const junior = schedules.get(person(diego.id).mail);
    expect(exec?.kind).toBe('read');
    expect(junior?.kind).toBe('read');
    if (exec?.kind !== 'read' || junior?.kind !== 'read') return;
    expect(exec.availability.timeZone).toBe(userOf(margaret.id).mailboxSettings.timeZone);
    // Executives are far busier than juniors.
    expect(exec.availability.busy.length).toBeGreaterThan(2 * junior.availability.busy.length);
    const slots = findSlotsStretching({ organiser: exec.availability, partner: junior.availability, from: '2026-11-30', everyWeeks: 2, minutes: 45, weeks: 26 });
    expect(slots.length).toBeGreaterThan(0);
  });

  it('says whose calendar cannot be read, and refuses a window over 62 days as Graph does', async () => {
    const graph = graphWith();
    const client = clientFor(graph);
    const schedules = await readSchedules(client, [{ address: 'someone@fabrikam.example', fallbackZone: 'UTC' }], new Date('2026-11-30T00:00:00Z'), 4);
    expect(schedules.get('someone@fabrikam.example')).toMatchObject({ kind: 'unreadable', code: 'ErrorMailRecipientNotFound' });
    const tooLong = await graph.fetch('https://graph.microsoft.com/v1.0/me/calendar/getSchedule', {
      method: 'POST',
      headers: { authorization: `Bearer ${await createDemoIdentity(margaret).getAccessToken(['Calendars.ReadWrite'])}` },
      body: JSON.stringify({
        schedules: ['x@contoso.example'],
        startTime: { dateTime: '2027-01-01T00:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2027-04-01T00:00:00', timeZone: 'UTC' },
      }),
    });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: { code: string } }).error.code).toBe('ErrorTimeIntervalTooBig');
  });

  it('names the permission when calendars may not be read', async () => {
    const graph = graphWith();
    const client = new GraphClient({ identity: { getAccessToken: () => createDemoIdentity(margaret).getAccessToken(['User.Read']) }, fetch: graph.fetch, sleep: () => Promise.resolve() });
    await expect(readSchedules(client, [{ address: person(diego.id).mail, fallbackZone: 'UTC' }], new Date('2026-11-30T00:00:00Z'), 4)).rejects.toBeInstanceOf(GraphPermissionError);
  });
});

describe('booking a pair', () => {
  it('creates one series in both calendars, a workspace shared with the partner only, and the meeting tab, in at most 8 requests', async () => {
    const graph = graphWith();
    const client = clientFor(graph);
    const result = await bookSeries(client, { ...request(), codeOfConduct: 'We keep it between us.' });
    expect(client.stats.requests).toBeLessThanOrEqual(7);
    expect(result.existed).toBe(false);
    expect(result.chatTab).toEqual({ kind: 'added' });
    const [mine] = pairSeries(graph, margaret.id);
    const [theirs] = pairSeries(graph, diego.id);
    expect(pairSeries(graph, margaret.id)).toHaveLength(1);
    expect(pairSeries(graph, diego.id)).toHaveLength(1);
    expect(theirs?.iCalUId).toBe(mine?.iCalUId);
    expect(mine?.recurrence?.pattern).toEqual({ type: 'weekly', interval: 2, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' });
    expect(mine?.start).toEqual({ dateTime: '2027-01-05T15:00:00', timeZone: 'GMT Standard Time' });
    expect(mine?.isOnlineMeeting).toBe(true);
    // User text is escaped in the body; the workspace is linked.
    expect(mine?.body.content).toContain('Reverse &lt;mentoring&gt;');
    expect(mine?.body.content).toContain(result.workspace.webUrl.replace(/&/g, '&amp;'));
    const [file] = graph.drives.snapshot();
    expect(file?.permissions.map((p) => p.userId)).toEqual([diego.id]);
    // The workspace starts from the programme's code of conduct.
    expect((JSON.parse(file!.content) as { agenda: { conduct: { value: string }[] } }).agenda.conduct[0]?.value).toBe('We keep it between us.');
    const threadId = graph.chats.snapshot().meetings[0]!.threadId;
    expect(graph.chats.tabsOf(threadId)).toEqual([expect.objectContaining({ teamsAppId: catalogIdOf(APP_ID), configuration: expect.objectContaining({ entityId: 'pair-workspace' }) })]);
  });

  it('books once however often it is retried: again, after lost answers, and from two tabs at once', async () => {
    const graph = graphWith();
    await bookSeries(clientFor(graph), request());
    const again = await bookSeries(clientFor(graph), request());
    expect(again.existed).toBe(true);
    // The app is installed already (409): the tab is found by listing the chat's tabs, which TeamsTab.Create does not allow.
    expect(again.chatTab).toEqual({ kind: 'added' });
    // A different time from a second tab finds the series already there.
    await bookSeries(clientFor(graph), request('2027-01-07T10:00:00Z'));
    expect(pairSeries(graph, margaret.id)).toHaveLength(1);
    expect(pairSeries(graph, diego.id)).toHaveLength(1);
    expect(graph.drives.snapshot()).toHaveLength(1);
    expect(graph.chats.tabsOf(graph.chats.snapshot().meetings[0]!.threadId)).toHaveLength(1);

    const lossy = graphWith({ dropRate: 0.3 });
    for (let k = 0; k < 5; k++) {
      try {
        await bookSeries(clientFor(lossy), request());
      } catch {
        // The retry policy gave up on this attempt; the next click tries again.
      }
    }
    expect(pairSeries(lossy, margaret.id).length).toBe(1);

    const racing = graphWith();
    await Promise.all([bookSeries(clientFor(racing), request()), bookSeries(clientFor(racing), request('2027-01-07T10:00:00Z'))]);
    expect(pairSeries(racing, margaret.id)).toHaveLength(1);
    expect(pairSeries(racing, diego.id)).toHaveLength(1);
  });

  it('tells the pair how to add the tab themselves when chat apps are not allowed', async () => {
    const graph = graphWith({ chatAppsDenied: true });
    const result = await bookSeries(clientFor(graph), request());
    expect(result.chatTab).toEqual({
      kind: 'manual',
      reason: 'Your organisation has not allowed the app to add itself to meeting chats.',
      installLink: `https://teams.microsoft.com/l/app/${catalogIdOf(APP_ID)}`,
    });
    expect(pairSeries(graph, margaret.id)).toHaveLength(1);
  });

  it('reschedules, skips one session, hears the partner decline, and ends the pairing keeping history', async () => {
    const graph = graphWith();
    const client = clientFor(graph);
    const booked = await bookSeries(client, request());
    const key = pairKeyOf(margaret.id, diego.id);

    // The partner replies from their own calendar.
    const copy = await findMyCopy(clientFor(graph, diego), booked.series.iCalUId);
    expect(copy?.response).toBe('notResponded');
    await respondToSeries(clientFor(graph, diego), copy!.id, false, 'Tuesdays clash with my course');
    expect((await readSeries(client, booked.series.id, person(diego.id).mail))?.partnerResponse).toBe('declined');

    // Moving the series asks the partner again.
    const moved = seriesFor('2027-01-07T11:00:00Z', 'Europe/London', { everyWeeks: 2, weeks: 26, minutes: 45 });
    await rescheduleSeries(client, booked.series.id, moved);
    expect((await readSeries(client, booked.series.id, person(diego.id).mail))?.partnerResponse).toBe('none');
    expect(pairSeries(graph, diego.id)[0]?.recurrence?.pattern.daysOfWeek).toEqual(['thursday']);

    const next = await listOccurrences(client, booked.series.id, new Date('2027-01-01T00:00:00Z'), new Date('2027-02-15T00:00:00Z'));
    expect(next.map((o) => o.start)).toEqual(['2027-01-07T11:00:00Z', '2027-01-21T11:00:00Z', '2027-02-04T11:00:00Z']);
    await skipOccurrence(client, next[1]!.id, 'Away that week');
    const after = await listOccurrences(client, booked.series.id, new Date('2027-01-01T00:00:00Z'), new Date('2027-02-15T00:00:00Z'));
    expect(after.map((o) => o.start)).toEqual(['2027-01-07T11:00:00Z', '2027-02-04T11:00:00Z']);
    const partnerCopy = pairSeries(graph, diego.id)[0]!;
    expect(partnerCopy.cancelled).toEqual(['2027-01-21T11:00:00Z']);

    await endSeries(client, booked.series.id, moved, '2027-02-10');
    const kept = pairSeries(graph, margaret.id)[0]!;
    const shape = { start: '2027-01-07T11:00', timeZone: 'Europe/London', minutes: 45, recurrence: kept.recurrence! };
    expect(occurrencesBetween(shape, '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z', new Set(kept.cancelled))).toEqual(['2027-01-07T11:00:00Z', '2027-02-04T11:00:00Z']);
    expect(await findSeries(client, key)).toHaveLength(1);
    expect(graph.drives.snapshot()).toHaveLength(1);
  });

  it('cancels a series that has not started when the pairing ends', async () => {
    const graph = graphWith();
    const client = clientFor(graph);
    const booked = await bookSeries(client, request());
    await endSeries(client, booked.series.id, request().series, '2026-12-01');
    expect(pairSeries(graph, margaret.id)).toHaveLength(0);
    expect(pairSeries(graph, diego.id)).toHaveLength(0);
  });
});

describe('an organiser whose OneDrive was never opened (https://learn.microsoft.com/graph/api/drive-get)', () => {
  /** A tenant where Margaret's OneDrive is not provisioned, with a clock that only the injected sleep moves. */
  const unprovisioned = () => {
    let now = new Date('2026-11-23T09:00:00Z').getTime();
    const graph = new FakeGraph({ users, catalog: new Map([[APP_ID, 'Reverse mentoring']]), faults: { drivesNotProvisioned: [margaret.id] }, now: () => new Date(now) });
    const slept: number[] = [];
    const client = (clockMoves: boolean) =>
      new GraphClient({
        identity: createDemoIdentity(margaret),
        fetch: graph.fetch,
        sleep: (ms) => {
          slept.push(ms);
          if (clockMoves) now += ms;
          return Promise.resolve();
        },
      });
    return { graph, client, slept };
  };

  it('starts provisioning, waits and tries again, then books', async () => {
    const { graph, client, slept } = unprovisioned();
    const booked = await bookSeries(client(true), request());
    expect(booked.workspace.driveId).toBe(`b!${margaret.id}`);
    expect(slept).toEqual([...DRIVE_PROVISIONING_WAITS_MS]);
    expect(pairSeries(graph, margaret.id)).toHaveLength(1);
  });

  it('gives up after a bounded wait and says what to do, booking nothing', async () => {
    const { graph, client, slept } = unprovisioned();
    const failure = bookSeries(client(false), request());
    await expect(failure).rejects.toBeInstanceOf(OneDriveNotReadyError);
    await expect(failure).rejects.toThrow(/Open OneDrive once/);
    expect(slept).toEqual([...DRIVE_PROVISIONING_WAITS_MS]);
    expect(pairSeries(graph, margaret.id)).toHaveLength(0);
  });

  it('books at once when the organiser opened OneDrive in the meantime', async () => {
    const { graph, client, slept } = unprovisioned();
    graph.drives.provision(margaret.id);
    await bookSeries(client(false), request());
    expect(slept).toEqual([]);
  });
});

describe("booking reads Graph's answers with a schema", () => {
  const withFetch = (graph: FakeGraph, fetch: typeof graph.fetch) => new GraphClient({ identity: createDemoIdentity(margaret), fetch, sleep: () => Promise.resolve() });

  it('free/busy of another shape fails with GraphAnswerError naming what was being read', async () => {
    const graph = graphWith();
    const client = withFetch(
      graph,
      corruptBatchParts(graph.fetch, 'getSchedule', () => ({ value: [{ scheduleId: person(diego.id).mail, scheduleItems: [{ status: 'busy' }] }] })),
    );
    const error = await readSchedules(client, [{ address: person(diego.id).mail, fallbackZone: 'UTC' }], new Date('2026-11-30T00:00:00Z'), 4).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphAnswerError);
    expect(error).toMatchObject({ operation: 'reading free/busy times', message: expect.not.stringContaining('scheduleItems') });
  });

  it('a calendar search of another shape fails with GraphAnswerError before anything is created', async () => {
    const graph = graphWith();
    const client = withFetch(
      graph,
      corruptAnswers(graph.fetch, ({ url, method }) => (method === 'GET' && url.includes('/me/events?') ? { value: [{ subject: 'no id' }] } : undefined)),
    );
    await expect(bookSeries(client, request())).rejects.toBeInstanceOf(GraphAnswerError);
    expect(pairSeries(graph, margaret.id)).toEqual([]);
  });

  it('a workspace upload answered without its drive fails with GraphAnswerError', async () => {
    const graph = graphWith();
    const client = withFetch(
      graph,
      corruptAnswers(graph.fetch, ({ method, url }) => (method === 'PUT' && url.includes('/content') ? { id: 'x' } : undefined)),
    );
    await expect(bookSeries(client, request())).rejects.toMatchObject({ name: 'GraphAnswerError', operation: 'creating the pair’s workspace in your OneDrive' });
  });

  it('an unexpected meeting lookup leaves the tab to the pair, and the sessions stay booked', async () => {
    const graph = graphWith();
    const client = withFetch(
      graph,
      corruptBatchParts(graph.fetch, '/me/onlineMeetings', () => ({ value: [{ chatInfo: { threadId: 42 } }] })),
    );
    const result = await bookSeries(client, request());
    expect(result.chatTab).toMatchObject({ kind: 'manual', reason: 'Teams answered in a way the app did not expect, so the tab was not added.' });
    expect(pairSeries(graph, margaret.id)).toHaveLength(1);
  });

  it('occurrences of another shape fail with GraphAnswerError', async () => {
    const graph = graphWith();
    const booked = await bookSeries(clientFor(graph), request());
    const client = withFetch(
      graph,
      corruptAnswers(graph.fetch, ({ url }) => (url.includes('/instances?') ? { value: [{ id: 'x', start: 'soon' }] } : undefined)),
    );
    await expect(listOccurrences(client, booked.series.id, new Date('2027-01-01T00:00:00Z'), new Date('2027-03-01T00:00:00Z'))).rejects.toBeInstanceOf(GraphAnswerError);
  });
});
