import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { bookingRecord } from '@/demo/testing/booking-record';
import { GraphClient } from '@/services/graph/graph-client';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { readStoredProfile, type StoredProfile } from '@/services/profile/profile-store';
import { createMissingLists, openProgrammeStore, readOwnerKeys, readParticipants, type Participant } from '@/services/programme/programme-store';
import { newKeyFile, PairSeal } from '@/services/programme/pair-seal';
import { mentorLoadsOf } from './open-programme';
import { saveMyProfile, updateMyProfile, type MyProfile } from './my-profile';
import { openParticipants } from './open-records';
import { becomeRecordsReader, needsSealing } from './pair-records';

const users = generateDemoTenant({ size: 60 });
const [margaret, diego, aisha, priya] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number]];
type Person = typeof margaret;
const GROUP = '11111111-2222-4333-8444-555555555555';
const NOW = Date.parse('2026-11-23T09:00:00Z');
const executive: MyProfile = { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'], timeZone: 'UTC', load: 0, updated: new Date(NOW).toISOString() };
const mentor: MyProfile = { mentor: { capacity: 1, canTeach: ['gaming'] }, languages: ['en'], timeZone: 'UTC', load: 0, updated: new Date(NOW).toISOString() };

/** A programme store with Priya as its owner, and each person's client and participation. */
async function programme() {
  const graph = new FakeGraph({ users, groups: new Map([[GROUP, new Set([priya.id])]]), siteGrants: new Map([[GROUP, 'manage' as const]]) });
  /** Answers 404 itemNotFound to every request for a file in the app folder while set (the key file gone, or a fault). */
  const keysGone = { now: false };
  const fetch: typeof graph.fetch = (input, init) =>
    keysGone.now && /special\/approot/.test(decodeURIComponent(input instanceof Request ? input.url : String(input)))
      ? Promise.resolve(
          new Response(JSON.stringify({ error: { code: 'itemNotFound', message: 'The resource could not be found.' } }), { status: 404, headers: { 'content-type': 'application/json' } }),
        )
      : graph.fetch(input, init);
  const clientOf = (person: Person) => new GraphClient({ identity: createDemoIdentity(person), fetch, sleep: () => Promise.resolve() });
  await createMissingLists(clientOf(priya), GROUP);
  const participation = (person: Person) => ({ store: () => openProgrammeStore(clientOf(person), GROUP), onProblem: (message: string) => expect.fail(message) });
  const join = (person: Person, profile: MyProfile) => saveMyProfile(clientOf(person), person.id, profile, participation(person));
  const change = (person: Person, me: StoredProfile, records: Partial<MyProfile>, at = NOW) => updateMyProfile(clientOf(person), me, records, at, participation(person));
  const entries = async () => (await readParticipants(await openProgrammeStore(clientOf(priya), GROUP))).participants;
  /** Everyone's entries as `person` reads them, by id. */
  const readAs = async (person: Person) => {
    // Priya reads as an owner (storeParticipants says so when her key is among the owners').
    const opened = await openParticipants(clientOf(person), person.id, await entries(), { owner: person === priya });
    return new Map(
      opened.map((e) => {
        const read = readStoredProfile(e.personId, e.profile);
        if ('damaged' in read) throw new Error(read.damaged);
        return [e.personId, read] as const;
      }),
    );
  };
  const stale = async (person: Person) => needsSealing(clientOf(person), person.id, await entries(), await readOwnerKeys(await openProgrammeStore(clientOf(person), GROUP)));
  return { graph, clientOf, join, change, entries, readAs, stale, keysGone };
}

describe('pair records sealed to those who need them', () => {
  it('lets the pair and the owners read whom an executive asked, and no other participant', async () => {
    const p = await programme();
    expect(await becomeRecordsReader(await openProgrammeStore(p.clientOf(priya), GROUP), priya.id)).toBe(true);
    await p.join(diego, mentor);
    await p.join(aisha, mentor);
    const me = await p.join(margaret, executive);
    await p.change(margaret, me, { asked: diego.id });

    // Nobody's id is in Margaret's entry as stored: only counts and boxes.
    const stored = (await p.entries()).find((e) => e.personId === margaret.id)!;
    expect(JSON.stringify(stored)).not.toContain(diego.id);
    expect(stored.sealed).toHaveLength(1);

    expect((await p.readAs(margaret)).get(margaret.id)).toMatchObject({ asked: diego.id });
    expect((await p.readAs(diego)).get(margaret.id)).toMatchObject({ asked: diego.id });
    expect((await p.readAs(priya)).get(margaret.id)).toMatchObject({ asked: diego.id });
    const asAisha = (await p.readAs(aisha)).get(margaret.id)!;
    expect(asAisha.asked).toBeUndefined();
    expect(asAisha.recordsPartial).toBe(true);
  });

  it('seals again for a partner who had no key when they were asked, and for an owner who joins later', async () => {
    const p = await programme();
    const me = await p.join(margaret, executive);
    // Diego's entry predates sealing: no key.
    const store = await openProgrammeStore(p.clientOf(diego), GROUP);
    const { saveMyParticipation } = await import('@/services/programme/programme-store');
    await saveMyParticipation(store, diego.id, {
      role: 'mentor',
      profileUpdated: mentor.updated,
      profile: { v: 1, mentorCapacity: 1, canTeach: ['gaming'], languages: ['en'], timeZone: 'UTC', load: 0, updated: mentor.updated },
    });
    await p.change(margaret, me, { asked: diego.id });
    expect((await p.readAs(diego)).get(margaret.id)?.asked).toBeUndefined();
    expect(await p.stale(margaret)).toBe(false);
    expect(await p.stale(diego)).toBe(true);

    // Diego opens the app: his entry is written again, with his key; then Margaret's app seals again for him.
    await p.join(diego, mentor);
    expect(await p.stale(diego)).toBe(false);
    expect(await p.stale(margaret)).toBe(true);
    const mine = (await p.readAs(margaret)).get(margaret.id)!;
    await saveMyProfile(p.clientOf(margaret), margaret.id, mine, { store: () => openProgrammeStore(p.clientOf(margaret), GROUP), onProblem: (m) => expect.fail(m) });
    expect((await p.readAs(diego)).get(margaret.id)?.asked).toBe(diego.id);
    expect(await p.stale(margaret)).toBe(false);

    // Priya becomes a reader: Margaret's box is sealed again for her too.
    expect((await p.readAs(priya)).get(margaret.id)?.asked).toBeUndefined();
    await becomeRecordsReader(await openProgrammeStore(p.clientOf(priya), GROUP), priya.id);
    expect(await p.stale(margaret)).toBe(true);
    await saveMyProfile(p.clientOf(margaret), margaret.id, (await p.readAs(margaret)).get(margaret.id)!, {
      store: () => openProgrammeStore(p.clientOf(margaret), GROUP),
      onProblem: (m) => expect.fail(m),
    });
    expect((await p.readAs(priya)).get(margaret.id)?.asked).toBe(diego.id);
  });

  it('lets everyone count a mentor’s load by when their pairings end, without knowing with whom', async () => {
    const p = await programme();
    await p.join(aisha, executive);
    let meM = await p.join(margaret, executive);
    let meD = await p.join(diego, mentor);
    meM = await p.change(margaret, meM, { asked: diego.id });
    meD = await p.change(diego, meD, { accepted: [margaret.id], load: 1 });
    const loadAsAisha = async (at: number) => mentorLoadsOf([...(await p.readAs(aisha)).values()], at).get(diego.id);
    expect(await loadAsAisha(NOW)).toBe(1);
    const series = bookingRecord({ with: diego.id, start: '2026-12-01T10:00:00.000Z', weeks: 10 });
    await p.change(margaret, meM, { bookings: [series] });
    // Diego's app learns when the series ends from Margaret's booking, sealed to him.
    expect(await p.stale(diego)).toBe(true);
    await saveMyProfile(p.clientOf(diego), diego.id, (await p.readAs(diego)).get(diego.id)!, { store: () => openProgrammeStore(p.clientOf(diego), GROUP), onProblem: (m) => expect.fail(m) });
    expect((await p.readAs(aisha)).get(diego.id)).toMatchObject({ busyUntil: ['2027-02-10T00:00:00.000Z'], recordsPartial: true });
    expect((await p.readAs(aisha)).get(diego.id)?.accepted).toBeUndefined();
    expect(await loadAsAisha(NOW)).toBe(1);
    expect(await loadAsAisha(Date.parse('2027-02-10T00:00:00Z'))).toBe(0);
    expect(meD.accepted).toEqual([margaret.id]);
  });

  it('opens no box copied into another entry, and no record about someone else hidden in a partner’s box', async () => {
    const p = await programme();
    await p.join(diego, mentor);
    const me = await p.join(margaret, executive);
    await p.change(margaret, me, { asked: diego.id });
    const [margaretsEntry] = (await p.entries()).filter((e) => e.personId === margaret.id);
    // Aisha copies Margaret's box and key into her own entry: it is bound to Margaret.
    const copied: Participant = { ...margaretsEntry!, personId: aisha.id };
    const [asDiego] = await openParticipants(p.clientOf(diego), diego.id, [copied]);
    expect(readStoredProfile(aisha.id, asDiego!.profile)).toMatchObject({ recordsPartial: true });
    expect(readStoredProfile(aisha.id, asDiego!.profile)).not.toHaveProperty('asked');

    // A writer who seals for Diego a booking with Priya: Diego reads only what concerns him.
    const mallory = await PairSeal.fromFile(await newKeyFile());
    const diegoKey = (await p.entries()).find((e) => e.personId === diego.id)!.key!;
    const box = await mallory.seal(
      JSON.stringify({ with: diego.id, bookings: [bookingRecord({ with: priya.id })], proposals: [{ with: priya.id, start: '2027-01-01T10:00:00.000Z' }] }),
      aisha.id,
      [diegoKey],
    );
    const hostile: Participant = { ...margaretsEntry!, personId: aisha.id, key: mallory.publicKey, sealed: [box, 'not a box', { k: [] }] };
    const [read] = await openParticipants(p.clientOf(diego), diego.id, [hostile]);
    const profile = readStoredProfile(aisha.id, read!.profile);
    expect(profile).not.toHaveProperty('bookings');
    expect(profile).not.toHaveProperty('proposals');
    expect(profile).toMatchObject({ recordsPartial: true });
  });

  it('never keeps records unsealed, nor in the profile the whole tenant reads, when the key cannot be made', async () => {
    const p = await programme();
    await p.join(diego, mentor);
    p.keysGone.now = true;
    const me = await p.join(margaret, executive);
    await expect(p.change(margaret, me, { asked: diego.id })).rejects.toThrow(/nothing was saved/);
    const extension = await p.clientOf(aisha).get<Record<string, unknown>>(`/users/${margaret.id}/extensions/${PROFILE_EXTENSION}`, ['User.Read.All']);
    expect(extension).not.toHaveProperty('asked');
    expect(JSON.stringify(await p.entries())).not.toContain(`"asked":"${diego.id}"`);
  });

  it('when one’s own key cannot be read, reads one’s records as partial: nothing is sealed again or saved over them', async () => {
    const p = await programme();
    await p.join(diego, mentor);
    const me = await p.join(margaret, executive);
    await p.change(margaret, me, { asked: diego.id });
    // A new session whose key file cannot be read (deleted, or a fault).
    p.keysGone.now = true;
    const fresh = p.clientOf(margaret);
    const [mine] = await openParticipants(
      fresh,
      margaret.id,
      (await p.entries()).filter((e) => e.personId === margaret.id),
    );
    const read = readStoredProfile(margaret.id, mine!.profile);
    expect(read).toMatchObject({ recordsPartial: true });
    expect(await needsSealing(fresh, margaret.id, await p.entries(), new Map())).toBe(false);
    await expect(saveMyProfile(fresh, margaret.id, read as StoredProfile, { store: () => openProgrammeStore(fresh, GROUP), onProblem: () => undefined })).rejects.toThrow(/recycle bin/);
    p.keysGone.now = false;
    expect((await p.readAs(diego)).get(margaret.id)?.asked).toBe(diego.id);
  });

  it('a partner’s part names them: a box about someone else, or a second part for one partner, is not read', async () => {
    const p = await programme();
    await p.join(diego, mentor);
    const me = await p.join(margaret, executive);
    await p.change(margaret, me, { asked: diego.id });
    const [entry] = (await p.entries()).filter((e) => e.personId === margaret.id);
    const diegoKey = (await p.entries()).find((e) => e.personId === diego.id)!.key!;
    const hostile = await PairSeal.fromFile(await newKeyFile());
    const boxes = [
      await hostile.seal(JSON.stringify({ with: priya.id, answer: 'accepted' }), aisha.id, [diegoKey]),
      await hostile.seal(JSON.stringify({ with: diego.id, asked: true }), aisha.id, [diegoKey]),
      await hostile.seal(JSON.stringify({ with: diego.id, answer: 'declined' }), aisha.id, [diegoKey]),
    ];
    const [read] = await openParticipants(p.clientOf(diego), diego.id, [{ ...entry!, personId: aisha.id, key: hostile.publicKey, sealed: boxes }]);
    const profile = readStoredProfile(aisha.id, read!.profile);
    expect(profile).toMatchObject({ asked: diego.id });
    expect(profile).not.toHaveProperty('accepted');
    expect(profile).not.toHaveProperty('declined');
  });

  it('refuses to save a profile whose records were not all read, which would lose the others', async () => {
    const p = await programme();
    await p.join(diego, mentor);
    const me = await p.join(margaret, executive);
    await p.change(margaret, me, { asked: diego.id });
    const asAisha = (await p.readAs(aisha)).get(margaret.id)!;
    await expect(saveMyProfile(p.clientOf(margaret), margaret.id, asAisha, { store: () => openProgrammeStore(p.clientOf(margaret), GROUP), onProblem: () => undefined })).rejects.toThrow(
      /could not all be read, so nothing was saved/,
    );
  });
});
