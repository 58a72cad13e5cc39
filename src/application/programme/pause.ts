/**
 * Pausing and resuming, headless: a person takes a break from being suggested, proposed and asked
 * until a day of their choosing, and may come back earlier. The pause is part of their profile,
 * kept where their pair records are (services/profile/profile-store.ts); the matcher reads it
 * (domain/matching/eligibility.ts). Apart from my-profile.ts so that its code loads only when used.
 */
import { ProfileError, type StoredProfile } from '@/services/profile/profile-store';
import type { GraphClient } from '@/services/graph/graph-client';
import { updateMyProfile, type Participation } from './my-profile';
import { describeStoreFailure } from './programme-store-setup';
import { addDays } from '@/domain/programme/rounds';

/** The longest pause a person may take, in days. */
export const MAX_PAUSE_DAYS = 365;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The day it is at `now` where the person is (YYYY-MM-DD); a zone the browser does not know counts as UTC. */
export function localDay(now: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return dayOf(now);
  }
}

/**
 * The first day a pause may end on: the person's tomorrow, and never a day that has begun in UTC
 * already, where the matcher ends a pause (domain/matching/engine.ts): an evening pause in the
 * Americas would otherwise be over before it began.
 */
export function firstPauseDay(now: number, timeZone: string): string {
  const local = addDays(localDay(now, timeZone), 1);
  const utc = addDays(dayOf(now), 1);
  return local > utc ? local : utc;
}

/**
 * What is wrong with pausing until `until` (YYYY-MM-DD, the day they are back) at `now`, in words; undefined
 * when nothing is. The days are the person's own (in `timeZone`), from {@link firstPauseDay}; the
 * matcher ends the pause as that day begins in UTC, a few hours either way of their midnight.
 */
export function pauseProblem(until: string, now: number, timeZone = 'UTC'): string | undefined {
  const day = Date.parse(`${until}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(day) || dayOf(day) !== until) return 'Choose the day you will be back.';
  const today = localDay(now, timeZone);
  if (until < firstPauseDay(now, timeZone)) return 'Choose a day after today.';
  if (until > addDays(today, MAX_PAUSE_DAYS)) return `A pause lasts at most ${MAX_PAUSE_DAYS} days: choose an earlier day.`;
  return undefined;
}

/**
 * Pauses the signed-in person until `until` (the day they are back: no suggestions, proposals or
 * requests before it; their pairings carry on), or resumes them now (`undefined`). The pause is kept
 * only in their participant entry, which the programme reads and the tenant does not: without a
 * programme store that can be reached it is refused, never put in the profile extension. Throws a
 * {@link ProfileError} with words when the day will not do or the store cannot keep it.
 */
export async function pauseMe(
  client: GraphClient,
  me: StoredProfile | undefined,
  until: string | undefined,
  context: { readonly now: number; readonly timeZone: string; readonly participation?: Participation | undefined },
): Promise<StoredProfile> {
  const { now, participation } = context;
  const problem = until === undefined ? undefined : pauseProblem(until, now, context.timeZone);
  if (problem) throw new ProfileError(problem);
  if (!participation) throw new ProfileError('Pausing needs the programme’s list of who takes part, and this programme has none: ask a programme owner.');
  try {
    await participation.store();
  } catch (error) {
    throw new ProfileError(`Pausing needs the programme’s list of who takes part, which cannot be reached, so nothing changed. ${describeStoreFailure(error).message}`);
  }
  return updateMyProfile(client, me, { pausedUntil: until }, now, participation);
}
