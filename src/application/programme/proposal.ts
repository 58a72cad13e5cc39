/**
 * The programme proposal, headless: a programme owner runs the programme-wide matching for everyone
 * who opted in and has no reverse mentor yet, pins pairs to keep and excludes pairs never to propose,
 * and reads the proposal's figures. The owners' pins and exclusions survive a reload and are shared
 * by the programme's owners: they live in the programme store's decisions list
 * (services/programme/programme-store.ts), trusted only when an owner wrote them, never in the
 * tenant-readable profiles; the owner's matcher has the exclusions in its rules (see
 * open-programme.ts), so "why not" names them too.
 */
import type { Matcher, ProgrammeAssignment } from '@/domain/matching/engine';
import type { ProgrammeProfile } from '@/domain/matching/profile';
import type { OrgModel } from '@/domain/org/org-model';
import type { DirectoryPerson } from '@/services/graph/directory-person';
import type { GraphClient } from '@/services/graph/graph-client';
import type { StoredProfile } from '@/services/profile/profile-store';
import { GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import { changeDecisions, NO_OWNER_DECISIONS, openProgrammeStore, readDecisions, type OwnerDecisions, type ProgrammeStore, type StoredDecisions } from '@/services/programme/programme-store';
import { mentorLoadsOf, pastPairsOf, type Pair } from './open-programme';
import { becomeRecordsReader } from './pair-records';
import { peopleColumnsOf, type PeopleColumns, type ProposalInput } from './proposal-runner';
import { currentMentees } from '@/domain/matching/requests';

export type { OwnerDecisions };

/** Where the owners' decisions are kept: the store on the owners' group's site, written as `me`. */
export interface DecisionsPlace {
  readonly ownerGroupId: string;
  readonly me: string;
}

/** Decisions as last read or saved, with what the next save needs (the open store, once opened). */
export interface StoredOwnerDecisions extends StoredDecisions {
  readonly place: DecisionsPlace;
  readonly store?: ProgrammeStore;
  /** Entries left out on reading: written by someone who is not an owner, or damaged (named). */
  readonly untrusted?: number;
  readonly damaged?: readonly string[];
}

/** No decisions read yet, at this place: what an owner starts from (and saves to, opening the store then). */
export function noDecisionsYet(place: DecisionsPlace): StoredOwnerDecisions {
  return { decisions: NO_OWNER_DECISIONS, itemId: undefined, etag: undefined, place };
}

const openAt = (client: GraphClient, place: DecisionsPlace) => openProgrammeStore(client, place.ownerGroupId, (person) => person === place.me);

const same = (a: Pair, b: Pair) => a[0] === b[0] && a[1] === b[1];

/**
 * Executives who have a reverse mentor at `now` (accepted by one, and the pairing has not ended):
 * left out of a proposal. An executive whose pairing ended is proposed again, never with the same
 * mentor (a past pair).
 */
export function alreadyPairedOf(profiles: readonly StoredProfile[], now: number): Set<string> {
  return new Set(profiles.filter((p) => p.mentor).flatMap((p) => currentMentees(p.personId, p, profiles, now)));
}

/** Runs the programme-wide matching at `now` with the owner's pins and exclusions. */
export function proposeProgramme(matcher: Matcher, profiles: readonly StoredProfile[], decisions: OwnerDecisions, now: number): ProgrammeAssignment {
  return matcher.assignProgramme({ pins: decisions.pins, exclusions: decisions.exclusions, alreadyPaired: alreadyPairedOf(profiles, now) });
}

/** What matching reads of a stored profile: the rest (answers, bookings, own words) stays on the main thread. */
const matchingPart = (p: StoredProfile): ProgrammeProfile => ({
  personId: p.personId,
  ...(p.mentor ? { mentor: { capacity: p.mentor.capacity, canTeach: p.mentor.canTeach } } : {}),
  ...(p.mentee ? { mentee: { wantsToLearn: p.mentee.wantsToLearn } } : {}),
  languages: p.languages,
  timeZone: p.timeZone,
});

// The people's columns are the same for every run over one org model: made once.
const columns = new WeakMap<OrgModel, PeopleColumns>();
const columnsOf = (model: OrgModel) => columns.get(model) ?? columns.set(model, peopleColumnsOf(model.people, model.indexOf)).get(model)!;

/**
 * The input of a proposal run at `now` (for a ProposalRunner, proposal-runner.ts, which runs it off the main
 * thread): the rules of the owner's matcher (open-programme.ts programmeMatcher: level gap, past
 * pairs, the owner's exclusions), the mentors' loads, the owner's pins and who is paired already.
 * Its proposal is {@link proposeProgramme}'s with that matcher.
 */
export function proposalInputOf(options: {
  readonly model: OrgModel;
  readonly profiles: readonly StoredProfile[];
  readonly levelGap: number;
  readonly decisions: OwnerDecisions;
  readonly now: number;
}): ProposalInput {
  const { profiles, decisions, now } = options;
  return {
    people: columnsOf(options.model),
    profiles: profiles.map(matchingPart),
    loads: [...mentorLoadsOf(profiles, now)],
    rules: { levelGap: options.levelGap, pastPairs: pastPairsOf(profiles, now), exclusions: decisions.exclusions },
    pins: decisions.pins,
    alreadyPaired: [...alreadyPairedOf(profiles, now)],
    at: now,
  };
}

/** Whether the owner pinned this pair. */
export function isPinned(decisions: OwnerDecisions, pair: Pair): boolean {
  return decisions.pins.some((p) => same(p, pair));
}

/** The decisions with this pair pinned (once). */
export function withPin(decisions: OwnerDecisions, pair: Pair): OwnerDecisions {
  return isPinned(decisions, pair) ? decisions : { ...decisions, pins: [...decisions.pins, [pair[0], pair[1]]] };
}

/** The decisions with this pair's pin taken out. */
export function withoutPin(decisions: OwnerDecisions, pair: Pair): OwnerDecisions {
  return { ...decisions, pins: decisions.pins.filter((p) => !same(p, pair)) };
}

/** The decisions with this pair excluded (and no longer pinned). */
export function withExclusion(decisions: OwnerDecisions, pair: Pair): OwnerDecisions {
  const pins = decisions.pins.filter((p) => !same(p, pair));
  return decisions.exclusions.some((p) => same(p, pair)) ? { ...decisions, pins } : { pins, exclusions: [...decisions.exclusions, [pair[0], pair[1]]] };
}

/** The decisions with this pair's exclusion taken out: the pair may be proposed again. */
export function withoutExclusion(decisions: OwnerDecisions, pair: Pair): OwnerDecisions {
  return { ...decisions, exclusions: decisions.exclusions.filter((p) => !same(p, pair)) };
}

/** The decisions with the two executives' mentors swapped and pinned: each executive keeps one pin. */
export function withSwap(decisions: OwnerDecisions, a: Pair, b: Pair): OwnerDecisions {
  const pins = decisions.pins.filter((p) => p[0] !== a[0] && p[0] !== b[0]);
  return { ...decisions, pins: [...pins, [a[0], b[1]], [b[0], a[1]]] };
}

/** Reads the owners' pins and exclusions from the programme store (none before the first decision). */
export async function openOwnerDecisions(client: GraphClient, place: DecisionsPlace): Promise<StoredOwnerDecisions> {
  const store = await openAt(client, place);
  const [read] = await Promise.all([readDecisions(store), becomeRecordsReader(store, place.me)]);
  return { ...read, place, store };
}

/**
 * Applies a decision (one of the `with…` functions) to what is stored and saves it; a save from
 * another tab or owner in between (412) is read and kept. Returns what is stored now.
 */
export async function decide(client: GraphClient, stored: StoredOwnerDecisions, change: (decisions: OwnerDecisions) => OwnerDecisions): Promise<StoredOwnerDecisions> {
  const store = stored.store ?? (await openAt(client, stored.place));
  const saved = await changeDecisions(store, stored.place.me, stored, change);
  return { ...saved, place: stored.place, store };
}

/** Errors whose message the app wrote for the owner, saying what to do. */
const WORDED_CODES = new Set(['ProgrammeStoreMissing', 'SaveConflict', 'TooManyOwnerDecisions']);

/**
 * What went wrong reading (`read`) or saving (`save`) the owner's pins and exclusions, in words an
 * owner can act on: what happened and what to do, once. A missing permission keeps its own message
 * (it names the permission and who grants it); Graph's and the network's own words never show.
 */
export function describeDecisionsFailure(error: unknown, when: 'read' | 'save'): string {
  if (error instanceof GraphPermissionError) return error.message;
  if (error instanceof GraphRequestError && WORDED_CODES.has(error.code)) return error.message;
  return when === 'read'
    ? 'The pins and exclusions could not be read from the programme’s lists just now, so matching runs without them. Check your connection, then reload this tab.'
    : 'Your last change shows here but could not be saved to the programme’s lists, so it will be gone after a reload. Check your connection, then make the change again.';
}

/** How a proposal looks, as numbers (shares in 0–1; undefined when there is nothing to divide by). */
export interface ProgrammeFigures {
  readonly executives: number;
  readonly reverseMentors: number;
  /** Share of executives without a reverse mentor whom the proposal matches. */
  readonly matched: number | undefined;
  readonly acrossDepartments: number | undefined;
  readonly averageFit: number | undefined;
  /** Reverse mentors whom the proposal and their accepted executives fill to capacity. */
  readonly mentorsAtCapacity: number;
}

/** The proposal's figures: cohort, matched share, pairs across departments, average fit, mentors at capacity. */
export function programmeFigures(
  proposal: ProgrammeAssignment,
  matcher: Matcher,
  people: ReadonlyMap<string, DirectoryPerson>,
  profiles: readonly StoredProfile[],
  now: number,
): ProgrammeFigures {
  const alreadyPaired = alreadyPairedOf(profiles, now);
  const loads = mentorLoadsOf(profiles, now);
  const open = matcher.mentees.filter((id) => !alreadyPaired.has(id)).length;
  const pairs = proposal.pairs;
  const crossDepartment = pairs.filter((p) => people.get(p.menteeId)?.department !== people.get(p.mentorId)?.department).length;
  const assigned = new Map<string, number>();
  for (const p of pairs) assigned.set(p.mentorId, (assigned.get(p.mentorId) ?? 0) + 1);
  return {
    executives: matcher.mentees.length,
    reverseMentors: matcher.mentors.length,
    matched: open ? pairs.length / open : undefined,
    acrossDepartments: pairs.length ? crossDepartment / pairs.length : undefined,
    averageFit: pairs.length ? pairs.reduce((sum, p) => sum + p.score, 0) / pairs.length : undefined,
    mentorsAtCapacity: profiles.filter((p) => p.mentor && (assigned.get(p.personId) ?? 0) + (loads.get(p.personId) ?? 0) >= p.mentor.capacity).length,
  };
}
