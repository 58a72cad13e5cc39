import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { myPairSeal } from '@/services/programme/person-key';
import { GraphClient } from '@/services/graph/graph-client';
import { openProgrammeStore, readParticipants } from '@/services/programme/programme-store';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from './demo-programme-store';
import { generateDemoProfiles } from './demo-profiles';
import { generateDemoTenant } from './demo-tenant';
import { FakeGraph } from './fake-graph';

describe('the demo’s programme store', () => {
  it('has every person with a demo profile as a participant, each entry trusted (by the person), damaged profiles too', async () => {
    const users = generateDemoTenant({ size: 400 });
    const extensions = generateDemoProfiles(users);
    const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
    await seedDemoProgrammeStore(graph, extensions);
    const margaret = DEMO_PEOPLE[0]!;
    const client = new GraphClient({ identity: createDemoIdentity(margaret), fetch: graph.fetch, sleep: () => Promise.resolve() });
    const read = await readParticipants(await openProgrammeStore(client, DEMO_OWNER_GROUP_ID));
    expect(read.participants.map((p) => p.personId).sort()).toEqual([...extensions.keys()].sort());
    expect(read).toMatchObject({ untrusted: 0, damaged: [] });
    expect(read.participants.find((p) => p.personId === margaret.id)).toMatchObject({ role: 'executive' });
    expect(read.participants.find((p) => p.personId === DEMO_PEOPLE[1]!.id)).toMatchObject({ role: 'mentor' });
  });

  it('survives the demo’s trip through local storage (JSON)', async () => {
    const users = generateDemoTenant({ size: 100 });
    const extensions = generateDemoProfiles(users);
    const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
    await seedDemoProgrammeStore(graph, extensions);
    const copy = new FakeGraph({ users, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
    copy.restoreState(JSON.parse(JSON.stringify(graph.state())) as ReturnType<FakeGraph['state']>);
    expect(copy.lists.snapshot()).toEqual(graph.lists.snapshot());
    expect(copy.drives.snapshot()).toEqual(graph.drives.snapshot());
  });

  it('gives every participant and the owner a pairing key, the same in every frame, which the app opens', async () => {
    const users = generateDemoTenant({ size: 100 });
    const extensions = generateDemoProfiles(users);
    const seeded = async () => {
      const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
      await seedDemoProgrammeStore(graph, extensions);
      return graph;
    };
    const [one, other] = await Promise.all([seeded(), seeded()]);
    const keysIn = (graph: FakeGraph) => graph.drives.snapshot().map((f) => [f.ownerId, f.path, f.content]);
    expect(keysIn(one)).toEqual(keysIn(other));
    expect(keysIn(one)).toHaveLength(new Set([...extensions.keys(), DEMO_PEOPLE[3]!.id]).size);
    const margaret = DEMO_PEOPLE[0]!;
    const client = new GraphClient({ identity: createDemoIdentity(margaret), fetch: one.fetch, sleep: () => Promise.resolve() });
    const seal = await myPairSeal(client);
    const { participants } = await readParticipants(await openProgrammeStore(client, DEMO_OWNER_GROUP_ID));
    expect(participants.every((p) => p.key)).toBe(true);
    expect(participants.find((p) => p.personId === margaret.id)?.key).toBe(seal?.publicKey);
  });
});
