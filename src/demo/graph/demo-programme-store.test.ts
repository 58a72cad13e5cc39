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
import { everyRecord } from '@/application/programme/check-ins';
import { peopleOf } from '@/application/programme/open-programme';
import { openParticipants } from '@/application/programme/open-records';
import { readStoredProfile } from '@/services/profile/profile-store';
import { readHealthReport } from '@/application/programme/programme-health';
import { loadDirectory } from '@/services/graph/directory-loader';

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

describe('the demo’s round in progress', () => {
  it('gives the owner eight booked pairs, two at risk, and pulses from enough people to show; others read none of it', async () => {
    const users = generateDemoTenant({ size: 800 });
    const extensions = generateDemoProfiles(users);
    const now = new Date('2026-12-02T10:00:00Z');
    const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS, now: () => now });
    graph.waitFor(seedDemoProgrammeStore(graph, extensions, undefined, { roundAsOf: now }));
    const clientOf = (person: (typeof DEMO_PEOPLE)[number]) => new GraphClient({ identity: createDemoIdentity(person), fetch: graph.fetch, sleep: () => Promise.resolve() });
    const [margaret, , , priya] = DEMO_PEOPLE as unknown as [(typeof DEMO_PEOPLE)[number], unknown, unknown, (typeof DEMO_PEOPLE)[number]];
    const snapshot = await loadDirectory(clientOf(priya));
    const store = await openProgrammeStore(clientOf(priya), DEMO_OWNER_GROUP_ID);
    const entries = await openParticipants(clientOf(priya), priya.id, (await readParticipants(store)).participants, { owner: true });
    const profiles = entries.flatMap((e) => {
      const read = readStoredProfile(e.personId, e.profile);
      return 'damaged' in read ? [] : [read];
    });
    const report = await readHealthReport(store, { profiles, people: peopleOf(snapshot), now: now.getTime() });
    expect(report.health.pairs).toHaveLength(8);
    expect(report.health.pairs.flatMap((p) => p.risk ?? []).sort()).toEqual(['executive cancelled', 'stalled']);
    expect(report.health.pulse).toMatchObject({ people: 16 });
    expect(report.health.sessions).toMatchObject({ planned: 40, skipped: 2, cancelled: 3, unrecorded: 3 });
    expect(report.health.lines).toHaveLength(2);
    expect(report.health.paused).toEqual([{ id: expect.any(String), until: '2026-12-23' }]);
    // Everyone gave the evaluation at the start; the round has not ended.
    expect(report.health.evaluation.goals).toMatchObject({ start: { people: 16 }, end: { people: 0, withheld: true } });
    expect(report.health.evaluation.statements).toHaveLength(3);
    // Margaret is a participant, not an owner: she opens none of it.
    const hers = await everyRecord(await openProgrammeStore(clientOf(margaret), DEMO_OWNER_GROUP_ID));
    expect(hers.checkIns).toEqual([]);
    expect(hers.unread).toBeGreaterThan(75);
  });
});
