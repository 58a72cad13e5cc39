/**
 * The programme proposal, headless: a programme owner runs the programme-wide matching for everyone
 * who opted in and has no reverse mentor yet, pins pairs to keep and excludes pairs never to propose,
 * and reads the proposal's figures. The owner's pins and exclusions are theirs alone and survive a
 * reload: they live in the owner's own OneDrive app folder (services/programme/owner-decisions-store.ts),
 * never in the tenant-readable profiles; the owner's matcher has the exclusions in its rules (see
 * open-programme.ts), so "why not" names them too.
 */
import type { Matcher, ProgrammeAssignment } from '@/domain/matching/engine';
import type { DirectoryPerson } from '@/services/graph/directory-person';
import type { GraphClient } from '@/services/graph/graph-client';
import type { StoredProfile } from '@/services/profile/profile-store';
import { GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import { changeOwnerDecisions, OWNER_DECISIONS_FILE, readOwnerDecisions, type OwnerDecisions, type StoredOwnerDecisions } from '@/services/programme/owner-decisions-store';
import { mentorLoadsOf, type Pair } from './open-programme';
import { currentMentees } from '@/domain/matching/requests';

export type { OwnerDecisions, StoredOwnerDecisions };

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

/** Reads the signed-in owner's pins and exclusions (none before their first decision). */
export function openOwnerDecisions(client: GraphClient): Promise<StoredOwnerDecisions> {
  return readOwnerDecisions(client);
}

/**
 * Applies a decision (one of the `with…` functions) to what is stored and saves it; a save from
 * another tab in between is read and kept. Returns what is stored now.
 */
export function decide(client: GraphClient, stored: StoredOwnerDecisions, change: (decisions: OwnerDecisions) => OwnerDecisions): Promise<StoredOwnerDecisions> {
  return changeOwnerDecisions(client, stored, change);
}

/** Errors whose message the app wrote for the owner, saying what to do. */
const WORDED_CODES = new Set(['driveNotProvisioned', 'SaveConflict', 'TooManyOwnerDecisions']);

/**
 * What went wrong reading (`read`) or saving (`save`) the owner's pins and exclusions, in words an
 * owner can act on: what happened and what to do, once. A missing permission keeps its own message
 * (it names the permission and who grants it); Graph's and the network's own words never show.
 */
export function describeDecisionsFailure(error: unknown, when: 'read' | 'save'): string {
  if (error instanceof GraphPermissionError) return error.message;
  if (error instanceof GraphRequestError && WORDED_CODES.has(error.code)) return error.message;
  if (error instanceof GraphRequestError && error.code === 'DamagedOwnerDecisions') {
    return (
      `Your pins and exclusions (${OWNER_DECISIONS_FILE} in your OneDrive's Apps folder) could not be read, so matching runs without them and the file is left as it is. ` +
      'Restore an earlier version of it in OneDrive, then reload this tab.'
    );
  }
  return when === 'read'
    ? 'Your pins and exclusions could not be read from your OneDrive just now, so matching runs without them. Check your connection, then reload this tab.'
    : 'Your last change shows here but could not be saved to your OneDrive, so it will be gone after a reload. Check your connection, then make the change again.';
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
