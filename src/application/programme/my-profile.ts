/**
 * The signed-in person's own profile, headless: opt in or edit what they offer and want, change
 * some fields (asking, answering, booking records), opt out. The profile is an open extension on
 * their own user (services/profile/profile-store.ts), which Graph replaces whole on every save, so
 * every use case here sends the whole profile, keeping what it does not change.
 */
import { optOut as removeProfile, saveMyProfile as storeProfile, type StoredProfile } from '@/services/profile/profile-store';
import type { GraphClient } from '@/services/graph/graph-client';

/** The signed-in person's profile without their id (what is stored). */
export type MyProfile = Omit<StoredProfile, 'personId'>;
/** Some fields of a profile; a field given as undefined is removed. */
export type ProfileChange = { [K in keyof MyProfile]?: MyProfile[K] | undefined };

/** What a person chooses when they opt in or edit their profile. */
export interface ProfileChoices {
  readonly mentor?: { readonly capacity: number; readonly canTeach: readonly string[] };
  readonly teachInOwnWords?: string;
  readonly mentee?: { readonly wantsToLearn: readonly string[] };
  readonly learnInOwnWords?: string;
  readonly languages: readonly string[];
}

/** Saves the whole profile of the signed-in person (creates it the first time); returns it as stored. */
export async function saveMyProfile(client: GraphClient, personId: string, profile: MyProfile): Promise<StoredProfile> {
  await storeProfile(client, profile);
  return { personId, ...profile };
}

/**
 * Changes some fields of the signed-in person's existing profile (undefined removes one) and marks it
 * updated at `now`; throws when they have not opted in.
 */
export async function updateMyProfile(client: GraphClient, me: StoredProfile | undefined, change: ProfileChange, now: number): Promise<StoredProfile> {
  if (!me) throw new Error('Opt in first.');
  const { personId, ...current } = me;
  const merged: Record<string, unknown> = { ...current, ...change, updated: new Date(now).toISOString() };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return saveMyProfile(client, personId, merged as MyProfile);
}

/**
 * The profile a person's choices make: what they offer and want, in their time zone, keeping what
 * the programme recorded for them (their request, answers, load, booked series and proposed times).
 * Own words count only with the role they describe.
 */
export function profileFromChoices(me: StoredProfile | undefined, choices: ProfileChoices, context: { readonly timeZone: string; readonly now: number }): MyProfile {
  const teach = choices.mentor ? choices.teachInOwnWords?.trim() : undefined;
  const learn = choices.mentee ? choices.learnInOwnWords?.trim() : undefined;
  return {
    ...(choices.mentor ? { mentor: { capacity: choices.mentor.capacity, canTeach: [...choices.mentor.canTeach] } } : {}),
    ...(teach ? { teachInOwnWords: teach } : {}),
    ...(choices.mentee ? { mentee: { wantsToLearn: [...choices.mentee.wantsToLearn] } } : {}),
    ...(learn ? { learnInOwnWords: learn } : {}),
    languages: [...choices.languages],
    timeZone: context.timeZone,
    load: me?.accepted?.length ?? me?.load ?? 0,
    updated: new Date(context.now).toISOString(),
    ...(me?.asked ? { asked: me.asked } : {}),
    ...(me?.accepted ? { accepted: me.accepted } : {}),
    ...(me?.declined ? { declined: me.declined } : {}),
    ...(me?.bookings ? { bookings: me.bookings } : {}),
    ...(me?.proposals ? { proposals: me.proposals } : {}),
  };
}

/** Opts in, or saves an edited profile, from the person's choices; returns the profile as stored. */
export function saveMyChoices(
  client: GraphClient,
  personId: string,
  me: StoredProfile | undefined,
  choices: ProfileChoices,
  context: { readonly timeZone: string; readonly now: number },
): Promise<StoredProfile> {
  return saveMyProfile(client, personId, profileFromChoices(me, choices, context));
}

/** Opts out: the profile is removed entirely (nothing to do when there is none). */
export function optOut(client: GraphClient): Promise<void> {
  return removeProfile(client);
}
