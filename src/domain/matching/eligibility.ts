/**
 * Who may mentor whom, as one table: each programme rule once, with its code, its check, the
 * reason it gives (a code with parameters, never words) and the advice "why nobody" gives when it
 * is the rule that stands in the way most often. The matcher's filter, "why not", "why nobody"
 * and the programme owner's swap check all read this table; the UI words the reasons for whoever
 * reads them (see src/components/matching-words.ts).
 *
 * The order of the table is the order of precedence: the first rule a pair breaks is the one
 * "why nobody" counts, and the people rules come before the pair rules because the pair rules
 * need both people to have opted in.
 */
import { isAbove, type OrgModel } from '../org/org-model';

/** The code of an eligibility rule; a pair that breaks it gets a reason with this code. */
export type IneligibleCode =
  'unknown-person' | 'same-person' | 'not-a-mentee' | 'not-a-mentor' | 'paused' | 'in-reporting-line' | 'level-gap' | 'at-capacity' | 'past-pair' | 'excluded' | 'no-shared-language';

/** Why a pair may not be paired: a rule's code with what the UI needs to word it. */
export type IneligibleReason =
  /** One of the two is not in the organisation the app can see. */
  | { readonly code: 'unknown-person'; readonly personId: string }
  /** The mentor and the mentee are the same person. */
  | { readonly code: 'same-person' }
  /** The mentee has not opted in as a mentee. */
  | { readonly code: 'not-a-mentee' }
  /** The mentor has not opted in as a reverse mentor. */
  | { readonly code: 'not-a-mentor' }
  /** One of the two paused taking part until `until` (a date, YYYY-MM-DD). */
  | { readonly code: 'paused'; readonly personId: string; readonly until: string }
  /** One manages the other, directly or further up. */
  | { readonly code: 'in-reporting-line' }
  /** The mentor is `gap` seniority levels below the mentee (may be fractional or ≤ 0); the programme asks for `required`. */
  | { readonly code: 'level-gap'; readonly gap: number; readonly required: number }
  /** The mentor already has `load` executives of the `capacity` they offered. */
  | { readonly code: 'at-capacity'; readonly load: number; readonly capacity: number }
  /** They were paired before. */
  | { readonly code: 'past-pair' }
  /** A programme owner ruled the pair out. */
  | { readonly code: 'excluded' }
  /** They have no language in common. */
  | { readonly code: 'no-shared-language' };

/** Why an executive has no suggestion or was left out of a proposal, and what would change it. */
export type WhyNobody =
  /** The executive has not opted in as a mentee. */
  | { readonly code: 'opt-in' }
  /** The executive paused taking part until `until` (a date, YYYY-MM-DD). */
  | { readonly code: 'paused'; readonly until: string }
  /** Nobody has opted in as a reverse mentor. */
  | { readonly code: 'no-mentors' }
  /** No reverse mentor fits, and no single rule stands out. */
  | { readonly code: 'no-fit' }
  /** The programme rules rule everyone out (no specific advice). */
  | { readonly code: 'rules' }
  /** Most reverse mentors are fewer than `required` levels below the executive. */
  | { readonly code: 'levels-too-close'; readonly required: number }
  /** The reverse mentors who fit are all at capacity. */
  | { readonly code: 'mentors-full' }
  /** No reverse mentor shares a language the executive listed. */
  | { readonly code: 'add-languages' }
  /** The reverse mentors who opted in are all in the executive's reporting line. */
  | { readonly code: 'all-in-reporting-line' }
  /** Every reverse mentor who fits was needed for someone with fewer options (programme proposal only). */
  | { readonly code: 'outbid' };

/** What the rules read about the reverse mentors: one entry per mentor position, precomputed. */
export interface MentorColumns {
  readonly ids: readonly string[];
  /** Each mentor's position in the org model. */
  readonly node: Int32Array;
  /** Executives they already have. */
  readonly load: Int32Array;
  /** Executives they offered to take. */
  readonly capacity: Int32Array;
  /** capacity − load. */
  readonly room: Int32Array;
  /** Bit mask of the primary languages they speak. */
  readonly language: Int32Array;
}

/** What the rules read about one mentee. */
export interface MenteeRow {
  /** Their position in the org model. */
  readonly node: number;
  /** Bit mask of the primary languages they speak (same bits as the mentors'). */
  readonly language: number;
}

/** Everything the rules read: the organisation, the programme's rules, and who opted in as what. */
export interface EligibilityFacts {
  readonly model: OrgModel;
  /** Seniority levels the mentor must sit below the mentee. */
  readonly levelGap: number;
  readonly mentors: MentorColumns;
  /** Mentor position by person id. */
  readonly mentorPosition: ReadonlyMap<string, number>;
  /** Ids of the people who opted in as mentees (and the org model knows). */
  readonly mentees: ReadonlySet<string>;
  /** Pairs that already happened, as {@link pairKey}s. */
  readonly past: ReadonlySet<number>;
  /** Pairs a programme owner ruled out, as {@link pairKey}s. */
  readonly excluded: ReadonlySet<number>;
  /** People who paused taking part, by org-model position: the date they are back (YYYY-MM-DD). */
  readonly paused: ReadonlyMap<number, string>;
}

/** A pair of org-model positions as one number, for the past and excluded sets. */
export function pairKey(model: OrgModel, menteeNode: number, mentorNode: number): number {
  return menteeNode * model.people.length + mentorNode;
}

interface RuleBase<C extends IneligibleCode> {
  readonly code: C;
  /** When broken, this reason is the whole answer (no other rule is worth reporting). */
  readonly alone: boolean;
  /** Whether the programme owner's swap check applies it (a swap leaves every mentor's load as it was). */
  readonly checkedOnSwap: boolean;
  /** What "why nobody" says when this is the rule most reverse mentors break for the executive `e` (when known). */
  readonly advice: (f: EligibilityFacts, e?: MenteeRow) => WhyNobody;
}

/** A rule about the two people on their own, checked by id before any pair rule. */
export interface PeopleRule<C extends IneligibleCode = IneligibleCode> extends RuleBase<C> {
  readonly over: 'people';
  /** True when the pair breaks the rule. */
  readonly breaks: (f: EligibilityFacts, menteeId: string, mentorId: string) => boolean;
  /** The reason, for a pair that breaks the rule. */
  readonly reason: (f: EligibilityFacts, menteeId: string, mentorId: string) => Extract<IneligibleReason, { code: C }>;
}

/**
 * A rule about a mentee and a mentor who both opted in. Its check runs for every mentor for every
 * mentee: it reads only the precomputed numbers (positions, masks, typed arrays).
 */
export interface PairRule<C extends IneligibleCode = IneligibleCode> extends RuleBase<C> {
  readonly over: 'pair';
  /** True when the mentee and the mentor at position `k` break the rule. */
  readonly breaks: (f: EligibilityFacts, e: MenteeRow, k: number) => boolean;
  /** The reason, for a pair that breaks the rule. */
  readonly reason: (f: EligibilityFacts, e: MenteeRow, k: number) => Extract<IneligibleReason, { code: C }>;
}

/** One row of the eligibility table. */
export type EligibilityRule = PeopleRule | PairRule;

const noAdvice = (): WhyNobody => ({ code: 'rules' });

/** The eligibility table, in order of precedence. */
export const ELIGIBILITY: readonly EligibilityRule[] = [
  {
    over: 'people',
    code: 'unknown-person',
    alone: true,
    checkedOnSwap: true,
    breaks: (f, menteeId, mentorId) => !f.model.indexOf.has(menteeId) || !f.model.indexOf.has(mentorId),
    reason: (f, menteeId, mentorId) => ({ code: 'unknown-person', personId: f.model.indexOf.has(menteeId) ? mentorId : menteeId }),
    advice: noAdvice,
  } satisfies PeopleRule<'unknown-person'>,
  {
    over: 'people',
    code: 'not-a-mentee',
    alone: false,
    checkedOnSwap: true,
    breaks: (f, menteeId) => !f.mentees.has(menteeId),
    reason: () => ({ code: 'not-a-mentee' }),
    advice: () => ({ code: 'opt-in' }),
  } satisfies PeopleRule<'not-a-mentee'>,
  {
    over: 'people',
    code: 'not-a-mentor',
    alone: false,
    checkedOnSwap: true,
    breaks: (f, _menteeId, mentorId) => !f.mentorPosition.has(mentorId),
    reason: () => ({ code: 'not-a-mentor' }),
    advice: noAdvice,
  } satisfies PeopleRule<'not-a-mentor'>,
  {
    over: 'pair',
    code: 'same-person',
    alone: true,
    checkedOnSwap: true,
    breaks: (f, e, k) => f.mentors.node[k] === e.node,
    reason: () => ({ code: 'same-person' }),
    advice: noAdvice,
  } satisfies PairRule<'same-person'>,
  {
    over: 'pair',
    code: 'paused',
    alone: true,
    checkedOnSwap: true,
    breaks: (f, e, k) => f.paused.size > 0 && (f.paused.has(e.node) || f.paused.has(f.mentors.node[k]!)),
    reason: (f, e, k) => {
      const node = f.paused.has(e.node) ? e.node : f.mentors.node[k]!;
      return { code: 'paused', personId: f.model.people[node]!.id, until: f.paused.get(node)! };
    },
    advice: (f, e) => (e && f.paused.has(e.node) ? { code: 'paused', until: f.paused.get(e.node)! } : noAdvice()),
  } satisfies PairRule<'paused'>,
  {
    over: 'pair',
    code: 'in-reporting-line',
    alone: false,
    checkedOnSwap: true,
    breaks: (f, e, k) => isAbove(f.model, e.node, f.mentors.node[k]!) || isAbove(f.model, f.mentors.node[k]!, e.node),
    reason: () => ({ code: 'in-reporting-line' }),
    advice: () => ({ code: 'all-in-reporting-line' }),
  } satisfies PairRule<'in-reporting-line'>,
  {
    over: 'pair',
    code: 'level-gap',
    alone: false,
    checkedOnSwap: true,
    breaks: (f, e, k) => f.model.seniority[e.node]! - f.model.seniority[f.mentors.node[k]!]! < f.levelGap,
    reason: (f, e, k) => ({ code: 'level-gap', gap: f.model.seniority[e.node]! - f.model.seniority[f.mentors.node[k]!]!, required: f.levelGap }),
    advice: (f) => ({ code: 'levels-too-close', required: f.levelGap }),
  } satisfies PairRule<'level-gap'>,
  {
    over: 'pair',
    code: 'at-capacity',
    alone: false,
    checkedOnSwap: false,
    breaks: (f, _e, k) => f.mentors.room[k]! <= 0,
    reason: (f, _e, k) => ({ code: 'at-capacity', load: f.mentors.load[k]!, capacity: f.mentors.capacity[k]! }),
    advice: () => ({ code: 'mentors-full' }),
  } satisfies PairRule<'at-capacity'>,
  {
    over: 'pair',
    code: 'past-pair',
    alone: false,
    checkedOnSwap: true,
    breaks: (f, e, k) => f.past.size > 0 && f.past.has(pairKey(f.model, e.node, f.mentors.node[k]!)),
    reason: () => ({ code: 'past-pair' }),
    advice: noAdvice,
  } satisfies PairRule<'past-pair'>,
  {
    over: 'pair',
    code: 'excluded',
    alone: false,
    checkedOnSwap: true,
    breaks: (f, e, k) => f.excluded.size > 0 && f.excluded.has(pairKey(f.model, e.node, f.mentors.node[k]!)),
    reason: () => ({ code: 'excluded' }),
    advice: noAdvice,
  } satisfies PairRule<'excluded'>,
  {
    over: 'pair',
    code: 'no-shared-language',
    alone: false,
    checkedOnSwap: true,
    breaks: (f, e, k) => (e.language & f.mentors.language[k]!) === 0,
    reason: () => ({ code: 'no-shared-language' }),
    advice: () => ({ code: 'add-languages' }),
  } satisfies PairRule<'no-shared-language'>,
];

/** The rules of the table that need both people opted in, in order of precedence: the hot path. */
export const PAIR_RULES: readonly PairRule[] = ELIGIBILITY.filter((rule): rule is PairRule => rule.over === 'pair');

/** The row of the table with this code. */
export function ruleOf(code: IneligibleCode): EligibilityRule {
  return ELIGIBILITY.find((rule) => rule.code === code)!;
}

// The filter calls each pair rule's check through its own call site, so that each site only ever
// sees one function and the compiler can inline it: one call site for all the rules (a loop over
// the table) sees them all, is not inlined, and made matching 40% slower. The table may grow up
// to MAX_PAIR_RULES rows without touching this; beyond, add slots.
const MAX_PAIR_RULES = 12;
if (PAIR_RULES.length > MAX_PAIR_RULES) throw new Error(`firstBreach has slots for ${MAX_PAIR_RULES} pair rules`);
const NO_RULE: PairRule['breaks'] = () => false;
const slot = (r: number) => PAIR_RULES[r]?.breaks ?? NO_RULE;
const [b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11] = Array.from({ length: MAX_PAIR_RULES }, (_, r) => slot(r)) as PairRule['breaks'][];

/**
 * The position in {@link PAIR_RULES} of the first rule the pair breaks, or -1 when it breaks
 * none: the filter, run for every mentor for every mentee.
 */
export function firstBreach(f: EligibilityFacts, e: MenteeRow, k: number): number {
  if (b0!(f, e, k)) return 0;
  if (b1!(f, e, k)) return 1;
  if (b2!(f, e, k)) return 2;
  if (b3!(f, e, k)) return 3;
  if (b4!(f, e, k)) return 4;
  if (b5!(f, e, k)) return 5;
  if (b6!(f, e, k)) return 6;
  if (b7!(f, e, k)) return 7;
  if (b8!(f, e, k)) return 8;
  if (b9!(f, e, k)) return 9;
  if (b10!(f, e, k)) return 10;
  if (b11!(f, e, k)) return 11;
  return -1;
}

/**
 * Every rule the pair breaks, as reasons in order of precedence; empty when they may be paired.
 * `applies` leaves rules out (the swap check leaves out capacity).
 */
export function whyNotPair(
  f: EligibilityFacts,
  menteeId: string,
  mentorId: string,
  menteeRow: (menteeId: string) => MenteeRow,
  applies: (rule: EligibilityRule) => boolean = () => true,
): IneligibleReason[] {
  const found: IneligibleReason[] = [];
  let e: MenteeRow | undefined;
  let k = -1;
  for (const rule of ELIGIBILITY) {
    if (!applies(rule)) continue;
    let reason: IneligibleReason | undefined;
    if (rule.over === 'people') {
      if (rule.breaks(f, menteeId, mentorId)) reason = rule.reason(f, menteeId, mentorId);
    } else {
      if (!e) {
        // The pair rules need both people opted in: a people rule that broke ends the answer here.
        if (found.length > 0) return found;
        e = menteeRow(menteeId);
        k = f.mentorPosition.get(mentorId)!;
      }
      if (rule.breaks(f, e, k)) reason = rule.reason(f, e, k);
    }
    if (!reason) continue;
    if (rule.alone) return [reason];
    found.push(reason);
  }
  return found;
}

/**
 * "Why nobody": the advice of the rule that most of the mentors break first for this mentee (ties
 * go to the rule met first), given each mentor's {@link firstBreach}.
 */
export function whyNobodyFrom(f: EligibilityFacts, e: MenteeRow): WhyNobody {
  if (f.mentors.ids.length === 0) return { code: 'no-mentors' };
  const counts = new Int32Array(PAIR_RULES.length);
  const firstSeen = new Int32Array(PAIR_RULES.length).fill(-1);
  for (let k = 0; k < f.mentors.ids.length; k++) {
    const r = firstBreach(f, e, k);
    if (r === -1) continue;
    if (counts[r] === 0) firstSeen[r] = k;
    counts[r]!++;
  }
  let top = -1;
  for (let r = 0; r < PAIR_RULES.length; r++) {
    if (counts[r] === 0) continue;
    if (top === -1 || counts[r]! > counts[top]! || (counts[r] === counts[top] && firstSeen[r]! < firstSeen[top]!)) top = r;
  }
  return top === -1 ? { code: 'no-fit' } : PAIR_RULES[top]!.advice(f, e);
}
