import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOrgModel, type PersonRecord } from '../org/org-model';
import { createMatcher, utcOffsetMinutes, workingHoursInCommon, type MatchingRules } from './engine';
import type { ProgrammeProfile } from './profile';

/**
 * ceo → 4 VPs (v0…v3) → 6 directors each (v0.d0…) → 6 people each (v0.d0.p0…).
 * Seniority: people 0, directors ≈ 1.1, VPs ≈ 2.1, chief ≈ 3.1 (span 6).
 */
const DEPARTMENTS = ['Finance', 'Engineering', 'Marketing', 'Sales'];
const COUNTRIES = ['United Kingdom', 'Mexico', 'Nigeria', 'India'];
const records: PersonRecord[] = [{ id: 'ceo', displayName: 'Chief', managerId: undefined, department: 'Board', country: 'United Kingdom' }];
for (let v = 0; v < 4; v++) {
  const vp = `v${v}`;
  records.push({ id: vp, displayName: `VP ${v}`, managerId: 'ceo', department: DEPARTMENTS[v], country: 'United Kingdom' });
  for (let d = 0; d < 6; d++) {
    const director = `${vp}.d${d}`;
    records.push({ id: director, displayName: director, managerId: vp, department: DEPARTMENTS[v], country: COUNTRIES[v] });
    for (let p = 0; p < 6; p++) {
      records.push({ id: `${director}.p${p}`, displayName: `${director}.p${p}`, managerId: director, department: DEPARTMENTS[v], country: COUNTRIES[v] });
    }
  }
}
const model = buildOrgModel(records);
const JANUARY = Date.parse('2027-01-15T12:00:00Z');

const mentee = (personId: string, wantsToLearn: string[], extra: Partial<ProgrammeProfile> = {}): ProgrammeProfile => ({
  personId,
  mentee: { wantsToLearn },
  languages: ['en'],
  timeZone: 'Europe/London',
  ...extra,
});
const mentor = (personId: string, canTeach: string[], extra: Partial<ProgrammeProfile> = {}): ProgrammeProfile => ({
  personId,
  mentor: { capacity: 1, canTeach },
  languages: ['en'],
  timeZone: 'Europe/London',
  ...extra,
});

const noRules: MatchingRules = { levelGap: 2, pastPairs: [], exclusions: [] };

function matcher(profiles: ProgrammeProfile[], options: { rules?: Partial<MatchingRules>; loads?: Map<string, number> } = {}) {
  return createMatcher({ model, profiles, loads: options.loads ?? new Map(), rules: { ...noRules, ...options.rules }, at: JANUARY });
}

describe('eligibility', () => {
  const profiles = [
    mentee('v0', ['generative-ai', 'social-media']),
    mentee('v0.d0', ['gaming']),
    mentor('v1.d2.p3', ['generative-ai', 'social-media'], { timeZone: 'America/Mexico_City', languages: ['es', 'en'] }),
    mentor('v0.d1.p1', ['generative-ai']),
    mentor('v2.d0.p0', ['gaming'], { languages: ['yo'] }),
  ];

  it('allows a junior from another part of the organisation', () => {
    expect(matcher(profiles).whyNot('v0', 'v1.d2.p3')).toEqual([]);
  });

  it('never pairs within a reporting line, either way', () => {
    expect(matcher(profiles).whyNot('v0', 'v0.d1.p1')).toEqual([{ code: 'in-reporting-line' }]);
  });

  it('asks for the configured level gap and says how far off a pair is', () => {
    const [reason] = matcher(profiles).whyNot('v0.d0', 'v1.d2.p3');
    expect(reason).toMatchObject({ code: 'level-gap', required: 2 });
    expect(reason?.code === 'level-gap' && Math.round(reason.gap)).toBe(1);
    expect(matcher(profiles, { rules: { levelGap: 1 } }).whyNot('v0.d0', 'v1.d2.p3')).toEqual([]);
  });

  it('keeps mentors within their capacity', () => {
    const m = matcher(profiles, { loads: new Map([['v1.d2.p3', 1]]) });
    expect(m.whyNot('v0', 'v1.d2.p3')).toEqual([{ code: 'at-capacity', load: 1, capacity: 1 }]);
  });

  it('does not repeat a past pair or pair an excluded one', () => {
    expect(matcher(profiles, { rules: { pastPairs: [['v0', 'v1.d2.p3']] } }).whyNot('v0', 'v1.d2.p3')[0]?.code).toBe('past-pair');
    expect(matcher(profiles, { rules: { exclusions: [['v0', 'v1.d2.p3']] } }).whyNot('v0', 'v1.d2.p3')[0]?.code).toBe('excluded');
  });

  it('needs a shared language', () => {
    expect(matcher(profiles).whyNot('v0', 'v2.d0.p0')).toEqual([{ code: 'no-shared-language' }]);
  });

  it('needs both to have opted in, in the right role', () => {
    const m = matcher(profiles);
    expect(m.whyNot('v1', 'v1.d2.p3').map((w) => w.code)).toEqual(['not-a-mentee']);
    expect(m.whyNot('v0', 'v3.d0.p0').map((w) => w.code)).toEqual(['not-a-mentor']);
    expect(m.whyNot('v0', 'nobody').map((w) => w.code)).toEqual(['unknown-person']);
  });

  it('lists every rule a pair breaks', () => {
    const m = matcher([mentee('v0.d0', ['gaming']), mentor('v0.d0.p1', ['gaming'], { languages: ['fr'] })], { rules: { exclusions: [['v0.d0', 'v0.d0.p1']] } });
    expect(m.whyNot('v0.d0', 'v0.d0.p1').map((w) => w.code)).toEqual(['in-reporting-line', 'level-gap', 'excluded', 'no-shared-language']);
  });
});

describe('the filter and "why not" agree', () => {
  const people = records.map((r) => r.id);
  const languages = fc.subarray(['en', 'es', 'fr'], { minLength: 1 });
  const opted = fc.uniqueArray(
    fc.record({
      personId: fc.constantFrom(...people),
      mentee: fc.boolean(),
      mentor: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      languages,
    }),
    { minLength: 2, maxLength: 30, selector: (p) => p.personId },
  );

  it('suggests exactly the mentors for whom "why not" has no reason', () => {
    fc.assert(
      fc.property(opted, fc.array(fc.constantFrom(...people), { maxLength: 10 }), fc.integer({ min: 0, max: 3 }), (list, loaded, levelGap) => {
        const profiles: ProgrammeProfile[] = list.map((p) => ({
          personId: p.personId,
          ...(p.mentee ? { mentee: { wantsToLearn: ['gaming'] } } : {}),
          ...(p.mentor ? { mentor: { capacity: p.mentor, canTeach: ['gaming'] } } : {}),
          languages: p.languages,
          timeZone: 'Europe/London',
        }));
        const loads = new Map(loaded.map((id) => [id, 1]));
        const m = matcher(profiles, { loads, rules: { levelGap } });
        for (const menteeId of m.mentees) {
          const suggested = m
            .suggestionsFor(menteeId, people.length)
            .suggestions.map((s) => s.mentorId)
            .sort();
          const allowed = m.mentors.filter((mentorId) => m.whyNot(menteeId, mentorId).length === 0).sort();
          expect(suggested).toEqual(allowed);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the swap check', () => {
  const profiles = [mentee('v0', ['gaming']), mentee('v1', ['gaming']), mentor('v1.d0.p0', ['gaming']), mentor('v2.d0.p0', ['gaming'])];
  const a = { menteeId: 'v0', mentorId: 'v2.d0.p0' };
  const b = { menteeId: 'v1', mentorId: 'v1.d0.p0' };

  it('reports what each new pair would break, ignoring capacity, which a swap does not change', () => {
    const loads = new Map([
      ['v1.d0.p0', 1],
      ['v2.d0.p0', 1],
    ]);
    const m = matcher(profiles, { loads });
    expect(m.whyNot('v0', 'v1.d0.p0')).toEqual([{ code: 'at-capacity', load: 1, capacity: 1 }]);
    expect(m.swapProblems(a, b)).toEqual([]);
  });

  it('refuses a swap into a reporting line or into an exclusion of this run', () => {
    const c = { menteeId: 'v1', mentorId: 'v0.d0.p0' };
    const m = matcher([...profiles, mentor('v0.d0.p0', ['gaming'])]);
    expect(m.swapProblems(a, c)).toEqual([{ menteeId: 'v0', mentorId: 'v0.d0.p0', reasons: [{ code: 'in-reporting-line' }] }]);
    expect(m.swapProblems(a, b, [['v0', 'v1.d0.p0']])).toEqual([{ menteeId: 'v0', mentorId: 'v1.d0.p0', reasons: [{ code: 'excluded' }] }]);
  });
});

describe('suggestions', () => {
  const profiles = [
    mentee('v0', ['generative-ai', 'social-media'], { languages: ['en', 'es'] }),
    mentor('v1.d2.p3', ['generative-ai', 'social-media'], { timeZone: 'America/Mexico_City', languages: ['es', 'en'] }),
    mentor('v2.d0.p0', ['gaming']),
    mentor('v3.d4.p5', ['social-media'], { timeZone: 'Asia/Kolkata' }),
  ];

  it('ranks by fit, scores in (0, 1], and says why', () => {
    const { suggestions } = matcher(profiles).suggestionsFor('v0');
    expect(suggestions.map((s) => s.mentorId)).toEqual(['v1.d2.p3', 'v3.d4.p5', 'v2.d0.p0']);
    for (const s of suggestions) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(suggestions[0]!.reasons).toEqual([
      { code: 'teaches', topics: ['generative-ai', 'social-media'] },
      { code: 'other-department', department: 'Engineering', from: 'Finance' },
      { code: 'other-country', place: 'Mexico' },
      { code: 'hours-in-common', hours: 2, offsetMinutes: -360 },
      { code: 'shared-languages', languages: ['es', 'en'] },
    ]);
    expect(suggestions[1]!.reasons).toContainEqual({ code: 'hours-in-common', hours: 2.5, offsetMinutes: 330 });
  });

  it('pages with "show me others" and is deterministic', () => {
    const m = matcher(profiles);
    expect(m.suggestionsFor('v0', 2, 2).suggestions.map((s) => s.mentorId)).toEqual(['v2.d0.p0']);
    expect(m.suggestionsFor('v0')).toEqual(matcher(profiles).suggestionsFor('v0'));
  });

  it('says why there is nobody, and what would change it', () => {
    expect(matcher(profiles, { rules: { levelGap: 5 } }).suggestionsFor('v0')).toEqual({
      suggestions: [],
      why: { code: 'levels-too-close', required: 5 },
    });
    expect(matcher([mentee('v0', [])]).suggestionsFor('v0').why).toEqual({ code: 'no-mentors' });
    expect(matcher(profiles).suggestionsFor('v1').why).toEqual({ code: 'opt-in' });
  });
});

describe('a pause', () => {
  const profiles = [
    mentee('v0', ['generative-ai']),
    mentee('v1', ['generative-ai'], { pausedUntil: '2027-02-01' }),
    mentor('v2.d0.p0', ['generative-ai'], { mentor: { capacity: 2, canTeach: ['generative-ai'] } }),
    mentor('v3.d0.p0', ['generative-ai'], { pausedUntil: '2027-01-16' }),
  ];

  it('leaves the paused out of suggestions, proposals and pins until the day they are back', () => {
    const m = matcher(profiles);
    expect(m.suggestionsFor('v0').suggestions.map((s) => s.mentorId)).toEqual(['v2.d0.p0']);
    expect(m.whyNot('v0', 'v3.d0.p0')).toEqual([{ code: 'paused', personId: 'v3.d0.p0', until: '2027-01-16' }]);
    expect(m.suggestionsFor('v1')).toEqual({ suggestions: [], why: { code: 'paused', until: '2027-02-01' } });
    const { pairs, unmatched } = m.assignProgramme({
      pins: [
        ['v1', 'v2.d0.p0'],
        ['v0', 'v3.d0.p0'],
      ],
    });
    expect(pairs.map((p) => [p.menteeId, p.mentorId, p.pinned])).toEqual([['v0', 'v2.d0.p0', false]]);
    expect(unmatched).toEqual([{ menteeId: 'v1', why: { code: 'paused', until: '2027-02-01' } }]);
  });

  it('ends on its day', () => {
    const back = createMatcher({ model, profiles, loads: new Map(), rules: noRules, at: Date.parse('2027-01-16T00:00:00Z') });
    expect(back.suggestionsFor('v0').suggestions.map((s) => s.mentorId)).toEqual(['v2.d0.p0', 'v3.d0.p0']);
    expect(back.suggestionsFor('v1').suggestions).toEqual([]);
  });
});

describe('the programme-wide proposal', () => {
  const profiles = [
    mentee('v0', ['gaming']),
    mentee('v1', ['gaming']),
    mentee('v2', ['generative-ai']),
    mentor('v3.d0.p0', ['gaming'], { mentor: { capacity: 2, canTeach: ['gaming'] } }),
    mentor('v3.d1.p0', ['generative-ai']),
  ];

  it('matches as many executives as capacities allow, with reasons', () => {
    const { pairs, unmatched } = matcher(profiles).assignProgramme();
    expect(pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([
      ['v0', 'v3.d0.p0'],
      ['v1', 'v3.d0.p0'],
      ['v2', 'v3.d1.p0'],
    ]);
    expect(unmatched).toEqual([]);
    expect(pairs.every((p) => p.reasons.length > 0 && !p.pinned)).toBe(true);
  });

  it('leaves out executives who already have a reverse mentor', () => {
    const { pairs, unmatched } = matcher(profiles).assignProgramme({ alreadyPaired: new Set(['v0']) });
    expect(pairs.map((p) => p.menteeId)).toEqual(['v1', 'v2']);
    expect(unmatched).toEqual([]);
  });

  it('keeps pins, avoids exclusions, and explains who is left', () => {
    const { pairs, unmatched } = matcher(profiles).assignProgramme({
      pins: [['v2', 'v3.d0.p0']],
      exclusions: [['v0', 'v3.d1.p0']],
    });
    expect(pairs[0]).toMatchObject({ menteeId: 'v2', mentorId: 'v3.d0.p0', pinned: true });
    expect(pairs[0]!.reasons[0]).toEqual({ code: 'pinned' });
    expect(pairs.some((p) => p.menteeId === 'v0' && p.mentorId === 'v3.d1.p0')).toBe(false);
    expect(pairs).toHaveLength(3);
    expect(unmatched).toEqual([]);

    const crowded = matcher(profiles, { loads: new Map([['v3.d0.p0', 2]]) }).assignProgramme();
    expect(crowded.pairs).toHaveLength(1);
    expect(crowded.unmatched.map((u) => u.menteeId)).toEqual(['v0', 'v1']);
    expect(['outbid', 'mentors-full']).toContain(crowded.unmatched[0]!.why.code);
  });
});

describe('time zones', () => {
  it('reads offsets at the given instant, daylight saving and half hours included', () => {
    expect(utcOffsetMinutes('Asia/Kolkata', JANUARY)).toBe(330);
    expect(utcOffsetMinutes('America/St_Johns', JANUARY)).toBe(-210);
    expect(utcOffsetMinutes('Europe/London', JANUARY)).toBe(0);
    expect(utcOffsetMinutes('Europe/London', Date.parse('2027-07-15T12:00:00Z'))).toBe(60);
    expect(utcOffsetMinutes('Not/AZone', JANUARY)).toBe(0);
  });

  it('counts working hours in common across the date line too', () => {
    expect(workingHoursInCommon(0)).toBe(8);
    expect(workingHoursInCommon(330)).toBe(2.5);
    expect(workingHoursInCommon(-600)).toBe(0);
    expect(workingHoursInCommon(23 * 60)).toBe(7);
  });
});
