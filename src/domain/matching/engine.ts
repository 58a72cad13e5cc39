/**
 * Who may mentor whom, how well they fit and why, for one executive or the whole programme.
 *
 * Eligibility (programme rules): the mentor opted in as a reverse mentor and the mentee as a
 * mentee; the mentor sits at least `levelGap` seniority levels below the mentee (seniority from
 * the org model, see org-model.ts); neither is in the other's reporting line; the mentor has room;
 * they were not paired before; the programme owner did not exclude the pair; they share a language.
 *
 * Score in (0, 1]: topics the mentor can teach that the mentee wants to learn (45%), working hours
 * in common across their time zones (20%), a view from another department (15%) and from another
 * country (10%), a shared language (10%); 0.05 + 0.95 × the weighted sum, so every allowed pair
 * scores above zero. Every suggestion says why in words.
 *
 * Built for tens of thousands of people: everything per person is precomputed into typed arrays
 * and bit masks, so a mentee against every mentor is a tight loop.
 */
import { isAbove, type OrgModel } from '../org/org-model';
import { solveAssignment } from './assignment';
import { TOPIC_CATALOGUE, type ProgrammeProfile } from './profile';

export interface MatchingRules {
  readonly levelGap: number;
  /** Pairs that already happened: [menteeId, mentorId]. */
  readonly pastPairs: readonly (readonly [string, string])[];
  /** Pairs the programme owner ruled out: [menteeId, mentorId]. */
  readonly exclusions: readonly (readonly [string, string])[];
}

export interface MatchingInput {
  readonly model: OrgModel;
  readonly profiles: readonly ProgrammeProfile[];
  /** Executives each mentor already has. */
  readonly loads: ReadonlyMap<string, number>;
  readonly rules: MatchingRules;
  /** The instant whose time-zone offsets count (daylight saving differs through the year). */
  readonly at: number;
}

export type IneligibleCode =
  | 'unknown-person'
  | 'same-person'
  | 'not-a-mentee'
  | 'not-a-mentor'
  | 'in-reporting-line'
  | 'level-gap'
  | 'at-capacity'
  | 'past-pair'
  | 'excluded'
  | 'no-shared-language';

export interface WhyNot {
  readonly code: IneligibleCode;
  readonly text: string;
}

export interface Suggestion {
  readonly mentorId: string;
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface ProposedPair extends Suggestion {
  readonly menteeId: string;
  readonly pinned: boolean;
}

export interface ProgrammeAssignment {
  readonly pairs: readonly ProposedPair[];
  readonly unmatched: readonly { readonly menteeId: string; readonly why: string }[];
}

const WEIGHTS = { topics: 0.45, hours: 0.2, department: 0.15, country: 0.1, language: 0.1 };
const WORKDAY_HOURS = 8;
const TOPIC_BIT = new Map(TOPIC_CATALOGUE.map((topic, i) => [topic.id, 1 << i]));
const TOPIC_LABEL = new Map(TOPIC_CATALOGUE.map((topic) => [topic.id, topic.label]));

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

const listWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

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
  const mentor = {
    ids: mentorProfiles.map((p) => p.personId),
    node: Int32Array.from(mentorProfiles, (p) => model.indexOf.get(p.personId)!),
    room: Int32Array.from(mentorProfiles, (p) => p.mentor!.capacity - (input.loads.get(p.personId) ?? 0)),
    teach: Int32Array.from(mentorProfiles, (p) => topicMask(p.mentor!.canTeach)),
    language: Int32Array.from(mentorProfiles, (p) => languageMask(p.languages)),
    offset: Int32Array.from(mentorProfiles, (p) => offsetOf(p.timeZone)),
    department: Int32Array.from(mentorProfiles, (p) => dept(p.personId)),
    country: Int32Array.from(mentorProfiles, (p) => country(p.personId)),
  };
  const mentorPosition = new Map(mentor.ids.map((id, k) => [id, k]));

  const pairKey = (menteeNode: number, mentorNode: number) => menteeNode * model.people.length + mentorNode;
  const toKeys = (pairs: readonly (readonly [string, string])[]) =>
    new Set(
      pairs
        .filter(([e, m]) => model.indexOf.has(e) && model.indexOf.has(m))
        .map(([e, m]) => pairKey(model.indexOf.get(e)!, model.indexOf.get(m)!)),
    );
  const past = toKeys(rules.pastPairs);
  const excluded = toKeys(rules.exclusions);

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

  /** The first rule the pair breaks, or undefined: the hot path, numbers only. */
  const firstBreach = (e: MenteeView, k: number, extraExcluded?: Set<number>): IneligibleCode | undefined => {
    const m = mentor.node[k]!;
    if (m === e.node) return 'same-person';
    if (isAbove(model, e.node, m) || isAbove(model, m, e.node)) return 'in-reporting-line';
    if (model.seniority[e.node]! - model.seniority[m]! < rules.levelGap) return 'level-gap';
    if (mentor.room[k]! <= 0) return 'at-capacity';
    const key = pairKey(e.node, m);
    if (past.has(key)) return 'past-pair';
    if (excluded.has(key) || extraExcluded?.has(key)) return 'excluded';
    if ((e.language & mentor.language[k]!) === 0) return 'no-shared-language';
    return undefined;
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

  const reasonsFor = (menteeId: string, e: MenteeView, k: number): string[] => {
    const reasons: string[] = [];
    const mentorProfile = profileOf.get(mentor.ids[k]!)!;
    const shared = e.wantsList.filter((t) => mentorProfile.mentor!.canTeach.includes(t)).map((t) => TOPIC_LABEL.get(t) ?? t);
    if (shared.length > 0) reasons.push(`Can teach ${listWords(shared)}, which you want to learn`);
    const them = person(mentor.ids[k]!);
    const you = person(menteeId);
    if (e.department !== mentor.department[k] && them.department) {
      reasons.push(`Works in ${them.department}${you.department ? `: a view from outside ${you.department}` : ''}`);
    }
    if (e.country !== mentor.country[k] && (them.country || them.officeLocation)) {
      reasons.push(`Based in ${them.officeLocation ?? them.country}: a view from another country`);
    }
    const difference = mentor.offset[k]! - e.offset;
    const hours = workingHoursInCommon(difference);
    if (difference === 0) reasons.push('Works in your time zone');
    else {
      const ahead = Math.abs(difference) / 60;
      const gap = `${Number.isInteger(ahead) ? ahead : ahead.toFixed(1)} hour${ahead === 1 ? '' : 's'} ${difference > 0 ? 'ahead of' : 'behind'} you`;
      reasons.push(hours > 0 ? `${hours % 1 === 0 ? hours : hours.toFixed(1)} working hours in common (${gap})` : `Little working time in common (${gap})`);
    }
    const commonLanguages = mentorProfile.languages.filter((l) => profileOf.get(menteeId)!.languages.map((x) => x.split('-')[0]).includes(l.split('-')[0]!));
    if (commonLanguages.length > 0) reasons.push(`You both speak ${listWords(commonLanguages.map(languageName))}`);
    return reasons;
  };

  const breachText = (code: IneligibleCode, menteeId: string, mentorId: string): string => {
    switch (code) {
      case 'unknown-person':
        return 'is not in the organisation the app can see';
      case 'same-person':
        return 'is you';
      case 'not-a-mentee':
        return 'cannot be suggested until you opt in as a mentee';
      case 'not-a-mentor':
        return 'has not opted in as a reverse mentor';
      case 'in-reporting-line':
        return 'is in your reporting line';
      case 'level-gap': {
        const gap = model.seniority[model.indexOf.get(menteeId)!]! - model.seniority[model.indexOf.get(mentorId)!]!;
        const rounded = Math.max(0, Math.round(gap));
        const where = gap <= 0 ? 'is not below you in seniority' : `is only about ${rounded} level${rounded === 1 ? '' : 's'} below you`;
        return `${where}; the programme asks for at least ${rules.levelGap}`;
      }
      case 'at-capacity': {
        const profile = profileOf.get(mentorId)!;
        return `is at capacity (${input.loads.get(mentorId) ?? 0} of ${profile.mentor!.capacity} executives)`;
      }
      case 'past-pair':
        return 'was paired with you before';
      case 'excluded':
        return 'was excluded from pairing with you by the programme owner';
      case 'no-shared-language':
        return 'shares no language with you';
    }
  };

  /** Every rule the pair breaks, in words; empty when they may be paired. */
  function whyNot(menteeId: string, mentorId: string): WhyNot[] {
    const say = (code: IneligibleCode): WhyNot => ({ code, text: breachText(code, menteeId, mentorId) });
    if (!model.indexOf.has(menteeId) || !model.indexOf.has(mentorId)) return [say('unknown-person')];
    const e = menteeView(menteeId);
    const k = mentorPosition.get(mentorId);
    const found: WhyNot[] = [];
    if (!e) found.push(say('not-a-mentee'));
    if (k === undefined) found.push(say('not-a-mentor'));
    if (!e || k === undefined) return found;
    const m = mentor.node[k]!;
    if (m === e.node) return [say('same-person')];
    if (isAbove(model, e.node, m) || isAbove(model, m, e.node)) found.push(say('in-reporting-line'));
    if (model.seniority[e.node]! - model.seniority[m]! < rules.levelGap) found.push(say('level-gap'));
    if (mentor.room[k]! <= 0) found.push(say('at-capacity'));
    if (past.has(pairKey(e.node, m))) found.push(say('past-pair'));
    if (excluded.has(pairKey(e.node, m))) found.push(say('excluded'));
    if ((e.language & mentor.language[k]!) === 0) found.push(say('no-shared-language'));
    return found;
  }

  /** The best-scoring eligible mentors of one mentee, as mentor positions with scores. */
  function ranked(e: MenteeView, limit: number, extraExcluded?: Set<number>): { k: number; score: number }[] {
    // A bounded list kept sorted by score, then by mentor order, for determinism.
    const best: { k: number; score: number }[] = [];
    for (let k = 0; k < M; k++) {
      if (firstBreach(e, k, extraExcluded)) continue;
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
  function suggestionsFor(menteeId: string, limit = 5, offset = 0): { suggestions: Suggestion[]; why?: string } {
    const e = model.indexOf.has(menteeId) ? menteeView(menteeId) : undefined;
    if (!e) return { suggestions: [], why: 'Opt in as a mentee to see suggested reverse mentors.' };
    const list = ranked(e, offset + limit).slice(offset);
    if (list.length > 0 || offset > 0) {
      return { suggestions: list.map(({ k, score }) => ({ mentorId: mentor.ids[k]!, score, reasons: reasonsFor(menteeId, e, k) })) };
    }
    return { suggestions: [], why: whyNobody(e) };
  }

  function whyNobody(e: MenteeView): string {
    if (M === 0) return 'Nobody has opted in as a reverse mentor yet.';
    const counts = new Map<IneligibleCode, number>();
    for (let k = 0; k < M; k++) {
      const code = firstBreach(e, k);
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (!top) return 'No reverse mentor fits yet.';
    const advice: Partial<Record<IneligibleCode, string>> = {
      'level-gap': `Most reverse mentors are fewer than ${rules.levelGap} levels below you; a programme owner can lower the level gap.`,
      'at-capacity': 'The reverse mentors who fit you are all at capacity; more juniors opting in would help.',
      'no-shared-language': 'No reverse mentor shares a language you listed; add the languages you speak to your profile.',
      'in-reporting-line': 'The reverse mentors who opted in are all in your reporting line.',
    };
    return advice[top[0]] ?? 'No reverse mentor fits the programme rules yet.';
  }

  /** Allowed pairs with scores: each mentee's `perMentee` best, the candidate graph of the assignment. */
  function candidateEdges(perMentee = 50, extraExcluded?: Set<number>): [string, string, number][] {
    const edges: [string, string, number][] = [];
    for (const profile of menteeProfiles) {
      const e = menteeView(profile.personId)!;
      for (const { k, score } of ranked(e, perMentee, extraExcluded)) edges.push([profile.personId, mentor.ids[k]!, score]);
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
      if (!e || k === undefined || pinnedMentees.has(menteeId) || (room.get(mentorId) ?? 0) <= 0) continue;
      room.set(mentorId, room.get(mentorId)! - 1);
      pinnedMentees.add(menteeId);
      pinned.push({ menteeId, mentorId, score: scoreOf(e, k), reasons: ['Pinned by the programme owner', ...reasonsFor(menteeId, e, k)], pinned: true });
    }
    const extra = toKeys(options.exclusions ?? []);
    const skip = (menteeId: string) => pinnedMentees.has(menteeId) || (options.alreadyPaired?.has(menteeId) ?? false);
    const edges = candidateEdges(options.perMentee ?? 50, extra).filter(([menteeId]) => !skip(menteeId));
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
        why: hadCandidates.has(p.personId)
          ? 'Every reverse mentor who fits was needed for someone with fewer options.'
          : whyNobody(menteeView(p.personId)!),
      }));
    return { pairs: [...pinned, ...pairs], unmatched };
  }

  return {
    mentees: menteeProfiles.map((p) => p.personId),
    mentors: mentor.ids,
    whyNot,
    suggestionsFor,
    assignProgramme,
  };
}

export type Matcher = ReturnType<typeof createMatcher>;

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
