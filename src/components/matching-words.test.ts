import { describe, expect, it } from 'vitest';
import type { IneligibleReason, WhyNobody } from '@/domain/matching/eligibility';
import type { MatchReason } from '@/domain/matching/engine';
import { wordIneligible, wordReason, wordWhyNobody, wordWhyNot, type Reader } from './matching-words';

const NAMES: Record<string, string> = { margaret: 'Margaret Lindqvist', diego: 'Diego Hernández', ghost: 'ghost' };
const nameOf = (id: string) => NAMES[id] ?? id;
const executive: Reader = { kind: 'executive', nameOf };
const owner: Reader = { kind: 'owner', nameOf };
const pair = { menteeId: 'margaret', mentorId: 'diego' };

describe('suggestion reasons', () => {
  // The executive's words are the ones the app has always shown (browser tests match some of them).
  const cases: [MatchReason, string, string][] = [
    [{ code: 'pinned' }, 'Pinned by the programme owner', 'Pinned by you'],
    [
      { code: 'teaches', topics: ['generative-ai', 'social-media', 'younger-customers'] },
      'Can teach generative AI, social media and younger customers, which you want to learn',
      'Can teach generative AI, social media and younger customers, which Margaret Lindqvist wants to learn',
    ],
    [{ code: 'teaches', topics: ['board games'] }, 'Can teach board games, which you want to learn', 'Can teach board games, which Margaret Lindqvist wants to learn'],
    [{ code: 'other-department', department: 'Engineering', from: 'Finance' }, 'Works in Engineering: a view from outside Finance', 'Works in Engineering: a view from outside Finance'],
    [{ code: 'other-department', department: 'Engineering' }, 'Works in Engineering', 'Works in Engineering'],
    [{ code: 'other-country', place: 'Mexico' }, 'Based in Mexico: a view from another country', 'Based in Mexico: a view from another country'],
    [{ code: 'hours-in-common', hours: 8, offsetMinutes: 0 }, 'Works in your time zone', "Works in Margaret Lindqvist's time zone"],
    [{ code: 'hours-in-common', hours: 2, offsetMinutes: -360 }, '2 working hours in common (6 hours behind you)', '2 working hours in common (6 hours behind Margaret Lindqvist)'],
    [
      { code: 'hours-in-common', hours: 2.5, offsetMinutes: 330 },
      '2.5 working hours in common (5.5 hours ahead of you)',
      '2.5 working hours in common (5.5 hours ahead of Margaret Lindqvist)',
    ],
    [{ code: 'hours-in-common', hours: 7, offsetMinutes: 60 }, '7 working hours in common (1 hour ahead of you)', '7 working hours in common (1 hour ahead of Margaret Lindqvist)'],
    [{ code: 'hours-in-common', hours: 1, offsetMinutes: 420 }, '1 working hour in common (7 hours ahead of you)', '1 working hour in common (7 hours ahead of Margaret Lindqvist)'],
    [{ code: 'hours-in-common', hours: 0, offsetMinutes: -600 }, 'Little working time in common (10 hours behind you)', 'Little working time in common (10 hours behind Margaret Lindqvist)'],
    [{ code: 'shared-languages', languages: ['es', 'en'] }, 'You both speak Spanish and English', 'Both speak Spanish and English'],
  ];

  it.each(cases)('%j', (reason, forExecutive, forOwner) => {
    expect(wordReason(reason, executive, pair)).toBe(forExecutive);
    expect(wordReason(reason, owner, pair)).toBe(forOwner);
  });
});

describe('reasons as the reverse mentor reads them', () => {
  const mentor: Reader = { kind: 'mentor', nameOf };
  const cases: [MatchReason, string][] = [
    [{ code: 'pinned' }, 'Pinned by the programme owner'],
    [{ code: 'teaches', topics: ['generative-ai', 'social-media'] }, 'You can teach generative AI and social media, which Margaret Lindqvist wants to learn'],
    [{ code: 'other-department', department: 'Engineering', from: 'Finance' }, 'You work in Engineering: a view from outside Finance, where Margaret Lindqvist works'],
    [{ code: 'other-department', department: 'Engineering' }, 'You work in Engineering: a view from another department'],
    [{ code: 'other-country', place: 'Mexico' }, 'You are based in Mexico: a view from another country'],
    [{ code: 'hours-in-common', hours: 8, offsetMinutes: 0 }, "You work in Margaret Lindqvist's time zone"],
    // The mentor is 6 hours behind the executive: the executive is 6 hours ahead of them.
    [{ code: 'hours-in-common', hours: 2, offsetMinutes: -360 }, '2 working hours in common (Margaret Lindqvist is 6 hours ahead of you)'],
    [{ code: 'hours-in-common', hours: 7, offsetMinutes: 60 }, '7 working hours in common (Margaret Lindqvist is 1 hour behind you)'],
    [{ code: 'hours-in-common', hours: 0, offsetMinutes: 600 }, 'Little working time in common (Margaret Lindqvist is 10 hours behind you)'],
    [{ code: 'shared-languages', languages: ['es', 'en'] }, 'You both speak Spanish and English'],
  ];
  it.each(cases)('%j', (reason, words) => {
    expect(wordReason(reason, mentor, pair)).toBe(words);
  });
});

describe('why not', () => {
  const cases: [IneligibleReason, string, string][] = [
    [{ code: 'unknown-person', personId: 'diego' }, 'is not in the organisation the app can see', 'is not in the organisation the app can see'],
    [{ code: 'unknown-person', personId: 'ghost' }, 'is not in the organisation the app can see', 'cannot be paired: ghost is not in the organisation the app can see'],
    [{ code: 'same-person' }, 'is you', 'cannot be paired with themselves'],
    [{ code: 'not-a-mentee' }, 'cannot be suggested until you opt in as a mentee', 'cannot be paired: Margaret Lindqvist has not opted in as a mentee'],
    [{ code: 'not-a-mentor' }, 'has not opted in as a reverse mentor', 'has not opted in as a reverse mentor'],
    [{ code: 'paused', personId: 'diego', until: '2027-01-12' }, 'has paused taking part until 12 January 2027', 'has paused taking part until 12 January 2027'],
    [
      { code: 'paused', personId: 'margaret', until: '2027-02-01' },
      'cannot be paired: you have paused taking part until 1 February 2027',
      'cannot be paired: Margaret Lindqvist has paused taking part until 1 February 2027',
    ],
    [{ code: 'in-reporting-line' }, 'is in your reporting line', "is in Margaret Lindqvist's reporting line"],
    [
      { code: 'level-gap', gap: 1.1, required: 2 },
      'is only about 1 level below you; the programme asks for at least 2',
      'is only about 1 level below Margaret Lindqvist; the programme asks for at least 2',
    ],
    [
      { code: 'level-gap', gap: 2.4, required: 3 },
      'is only about 2 levels below you; the programme asks for at least 3',
      'is only about 2 levels below Margaret Lindqvist; the programme asks for at least 3',
    ],
    [
      { code: 'level-gap', gap: -0.5, required: 2 },
      'is not below you in seniority; the programme asks for at least 2',
      'is not below Margaret Lindqvist in seniority; the programme asks for at least 2',
    ],
    [{ code: 'at-capacity', load: 1, capacity: 1 }, 'is at capacity (1 of 1 executive)', 'is at capacity (1 of 1 executive)'],
    [{ code: 'at-capacity', load: 2, capacity: 2 }, 'is at capacity (2 of 2 executives)', 'is at capacity (2 of 2 executives)'],
    [{ code: 'past-pair' }, 'was paired with you before', 'was paired with Margaret Lindqvist before'],
    [{ code: 'excluded' }, 'was excluded from pairing with you by the programme owner', 'was excluded from pairing with Margaret Lindqvist by the programme owner'],
    [{ code: 'no-shared-language' }, 'shares no language with you', 'shares no language with Margaret Lindqvist'],
  ];

  it.each(cases)('%j', (reason, forExecutive, forOwner) => {
    expect(wordIneligible(reason, executive, pair)).toBe(forExecutive);
    expect(wordIneligible(reason, owner, pair)).toBe(forOwner);
  });

  it('makes one sentence about the mentor, or says they fit', () => {
    const reasons: IneligibleReason[] = [{ code: 'in-reporting-line' }, { code: 'no-shared-language' }];
    expect(wordWhyNot(reasons, executive, pair)).toBe('Diego Hernández is in your reporting line; shares no language with you.');
    expect(wordWhyNot(reasons, owner, pair)).toBe("Diego Hernández is in Margaret Lindqvist's reporting line; shares no language with Margaret Lindqvist.");
    expect(wordWhyNot([], executive, pair)).toBe('Diego Hernández fits the programme rules; they may simply rank below your suggestions.');
    expect(wordWhyNot([], owner, pair)).toBe('Diego Hernández fits the programme rules for Margaret Lindqvist.');
  });

  it('tells an executive that someone they look up is already among the suggestions they see', () => {
    expect(wordWhyNot([], executive, pair, { shown: true })).toBe('Diego Hernández is already among your suggestions.');
    // What stands in the way still comes first, and an owner reads the rules.
    expect(wordWhyNot([{ code: 'past-pair' }], executive, pair, { shown: true })).toBe('Diego Hernández was paired with you before.');
    expect(wordWhyNot([], owner, pair, { shown: true })).toBe('Diego Hernández fits the programme rules for Margaret Lindqvist.');
  });
});

describe('why nobody', () => {
  const cases: [WhyNobody, string, string][] = [
    [{ code: 'opt-in' }, 'Opt in as a mentee to see suggested reverse mentors.', 'Margaret Lindqvist has not opted in as a mentee.'],
    [
      { code: 'paused', until: '2027-02-01' },
      'You have paused taking part until 1 February 2027; resume in your profile to see suggested reverse mentors.',
      'Margaret Lindqvist has paused taking part until 1 February 2027.',
    ],
    [{ code: 'no-mentors' }, 'Nobody has opted in as a reverse mentor yet.', 'Nobody has opted in as a reverse mentor yet.'],
    [{ code: 'no-fit' }, 'No reverse mentor fits yet.', 'No reverse mentor fits Margaret Lindqvist yet.'],
    [{ code: 'rules' }, 'No reverse mentor fits the programme rules yet.', 'No reverse mentor fits Margaret Lindqvist under the programme rules yet.'],
    [
      { code: 'levels-too-close', required: 5 },
      'Most reverse mentors are fewer than 5 levels below you; a programme owner can lower the level gap.',
      'Most reverse mentors are fewer than 5 levels below Margaret Lindqvist; a lower level gap would help. The gap (5) is set when the app is deployed (PROGRAMME_LEVEL_GAP): ask whoever deploys it.',
    ],
    [
      { code: 'mentors-full' },
      'The reverse mentors who fit you are all at capacity; more juniors opting in would help.',
      'The reverse mentors who fit Margaret Lindqvist are all at capacity; more juniors opting in would help.',
    ],
    [
      { code: 'add-languages' },
      'No reverse mentor shares a language you listed; add the languages you speak to your profile.',
      'No reverse mentor shares a language Margaret Lindqvist listed.',
    ],
    [
      { code: 'all-in-reporting-line' },
      'The reverse mentors who opted in are all in your reporting line.',
      "The reverse mentors who opted in are all in Margaret Lindqvist's reporting line.",
    ],
    [
      { code: 'outbid' },
      'Every reverse mentor who fits was needed for someone with fewer options.',
      'Every reverse mentor who fits Margaret Lindqvist was needed for someone with fewer options.',
    ],
  ];

  it.each(cases)('%j', (why, forExecutive, forOwner) => {
    expect(wordWhyNobody(why, executive, 'margaret')).toBe(forExecutive);
    expect(wordWhyNobody(why, owner, 'margaret')).toBe(forOwner);
  });
});
