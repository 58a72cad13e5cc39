import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { openProgrammeStore, PROGRAMME_LISTS, saveMyParticipation } from '@/services/programme/programme-store';
import { createMemoryRosterCache } from '@/services/storage/roster-cache';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { ensureProgrammeStore, openStore, storeParticipants } from './programme-store-setup';

const users = generateDemoTenant({ size: 40 });
const [margaret, , , priya] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, unknown, (typeof DEMO_PEOPLE)[number]];
const GROUP = '11111111-2222-4333-8444-555555555555';

const graphWith = (granted: boolean) => new FakeGraph({ users, groups: new Map([[GROUP, new Set([priya.id])]]), ...(granted ? { siteGrants: new Map([[GROUP, 'manage' as const]]) } : {}) });
const clientFor = (graph: FakeGraph, person: (typeof DEMO_PEOPLE)[number]) => new GraphClient({ identity: createDemoIdentity(person), fetch: graph.fetch, sleep: () => Promise.resolve() });

describe('setting up the programme store', () => {
  it('creates the lists once, run by an owner; then anyone opens it', async () => {
    const graph = graphWith(true);
    await expect(openStore(clientFor(graph, margaret), GROUP)).rejects.toMatchObject({ reason: 'notSetUp', message: expect.stringMatching(/programme owner sets it up/) });
    expect((await ensureProgrammeStore(clientFor(graph, priya), GROUP)).created).toEqual(Object.values(PROGRAMME_LISTS));
    expect((await ensureProgrammeStore(clientFor(graph, priya), GROUP)).created).toEqual([]);
    await expect(openStore(clientFor(graph, margaret), GROUP)).resolves.toMatchObject({ listIds: expect.any(Object) });
  });

  it('is for owners only, said in words', async () => {
    await expect(ensureProgrammeStore(clientFor(graphWith(true), margaret), GROUP)).rejects.toMatchObject({ reason: 'notOwner', message: expect.stringMatching(/Only a programme owner/) });
  });

  it('says what to ask the admin for when the app has no grant on the site (403), never Graph’s words', async () => {
    const failure = ensureProgrammeStore(clientFor(graphWith(false), priya), GROUP);
    await expect(failure).rejects.toMatchObject({ reason: 'notGranted', message: expect.stringMatching(/Ask your Microsoft 365 admin to grant the app the Sites\.Selected permission/) });
    await expect(failure).rejects.not.toMatchObject({ message: expect.stringMatching(/Access denied/) });
  });
});

describe('who takes part, for reading profiles', () => {
  it('is the store’s participants with the copy of each profile, read in one list request and no profile reads', async () => {
    const extensions = generateDemoProfiles(users);
    const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
    graph.waitFor(seedDemoProgrammeStore(graph, extensions));
    const requests: string[] = [];
    const client = new GraphClient({
      identity: createDemoIdentity(margaret),
      fetch: (input, init) => {
        requests.push(new Request(input, init).url);
        return graph.fetch(input, init);
      },
      sleep: () => Promise.resolve(),
    });
    const kept = { cache: createMemoryRosterCache(), key: `tenant:${margaret.id}` };
    const listed = await storeParticipants(client, DEMO_OWNER_GROUP_ID, { kept });
    if (!('participants' in listed)) throw listed.unavailable;
    const { participants } = listed;
    expect(participants.map((p) => p.personId).sort()).toEqual([...extensions.keys()].sort());
    for (const p of participants) expect(p.profile).toEqual(extensions.get(p.personId)![PROFILE_EXTENSION]);
    expect(participants.find((p) => p.personId === margaret.id)).toMatchObject({ role: 'mentee' });
    expect(requests.filter((url) => url.includes('/extensions'))).toEqual([]);

    // The next open (a new client, as after a reload) reads only what changed, from the kept roster.
    const diego = DEMO_PEOPLE[1]!;
    const diegoClient = new GraphClient({ identity: createDemoIdentity(diego), fetch: graph.fetch, sleep: () => Promise.resolve() });
    await saveMyParticipation(await openProgrammeStore(diegoClient, DEMO_OWNER_GROUP_ID), diego.id, null);
    requests.length = 0;
    const again = new GraphClient({
      identity: createDemoIdentity(margaret),
      fetch: (input, init) => (requests.push(new Request(input, init).url), graph.fetch(input, init)),
      sleep: () => Promise.resolve(),
    });
    const next = await storeParticipants(again, DEMO_OWNER_GROUP_ID, { kept });
    expect('participants' in next && next.participants.map((p) => p.personId).sort()).toEqual([...extensions.keys()].filter((id) => id !== diego.id).sort());
    const reads = requests.filter((url) => url.includes('/items/delta'));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain('token=');
  });

  it('says why when the store is not set up or not granted (the caller reads everyone), and throws when it cannot be reached', async () => {
    await expect(storeParticipants(clientFor(graphWith(false), margaret), GROUP)).resolves.toMatchObject({ unavailable: { reason: 'notGranted' } });
    await expect(storeParticipants(clientFor(graphWith(true), margaret), GROUP)).resolves.toMatchObject({ unavailable: { reason: 'notSetUp' } });
    const offline = new GraphClient({ identity: createDemoIdentity(margaret), fetch: () => Promise.reject(new TypeError('Failed to fetch')), sleep: () => Promise.resolve() });
    await expect(storeParticipants(offline, GROUP)).rejects.toMatchObject({ name: 'ProgrammeStoreError', reason: 'unavailable' });
  });
});
