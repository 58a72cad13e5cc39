import { TOPIC_CATALOGUE } from '@/domain/matching/profile';
import { seededRandom } from '@/domain/random/seeded-random';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import type { DemoUser } from './demo-tenant';

const SENIOR_TITLE = /^(Chief|SVP|Vice President|General Counsel|Director)/;
const OWN_WORDS = [
  'I run a gaming community with 20,000 members.',
  'I grew our TikTok from zero; happy to show how it works.',
  'I use AI tools every day and can show the good and the bad.',
  'Ask me anything about how my generation chooses where to work.',
  'I build side projects with new tools <b>every</b> weekend 🚀',
];

/**
 * Opt-in profiles for the demo tenant, as open extensions on users: a realistic share of senior
 * people opted in as mentees and of recent joiners as reverse mentors, the demo people in their
 * roles, and two damaged profiles (as a real tenant will have). Deterministic.
 */
export function generateDemoProfiles(users: readonly DemoUser[], options: { seed?: number; asOf?: string } = {}) {
  const random = seededRandom(options.seed ?? 5);
  const topics = (count: number) => {
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(TOPIC_CATALOGUE[Math.floor(random() * TOPIC_CATALOGUE.length)]!.id);
    return [...chosen];
  };
  const recent = `${Number((options.asOf ?? '2026-01-01').slice(0, 4)) - 3}${(options.asOf ?? '2026-01-01').slice(4)}`;
  const updated = `${options.asOf ?? '2026-01-01'}T09:00:00.000Z`;
  const extensions = new Map<string, Record<string, Record<string, unknown>>>();
  const languagesOf = (user: DemoUser) => [...new Set(['en', (user.preferredLanguage ?? 'en').split('-')[0]!])];
  const put = (user: DemoUser, profile: Record<string, unknown>) =>
    extensions.set(user.id, { [PROFILE_EXTENSION]: { v: 1, languages: languagesOf(user), timeZone: user.mailboxSettings.timeZone, load: 0, updated, ...profile } });

  for (const user of users) {
    if (!user.accountEnabled || user.userType !== 'Member' || DEMO_PEOPLE.some((p) => p.id === user.id)) continue;
    if (SENIOR_TITLE.test(user.jobTitle ?? '') && random() < 0.7) {
      put(user, { wantsToLearn: topics(2 + Math.floor(random() * 2)) });
    } else if ((user.employeeHireDate ?? '') >= recent && random() < 0.12) {
      put(user, {
        mentorCapacity: 1 + Math.floor(random() * 3),
        canTeach: topics(2 + Math.floor(random() * 2)),
        ...(random() < 0.4 ? { teach: OWN_WORDS[Math.floor(random() * OWN_WORDS.length)] } : {}),
      });
    }
  }
  const byId = new Map(users.map((u) => [u.id, u]));
  const [margaret, diego, aisha] = DEMO_PEOPLE;
  if (margaret && byId.has(margaret.id))
    put(byId.get(margaret.id)!, {
      wantsToLearn: ['generative-ai', 'social-media', 'younger-customers'],
      learn: 'I want to use AI tools myself rather than hear about them, and to understand how our younger customers decide.',
      hope: 'To stop nodding along in AI discussions, and to bring one idea from each session to the executive team.',
    });
  if (diego && byId.has(diego.id)) {
    put(byId.get(diego.id)!, { mentorCapacity: 2, canTeach: ['generative-ai', 'gaming', 'new-tools'], teach: 'I build AI side projects and play competitively.' });
  }
  if (aisha && byId.has(aisha.id))
    put(byId.get(aisha.id)!, {
      mentorCapacity: 1,
      canTeach: ['social-media', 'younger-customers', 'generative-ai'],
      teach: 'I run our social channels and hear from Gen Z customers every day.',
    });

  // Damaged profiles: a capacity out of range, and a profile from some other version of the app.
  const others = [...extensions.keys()].filter((id) => !DEMO_PEOPLE.some((p) => p.id === id));
  if (others[3]) extensions.set(others[3], { [PROFILE_EXTENSION]: { ...extensions.get(others[3])![PROFILE_EXTENSION], mentorCapacity: 9 } });
  if (others[7]) extensions.set(others[7], { [PROFILE_EXTENSION]: { v: 7, hello: 'from the future' } });
  return extensions;
}
