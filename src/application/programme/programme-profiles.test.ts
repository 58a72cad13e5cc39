import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { createMemoryProfileCache } from '@/services/storage/profile-cache';
import { bookingRecord } from '@/demo/testing/booking-record';
import { loadProgrammeProfiles, type Participant, type ProfilesUpdate } from './programme-profiles';

const users = generateDemoTenant({ size: 600 });
const margaret = DEMO_PEOPLE[0]!;
const NOW = Date.parse('2026-11-23T09:00:00Z');

/** The demo tenant's profiles in the fake Graph, and the participant list a programme store would hold for them. */
function tenant() {
  const extensions = generateDemoProfiles(users);
  const graph = new FakeGraph({ users, extensions });
  const client = new GraphClient({ identity: createDemoIdentity(margaret), fetch: graph.fetch, sleep: () => Promise.resolve() });
  const participants: Participant[] = [...extensions].map(([personId, byName]) => {
    const p = byName[PROFILE_EXTENSION]!;
    const role = p.mentorCapacity && p.wantsToLearn ? 'both' : p.mentorCapacity ? 'mentor' : 'mentee';
    return { personId, profileUpdated: String(p.updated), role };
  });
  return { graph, client, extensions, participants };
}

const mentorsOf = (participants: readonly Participant[]) => participants.filter((p) => p.role !== 'mentee').map((p) => p.personId);

describe('loadProgrammeProfiles', () => {
  it('reads only the participants, one request each, not everyone in the directory', async () => {
    const { graph, client, participants } = tenant();
    const { list, damaged } = await loadProgrammeProfiles({ client, participants });
    expect(graph.stats.operations).toBe(participants.length);
    expect(participants.length).toBeLessThan(users.length / 5);
    expect(list.length + damaged.length).toBe(participants.length);
  });

  it('reads the signed-in person and the mentors first, and says when they are in', async () => {
    const { client, participants } = tenant();
    // The executive listed last, and mentors mixed with executives, as a store would list them.
    const listed = [...participants.filter((p) => p.personId !== margaret.id).reverse(), participants.find((p) => p.personId === margaret.id)!];
    const updates: ProfilesUpdate[] = [];
    await loadProgrammeProfiles({ client, participants: listed, first: [margaret.id], onUpdate: (u) => updates.push(u) });
    const first = updates.find((u) => u.stage === 'first')!;
    const ids = new Set([...first.list.map((p) => p.personId), ...first.damaged.map((d) => d.personId)]);
    expect(ids.has(margaret.id)).toBe(true);
    expect(mentorsOf(participants).every((id) => ids.has(id))).toBe(true);
    // Executives (whose records free mentors' places) come after: not all of them are in yet.
    expect(first.read).toBeLessThan(participants.length);
    expect(updates.at(-1)).toMatchObject({ stage: 'complete', read: participants.length, total: participants.length });
    // The list changes only at the stages a matcher is rebuilt for.
    expect(updates.every((u, i) => u.stage !== 'reading' || i === 0 || u.list === updates[i - 1]!.list)).toBe(true);
    expect(updates.filter((u) => u.stage === 'first')).toHaveLength(1);
  });

  it('shows the cached copy at once, then re-reads only profiles whose stamp changed, and new ones; leavers drop', async () => {
    const { graph, client, participants, extensions } = tenant();
    const cache = createMemoryProfileCache();
    const key = 'tenant:margaret';
    const firstOpen = await loadProgrammeProfiles({ client, participants, cache, key, now: () => NOW });
    const before = graph.stats.operations;

    // Nothing changed: the cache shows everything and nothing is read.
    const heard: ProfilesUpdate[] = [];
    const again = await loadProgrammeProfiles({ client, participants, cache, key, onUpdate: (u) => heard.push(u) });
    expect(graph.stats.operations).toBe(before);
    expect(heard[0]).toMatchObject({ stage: 'cached', read: participants.length });
    expect(heard[0]!.list.length).toBe(firstOpen.list.length);
    expect(again.list.map((p) => p.personId).sort()).toEqual(firstOpen.list.map((p) => p.personId).sort());

    // One mentor changed their profile (new stamp), one left, one joined.
    const [changed, left] = participants.filter((p) => p.role === 'mentor' && p.personId !== margaret.id);
    const newcomer = users.find((u) => u.accountEnabled && u.userType === 'Member' && !extensions.has(u.id))!;
    const profile = extensions.get(changed!.personId)![PROFILE_EXTENSION]!;
    graph.replaceExtensions(changed!.personId, { [PROFILE_EXTENSION]: { ...profile, canTeach: ['gaming'], updated: '2026-11-20T08:00:00.000Z' } });
    graph.replaceExtensions(newcomer.id, { [PROFILE_EXTENSION]: { ...profile, updated: '2026-11-21T08:00:00.000Z' } });
    const next = [
      ...participants.filter((p) => p !== left).map((p) => (p === changed ? { ...p, profileUpdated: '2026-11-20T08:00:00.000Z' } : p)),
      { personId: newcomer.id, profileUpdated: '2026-11-21T08:00:00.000Z', role: 'mentor' as const },
    ];
    const updates: ProfilesUpdate[] = [];
    const refreshed = await loadProgrammeProfiles({ client, participants: next, cache, key, onUpdate: (u) => updates.push(u) });
    expect(graph.stats.operations - before).toBe(2);
    // At once: the cached copy, the leaver already gone, the changed profile as it was.
    expect(updates[0]!.stage).toBe('cached');
    expect(updates[0]!.list.some((p) => p.personId === left!.personId)).toBe(false);
    expect(updates[0]!.list.find((p) => p.personId === changed!.personId)?.mentor?.canTeach).toEqual(profile.canTeach);
    expect(refreshed.list.find((p) => p.personId === changed!.personId)?.mentor?.canTeach).toEqual(['gaming']);
    expect(refreshed.list.some((p) => p.personId === newcomer.id)).toBe(true);
    expect(refreshed.list.some((p) => p.personId === left!.personId)).toBe(false);
    // And the cache now holds the new state: a third open reads nothing.
    const third = graph.stats.operations;
    await loadProgrammeProfiles({ client, participants: next, cache, key });
    expect(graph.stats.operations).toBe(third);
  });

  it('reads the signed-in person afresh before the cached copy shows: their own request never shows as it was', async () => {
    const { graph, client, participants, extensions } = tenant();
    const cache = createMemoryProfileCache();
    await loadProgrammeProfiles({ client, participants, cache, key: 'k', first: [margaret.id] });
    // In another tab Margaret asked Aisha; her stamp in the list has not caught up yet.
    const own = extensions.get(margaret.id)![PROFILE_EXTENSION]!;
    graph.replaceExtensions(margaret.id, { [PROFILE_EXTENSION]: { ...own, asked: DEMO_PEOPLE[2]!.id } });
    for (const list of [participants, Promise.resolve(participants)]) {
      const updates: ProfilesUpdate[] = [];
      await loadProgrammeProfiles({ client, participants: list, cache, key: 'k', first: [margaret.id], onUpdate: (u) => updates.push(u) });
      expect(updates[0]!.stage).toBe('cached');
      expect(updates[0]!.list.find((p) => p.personId === margaret.id)?.asked).toBe(DEMO_PEOPLE[2]!.id);
    }
  });

  it('keeps each person’s copy apart, and keeps damaged profiles named, not dropped', async () => {
    const { client, participants } = tenant();
    const cache = createMemoryProfileCache();
    const read = await loadProgrammeProfiles({ client, participants, cache, key: 't:a' });
    expect(read.damaged.length).toBeGreaterThan(0);
    const heard: ProfilesUpdate[] = [];
    await loadProgrammeProfiles({ client, participants, cache, key: 't:b', onUpdate: (u) => heard.push(u) });
    expect(heard.some((u) => u.stage === 'cached')).toBe(false);
    const cached = await loadProgrammeProfiles({ client, participants, cache, key: 't:a' });
    expect(cached.damaged).toEqual(read.damaged);
  });

  it('without a participant list reads everyone given, and still shows the cache first', async () => {
    const { graph, client } = tenant();
    const cache = createMemoryProfileCache();
    const personIds = users.filter((u) => u.accountEnabled && u.userType === 'Member').map((u) => u.id);
    await loadProgrammeProfiles({ client, personIds, cache, key: 'k' });
    // Only those with a profile are kept: without stamps, a 404 would be read again anyway.
    expect((await cache.read('k'))!.entries.length).toBeLessThan(personIds.length / 5);
    const before = graph.stats.operations;
    const heard: ProfilesUpdate[] = [];
    await loadProgrammeProfiles({ client, personIds, cache, key: 'k', onUpdate: (u) => heard.push(u) });
    // No stamps to compare: everything is read again, behind the cached copy.
    expect(graph.stats.operations - before).toBe(personIds.length);
    expect(heard[0]!.stage).toBe('cached');
    expect(heard[0]!.list.length).toBeGreaterThan(0);
  });
});

describe('loadProgrammeProfiles with the participant list still on its way', () => {
  it('shows the cached copy before the list is in, then keeps it while reading what changed', async () => {
    const { client, participants } = tenant();
    const cache = createMemoryProfileCache();
    await loadProgrammeProfiles({ client, participants, cache, key: 'k' });
    let arrive: (list: readonly Participant[]) => void = () => undefined;
    const list = new Promise<readonly Participant[]>((resolve) => (arrive = resolve));
    const updates: ProfilesUpdate[] = [];
    const done = loadProgrammeProfiles({ client, participants: list, cache, key: 'k', onUpdate: (u) => updates.push(u) });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(updates.map((u) => u.stage)).toEqual(['cached']);
    const shownAtOnce = updates[0]!.list.length;
    expect(shownAtOnce).toBeGreaterThan(0);
    arrive(participants.map((p) => (p.role === 'mentee' ? { ...p, profileUpdated: 'changed' } : p)));
    await done;
    expect(updates.filter((u) => u.stage !== 'complete').every((u) => u.list.length === shownAtOnce)).toBe(true);
    expect(updates.at(-1)!.stage).toBe('complete');
  });
});

describe('loadProgrammeProfiles with profiles copied into the participant list', () => {
  it('reads from Graph only the signed-in person and those the list has no copy for', async () => {
    const { graph, client, participants, extensions } = tenant();
    const copied = participants.map((p, i) => (i % 10 === 0 ? p : { ...p, profile: extensions.get(p.personId)![PROFILE_EXTENSION] }));
    const { list, damaged } = await loadProgrammeProfiles({ client, participants: copied, first: [margaret.id] });
    const uncopied = new Set([margaret.id, ...copied.filter((p) => p.profile === undefined).map((p) => p.personId)]);
    expect(graph.stats.operations).toBe(uncopied.size);
    expect(list.length + damaged.length).toBe(participants.length);
  });

  it('keeps the signed-in person’s pair records, which only their entry holds, when their extension is read afresh', async () => {
    const { client, participants, extensions } = tenant();
    const extension = extensions.get(margaret.id)![PROFILE_EXTENSION]!;
    const record = bookingRecord({ with: DEMO_PEOPLE[2]!.id });
    const withCopy = (copy: Record<string, unknown>) => participants.map((p) => (p.personId === margaret.id ? { ...p, profile: copy } : p));
    const mine = async (copy: Record<string, unknown>) =>
      (await loadProgrammeProfiles({ client, participants: withCopy(copy), first: [margaret.id] })).list.find((p) => p.personId === margaret.id)!;

    // The entry is as new as the extension: it counts, records and all.
    expect((await mine({ ...extension, bookings: [record] })).bookings).toEqual([record]);
    // The extension is newer (a profile-only save reached it, not the entry): its words count, the entry's records stay.
    const older = { ...extension, learn: 'Before the edit.', updated: '2020-01-01T00:00:00.000Z', bookings: [record] };
    const read = await mine(older);
    expect(read.bookings).toEqual([record]);
    expect(read.learnInOwnWords).toBe(extension.learn);
  });
});
