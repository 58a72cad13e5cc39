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

/** The longest pause a person may take, in days. */
export const MAX_PAUSE_DAYS = 365;
const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * What is wrong with pausing until `until` (YYYY-MM-DD, the day they are back) at `now`, in words; undefined
 * when nothing is. Days are UTC days, as the matcher counts them (domain/matching/engine.ts).
 */
export function pauseProblem(until: string, now: number): string | undefined {
  const day = Date.parse(`${until}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(day) || dayOf(day) !== until) return 'Choose the day you will be back.';
  if (until <= dayOf(now)) return 'Choose a day after today.';
  if (until > dayOf(now + MAX_PAUSE_DAYS * DAY_MS)) return `A pause lasts at most ${MAX_PAUSE_DAYS} days: choose an earlier day.`;
  return undefined;
}

/**
 * Pauses the signed-in person until `until` (the day they are back: no suggestions, proposals or
 * requests before it; their pairings carry on), or resumes them now (`undefined`). The pause is kept
 * only in their participant entry, which the programme reads and the tenant does not: without a
 * programme store that can be reached it is refused, never put in the profile extension. Throws a
 * {@link ProfileError} with words when the day will not do or the store cannot keep it.
 */
export async function pauseMe(client: GraphClient, me: StoredProfile | undefined, until: string | undefined, now: number, participation?: Participation): Promise<StoredProfile> {
  const problem = until === undefined ? undefined : pauseProblem(until, now);
  if (problem) throw new ProfileError(problem);
  if (!participation) throw new ProfileError('Pausing needs the programme’s list of who takes part, and this programme has none: ask a programme owner.');
  try {
    await participation.store();
  } catch (error) {
    throw new ProfileError(`Pausing needs the programme’s list of who takes part, which cannot be reached, so nothing changed. ${describeStoreFailure(error).message}`);
  }
  return updateMyProfile(client, me, { pausedUntil: until }, now, participation);
}
