import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import type { BookingRecord } from '@/domain/booking/pair-schedule';
import { GraphClient } from '@/services/graph/graph-client';
import { readMyProfile, readStoredProfile } from '@/services/profile/profile-store';
import { createMissingLists, openProgrammeStore, readParticipants } from '@/services/programme/programme-store';
import { optOut, saveMyChoices, updateMyProfile, type Participation } from './my-profile';
import { pauseMe, pauseProblem } from './pause';
import { openParticipants } from './open-records';
import { bookingRecord } from '@/demo/testing/booking-record';

const users = generateDemoTenant({ size: 60 });
const margaret = DEMO_PEOPLE[0]!;
const NOW = Date.parse('2026-11-23T09:00:00Z');
const client = () => new GraphClient({ identity: createDemoIdentity(margaret), fetch: new FakeGraph({ users }).fetch, sleep: () => Promise.resolve() });
const booking: BookingRecord = bookingRecord({ with: DEMO_PEOPLE[2]!.id });

describe('my profile', () => {
  it('opts in from the person’s choices, in their time zone, marked updated by the clock', async () => {
    const graph = client();
    const saved = await saveMyChoices(
      graph,
      margaret.id,
      undefined,
      { mentee: { wantsToLearn: ['gaming'] }, learnInOwnWords: '  <b>games</b> ', hopeInOwnWords: ' to play with my kids ', teachInOwnWords: 'not a mentor', languages: ['en'] },
      { timeZone: 'Europe/Stockholm', now: NOW },
    );
    expect(saved).toEqual({
      personId: margaret.id,
      mentee: { wantsToLearn: ['gaming'] },
      learnInOwnWords: '<b>games</b>',
      hopeInOwnWords: 'to play with my kids',
      languages: ['en'],
      timeZone: 'Europe/Stockholm',
      load: 0,
      updated: '2026-11-23T09:00:00.000Z',
    });
    expect(await readMyProfile(graph, margaret.id)).toEqual(saved);
  });

  it('keeps what the programme recorded (request, booked series) when the person edits their choices', async () => {
    const graph = client();
    const first = await saveMyChoices(graph, margaret.id, undefined, { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'] }, { timeZone: 'UTC', now: NOW });
    const booked = await updateMyProfile(graph, first, { asked: booking.with, bookings: [booking] }, NOW);
    const edited = await saveMyChoices(graph, margaret.id, booked, { mentee: { wantsToLearn: ['social-media'] }, languages: ['en', 'sv'] }, { timeZone: 'UTC', now: NOW + 1000 });
    expect(edited).toMatchObject({ asked: booking.with, bookings: [booking], languages: ['en', 'sv'] });
    expect(await readMyProfile(graph, margaret.id)).toEqual(edited);
  });

  it('changes some fields (undefined removes one), refuses before opting in, and opts out', async () => {
    const graph = client();
    await expect(updateMyProfile(graph, undefined, { asked: 'x' }, NOW)).rejects.toThrow('Opt in first.');
    const first = await saveMyChoices(graph, margaret.id, undefined, { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'] }, { timeZone: 'UTC', now: NOW });
    const asked = await updateMyProfile(graph, first, { asked: booking.with }, NOW);
    const cleared = await updateMyProfile(graph, asked, { asked: undefined }, NOW);
    expect('asked' in cleared).toBe(false);
    await optOut(graph);
    expect(await readMyProfile(graph, margaret.id)).toBeUndefined();
  });
});

describe('my participation in the programme store', () => {
  const GROUP = '11111111-2222-4333-8444-555555555555';
  const priya = DEMO_PEOPLE[3]!;
  const setup = async (granted = true) => {
    const graph = new FakeGraph({ users, groups: new Map([[GROUP, new Set([priya.id])]]), ...(granted ? { siteGrants: new Map([[GROUP, 'manage' as const]]) } : {}) });
    const clientFor = (person: (typeof DEMO_PEOPLE)[number]) => new GraphClient({ identity: createDemoIdentity(person), fetch: graph.fetch, sleep: () => Promise.resolve() });
    if (granted) await createMissingLists(clientFor(priya), GROUP);
    const problems: string[] = [];
    const participation: Participation = { store: () => openProgrammeStore(clientFor(margaret), GROUP), onProblem: (message) => problems.push(message) };
    return { graph, client: clientFor(margaret), participation, problems, read: async () => (await readParticipants(await openProgrammeStore(clientFor(priya), GROUP))).participants };
  };

  /** The profile extension as Graph holds it, without the properties Graph adds. */
  const rawProfile = async (client: GraphClient) => {
    const answer = await client.get<Record<string, unknown>>(`/me/extensions/${PROFILE_EXTENSION}`, ['User.Read']);
    return Object.fromEntries(Object.entries(answer).filter(([key]) => !['id', 'extensionName', '@odata.type'].includes(key)));
  };

  it('puts the person’s own entry on every save (role and profile stamp), and removes it when they opt out', async () => {
    const { client, participation, problems, read } = await setup();
    const first = await saveMyChoices(client, margaret.id, undefined, { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'] }, { timeZone: 'UTC', now: NOW }, participation);
    // The entry carries a copy of what the profile publishes, so readers need not read the extension, and her key for sealed records.
    expect(await read()).toEqual([
      { personId: margaret.id, role: 'executive', profileUpdated: first.updated, profile: { ...(await rawProfile(client)), load: 0 }, key: expect.any(String), sealed: [] },
    ]);
    const asked = await updateMyProfile(client, first, { asked: booking.with }, NOW + 60_000, participation);
    await saveMyChoices(
      client,
      margaret.id,
      asked,
      { mentor: { capacity: 1, canTeach: ['gaming'] }, mentee: { wantsToLearn: ['gaming'] }, languages: ['en'] },
      { timeZone: 'UTC', now: NOW + 120_000 },
      participation,
    );
    const [entry] = await read();
    expect(entry).toMatchObject({ personId: margaret.id, role: 'both', profileUpdated: '2026-11-23T09:02:00.000Z', profile: { ...(await rawProfile(client)), load: 0 } });
    // Whom she asked is sealed in the entry, which the programme's participants read, and in the extension the whole tenant can read nowhere.
    expect(entry!.sealed).toHaveLength(1);
    expect(JSON.stringify(entry)).not.toContain(booking.with);
    expect(await rawProfile(client)).not.toHaveProperty('asked');
    const [mine] = await openParticipants(client, margaret.id, [entry!]);
    expect(mine!.profile).toMatchObject({ asked: booking.with, mentorCapacity: 1 });
    await optOut(client, { ...participation, personId: margaret.id });
    expect(await read()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps the profile when the participation cannot be written, and says so in words', async () => {
    const { client, participation, problems } = await setup(false);
    const saved = await saveMyChoices(client, margaret.id, undefined, { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'] }, { timeZone: 'UTC', now: NOW }, participation);
    expect(await readMyProfile(client, margaret.id)).toEqual(saved);
    expect(problems).toEqual([expect.stringMatching(/^Your profile was saved, but the programme’s list of who takes part could not be updated.*Ask your Microsoft 365 admin/)]);
  });

  /** A realistic booking record: a real iCalUId's length, a OneDrive web URL and a drive/item ref. */
  const realistic = (partner: string, i: number) =>
    bookingRecord({
      with: partner,
      uid: `040000008200E00074C5B7101A82E0080000000000000000000000000000000${i}0000000000000000000000000000000000000000000000000000000`,
      workspace: `https://contoso-my.sharepoint.com/personal/margaret_lindqvist_contoso_com/Documents/Apps/Reverse%20mentoring/pairs/pair-${partner}.json`,
      ref: `b!Yh7yUKyQ1Ey6-jVvKpXz7T7cQkIu9hBOnz1u1N3yb6WZq4b2uVvWTa9J3y8cQ0Mz/01BYE5RZ6QN3ZWBIWXUN7GG2HUDBIUQ4V${i}`,
    });
  const words = 'x'.repeat(200);

  it('keeps the pair records in the entry, not the 2 KB extension: a fourth pairing books with the longest words', async () => {
    const { client, participation, problems, read } = await setup();
    const choices = { mentee: { wantsToLearn: ['gaming', 'social-media'] }, learnInOwnWords: words, hopeInOwnWords: words, languages: ['en', 'sv'] };
    let me = await saveMyChoices(client, margaret.id, undefined, choices, { timeZone: 'Europe/Stockholm', now: NOW }, participation);
    const partners = users
      .filter((u) => u.accountEnabled && u.id !== margaret.id)
      .slice(0, 4)
      .map((u) => u.id);
    for (const [i, partner] of partners.entries()) {
      me = await updateMyProfile(client, me, { bookings: [...(me.bookings ?? []), realistic(partner, i)] }, NOW + (i + 1) * 60_000, participation);
    }
    expect(me.bookings).toHaveLength(4);
    // The extension, which the whole tenant can read, holds no bookings; the entry holds all four.
    expect(await rawProfile(client)).not.toHaveProperty('bookings');
    expect((await rawProfile(client)).hope).toBe(words);
    const [entry] = await openParticipants(client, margaret.id, await read());
    expect(readStoredProfile(margaret.id, entry!.profile)).toEqual(me);
    expect(problems).toEqual([]);
  });

  it('without a store the records stay in the extension, and one that does not fit says so without blaming the person’s words', async () => {
    const { client } = await setup(false);
    let me = await saveMyChoices(client, margaret.id, undefined, { mentee: { wantsToLearn: ['gaming'] }, learnInOwnWords: 'Short.', languages: ['en'] }, { timeZone: 'UTC', now: NOW });
    const partners = users
      .filter((u) => u.accountEnabled && u.id !== margaret.id)
      .slice(0, 4)
      .map((u) => u.id);
    const refused = (async () => {
      for (const [i, partner] of partners.entries()) me = await updateMyProfile(client, me, { bookings: [...(me.bookings ?? []), realistic(partner, i)] }, NOW + (i + 1) * 60_000);
    })();
    await expect(refused).rejects.toThrow(/no room left for another pairing record.*programme store/);
    await expect(refused).rejects.not.toThrow(/own words/);
    expect((await rawProfile(client)).bookings).toEqual(me.bookings);
  });

  it('fails a change of records whole when the entry cannot be written for now, and leaves the extension as it was', async () => {
    const { graph, client, participation } = await setup();
    const me = await saveMyChoices(client, margaret.id, undefined, { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'] }, { timeZone: 'UTC', now: NOW }, participation);
    const before = await rawProfile(client);
    graph.setFaults({ offline: true });
    const failed = updateMyProfile(client, me, { bookings: [realistic(DEMO_PEOPLE[2]!.id, 1)] }, NOW + 60_000, participation);
    await expect(failed).rejects.toThrow(/^This could not be recorded in the programme’s list, so nothing was saved\./);
    graph.setFaults({ offline: false });
    expect(await rawProfile(client)).toEqual(before);
  });

  it('keeps a pause where the programme reads it (not in the extension the tenant reads), through an edit, until they resume', async () => {
    const { client, participation, problems, read } = await setup();
    const me = await saveMyChoices(client, margaret.id, undefined, { mentor: { capacity: 1, canTeach: ['gaming'] }, languages: ['en'] }, { timeZone: 'UTC', now: NOW }, participation);
    const paused = await pauseMe(client, me, '2027-01-12', { now: NOW + 60_000, timeZone: 'UTC', participation });
    expect(paused.pausedUntil).toBe('2027-01-12');
    expect(await rawProfile(client)).not.toHaveProperty('pausedUntil');
    const profileOf = async () => readStoredProfile(margaret.id, (await read())[0]!.profile);
    expect(await profileOf()).toMatchObject({ pausedUntil: '2027-01-12' });
    const edited = await saveMyChoices(
      client,
      margaret.id,
      paused,
      { mentor: { capacity: 2, canTeach: ['gaming'] }, languages: ['en'] },
      { timeZone: 'UTC', now: NOW + 120_000 },
      participation,
    );
    expect(edited.pausedUntil).toBe('2027-01-12');
    const resumed = await pauseMe(client, edited, undefined, { now: NOW + 180_000, timeZone: 'UTC', participation });
    expect(resumed).not.toHaveProperty('pausedUntil');
    expect(await profileOf()).not.toHaveProperty('pausedUntil');
    expect(problems).toEqual([]);
  });

  it('keeps a pause out of the extension the tenant reads: without a store that can be reached it is refused, in words', async () => {
    const bare = await setup(false);
    const me = await saveMyChoices(bare.client, margaret.id, undefined, { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'] }, { timeZone: 'UTC', now: NOW });
    await expect(pauseMe(bare.client, me, '2027-01-12', { now: NOW, timeZone: 'UTC' })).rejects.toThrow(/^Pausing needs the programme’s list of who takes part, and this programme has none/);
    await expect(pauseMe(bare.client, me, '2027-01-12', { now: NOW, timeZone: 'UTC', participation: bare.participation })).rejects.toThrow(
      /^Pausing needs the programme’s list of who takes part, which cannot be reached, so nothing changed\./,
    );
    expect(await rawProfile(bare.client)).not.toHaveProperty('pausedUntil');
  });

  it('refuses a pause that is not a day after today and within a year, in words, saving nothing', async () => {
    expect(pauseProblem('2026-11-24', NOW)).toBeUndefined();
    expect(pauseProblem('2027-11-23', NOW)).toBeUndefined();
    expect(pauseProblem('2026-11-23', NOW)).toBe('Choose a day after today.');
    expect(pauseProblem('2027-11-24', NOW)).toBe('A pause lasts at most 365 days: choose an earlier day.');
    for (const bad of ['', '2027-02-30', '12/01/2027', '2027-1-5', 'tomorrow']) expect(pauseProblem(bad, NOW)).toBe('Choose the day you will be back.');
    // The days are the person's own: at 12:00 UTC it is already the 24th in Auckland.
    expect(pauseProblem('2026-11-24', Date.parse('2026-11-23T12:00:00Z'), 'Pacific/Auckland')).toBe('Choose a day after today.');
    expect(pauseProblem('2026-11-24', Date.parse('2026-11-23T12:00:00Z'), 'UTC')).toBeUndefined();
    expect(pauseProblem('2026-11-23', Date.parse('2026-11-23T09:00:00Z'), 'Pacific/Honolulu')).toBe('Choose a day after today.');
    // Honolulu's tomorrow is today in UTC, where the matcher ends a pause: the day after is the first.
    expect(pauseProblem('2026-11-24', Date.parse('2026-11-23T09:00:00Z'), 'Pacific/Honolulu')).toBeUndefined();
    expect(pauseProblem('2026-11-23', Date.parse('2026-11-23T09:00:00Z'), 'Not/AZone')).toBe('Choose a day after today.');
    const { client, participation, read } = await setup();
    const me = await saveMyChoices(client, margaret.id, undefined, { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'] }, { timeZone: 'UTC', now: NOW }, participation);
    await expect(pauseMe(client, me, '2026-11-01', { now: NOW, timeZone: 'UTC', participation })).rejects.toThrow('Choose a day after today.');
    expect((await read())[0]!.profile).not.toHaveProperty('pausedUntil');
  });
});
