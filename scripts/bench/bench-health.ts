/**
 * The owners' health view at a programme's size: 3,229 participants (bench:programme's) in 1,600
 * pairs, twelve weeks into a fortnightly round, each person checking in after each session: 19,200
 * check-ins in the store's list, each sealed with its writer's key for them and the owner. Measures reading and
 * opening them all as the owner does (application/programme/check-ins.ts, `everyRecord`, through the
 * fake Graph's list paging) and working out the health from them (domain/health). Prints JSON; no
 * test depends on the times.
 */
import { everyRecord, sealRecord } from '../../src/application/programme/check-ins.ts';
import { DEMO_PEOPLE } from '../../src/demo/demo-people.ts';
import { createDemoIdentity } from '../../src/demo/demo-identity.ts';
import { demoKeyFile } from '../../src/demo/graph/demo-pair-keys.ts';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '../../src/demo/graph/demo-programme-store.ts';
import { generateDemoProfiles } from '../../src/demo/graph/demo-profiles.ts';
import { generateDemoTenant } from '../../src/demo/graph/demo-tenant.ts';
import { FakeGraph } from '../../src/demo/graph/fake-graph.ts';
import { programmeHealth, type CheckIn, type HealthPerson, type PairSeries } from '../../src/domain/health/health.ts';
import { GraphClient } from '../../src/services/graph/graph-client.ts';
import { newKeyFile, PairSeal } from '../../src/services/programme/pair-seal.ts';
import { PROGRAMME_LISTS } from '../../src/services/programme/programme-store.ts';
import { openProgrammeStore } from '../../src/services/programme/programme-store.ts';

const PARTICIPANTS = 3229;
const PAIRS = 1600;
const SESSIONS = 6;
const DAY_MS = 86_400_000;
const start = Date.parse('2026-09-07T14:00:00Z');
const now = start + 12 * 7 * DAY_MS;

const priya = DEMO_PEOPLE[3]!;
const users = generateDemoTenant({ size: 200 });
const extensions = generateDemoProfiles(users);
const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS, now: () => new Date(now) });
await seedDemoProgrammeStore(graph, extensions);
const ownerKey = (await demoKeyFile(priya.id)).publicKey;

const people: HealthPerson[] = Array.from({ length: PARTICIPANTS }, (_, i) => ({ id: `p${i}`, mentor: i % 2 === 1, department: `D${i % 8}`, location: `L${i % 14}` }));
const pairs: PairSeries[] = Array.from({ length: PAIRS }, (_, i) => ({
  executiveId: `p${2 * i}`,
  mentorId: `p${2 * i + 1}`,
  start: new Date(start).toISOString(),
  everyWeeks: 2,
  weeks: 26,
}));
const seals = await Promise.all(people.map(() => newKeyFile().then(PairSeal.fromFile)));
const sealOf = (id: string) => seals[Number(id.slice(1))]!;
const sealing = performance.now();
for (const pair of pairs) {
  for (let k = 0; k < SESSIONS; k++) {
    const session = new Date(start + k * 14 * DAY_MS).toISOString().slice(0, 10);
    for (const [by, partner] of [
      [pair.executiveId, pair.mentorId],
      [pair.mentorId, pair.executiveId],
    ] as const) {
      const checkIn: CheckIn = { by, with: partner, session, outcome: 'held', pulse: 4, at: new Date(start + k * 14 * DAY_MS + 3_600_000).toISOString() };
      const stored = await sealRecord(sealOf(by), checkIn, [ownerKey]);
      graph.lists.seedItem(DEMO_OWNER_GROUP_ID, PROGRAMME_LISTS.checkIns, by, { Title: 'check-in', PersonId: by, Data: JSON.stringify(stored) });
    }
  }
}
const sealMs = Math.round(performance.now() - sealing);

const client = new GraphClient({ identity: createDemoIdentity(priya), fetch: graph.fetch, sleep: () => Promise.resolve() });
const store = await openProgrammeStore(client, DEMO_OWNER_GROUP_ID);
const reading = performance.now();
const records = await everyRecord(store);
const ownerReadMs = Math.round(performance.now() - reading);
const working = performance.now();
const health = programmeHealth({ people, pairs, checkIns: records.checkIns, evaluations: records.evaluations, now });
const healthMs = Math.round(performance.now() - working);
console.log(
  JSON.stringify({
    participants: PARTICIPANTS,
    pairs: PAIRS,
    checkIns: records.checkIns.length,
    unread: records.unread,
    sealMs,
    ownerReadMs,
    healthMs,
    planned: health.sessions.planned,
    held: health.sessions.held,
  }),
);
