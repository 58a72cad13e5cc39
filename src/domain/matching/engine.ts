/**
 * Who may mentor whom, how well they fit and why, for one executive or the whole programme.
 *
 * Eligibility (programme rules): the mentor opted in as a reverse mentor and the mentee as a
 * mentee; the mentor sits at least `levelGap` seniority levels below the mentee (seniority from
 * the org model, see org-model.ts); neither is in the other's reporting line; the mentor has room;
 * they were not paired before; the programme owner did not exclude the pair; they share a language;
 * neither paused taking part.
 *
 * Score in (0, 1]: topics the mentor can teach that the mentee wants to learn (45%), working hours
 * in common across their time zones (20%), a view from another department (15%) and from another
 * country (10%), a shared language (10%); 0.05 + 0.95 × the weighted sum, so every allowed pair
 * scores above zero. Every suggestion says why, as reason codes with parameters that the UI words
 * for its reader (src/components/matching-words.ts).
 *
 * The rules themselves are one table in eligibility.ts; this file precomputes what they read.
 *
 * Built for tens of thousands of people: everything per person is precomputed into typed arrays
 * and bit masks, so a mentee against every mentor is a tight loop.
 */
import type { OrgModel } from '../org/org-model';
import { solveAssignment } from './assignment';
import { firstBreach, pairKey, ruleOf, whyNobodyFrom, whyNotPair, type EligibilityFacts, type IneligibleReason, type MentorColumns, type WhyNobody } from './eligibility';
import { TOPIC_CATALOGUE, type ProgrammeProfile } from './profile';

/** The programme's rules for one run of the matcher. */
export interface MatchingRules {
  /** Seniority levels a reverse mentor must sit below their executive. */
  readonly levelGap: number;
  /** Pairs that already happened: [menteeId, mentorId]. */
  readonly pastPairs: readonly (readonly [string, string])[];
  /** Pairs the programme owner ruled out: [menteeId, mentorId]. */
  readonly exclusions: readonly (readonly [string, string])[];
}

/** What the matcher works on: one snapshot of the organisation, the opt-ins and the rules. */
export interface MatchingInput {
  readonly model: OrgModel;
  readonly profiles: readonly ProgrammeProfile[];
  /** Executives each mentor already has. */
  readonly loads: ReadonlyMap<string, number>;
  readonly rules: MatchingRules;
  /** The instant whose time-zone offsets count (daylight saving differs through the year). */
  readonly at: number;
}

/**
 * Why a reverse mentor suits an executive: a code with parameters, worded by the UI for its
 * reader. Ids and tags, not labels: topics are catalogue ids (or the person's own words),
 * languages are primary language subtags.
 */
export type MatchReason =
  /** A programme owner pinned the pair. */
  | { readonly code: 'pinned' }
  /** The mentor can teach these topics, which the executive wants to learn (in the executive's order). */
  | { readonly code: 'teaches'; readonly topics: readonly string[] }
  /** The mentor works in `department`, another than the executive's (`from`, when known). */
  | { readonly code: 'other-department'; readonly department: string; readonly from?: string }
  /** The mentor is based in `place` (office or country), another country than the executive's. */
  | { readonly code: 'other-country'; readonly place: string }
  /**
   * Their 9-to-5 days overlap by `hours`; the mentor's zone is `offsetMinutes` ahead of the
   * executive's (negative: behind; 0: the same zone).
   */
  | { readonly code: 'hours-in-common'; readonly hours: number; readonly offsetMinutes: number }
  /** Languages both speak (the mentor's tags). */
  | { readonly code: 'shared-languages'; readonly languages: readonly string[] };

/** A reverse mentor suggested to an executive, with their fit in (0, 1] and why. */
export interface Suggestion {
  readonly mentorId: string;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

/** A pair in the programme-wide proposal. */
export interface ProposedPair extends Suggestion {
  readonly menteeId: string;
  readonly pinned: boolean;
}

/** The programme-wide proposal: the pairs, and who was left out and why. */
export interface ProgrammeAssignment {
  readonly pairs: readonly ProposedPair[];
  readonly unmatched: readonly { readonly menteeId: string; readonly why: WhyNobody }[];
}

/** A pair that a swap would create, and what stands in its way. */
export interface SwapProblem {
  readonly menteeId: string;
  readonly mentorId: string;
  readonly reasons: readonly IneligibleReason[];
}

const WEIGHTS = { topics: 0.45, hours: 0.2, department: 0.15, country: 0.1, language: 0.1 };
const WORKDAY_HOURS = 8;
const TOPIC_BIT = new Map(TOPIC_CATALOGUE.map((topic, i) => [topic.id, 1 << i]));

/** Minutes a time zone is ahead of UTC at an instant (0 for an unknown zone). */
export function utcOffsetMinutes(timeZone: string, at: number): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    if (!match) return 0;
    return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
  } catch {
    return 0;
  }
}

/** Hours two people's 9-to-5 days overlap, given the minutes between their zones. */
export function workingHoursInCommon(offsetDifferenceMinutes: number): number {
  const gap = Math.abs(offsetDifferenceMinutes) / 60;
  const circular = Math.min(gap, 24 - gap);
  return Math.max(0, WORKDAY_HOURS - circular);
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The matching engine over one snapshot of the organisation and the profiles. */
export function createMatcher(input: MatchingInput) {
  const { model, rules } = input;
  const interned = new Map<string, number>();
  const intern = (value: string | undefined) => {
    if (!value) return -1;
    let id = interned.get(value);
    if (id === undefined) interned.set(value, (id = interned.size));
    return id;
  };
  const languageBits = new Map<string, number>();
  const languageMask = (languages: readonly string[]) =>
    languages.reduce((mask, language) => {
      const key = language.toLowerCase().split('-')[0]!;
      if (!languageBits.has(key) && languageBits.size < 31) languageBits.set(key, 1 << languageBits.size);
      return mask | (languageBits.get(key) ?? 0);
    }, 0);
  const topicMask = (topics: readonly string[]) => topics.reduce((mask, topic) => mask | (TOPIC_BIT.get(topic) ?? 0), 0);
  const offsets = new Map<string, number>();
  const offsetOf = (zone: string) => {
    let offset = offsets.get(zone);
    if (offset === undefined) offsets.set(zone, (offset = utcOffsetMinutes(zone, input.at)));
    return offset;
  };

  // Only opted-in people the org model knows take part.
  const profiles = input.profiles.filter((p) => model.indexOf.has(p.personId));
  const profileOf = new Map(profiles.map((p) => [p.personId, p]));
  const menteeProfiles = profiles.filter((p) => p.mentee);
  const mentorProfiles = profiles.filter((p) => p.mentor);

  const person = (id: string) => model.people[model.indexOf.get(id)!]!;
  const dept = (id: string) => intern(`d:${person(id).department ?? ''}`);
  const country = (id: string) => intern(`c:${person(id).country ?? person(id).officeLocation ?? ''}`);

  const M = mentorProfiles.length;
  const load = Int32Array.from(mentorProfiles, (p) => input.loads.get(p.personId) ?? 0);
  const capacity = Int32Array.from(mentorProfiles, (p) => p.mentor!.capacity);
  const mentor = {
    ids: mentorProfiles.map((p) => p.personId),
    node: Int32Array.from(mentorProfiles, (p) => model.indexOf.get(p.personId)!),
    load,
    capacity,
    room: Int32Array.from(mentorProfiles, (_, k) => capacity[k]! - load[k]!),
    teach: Int32Array.from(mentorProfiles, (p) => topicMask(p.mentor!.canTeach)),
    language: Int32Array.from(mentorProfiles, (p) => languageMask(p.languages)),
    offset: Int32Array.from(mentorProfiles, (p) => offsetOf(p.timeZone)),
    department: Int32Array.from(mentorProfiles, (p) => dept(p.personId)),
    country: Int32Array.from(mentorProfiles, (p) => country(p.personId)),
  };
  const mentorPosition = new Map(mentor.ids.map((id, k) => [id, k]));

  const toKeys = (pairs: readonly (readonly [string, string])[]) =>
    new Set(pairs.filter(([e, m]) => model.indexOf.has(e) && model.indexOf.has(m)).map(([e, m]) => pairKey(model, model.indexOf.get(e)!, model.indexOf.get(m)!)));
  const facts: EligibilityFacts = {
    model,
    levelGap: rules.levelGap,
    mentors: mentor satisfies MentorColumns,
    mentorPosition,
    mentees: new Set(menteeProfiles.map((p) => p.personId)),
    past: toKeys(rules.pastPairs),
    excluded: toKeys(rules.exclusions),
    // A pause lasts until its day begins in UTC: a few hours either way of the person's own midnight.
    paused: new Map(profiles.filter((p) => p.pausedUntil && p.pausedUntil > new Date(input.at).toISOString()).map((p) => [model.indexOf.get(p.personId)!, p.pausedUntil!])),
  };
  /** The facts with more pairs ruled out (the programme owner's exclusions of this run). */
  const factsExcluding = (pairs: readonly (readonly [string, string])[] | undefined): EligibilityFacts =>
    pairs && pairs.length > 0 ? { ...facts, excluded: new Set([...facts.excluded, ...toKeys(pairs)]) } : facts;

  interface MenteeView {
    node: number;
    wants: number;
    wantsList: readonly string[];
    language: number;
    offset: number;
    department: number;
    country: number;
  }
  const menteeView = (id: string): MenteeView | undefined => {
    const profile = profileOf.get(id);
    if (!profile?.mentee) return undefined;
    return {
      node: model.indexOf.get(id)!,
      wants: topicMask(profile.mentee.wantsToLearn),
      wantsList: profile.mentee.wantsToLearn,
      language: languageMask(profile.languages),
      offset: offsetOf(profile.timeZone),
      department: dept(id),
      country: country(id),
    };
  };

  const scoreOf = (e: MenteeView, k: number): number => {
    const topics = popcount(e.wants & mentor.teach[k]!) / Math.max(1, popcount(e.wants));
    const hours = workingHoursInCommon(e.offset - mentor.offset[k]!) / WORKDAY_HOURS;
    const sum =
      WEIGHTS.topics * topics +
      WEIGHTS.hours * hours +
      WEIGHTS.department * (e.department !== mentor.department[k] ? 1 : 0) +
      WEIGHTS.country * (e.country !== mentor.country[k] ? 1 : 0) +
      WEIGHTS.language * ((e.language & mentor.language[k]!) !== 0 ? 1 : 0);
    return 0.05 + 0.95 * sum;
  };

  const reasonsFor = (menteeId: string, e: MenteeView, k: number): MatchReason[] => {
    const reasons: MatchReason[] = [];
    const mentorProfile = profileOf.get(mentor.ids[k]!)!;
    const topics = e.wantsList.filter((t) => mentorProfile.mentor!.canTeach.includes(t));
    if (topics.length > 0) reasons.push({ code: 'teaches', topics });
    const them = person(mentor.ids[k]!);
    const you = person(menteeId);
    if (e.department !== mentor.department[k] && them.department) {
      reasons.push(you.department ? { code: 'other-department', department: them.department, from: you.department } : { code: 'other-department', department: them.department });
    }
    const place = them.officeLocation ?? them.country;
    if (e.country !== mentor.country[k] && place) reasons.push({ code: 'other-country', place });
    const offsetMinutes = mentor.offset[k]! - e.offset;
    reasons.push({ code: 'hours-in-common', hours: workingHoursInCommon(offsetMinutes), offsetMinutes });
    const menteeLanguages = profileOf.get(menteeId)!.languages.map((x) => x.split('-')[0]);
    const languages = mentorProfile.languages.filter((l) => menteeLanguages.includes(l.split('-')[0]!));
    if (languages.length > 0) reasons.push({ code: 'shared-languages', languages });
    return reasons;
  };

  /**
   * Why this reverse mentor suits this executive (the reasons a proposal gives), whether or not the
   * rules allow the pair now; empty when either has not opted in for their side.
   */
  function reasonsOf(menteeId: string, mentorId: string): MatchReason[] {
    const e = menteeView(menteeId);
    const k = mentorPosition.get(mentorId);
    return e && k !== undefined && model.indexOf.has(menteeId) ? reasonsFor(menteeId, e, k) : [];
  }

  /** Every rule the pair breaks, as reasons in order of precedence; empty when they may be paired. */
  function whyNot(menteeId: string, mentorId: string): IneligibleReason[] {
    return whyNotPair(facts, menteeId, mentorId, (id) => menteeView(id)!);
  }

  /**
   * What stands in the way of swapping the mentors of two proposed pairs: the rules each new pair
   * would break, apart from capacity (a swap leaves every mentor's load as it was). `exclusions`
   * are the programme owner's exclusions of this run. Empty when the swap is allowed.
   */
  function swapProblems(
    a: { readonly menteeId: string; readonly mentorId: string },
    b: { readonly menteeId: string; readonly mentorId: string },
    exclusions?: readonly (readonly [string, string])[],
  ): SwapProblem[] {
    const f = factsExcluding(exclusions);
    return [
      { menteeId: a.menteeId, mentorId: b.mentorId },
      { menteeId: b.menteeId, mentorId: a.mentorId },
    ]
      .map((pair) => ({
        ...pair,
        reasons: whyNotPair(
          f,
          pair.menteeId,
          pair.mentorId,
          (id) => menteeView(id)!,
          (rule) => rule.checkedOnSwap,
        ),
      }))
      .filter((problem) => problem.reasons.length > 0);
  }

  /** The best-scoring eligible mentors of one mentee, as mentor positions with scores. */
  function ranked(e: MenteeView, limit: number, f = facts): { k: number; score: number }[] {
    // A bounded list kept sorted by score, then by mentor order, for determinism.
    const best: { k: number; score: number }[] = [];
    for (let k = 0; k < M; k++) {
      if (firstBreach(f, e, k) !== -1) continue;
      const score = scoreOf(e, k);
      if (best.length === limit && score <= best[limit - 1]!.score) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.score < score) at--;
      best.splice(at, 0, { k, score });
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /**
   * One executive's suggested reverse mentors, best first, with reasons; `offset` pages through
   * ("show me others"). When there are none, `why` says which rule stood in the way most often.
   */
  function suggestionsFor(menteeId: string, limit = 5, offset = 0): { suggestions: Suggestion[]; why?: WhyNobody } {
    const e = model.indexOf.has(menteeId) ? menteeView(menteeId) : undefined;
    if (!e) return { suggestions: [], why: ruleOf('not-a-mentee').advice(facts) };
    const list = ranked(e, offset + limit).slice(offset);
    if (list.length > 0 || offset > 0) {
      return { suggestions: list.map(({ k, score }) => ({ mentorId: mentor.ids[k]!, score, reasons: reasonsFor(menteeId, e, k) })) };
    }
    return { suggestions: [], why: whyNobodyFrom(facts, e) };
  }

  /** Allowed pairs with scores: each mentee's `perMentee` best, the candidate graph of the assignment. */
  function candidateEdges(perMentee: number, f: EligibilityFacts): [string, string, number][] {
    const edges: [string, string, number][] = [];
    for (const profile of menteeProfiles) {
      const e = menteeView(profile.personId)!;
      for (const { k, score } of ranked(e, perMentee, f)) edges.push([profile.personId, mentor.ids[k]!, score]);
    }
    return edges;
  }

  /**
   * The programme-wide proposal: pins first (as long as the mentor has room), then the exact
   * assignment over each mentee's best candidates, never an excluded pair.
   */
  function assignProgramme(
    options: {
      perMentee?: number;
      pins?: readonly (readonly [string, string])[];
      exclusions?: readonly (readonly [string, string])[];
      /** Executives who already have a reverse mentor: left out of the proposal. */
      alreadyPaired?: ReadonlySet<string>;
    } = {},
  ): ProgrammeAssignment {
    const room = new Map(mentor.ids.map((id, k) => [id, mentor.room[k]!]));
    const pinned: ProposedPair[] = [];
    const pinnedMentees = new Set<string>();
    for (const [menteeId, mentorId] of options.pins ?? []) {
      const e = menteeView(menteeId);
      const k = mentorPosition.get(mentorId);
      // A pin overrides the rules but not a pause: the person asked for no proposals until then.
      if (!e || k === undefined || pinnedMentees.has(menteeId) || (room.get(mentorId) ?? 0) <= 0 || facts.paused.has(e.node) || facts.paused.has(mentor.node[k]!)) continue;
      room.set(mentorId, room.get(mentorId)! - 1);
      pinnedMentees.add(menteeId);
      pinned.push({ menteeId, mentorId, score: scoreOf(e, k), reasons: [{ code: 'pinned' }, ...reasonsFor(menteeId, e, k)], pinned: true });
    }
    const f = factsExcluding(options.exclusions);
    const skip = (menteeId: string) => pinnedMentees.has(menteeId) || (options.alreadyPaired?.has(menteeId) ?? false);
    const edges = candidateEdges(options.perMentee ?? 50, f).filter(([menteeId]) => !skip(menteeId));
    const solution = solveAssignment({
      mentees: menteeProfiles.filter((p) => !skip(p.personId)).map((p) => ({ id: p.personId })),
      mentors: mentor.ids.map((id) => ({ id, capacity: Math.max(1, room.get(id)!) })).filter((m) => room.get(m.id)! > 0),
      edges: edges.filter(([, m]) => room.get(m)! > 0),
    });
    const scores = new Map(edges.map(([e, m, s]) => [`${e}|${m}`, s]));
    const pairs = solution.pairs.map(([menteeId, mentorId]): ProposedPair => ({
      menteeId,
      mentorId,
      score: scores.get(`${menteeId}|${mentorId}`)!,
      reasons: reasonsFor(menteeId, menteeView(menteeId)!, mentorPosition.get(mentorId)!),
      pinned: false,
    }));
    const matched = new Set([...pinnedMentees, ...pairs.map((p) => p.menteeId)]);
    const hadCandidates = new Set(edges.map(([e]) => e));
    const unmatched = menteeProfiles
      .filter((p) => !matched.has(p.personId) && !options.alreadyPaired?.has(p.personId))
      .map((p) => ({
        menteeId: p.personId,
        why: hadCandidates.has(p.personId) ? ({ code: 'outbid' } as const) : whyNobodyFrom(facts, menteeView(p.personId)!),
      }));
    return { pairs: [...pinned, ...pairs], unmatched };
  }

  return {
    mentees: menteeProfiles.map((p) => p.personId),
    mentors: mentor.ids,
    whyNot,
    reasonsOf,
    swapProblems,
    suggestionsFor,
    assignProgramme,
  };
}

/** The matching engine over one snapshot: see {@link createMatcher}. */
export type Matcher = ReturnType<typeof createMatcher>;
