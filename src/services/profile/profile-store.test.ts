import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { takeUnknownGraphRequests } from '@/demo/graph/graph-catalogue';
import { GraphClient } from '@/services/graph/graph-client';
import { createDemoIdentity } from '@/demo/demo-identity';
import { PROFILE_EXTENSION } from './profile-extension';
import { optOut, ProfileError, readMyProfile, readProfiles, saveMyProfile, type StoredProfile } from './profile-store';

const users = generateDemoTenant({ size: 300 });
const [margaret, diego] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const clientFor = (graph: FakeGraph, person = margaret) => new GraphClient({ identity: createDemoIdentity(person), fetch: graph.fetch, sleep: () => Promise.resolve() });

const asMentor: Omit<StoredProfile, 'personId'> = {
  mentor: { capacity: 2, canTeach: ['generative-ai', 'gaming'] },
  teachInOwnWords: 'I build <b>AI</b> side projects 🎮',
  languages: ['es', 'en'],
  timeZone: 'America/Mexico_City',
  load: 0,
  updated: '2026-11-23T10:00:00.000Z',
};

describe('the profile store', () => {
  it('saves, reads back, updates and removes the signed-in person’s profile', async () => {
    const graph = new FakeGraph({ users });
    const client = clientFor(graph, diego);
    expect(await readMyProfile(client, diego.id)).toBeUndefined();
    await saveMyProfile(client, asMentor);
    expect(await readMyProfile(client, diego.id)).toEqual({ personId: diego.id, ...asMentor });
    await saveMyProfile(client, { ...asMentor, mentor: { capacity: 3, canTeach: ['social-media'] } });
    expect(await readMyProfile(client, diego.id)).toMatchObject({ mentor: { capacity: 3, canTeach: ['social-media'] } });
    await optOut(client);
    expect(await readMyProfile(client, diego.id)).toBeUndefined();
    await expect(optOut(client)).resolves.toBeUndefined();
  });

  it('updates with the body "Update open extension" requires, and a cleared field is gone afterwards', async () => {
    const graph = new FakeGraph({ users });
    const client = clientFor(graph, margaret);
    const asMentee: Omit<StoredProfile, 'personId'> = { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'], timeZone: 'Europe/Stockholm', load: 0, updated: 'x' };
    await saveMyProfile(client, { ...asMentee, asked: diego.id });
    // The second save is a PATCH: without @odata.type and extensionName Graph answers 400.
    await saveMyProfile(client, asMentee);
    const read = await readMyProfile(client, margaret.id);
    expect(read).toEqual({ personId: margaret.id, ...asMentee });
  });

  it('keeps text exactly as typed, markup included, as data', async () => {
    const graph = new FakeGraph({ users });
    await saveMyProfile(clientFor(graph, diego), asMentor);
    const { profiles } = await readProfiles(clientFor(graph), [diego.id]);
    expect(profiles[0]!.teachInOwnWords).toBe('I build <b>AI</b> side projects 🎮');
  });

  it('refuses what would not fit or makes no sense, saying what to change', async () => {
    const client = clientFor(new FakeGraph({ users }), diego);
    await expect(saveMyProfile(client, { ...asMentor, teachInOwnWords: 'x'.repeat(201) })).rejects.toThrow(ProfileError);
    await expect(saveMyProfile(client, { ...asMentor, mentor: { capacity: 4, canTeach: [] } })).rejects.toThrow(/mentorCapacity/);
    const { languages, timeZone, load, updated } = asMentor;
    await expect(saveMyProfile(client, { languages, timeZone, load, updated })).rejects.toThrow('Choose to be a reverse mentor, a mentee, or both.');
  });

  it('reads many people’s profiles in batches, skipping and naming damaged ones', async () => {
    const graph = new FakeGraph({
      users,
      extensions: new Map([
        [users[1]!.id, { [PROFILE_EXTENSION]: { v: 1, wantsToLearn: ['gaming'], languages: ['en'], timeZone: 'Europe/London', load: 0, updated: 'x' } }],
        [users[2]!.id, { [PROFILE_EXTENSION]: { v: 1, mentorCapacity: 9, languages: ['en'], timeZone: 'Europe/London', updated: 'x' } }],
      ]),
    });
    const client = clientFor(graph);
    const { profiles, damaged } = await readProfiles(
      client,
      users.map((u) => u.id),
    );
    expect(profiles.map((p) => p.personId)).toEqual([users[1]!.id]);
    expect(damaged).toEqual([{ personId: users[2]!.id, problem: expect.stringMatching(/mentorCapacity/) }]);
    expect(graph.stats.httpRequests).toBe(Math.ceil(users.length / 20));
  });

  it('never lets anyone write someone else’s profile', async () => {
    const graph = new FakeGraph({ users });
    const client = clientFor(graph);
    // The app never sends this: the fake refuses it as a shape outside the behaviour catalogue.
    await expect(client.write('PATCH', `/users/${diego.id}/extensions/${PROFILE_EXTENSION}`, ['User.ReadWrite'], { v: 1 })).rejects.toMatchObject({
      status: 400,
    });
    expect(takeUnknownGraphRequests()).toEqual([{ method: 'PATCH', path: `/users/${diego.id}/extensions/${PROFILE_EXTENSION}` }]);
  });
});

describe('the demo tenant’s profiles', () => {
  it('has a realistic share of opted-in people, the demo people in their roles, and damaged ones', async () => {
    const { generateDemoProfiles } = await import('@/demo/graph/demo-profiles');
    const tenant = generateDemoTenant();
    const graph = new FakeGraph({ users: tenant, extensions: generateDemoProfiles(tenant) });
    const { profiles, damaged } = await readProfiles(
      clientFor(graph),
      tenant.map((u) => u.id),
    );
    const mentees = profiles.filter((p) => p.mentee);
    const mentors = profiles.filter((p) => p.mentor);
    expect(mentees.length).toBeGreaterThan(20);
    expect(mentors.length).toBeGreaterThan(50);
    expect(damaged).toHaveLength(2);
    expect(profiles.find((p) => p.personId === margaret.id)?.mentee?.wantsToLearn).toContain('generative-ai');
    expect(profiles.find((p) => p.personId === diego.id)?.mentor?.capacity).toBe(2);
  });
});
