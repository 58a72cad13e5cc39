/**
 * Opening the programme, headless: from a directory snapshot to the org model, everyone's opt-in
 * profiles and a matcher whose rules hold the programme's level gap, the pairs that already
 * happened and (for a programme owner) the owner's exclusions. Graph comes in as a client and time
 * as a number, so the same code runs in the app and in Node tests against the fake Graph.
 *
 * Past pairs come from the pairs' own records: an executive records each series they booked in
 * their profile (see domain/booking/pair-schedule.ts). A pair counts as past once its series ended:
 * the record says it ended (the pairing was ended from the app), or its last week is behind us. A
 * current pair (accepted, booked or not, series still running) is not a past pair: it counts through
 * the reverse mentor's load (capacity) and, in the programme proposal, by leaving its executive out;
 * it becomes a past pair when it ends, and from then on the repeat rule keeps it from being suggested
 * or proposed again.
 */
import { seriesEnded as seriesEndedAt, type BookingRecord } from '@/domain/booking/pair-schedule';
import { currentMentees, loadFromEnds } from '@/domain/matching/requests';
import { createMatcher, type Matcher } from '@/domain/matching/engine';
import { buildOrgModel, type OrgModel } from '@/domain/org/org-model';
import type { DirectorySnapshot } from '@/services/graph/directory-loader';
import { isActive, type DirectoryPerson } from '@/services/graph/directory-person';
import type { GraphClient } from '@/services/graph/graph-client';
import type { StoredProfile } from '@/services/profile/profile-store';
import { loadProgrammeProfiles, type Participant, type ProfilesUpdate } from './programme-profiles';

/** A pair as the matching rules name it: [executive (mentee) id, reverse mentor id]. */
export type Pair = readonly [string, string];

/** Everyone's profiles as read, and those that could not be read (left out of matching). */
export interface ProgrammeProfiles {
  readonly list: readonly StoredProfile[];
  readonly damaged: readonly { readonly personId: string; readonly problem: string }[];
}

/** Everything the programme's use cases work on: the organisation, the profiles and the matcher. */
export interface OpenedProgramme extends ProgrammeProfiles {
  readonly people: ReadonlyMap<string, DirectoryPerson>;
  readonly model: OrgModel;
  readonly matcher: Matcher;
}

/** The people of a snapshot by id. */
export function peopleOf(snapshot: DirectorySnapshot): Map<string, DirectoryPerson> {
  return new Map(snapshot.people.map((p) => [p.id, p]));
}

/** Everyone who may take part: the active people of a snapshot, by id. */
export function activePersonIds(snapshot: DirectorySnapshot): string[] {
  return snapshot.people.filter(isActive).map((p) => p.id);
}

export { loadProgrammeProfiles, type Participant, type ProfilesUpdate } from './programme-profiles';

/** The org model (seniority, reporting lines, repaired data) of a directory snapshot. */
export function orgModelOf(snapshot: DirectorySnapshot): OrgModel {
  return buildOrgModel(
    snapshot.people.map((p) => ({ id: p.id, displayName: p.displayName, managerId: p.managerId, department: p.department, officeLocation: p.officeLocation, country: p.country })),
  );
}

/**
 * Reads the opt-in profiles (20 per $batch): of the participants when the programme store's list
 * is given (only they take part: a few thousand, not everyone), else of everyone active in the
 * snapshot. Damaged ones are named, not fatal. `onProgress` hears how many people were read so far,
 * of how many. For the device cache and first suggestions before all is read, see
 * {@link loadProgrammeProfiles}.
 */
export async function readProgrammeProfiles(
  client: GraphClient,
  snapshot: DirectorySnapshot,
  signal?: AbortSignal,
  onProgress?: (read: number, total: number) => void,
  participants?: readonly Participant[],
): Promise<ProgrammeProfiles> {
  return loadProgrammeProfiles({
    client,
    ...(participants ? { participants } : { personIds: activePersonIds(snapshot) }),
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onUpdate: (update: ProfilesUpdate) => onProgress(update.read, update.total) } : {}),
  });
}

/** Whether a booked series is over at `now`: ended from the app, or past its last week (domain/booking/pair-schedule.ts). */
export const seriesEnded: (booking: Pick<BookingRecord, 'start' | 'weeks' | 'ended'>, now: number) => boolean = seriesEndedAt;

/** The pairs that already happened, as [executive, reverse mentor], from the executives' booking records. */
export function pastPairsOf(profiles: readonly StoredProfile[], now: number): Pair[] {
  return profiles.flatMap((p) => (p.bookings ?? []).filter((b) => seriesEnded(b, now)).map((b): Pair => [p.personId, b.with]));
}

/**
 * Each reverse mentor's load against their capacity: the executives they accepted whose pairing has
 * not ended (by the executive's booking record, which every client reads), so an ended pairing frees
 * its place. A mentor whose answers are sealed to others counts by when each of their pairings ends;
 * one whose answers are not there, their stored load.
 */
export function mentorLoadsOf(profiles: readonly StoredProfile[], now: number): Map<string, number> {
  return new Map(
    profiles
      .filter((p) => p.mentor)
      .map((p) => [p.personId, p.recordsPartial ? loadFromEnds(p.busyUntil ?? [], now) : p.accepted ? currentMentees(p.personId, p, profiles, now).length : p.load]),
  );
}

/** What the matcher's rules are made of besides the profiles. */
export interface MatcherOptions {
  readonly model: OrgModel;
  readonly profiles: readonly StoredProfile[];
  readonly levelGap: number;
  /** The programme owner's exclusions; only an owner's client has them. */
  readonly exclusions?: readonly Pair[];
  /** Now, in ms: which series have ended, and the time-zone offsets that count (daylight saving). */
  readonly now: number;
}

/** The matcher over the profiles, with the programme's rules: level gap, past pairs, exclusions. */
export function programmeMatcher(options: MatcherOptions): Matcher {
  const { model, profiles, now } = options;
  return createMatcher({
    model,
    profiles,
    loads: mentorLoadsOf(profiles, now),
    rules: { levelGap: options.levelGap, pastPairs: pastPairsOf(profiles, now), exclusions: options.exclusions ?? [] },
    at: now,
  });
}

/**
 * Opens the programme in one go: the org model of the snapshot, the profiles from Graph (only the
 * participants' when their list is given) and the matcher with the programme's rules, at `now`.
 */
export async function openProgramme(options: {
  readonly client: GraphClient;
  readonly snapshot: DirectorySnapshot;
  readonly levelGap: number;
  readonly now: () => number;
  readonly exclusions?: readonly Pair[];
  readonly signal?: AbortSignal;
  /** The programme store's participants: when given, only their profiles are read. */
  readonly participants?: readonly Participant[];
}): Promise<OpenedProgramme> {
  const model = orgModelOf(options.snapshot);
  const profiles = await readProgrammeProfiles(options.client, options.snapshot, options.signal, undefined, options.participants);
  const matcher = programmeMatcher({ model, profiles: profiles.list, levelGap: options.levelGap, now: options.now(), ...(options.exclusions ? { exclusions: options.exclusions } : {}) });
  return { people: peopleOf(options.snapshot), model, ...profiles, matcher };
}
