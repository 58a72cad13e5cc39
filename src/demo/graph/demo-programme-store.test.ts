import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
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
    seedDemoProgrammeStore(graph, extensions);
    const margaret = DEMO_PEOPLE[0]!;
    const client = new GraphClient({ identity: createDemoIdentity(margaret), fetch: graph.fetch, sleep: () => Promise.resolve() });
    const read = await readParticipants(await openProgrammeStore(client, DEMO_OWNER_GROUP_ID));
    expect(read.participants.map((p) => p.personId).sort()).toEqual([...extensions.keys()].sort());
    expect(read).toMatchObject({ untrusted: 0, damaged: [] });
    expect(read.participants.find((p) => p.personId === margaret.id)).toMatchObject({ role: 'executive' });
    expect(read.participants.find((p) => p.personId === DEMO_PEOPLE[1]!.id)).toMatchObject({ role: 'mentor' });
  });

  it('survives the demo’s trip through local storage (JSON)', () => {
    const users = generateDemoTenant({ size: 100 });
    const extensions = generateDemoProfiles(users);
    const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
    seedDemoProgrammeStore(graph, extensions);
    const copy = new FakeGraph({ users, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
    copy.restoreState(JSON.parse(JSON.stringify(graph.state())) as ReturnType<FakeGraph['state']>);
    expect(copy.lists.snapshot()).toEqual(graph.lists.snapshot());
  });
});
