/**
 * The end-to-end matching benchmark: a 50,000-person demo tenant, 3,000 opted-in executives and
 * 10,000 opted-in juniors with random topics and languages; eligibility, scoring and the exact
 * assignment from the org model.
 */
import { createMatcher } from '../../src/domain/matching/engine.ts';
import { TOPIC_CATALOGUE, type ProgrammeProfile } from '../../src/domain/matching/profile.ts';
import { buildOrgModel } from '../../src/domain/org/org-model.ts';
import { seededRandom } from '../../src/domain/random/seeded-random.ts';
import { generateDemoTenant } from '../../src/demo/graph/demo-tenant.ts';

export function endToEndInput(people: number, mentees: number, mentors: number) {
  const users = generateDemoTenant({ size: people }).filter((u) => u.accountEnabled && u.userType === 'Member');
  const model = buildOrgModel(
    users.map((u) => ({ id: u.id, displayName: u.displayName, managerId: u.managerId ?? undefined, department: u.department ?? undefined, country: u.country ?? undefined })),
  );
  const random = seededRandom(3);
  const topics = (count: number) => [...new Set(Array.from({ length: count }, () => TOPIC_CATALOGUE[Math.floor(random() * TOPIC_CATALOGUE.length)]!.id))];
  const byId = new Map(users.map((u) => [u.id, u]));
  const languages = (id: string) => ['en', ...(byId.get(id)!.preferredLanguage ? [byId.get(id)!.preferredLanguage!.split('-')[0]!] : [])];
  const order = [...model.people.keys()].sort((a, b) => model.seniority[b]! - model.seniority[a]!);
  const profiles: ProgrammeProfile[] = [
    ...order.slice(0, mentees).map((i) => ({
      personId: model.people[i]!.id,
      mentee: { wantsToLearn: topics(3) },
      languages: languages(model.people[i]!.id),
      timeZone: byId.get(model.people[i]!.id)!.mailboxSettings.timeZone,
    })),
    ...order.slice(-mentors).map((i) => ({
      personId: model.people[i]!.id,
      mentor: { capacity: 1 + Math.floor(random() * 3), canTeach: topics(3) },
      languages: languages(model.people[i]!.id),
      timeZone: byId.get(model.people[i]!.id)!.mailboxSettings.timeZone,
    })),
  ];
  return { model, profiles };
}

export function runEndToEnd(input: ReturnType<typeof endToEndInput>) {
  const matcher = createMatcher({ ...input, loads: new Map(), rules: { levelGap: 2, pastPairs: [], exclusions: [] }, at: Date.parse('2027-01-15T12:00:00Z') });
  return matcher.assignProgramme();
}
