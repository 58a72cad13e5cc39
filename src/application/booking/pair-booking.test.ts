import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { demoCalendarSeed } from '@/demo/graph/demo-calendars';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import type { BookingRecord } from '@/domain/booking/pair-schedule';
import { parseWorkspaceRef, readWorkspace } from '@/services/agenda/workspace-store';
import { GraphClient } from '@/services/graph/graph-client';
import { readMyProfile, saveMyProfile } from '@/services/profile/profile-store';
import type { BookingPorts, PairPerson } from './booking-ports';
import { bookPairing, endPairing, endWithRound, executiveSchedule, findPairSeries, moveSeries, skipSession, upcomingSessions, type ExecutivePair } from './pair-booking';
import type { MyProfile } from '@/application/programme/my-profile';
import { profileRecords } from './profile-records';

const users = generateDemoTenant({ size: 300 });
const [margaret, diego] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const APP = { teamsAppId: '11111111-2222-4333-8444-555555555555', origin: 'https://rm.contoso.example', tabName: 'Pair workspace' };
const PROGRAMME = { name: 'Reverse mentoring' };
const pairPerson = (id: string, zone: string): PairPerson => {
  const u = users.find((x) => x.id === id)!;
  return { id, displayName: u.displayName, address: u.mail!, zone };
};
const pair: ExecutivePair = {
  me: pairPerson(margaret.id, 'Europe/London'),
  mentor: pairPerson(diego.id, 'America/Mexico_City'),
  cadence: { everyWeeks: 2, weeks: 26, minutes: 45 },
};
const FIRST = '2027-01-05T15:00:00Z';
const OTHER = '2027-01-07T10:00:00Z';

/**
 * Margaret, opted in, with her client against a fake Graph. `faults.recordWrite` makes the next
 * writes of her profile extension fail: `lost` carries the write out and loses its answer,
 * `refused` never reaches Graph.
 */
async function executive(clock = { now: new Date('2026-12-01T09:00:00Z') }) {
  const graph = new FakeGraph({ users, calendarSeed: demoCalendarSeed, catalog: new Map([[APP.teamsAppId, 'Reverse mentoring']]), now: () => clock.now });
  const faults: { recordWrite?: 'lost' | 'refused' } = {};
  const client = new GraphClient({
    identity: createDemoIdentity(margaret),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const write =
        (request.method !== 'GET' && new URL(request.url).pathname.endsWith('/me/extensions')) ||
        (/\/me\/extensions\/[^/]+$/.test(new URL(request.url).pathname) && request.method === 'PATCH');
      if (write && faults.recordWrite === 'refused') throw new TypeError('Failed to fetch');
      const answer = await graph.fetch(request);
      if (write && faults.recordWrite === 'lost') throw new TypeError('Failed to fetch (the connection dropped)');
      return answer;
    },
    sleep: () => Promise.resolve(),
    policy: { maxRetries: 1, maxTotalMs: 1000, baseDelayMs: 1, maxDelayMs: 1 },
  });
  const profile: MyProfile = { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'], timeZone: 'Europe/London', load: 0, updated: '2026-11-30T00:00:00Z' };
  await saveMyProfile(client, profile);
  const now = () => clock.now;
  const records = profileRecords(client, now, { personId: margaret.id, ...profile });
  const ports: BookingPorts = { graph: () => Promise.resolve(client), now, records };
  const series = (userId: string) => graph.calendars.eventsOf(userId).filter((e) => !e.id.startsWith('seed-'));
  const stored = async () => {
    const read = await readMyProfile(client, margaret.id);
    return read && !('damaged' in read) ? read.bookings : undefined;
  };
  return { graph, client, clock, faults, ports, records, series, stored };
}

const book = (ports: BookingPorts, start = FIRST) => bookPairing(ports, { pair, start, zone: 'Europe/London', programme: PROGRAMME, app: APP });

describe('booking a pairing', () => {
  it('books the series in both calendars, makes the workspace, and records it in the executive’s profile', async () => {
    const { ports, series, stored, client } = await executive();
    expect(executiveSchedule(ports, pair, undefined)).toEqual({ kind: 'unbooked' });
    const booked = await book(ports);
    expect(booked.existed).toBe(false);
    expect(series(margaret.id)).toHaveLength(1);
    expect(series(diego.id)).toHaveLength(1);
    expect(booked.record).toMatchObject({ with: diego.id, start: FIRST, zone: 'Europe/London', everyWeeks: 2, weeks: 26, minutes: 45, uid: booked.series.iCalUId });
    expect(await stored()).toEqual([booked.record]);
    expect(executiveSchedule(ports, pair, undefined)).toEqual({ kind: 'booked', booking: booked.record });
    const workspace = await readWorkspace(client, parseWorkspaceRef(booked.record.ref)!);
    expect(workspace.document.pair).toMatchObject({ executiveId: margaret.id, mentorId: diego.id });
    expect(booked.series.start).toBe(FIRST);
  });

  it('is completed by the next attempt when the record cannot be saved after the series exists, whatever time that attempt picks', async () => {
    const { ports, records, series, stored, faults } = await executive();
    faults.recordWrite = 'refused';
    await expect(book(ports)).rejects.toThrow();
    // Half-done: the series and workspace are there, the record is not (and the surface still says unbooked).
    expect(series(margaret.id)).toHaveLength(1);
    expect(await stored()).toBeUndefined();
    expect(records.current()?.bookings).toBeUndefined();
    expect(executiveSchedule(ports, pair, undefined).kind).toBe('unbooked');

    // The person tries again, even with another time: the one series is found by the pair's key and recorded as it is.
    delete faults.recordWrite;
    const again = await book(ports, OTHER);
    expect(again.existed).toBe(true);
    expect(series(margaret.id)).toHaveLength(1);
    expect(series(diego.id)).toHaveLength(1);
    expect(again.record.start).toBe(FIRST);
    expect(again.record.uid).toBe(series(margaret.id)[0]!.iCalUId);
    expect(await stored()).toEqual([again.record]);
    expect(executiveSchedule(ports, pair, undefined)).toEqual({ kind: 'booked', booking: again.record });
  });

  it('is completed by the next attempt when the record was saved but its answer was lost', async () => {
    const { ports, series, stored, faults } = await executive();
    faults.recordWrite = 'lost';
    await expect(book(ports)).rejects.toThrow();
    expect(await stored()).toHaveLength(1);
    delete faults.recordWrite;
    const again = await book(ports);
    expect(series(margaret.id)).toHaveLength(1);
    expect(await stored()).toEqual([again.record]);
  });

  it('books once when two tabs book different times at once, and both record the series that stays', async () => {
    const { ports, series, stored } = await executive();
    const [a, b] = await Promise.all([book(ports, FIRST), book(ports, OTHER)]);
    expect(series(margaret.id)).toHaveLength(1);
    expect(series(diego.id)).toHaveLength(1);
    const kept = series(margaret.id)[0]!;
    expect([a.series.iCalUId, b.series.iCalUId]).toContain(kept.iCalUId);
    // The tab whose series went may have recorded it last: looking the series up mends the record.
    const record = (await stored())![0]!;
    const found = await findPairSeries(ports, pair, record);
    expect(found !== 'none' && found.iCalUId).toBe(kept.iCalUId);
    expect(await stored()).toEqual([{ ...record, uid: kept.iCalUId, start: found !== 'none' ? found.start : undefined }]);
    // Once mended, looking again writes nothing.
    const saves = { count: 0 };
    await findPairSeries({ ...ports, records: { current: ports.records.current, save: async () => void saves.count++ } }, pair, (await stored())![0]!);
    expect(saves.count).toBe(0);
  });
});

describe('after booking', () => {
  async function booked() {
    const context = await executive();
    const done = await book(context.ports);
    const found = await findPairSeries(context.ports, pair);
    return { ...context, record: done.record, found };
  }

  it('finds the series by the pair, with the mentor’s reply', async () => {
    const { found, record } = await booked();
    expect(found).not.toBe('none');
    expect(found !== 'none' && found.iCalUId).toBe(record.uid);
    expect(found !== 'none' && found.partnerResponse).toBe('none');
  });

  it('moves the series and records the new time; a second try after the record failed completes it', async () => {
    const { ports, record, found, series, stored, faults } = await booked();
    faults.recordWrite = 'refused';
    await expect(moveSeries(ports, pair, record, found, OTHER, 'Europe/London')).rejects.toThrow();
    delete faults.recordWrite;
    const moved = await moveSeries(ports, pair, record, found, OTHER, 'Europe/London');
    expect(moved.partnerResponse).toBe('none');
    expect(series(margaret.id)).toHaveLength(1);
    expect(series(margaret.id)[0]!.start.dateTime.startsWith('2027-01-07T10:00')).toBe(true);
    expect((await stored())?.[0]).toMatchObject({ start: OTHER, uid: record.uid });
    expect(await findPairSeries(ports, pair)).toMatchObject({ start: OTHER });
  });

  it('lists the next ten weeks of sessions from the injected clock, and skips one', async () => {
    const { ports, found, clock } = await booked();
    clock.now = new Date('2027-01-01T00:00:00Z');
    const upcoming = await upcomingSessions(ports, found);
    expect(upcoming.map((s) => s.start)).toEqual(['2027-01-05T15:00:00Z', '2027-01-19T15:00:00Z', '2027-02-02T15:00:00Z', '2027-02-16T15:00:00Z', '2027-03-02T15:00:00Z']);
    await skipSession(ports, pair, upcoming[1]!.id);
    expect((await upcomingSessions(ports, found)).map((s) => s.start)).not.toContain('2027-01-19T15:00:00Z');
    clock.now = new Date('2027-02-10T00:00:00Z');
    expect((await upcomingSessions(ports, found))[0]!.start).toBe('2027-02-16T15:00:00Z');
  });

  it('ends the pairing on the clock’s day in the series’ zone: past sessions stay, the record says ended', async () => {
    const { ports, record, found, series, stored, clock } = await booked();
    clock.now = new Date('2027-02-10T23:30:00Z');
    const ended = await endPairing(ports, pair, record, found);
    expect(ended.ended).toBe('2027-02-10');
    expect(series(margaret.id)[0]!.recurrence?.range.endDate).toBe('2027-02-09');
    expect((await stored())?.[0]?.ended).toBe('2027-02-10');
    expect(executiveSchedule(ports, pair, undefined).kind).toBe('ended');
  });

  it('ends a pairing that has not started (the series is cancelled); a retry after the record failed records it', async () => {
    const { ports, record, found, series, stored, faults } = await booked();
    faults.recordWrite = 'refused';
    await expect(endPairing(ports, pair, record, found)).rejects.toThrow();
    expect(series(margaret.id)).toHaveLength(0);
    delete faults.recordWrite;
    // The surface looks the series up again and finds none: ending then only records it.
    const gone = await findPairSeries(ports, pair);
    expect(gone).toBe('none');
    await endPairing(ports, pair, record, gone);
    expect((await stored())?.[0]?.ended).toBe('2026-12-01');
  });

  it('books within the round: the series’ last session is on or before the round’s last day', async () => {
    const { ports, series } = await executive();
    // 2027-01-05 is a Tuesday; every two weeks, the sixth session falls on the round's last day, 16 March 2027.
    const done = await bookPairing(ports, { pair, start: FIRST, zone: 'Europe/London', programme: PROGRAMME, app: APP, roundEnd: '2027-03-16' });
    expect(done.record.weeks).toBe(11);
    expect(series(margaret.id)[0]!.recurrence?.range).toMatchObject({ type: 'endDate', endDate: '2027-03-16' });
  });

  it('ends a series booked before its round with the round: later sessions go from both calendars, the record keeps the weeks left', async () => {
    const { ports, record, found, series, stored } = await booked();
    const fitted = await endWithRound(ports, pair, record, found, '2027-03-16');
    expect(fitted).toMatchObject({ weeks: 11 });
    expect(fitted.ended).toBeUndefined();
    expect(series(margaret.id)[0]!.recurrence?.range.endDate).toBe('2027-03-16');
    expect(series(diego.id)[0]!.recurrence?.range.endDate).toBe('2027-03-16');
    expect((await stored())?.[0]).toMatchObject({ weeks: 11 });
    expect(executiveSchedule(ports, pair, undefined).kind).toBe('booked');
  });

  it('cancels a series that begins after its round, which then ends before its first session; a first session after the round is not booked', async () => {
    const { ports, record, found, series, stored } = await booked();
    const fitted = await endWithRound(ports, pair, record, found, '2027-01-01');
    expect(fitted.ended).toBe('2027-01-01');
    expect(series(margaret.id)).toHaveLength(0);
    expect((await stored())?.[0]?.ended).toBe('2027-01-01');
    expect(executiveSchedule(ports, pair, undefined).kind).toBe('ended');
    await expect(bookPairing(ports, { pair, start: FIRST, zone: 'Europe/London', programme: PROGRAMME, app: APP, roundEnd: '2027-01-04' })).rejects.toThrow(
      /^The round ends on 2027-01-04: choose a first session on or before that day\.$/,
    );
  });

  it('changes nothing without the series', async () => {
    const { ports, record } = await booked();
    await expect(moveSeries(ports, pair, record, 'none', OTHER, 'Europe/London')).rejects.toThrow('The series was not found in your calendar.');
    await expect(upcomingSessions(ports, undefined)).rejects.toThrow('The series was not found in your calendar.');
    await expect(endPairing(ports, pair, record, undefined)).rejects.toThrow('The series was not found in your calendar.');
  });
});

describe('the executive’s schedule', () => {
  it('shows the mentor’s proposal while it is ahead of the clock', async () => {
    const { ports, clock } = await executive();
    const proposals = [{ with: margaret.id, start: '2027-01-06T10:00:00Z' }];
    expect(executiveSchedule(ports, pair, proposals)).toEqual({ kind: 'unbooked', proposal: '2027-01-06T10:00:00Z' });
    clock.now = new Date('2027-01-07T00:00:00Z');
    expect(executiveSchedule(ports, pair, proposals)).toEqual({ kind: 'unbooked' });
  });

  it('keeps other pairs’ records when it records one', async () => {
    const { ports, records, stored } = await executive();
    const other: BookingRecord = { with: 'someone-else', start: FIRST, zone: 'Europe/London', everyWeeks: 2, weeks: 26, minutes: 45, uid: 'x', workspace: 'https://contoso.example/w' };
    await records.save({ bookings: [other] });
    const booked = await book(ports);
    expect(await stored()).toEqual([other, booked.record]);
  });
});
