import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import type { DirectoryPerson } from '@/services/graph/directory-person';
import { GraphClient } from '@/services/graph/graph-client';
import type { StoredProfile } from '@/services/profile/profile-store';
import { openProgrammeStore, PROGRAMME_LISTS } from '@/services/programme/programme-store';
import type { SignedInPerson } from '@/services/identity/identity';
import { storeCheckIn } from '@/services/programme/check-in-store';
import { ensureMyPairSeal } from '@/services/programme/person-key';
import { readOwnerKeys } from '@/services/programme/programme-store';
import { CheckInError, everyRecord, myRecords, recordCheckIn, recordEnding, recordEvaluation, sealRecord } from './check-ins';
import { healthCsv, readHealthReport, reportOf } from './programme-health';

const users = generateDemoTenant({ size: 200 });
const [margaret, diego, aisha, priya] = DEMO_PEOPLE as unknown as readonly [SignedInPerson, SignedInPerson, SignedInPerson, SignedInPerson];
const NOW = new Date('2026-11-23T17:00:00Z');

async function tenant() {
  const extensions = generateDemoProfiles(users);
  const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
  graph.waitFor(seedDemoProgrammeStore(graph, extensions));
  const storeOf = (person: SignedInPerson) =>
    openProgrammeStore(new GraphClient({ identity: createDemoIdentity(person), fetch: graph.fetch, sleep: () => Promise.resolve() }), DEMO_OWNER_GROUP_ID);
  const personOf = (id: string): SignedInPerson => {
    const user = users.find((u) => u.id === id)!;
    return { id, displayName: user.displayName, userPrincipalName: user.userPrincipalName, tenantId: priya.tenantId };
  };
  const storedItems = () => graph.lists.snapshot()[0]!.lists.find((l) => l.displayName === PROGRAMME_LISTS.checkIns)!.items;
  return { graph, storeOf, personOf, storedItems };
}

const held = { with: margaret.id, session: '2026-11-23', outcome: 'held' as const, pulse: 4 as const, note: 'Margaret asked for more examples next time.' };

describe('check-ins', () => {
  it('are read by the person and the owners, and by no one else: not the partner, not another participant', async () => {
    const { storeOf, storedItems } = await tenant();
    await recordCheckIn(await storeOf(diego), diego.id, held, NOW);

    expect((await myRecords(await storeOf(diego), diego.id)).checkIns).toEqual([{ ...held, by: diego.id, at: NOW.toISOString() }]);
    const owner = await everyRecord(await storeOf(priya));
    expect(owner.checkIns).toEqual([{ ...held, by: diego.id, at: NOW.toISOString() }]);
    for (const other of [margaret, aisha]) {
      const read = await everyRecord(await storeOf(other));
      expect(read.checkIns).toEqual([]);
      expect(read.unread).toBe(1);
    }
    // The store shows who checked in and when, nothing of what or about whom.
    const raw = JSON.stringify(storedItems());
    expect(raw).toContain(diego.id);
    expect(raw).not.toContain(margaret.id);
    expect(raw).not.toContain('examples');
    expect(raw).not.toContain('held');
  });

  it('refuses what is not a check-in, in words, and stores nothing', async () => {
    const { storeOf, storedItems } = await tenant();
    const store = await storeOf(diego);
    const refused = async (input: Parameters<typeof recordCheckIn>[2]) => {
      const error = await recordCheckIn(store, diego.id, input, NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CheckInError);
      return (error as Error).message;
    };
    expect(await refused({ ...held, note: 'x'.repeat(281) })).toBe('The line to the owners is over 280 characters: shorten it, then save again.');
    expect(await refused({ ...held, with: diego.id })).toBe('A check-in is about a session with your partner.');
    expect(await refused({ ...held, outcome: 'cancelled', cancelledBy: aisha.id })).toBe('Only you or your partner can have cancelled this session.');
    expect(await refused({ ...held, pulse: 7 as never })).toBe('This check-in could not be read: choose what happened again.');
    expect(await refused({ ...held, session: 'tomorrow' })).toBe('This check-in could not be read: choose what happened again.');
    expect(await refused({ ...held, session: '2026-13-45' })).toBe('This check-in could not be read: choose what happened again.');
    expect(storedItems()).toHaveLength(0);
  });

  it('keeps a line of exactly 280 characters, trims spaces, and drops who cancelled from a session that was not cancelled', async () => {
    const { storeOf } = await tenant();
    const store = await storeOf(diego);
    const line = 'y'.repeat(280);
    expect((await recordCheckIn(store, diego.id, { ...held, note: `  ${line}  ` }, NOW)).note).toBe(line);
    expect(await recordCheckIn(store, diego.id, { ...held, note: '   ', cancelledBy: diego.id }, NOW)).toEqual({
      with: margaret.id,
      session: '2026-11-23',
      outcome: 'held',
      pulse: 4,
      by: diego.id,
      at: NOW.toISOString(),
    });
  });

  it('keep evaluations as check-ins are kept: for the person and the owners, refusing what the programme could not have asked', async () => {
    const { storeOf, storedItems } = await tenant();
    const evaluation = { with: margaret.id, stage: 'start' as const, goals: 2 as const, answers: [{ statement: 'I would recommend the programme to a colleague.', value: 4 as const }] };
    await recordEvaluation(await storeOf(diego), diego.id, evaluation, NOW);
    expect((await myRecords(await storeOf(diego), diego.id)).evaluations).toEqual([{ ...evaluation, by: diego.id, at: NOW.toISOString() }]);
    expect((await everyRecord(await storeOf(priya))).evaluations).toEqual([{ ...evaluation, by: diego.id, at: NOW.toISOString() }]);
    const partner = await everyRecord(await storeOf(margaret));
    expect(partner).toMatchObject({ checkIns: [], evaluations: [], unread: 1 });
    expect(JSON.stringify(storedItems())).not.toContain('recommend');

    const store = await storeOf(diego);
    for (const input of [
      { ...evaluation, goals: 0 as never },
      { ...evaluation, answers: [{ statement: 'x'.repeat(141), value: 3 as const }] },
      { ...evaluation, answers: Array.from({ length: 6 }, (_, i) => ({ statement: `Statement ${i}`, value: 3 as const })) },
    ]) {
      const error = await recordEvaluation(store, diego.id, input, NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CheckInError);
    }
    expect(await recordEvaluation(store, diego.id, { ...evaluation, with: diego.id }, NOW).catch((e: unknown) => e)).toMatchObject({
      message: 'An evaluation is about a pairing with your partner.',
    });
    expect(storedItems()).toHaveLength(1);
  });

  it('give the owner counts and pulses only over five people or more, and their lines', async () => {
    const { storeOf, personOf } = await tenant();
    const mentors = users.filter((u) => u.id !== margaret.id).slice(10, 16);
    const executive = margaret.id;
    const profiles: StoredProfile[] = [
      {
        personId: executive,
        mentee: { wantsToLearn: ['ai'] },
        languages: ['en'],
        timeZone: 'Europe/London',
        load: 0,
        updated: NOW.toISOString(),
        bookings: mentors.map((m) => ({
          with: m.id,
          start: '2026-11-02T15:00:00Z',
          zone: 'Europe/London',
          everyWeeks: 1,
          weeks: 12,
          minutes: 45,
          uid: `uid-${m.id}`,
          workspace: 'https://x.example/w',
        })),
      },
      ...mentors.map((m) => ({ personId: m.id, mentor: { capacity: 3, canTeach: ['ai'] }, languages: ['en'], timeZone: 'Europe/London', load: 1, updated: NOW.toISOString() })),
    ];
    const people = new Map<string, DirectoryPerson>();
    const input = { profiles, people, now: NOW.getTime() };

    for (const m of mentors.slice(0, 4)) await recordCheckIn(await storeOf(personOf(m.id)), m.id, { with: executive, session: '2026-11-16', outcome: 'held', pulse: 5 }, NOW);
    const four = await readHealthReport(await storeOf(priya), input);
    expect(four.health.pulse).toEqual({ people: 4, withheld: true });
    expect(healthCsv(four, (id) => id)).toContain('"Average pulse (1–5; empty under five people)",""');

    await recordCheckIn(await storeOf(personOf(mentors[4]!.id)), mentors[4]!.id, { with: executive, session: '2026-11-16', outcome: 'held', pulse: 3, note: 'Good start.' }, NOW);
    const five = await readHealthReport(await storeOf(priya), input);
    expect(five.health.pulse).toEqual({ people: 5, value: 23 / 5 });
    expect(five.health.sessions).toMatchObject({ planned: 24, held: 5, unrecorded: 19 });
    expect(five.health.lines).toEqual([{ by: mentors[4]!.id, with: executive, session: '2026-11-16', note: 'Good start.' }]);
  });

  it('leave out a check-in written past the app about a day that is not a date, so the owners still see the rest', async () => {
    const { storeOf } = await tenant();
    const store = await storeOf(diego);
    await recordCheckIn(store, diego.id, held, NOW);
    const owners = [...(await readOwnerKeys(store)).values()];
    const forged = await sealRecord(await ensureMyPairSeal(store.client), { ...held, session: '2026-13-45', by: diego.id, at: new Date(NOW.getTime() + 1).toISOString() }, owners);
    await storeCheckIn(store, forged);

    const read = await everyRecord(await storeOf(priya));
    expect(read.checkIns.map((c) => c.session)).toEqual(['2026-11-23']);
    expect(read.unread).toBe(1);
  });

  it('keep a pairing ended early with its reason for the owners alone, refusing a reason over 280 characters', async () => {
    const { storeOf, storedItems } = await tenant();
    const store = await storeOf(margaret);
    const reason = 'Our calendars never lined up.';
    await recordEnding(store, margaret.id, { with: diego.id, reason: `  ${reason} ` }, NOW);
    await recordEnding(store, margaret.id, { with: aisha.id, reason: '   ' }, NOW);
    expect((await everyRecord(await storeOf(priya))).endings).toEqual([
      { by: margaret.id, with: diego.id, reason, at: NOW.toISOString() },
      { by: margaret.id, with: aisha.id, at: NOW.toISOString() },
    ]);
    expect(await everyRecord(await storeOf(diego))).toMatchObject({ endings: [], unread: 2 });
    expect(JSON.stringify(storedItems())).not.toContain('calendars');
    const refused = await recordEnding(store, margaret.id, { with: diego.id, reason: 'x'.repeat(281) }, NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CheckInError);
    expect(storedItems()).toHaveLength(2);
  });

  it('report only the statements the programme asks: an evaluation written past the app could name any', () => {
    const profiles: StoredProfile[] = [
      { personId: margaret.id, mentee: { wantsToLearn: ['ai'] }, languages: ['en'], timeZone: 'Europe/London', load: 0, updated: NOW.toISOString() },
      { personId: diego.id, mentor: { capacity: 1, canTeach: ['ai'] }, languages: ['en'], timeZone: 'Europe/London', load: 1, updated: NOW.toISOString() },
    ];
    const evaluation = {
      by: diego.id,
      with: margaret.id,
      stage: 'start' as const,
      goals: 3 as const,
      answers: [
        { statement: 'Asked', value: 4 as const },
        { statement: 'Made up', value: 1 as const },
      ],
      at: NOW.toISOString(),
    };
    const input = { profiles, people: new Map<string, DirectoryPerson>(), now: NOW.getTime() };
    const records = { checkIns: [], evaluations: [evaluation] };
    // (No pair is booked here, so the evaluations are no pair's: none shows.)
    expect(reportOf(input, records).health.evaluation.statements).toEqual([]);
    const booked = [
      {
        ...profiles[0]!,
        bookings: [{ with: diego.id, start: '2026-11-02T15:00:00Z', zone: 'Europe/London', everyWeeks: 1, weeks: 12, minutes: 45, uid: 'u', workspace: 'https://x.example/w' }],
      },
      profiles[1]!,
    ];
    expect(reportOf({ ...input, profiles: booked }, records).health.evaluation.statements.map((s) => s.statement)).toEqual(['Asked', 'Made up']);
    expect(reportOf({ ...input, profiles: booked, statements: ['Asked'] }, records).health.evaluation.statements.map((s) => s.statement)).toEqual(['Asked']);
  });
});
