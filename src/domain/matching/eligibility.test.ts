import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOrgModel, type PersonRecord } from '../org/org-model';
import {
  ELIGIBILITY,
  firstBreach,
  PAIR_RULES,
  pairKey,
  ruleOf,
  whyNobodyFrom,
  whyNotPair,
  type EligibilityFacts,
  type IneligibleCode,
  type MenteeRow,
  type PairRule,
  type PeopleRule,
} from './eligibility';

/** ceo → v0, v1 → 3 directors each → 3 people each. */
const records: PersonRecord[] = [{ id: 'ceo', displayName: 'Chief', managerId: undefined }];
for (let v = 0; v < 2; v++) {
  records.push({ id: `v${v}`, displayName: `VP ${v}`, managerId: 'ceo' });
  for (let d = 0; d < 3; d++) {
    records.push({ id: `v${v}.d${d}`, displayName: `v${v}.d${d}`, managerId: `v${v}` });
    for (let p = 0; p < 3; p++) records.push({ id: `v${v}.d${d}.p${p}`, displayName: `v${v}.d${d}.p${p}`, managerId: `v${v}.d${d}` });
  }
}
const model = buildOrgModel(records);
const node = (id: string) => model.indexOf.get(id)!;
const EN = 1;
const FR = 2;

interface MentorSpec {
  readonly id: string;
  readonly load?: number;
  readonly capacity?: number;
  readonly language?: number;
}

/** Facts over the small organisation: every mentee speaks what `languages` says (English by default). */
function factsFor(
  mentors: readonly MentorSpec[],
  options: { mentees?: readonly string[]; levelGap?: number; past?: readonly [string, string][]; excluded?: readonly [string, string][]; paused?: Readonly<Record<string, string>> } = {},
): EligibilityFacts {
  const load = Int32Array.from(mentors, (m) => m.load ?? 0);
  const capacity = Int32Array.from(mentors, (m) => m.capacity ?? 1);
  const keys = (pairs: readonly [string, string][] = []) => new Set(pairs.map(([e, m]) => pairKey(model, node(e), node(m))));
  return {
    model,
    levelGap: options.levelGap ?? 2,
    mentors: {
      ids: mentors.map((m) => m.id),
      node: Int32Array.from(mentors, (m) => node(m.id)),
      load,
      capacity,
      room: Int32Array.from(mentors, (_, k) => capacity[k]! - load[k]!),
      language: Int32Array.from(mentors, (m) => m.language ?? EN),
    },
    mentorPosition: new Map(mentors.map((m, k) => [m.id, k])),
    mentees: new Set(options.mentees ?? ['ceo', 'v0', 'v1']),
    past: keys(options.past),
    excluded: keys(options.excluded),
    paused: new Map(Object.entries(options.paused ?? {}).map(([id, until]) => [node(id), until])),
  };
}
const row = (id: string, language = EN): MenteeRow => ({ node: node(id), language });

const pairRule = (code: IneligibleCode) => ruleOf(code) as PairRule;
const peopleRule = (code: IneligibleCode) => ruleOf(code) as PeopleRule;

describe('the eligibility table', () => {
  it('has one row per code, in the order of precedence, people before pairs', () => {
    expect(ELIGIBILITY.map((rule) => rule.code)).toEqual([
      'unknown-person',
      'not-a-mentee',
      'not-a-mentor',
      'same-person',
      'paused',
      'in-reporting-line',
      'level-gap',
      'at-capacity',
      'past-pair',
      'excluded',
      'no-shared-language',
    ]);
    expect(PAIR_RULES.every((rule) => rule.over === 'pair')).toBe(true);
    const firstPair = ELIGIBILITY.findIndex((rule) => rule.over === 'pair');
    expect(ELIGIBILITY.slice(firstPair).every((rule) => rule.over === 'pair')).toBe(true);
  });

  it('checks capacity on everything but a swap', () => {
    expect(ELIGIBILITY.filter((rule) => !rule.checkedOnSwap).map((rule) => rule.code)).toEqual(['at-capacity']);
  });
});

describe('each rule', () => {
  const f = factsFor([{ id: 'v1.d0.p0' }]);

  it('unknown-person: both must be in the organisation, and the reason names who is not', () => {
    const rule = peopleRule('unknown-person');
    expect(rule.breaks(f, 'v0', 'v1.d0.p0')).toBe(false);
    expect(rule.breaks(f, 'v0', 'nobody')).toBe(true);
    expect(rule.reason(f, 'v0', 'nobody')).toEqual({ code: 'unknown-person', personId: 'nobody' });
    expect(rule.reason(f, 'ghost', 'v1.d0.p0')).toEqual({ code: 'unknown-person', personId: 'ghost' });
  });

  it('not-a-mentee: the executive must have opted in as a mentee', () => {
    const rule = peopleRule('not-a-mentee');
    expect(rule.breaks(f, 'v0', 'v1.d0.p0')).toBe(false);
    expect(rule.breaks(f, 'v0.d1', 'v1.d0.p0')).toBe(true);
    expect(rule.reason(f, 'v0.d1', 'v1.d0.p0')).toEqual({ code: 'not-a-mentee' });
    expect(rule.advice(f)).toEqual({ code: 'opt-in' });
  });

  it('not-a-mentor: the junior must have opted in as a reverse mentor', () => {
    const rule = peopleRule('not-a-mentor');
    expect(rule.breaks(f, 'v0', 'v1.d0.p0')).toBe(false);
    expect(rule.breaks(f, 'v0', 'v1.d0.p1')).toBe(true);
    expect(rule.reason(f, 'v0', 'v1.d0.p1')).toEqual({ code: 'not-a-mentor' });
  });

  it('same-person: nobody mentors themselves', () => {
    const rule = pairRule('same-person');
    const both = factsFor([{ id: 'v1' }, { id: 'v1.d0.p0' }], { mentees: ['v1'] });
    expect(rule.breaks(both, row('v1'), 0)).toBe(true);
    expect(rule.breaks(both, row('v1'), 1)).toBe(false);
    expect(rule.reason(both, row('v1'), 0)).toEqual({ code: 'same-person' });
  });

  it('in-reporting-line: never within a chain of command, either way', () => {
    const rule = pairRule('in-reporting-line');
    const g = factsFor([{ id: 'v0.d0.p0' }, { id: 'v1.d0.p0' }, { id: 'v0' }]);
    expect(rule.breaks(g, row('v0'), 0)).toBe(true);
    expect(rule.breaks(g, row('v0.d0.p0'), 2)).toBe(true);
    expect(rule.breaks(g, row('v0'), 1)).toBe(false);
    expect(rule.reason(g, row('v0'), 0)).toEqual({ code: 'in-reporting-line' });
    expect(rule.advice(g)).toEqual({ code: 'all-in-reporting-line' });
  });

  it('level-gap: the mentor sits at least the programme gap below, and the reason says how far', () => {
    const rule = pairRule('level-gap');
    const gap = model.seniority[node('v0')]! - model.seniority[node('v1.d0.p0')]!;
    const near = factsFor([{ id: 'v1.d0.p0' }], { levelGap: Math.ceil(gap) + 1 });
    const far = factsFor([{ id: 'v1.d0.p0' }], { levelGap: Math.floor(gap) });
    expect(rule.breaks(far, row('v0'), 0)).toBe(false);
    expect(rule.breaks(near, row('v0'), 0)).toBe(true);
    expect(rule.reason(near, row('v0'), 0)).toEqual({ code: 'level-gap', gap, required: Math.ceil(gap) + 1 });
    expect(rule.advice(near)).toEqual({ code: 'levels-too-close', required: Math.ceil(gap) + 1 });
  });

  it('at-capacity: the mentor has room, and the reason gives their load and capacity', () => {
    const rule = pairRule('at-capacity');
    const g = factsFor([
      { id: 'v1.d0.p0', load: 2, capacity: 2 },
      { id: 'v1.d0.p1', load: 1, capacity: 2 },
    ]);
    expect(rule.breaks(g, row('v0'), 0)).toBe(true);
    expect(rule.breaks(g, row('v0'), 1)).toBe(false);
    expect(rule.reason(g, row('v0'), 0)).toEqual({ code: 'at-capacity', load: 2, capacity: 2 });
    expect(rule.advice(g)).toEqual({ code: 'mentors-full' });
  });

  it('past-pair: no repeat of a pair that already happened', () => {
    const rule = pairRule('past-pair');
    const g = factsFor([{ id: 'v1.d0.p0' }, { id: 'v1.d0.p1' }], { past: [['v0', 'v1.d0.p0']] });
    expect(rule.breaks(g, row('v0'), 0)).toBe(true);
    expect(rule.breaks(g, row('v0'), 1)).toBe(false);
    expect(rule.reason(g, row('v0'), 0)).toEqual({ code: 'past-pair' });
  });

  it('excluded: no pair a programme owner ruled out', () => {
    const rule = pairRule('excluded');
    const g = factsFor([{ id: 'v1.d0.p0' }, { id: 'v1.d0.p1' }], { excluded: [['v0', 'v1.d0.p1']] });
    expect(rule.breaks(g, row('v0'), 1)).toBe(true);
    expect(rule.breaks(g, row('v0'), 0)).toBe(false);
    expect(rule.reason(g, row('v0'), 1)).toEqual({ code: 'excluded' });
  });

  it('paused: no pair with someone who paused, naming who and until when', () => {
    const rule = pairRule('paused');
    const g = factsFor([{ id: 'v1.d0.p0' }, { id: 'v1.d0.p1' }], { paused: { 'v1.d0.p1': '2027-01-12' } });
    expect(rule.breaks(g, row('v0'), 0)).toBe(false);
    expect(rule.breaks(g, row('v0'), 1)).toBe(true);
    expect(rule.reason(g, row('v0'), 1)).toEqual({ code: 'paused', personId: 'v1.d0.p1', until: '2027-01-12' });
    expect(rule.advice(g, row('v0'))).toEqual({ code: 'rules' });
    const h = factsFor([{ id: 'v1.d0.p0' }], { paused: { v0: '2027-02-01' } });
    expect(rule.breaks(h, row('v0'), 0)).toBe(true);
    expect(rule.reason(h, row('v0'), 0)).toEqual({ code: 'paused', personId: 'v0', until: '2027-02-01' });
    expect(whyNotPair(h, 'v0', 'v1.d0.p0', row)).toEqual([{ code: 'paused', personId: 'v0', until: '2027-02-01' }]);
    expect(whyNobodyFrom(h, row('v0'))).toEqual({ code: 'paused', until: '2027-02-01' });
  });

  it('no-shared-language: they need a language in common', () => {
    const rule = pairRule('no-shared-language');
    const g = factsFor([
      { id: 'v1.d0.p0', language: FR },
      { id: 'v1.d0.p1', language: FR | EN },
    ]);
    expect(rule.breaks(g, row('v0'), 0)).toBe(true);
    expect(rule.breaks(g, row('v0'), 1)).toBe(false);
    expect(rule.breaks(g, row('v0', FR), 0)).toBe(false);
    expect(rule.reason(g, row('v0'), 0)).toEqual({ code: 'no-shared-language' });
    expect(rule.advice(g)).toEqual({ code: 'add-languages' });
  });
});

describe('why not', () => {
  it('stops at the people rules when someone has not opted in, and lists both', () => {
    const f = factsFor([{ id: 'v1.d0.p0' }], { mentees: [] });
    expect(whyNotPair(f, 'v0', 'v1.d0.p1', row).map((r) => r.code)).toEqual(['not-a-mentee', 'not-a-mentor']);
    expect(whyNotPair(f, 'v0', 'ghost', row)).toEqual([{ code: 'unknown-person', personId: 'ghost' }]);
  });

  it('gives only "same person" for a person against themselves', () => {
    const f = factsFor([{ id: 'v0', load: 1 }], { mentees: ['v0'], excluded: [['v0', 'v0']] });
    expect(whyNotPair(f, 'v0', 'v0', row)).toEqual([{ code: 'same-person' }]);
  });

  it('leaves out the rules it is told to', () => {
    const f = factsFor([{ id: 'v0.d0.p0', load: 1 }]);
    expect(whyNotPair(f, 'v0', 'v0.d0.p0', row).map((r) => r.code)).toEqual(['in-reporting-line', 'at-capacity']);
    expect(whyNotPair(f, 'v0', 'v0.d0.p0', row, (rule) => rule.checkedOnSwap).map((r) => r.code)).toEqual(['in-reporting-line']);
  });
});

describe('why nobody', () => {
  it('advises on the rule most mentors break first, ties to the rule met first', () => {
    const f = factsFor([{ id: 'v0.d0.p0' }, { id: 'v1.d0.p0', language: FR }, { id: 'v1.d0.p1', language: FR }], { levelGap: 0 });
    expect(whyNobodyFrom(f, row('v0'))).toEqual({ code: 'add-languages' });
    const tie = factsFor([{ id: 'v1.d0.p0', language: FR }, { id: 'v0.d0.p0' }], { levelGap: 0 });
    expect(whyNobodyFrom(tie, row('v0'))).toEqual({ code: 'add-languages' });
  });

  it('says when there are no mentors, and when nothing stands in the way', () => {
    expect(whyNobodyFrom(factsFor([]), row('v0'))).toEqual({ code: 'no-mentors' });
    expect(whyNobodyFrom(factsFor([{ id: 'v1.d0.p0' }], { levelGap: 0 }), row('v0'))).toEqual({ code: 'no-fit' });
  });

  it('has generic advice for rules without their own', () => {
    const f = factsFor([{ id: 'v1.d0.p0' }], { levelGap: 0, past: [['v0', 'v1.d0.p0']] });
    expect(whyNobodyFrom(f, row('v0'))).toEqual({ code: 'rules' });
  });
});

describe('one table for the filter and for "why not"', () => {
  const ids = records.map((r) => r.id);
  const mentorArb = fc.record({
    id: fc.constantFrom(...ids),
    load: fc.integer({ min: 0, max: 3 }),
    capacity: fc.integer({ min: 1, max: 3 }),
    language: fc.integer({ min: 1, max: 3 }),
  });
  const pairArb = fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids));
  const world = fc.record({
    mentors: fc.uniqueArray(mentorArb, { minLength: 1, maxLength: 12, selector: (m) => m.id }),
    mentees: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 8 }),
    levelGap: fc.integer({ min: 0, max: 3 }),
    past: fc.array(pairArb, { maxLength: 6 }),
    excluded: fc.array(pairArb, { maxLength: 6 }),
    menteeLanguage: fc.integer({ min: 1, max: 3 }),
  });

  it('the first reason "why not" gives is the rule the filter stops at, and no reason means the filter lets the pair through', () => {
    fc.assert(
      fc.property(world, (w) => {
        const f = factsFor(w.mentors, w);
        const menteeRow = (id: string) => row(id, w.menteeLanguage);
        for (const menteeId of w.mentees) {
          for (let k = 0; k < w.mentors.length; k++) {
            const first = firstBreach(f, menteeRow(menteeId), k);
            const reasons = whyNotPair(f, menteeId, w.mentors[k]!.id, menteeRow);
            expect(reasons[0]?.code).toBe(first === -1 ? undefined : PAIR_RULES[first]!.code);
            // Every rule that breaks is listed, in table order, unless one stands alone.
            const broken = PAIR_RULES.filter((rule) => rule.breaks(f, menteeRow(menteeId), k));
            const expected = broken[0]?.alone ? [broken[0]] : broken;
            expect(reasons.map((r) => r.code)).toEqual(expected.map((rule) => rule.code));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
