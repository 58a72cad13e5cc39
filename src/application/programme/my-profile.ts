/**
 * The signed-in person's own profile, headless: opt in or edit what they offer and want, change
 * some fields (asking, answering, booking records), opt out. The profile is an open extension on
 * their own user (services/profile/profile-store.ts), which Graph replaces whole on every save, so
 * every use case here sends the whole profile, keeping what it does not change.
 *
 * Given a {@link Participation}, every save also puts the person's entry in the programme store's
 * participants (services/programme/programme-store.ts), and opting out removes it, so that readers
 * find who takes part without reading everyone's profile.
 *
 * The entry also keeps the person's pair records (requests and answers, load, bookings, proposed
 * times), which then leave the extension: the whole tenant reads that, while the entry is read by the
 * programme's participants, who open only the records sealed to them (pair-records.ts), and has room
 * for as many pairings as the programme gives them. The entry is
 * saved first: when it cannot be, a change of records fails whole (nothing is half-recorded, and
 * trying again is safe), while a change of the profile alone still saves it and says in words, through
 * `onProblem`, that the list of who takes part was not updated. While the store cannot be used (not
 * set up, not granted, no such site), the records stay in the extension, as before there was one.
 */
import { optOut as removeProfile, ProfileError, RECORD_KEYS, saveMyProfile as storeProfile, type RecordsKept, type StoredProfile } from '@/services/profile/profile-store';
import type { GraphClient } from '@/services/graph/graph-client';
import type { Participant, ProgrammeStore } from '@/services/programme/programme-store';

/** Where the person's participation is recorded, and how a failure to record it is told. */
export interface Participation {
  /** The open programme store (opened lazily; its failures are told too). */
  readonly store: () => Promise<ProgrammeStore>;
  /** Told, in words, when the profile was saved but the participation was not. */
  readonly onProblem: (message: string) => void;
}

/** The role a profile gives its person in the programme's participants. */
export function participantRole(profile: Pick<StoredProfile, 'mentor' | 'mentee'>): Participant['role'] {
  return profile.mentor && profile.mentee ? 'both' : profile.mentor ? 'mentor' : 'executive';
}

/** Words for a failure to reach the store (loaded when something failed). */
const storeFailure = async (error: unknown) => (await import('./programme-store-setup')).describeStoreFailure(error);

/**
 * Writes the person's participant entry (their profile with its pair records, or null: they take no
 * part); throws what went wrong.
 */
async function writeParticipation(store: ProgrammeStore, personId: string, profile: StoredProfile | null): Promise<void> {
  // The store's code loads with the first save, not before the first suggestion (asking to pair saves too).
  const [{ saveMyParticipation }, { sealedEntry }] = await Promise.all([import('@/services/programme/programme-store'), import('./pair-records')]);
  await saveMyParticipation(store, personId, profile && { role: participantRole(profile), profileUpdated: profile.updated, ...(await sealedEntry(store, personId, profile)) });
}

const problemWords = (profile: StoredProfile | null, reason: string) =>
  profile
    ? `Your profile was saved, but the programme’s list of who takes part could not be updated, so matching may not see your change yet. ${reason}`
    : `Your profile was removed, but the programme’s list of who takes part still names you. ${reason}`;

/**
 * Records the person's participation in the store (their profile, or null: they take no part);
 * a failure is told through `onProblem`, never thrown.
 */
export async function recordParticipation(participation: Participation, personId: string, profile: StoredProfile | null): Promise<void> {
  try {
    await writeParticipation(await participation.store(), personId, profile);
  } catch (error) {
    participation.onProblem(problemWords(profile, (await storeFailure(error)).message));
  }
}

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
  readonly hopeInOwnWords?: string;
  readonly languages: readonly string[];
}

/** A change of records that could not be kept: nothing was saved, and trying again is safe. */
const recordsNotSaved = (why: string) => new ProfileError(`This could not be recorded in the programme’s list, so nothing was saved. ${why}`);

/**
 * Saves the whole profile of the signed-in person (creates it the first time), and their
 * participation when given, with their pair records in it (see the module comment); returns the
 * profile as stored. `recordsChanged` says the save changes the records: then it fails whole when
 * they cannot be kept; `entryOnly`, that it changes what only the entry keeps (a pause): then it
 * fails whole whenever the entry cannot be written.
 */
export async function saveMyProfile(
  client: GraphClient,
  personId: string,
  profile: MyProfile,
  participation?: Participation,
  recordsChanged = false,
  entryOnly = false,
): Promise<StoredProfile> {
  const stored = { personId, ...profile };
  if (!participation) {
    await storeProfile(client, profile);
    return stored;
  }
  // Where the records are kept: in the entry, unless the programme has no usable store (not set up,
  // not granted, no such site); a store that cannot be reached for now still keeps them.
  let records: RecordsKept = 'elsewhere';
  let problem: string | undefined;
  try {
    await writeParticipation(await participation.store(), personId, stored);
  } catch (error) {
    if (error instanceof ProfileError) throw error;
    const failure = await storeFailure(error);
    if (entryOnly || (failure.reason === 'unavailable' && recordsChanged)) throw recordsNotSaved(failure.message);
    if (failure.reason !== 'unavailable') records = 'inExtension';
    problem = failure.message;
  }
  await storeProfile(client, profile, records);
  if (problem) participation.onProblem(problemWords(stored, problem));
  return stored;
}

/**
 * Changes some fields of the signed-in person's existing profile (undefined removes one) and marks it
 * updated at `now`; throws when they have not opted in.
 */
export async function updateMyProfile(client: GraphClient, me: StoredProfile | undefined, change: ProfileChange, now: number, participation?: Participation): Promise<StoredProfile> {
  if (!me) throw new Error('Opt in first.');
  const { personId, ...current } = me;
  const merged: Record<string, unknown> = { ...current, ...change, updated: new Date(now).toISOString() };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return saveMyProfile(
    client,
    personId,
    merged as MyProfile,
    participation,
    RECORD_KEYS.some((key) => key in change),
    'pausedUntil' in change,
  );
}

/**
 * The profile a person's choices make: what they offer and want, in their time zone, keeping what
 * the programme recorded for them (their request, answers, load, booked series and proposed times).
 * Own words count only with the role they describe.
 */
export function profileFromChoices(me: StoredProfile | undefined, choices: ProfileChoices, context: { readonly timeZone: string; readonly now: number }): MyProfile {
  const teach = choices.mentor ? choices.teachInOwnWords?.trim() : undefined;
  const learn = choices.mentee ? choices.learnInOwnWords?.trim() : undefined;
  const hope = choices.mentee ? choices.hopeInOwnWords?.trim() : undefined;
  return {
    ...(choices.mentor ? { mentor: { capacity: choices.mentor.capacity, canTeach: [...choices.mentor.canTeach] } } : {}),
    ...(teach ? { teachInOwnWords: teach } : {}),
    ...(choices.mentee ? { mentee: { wantsToLearn: [...choices.mentee.wantsToLearn] } } : {}),
    ...(learn ? { learnInOwnWords: learn } : {}),
    ...(hope ? { hopeInOwnWords: hope } : {}),
    languages: [...choices.languages],
    timeZone: context.timeZone,
    load: me?.accepted?.length ?? me?.load ?? 0,
    updated: new Date(context.now).toISOString(),
    ...(me?.asked ? { asked: me.asked } : {}),
    ...(me?.accepted ? { accepted: me.accepted } : {}),
    ...(me?.declined ? { declined: me.declined } : {}),
    ...(me?.bookings ? { bookings: me.bookings } : {}),
    ...(me?.proposals ? { proposals: me.proposals } : {}),
    ...(me?.pausedUntil ? { pausedUntil: me.pausedUntil } : {}),
  };
}

/** Opts in, or saves an edited profile, from the person's choices; returns the profile as stored. */
export function saveMyChoices(
  client: GraphClient,
  personId: string,
  me: StoredProfile | undefined,
  choices: ProfileChoices,
  context: { readonly timeZone: string; readonly now: number },
  participation?: Participation,
): Promise<StoredProfile> {
  return saveMyProfile(client, personId, profileFromChoices(me, choices, context), participation);
}

/** Opts out: the profile is removed entirely (nothing to do when there is none), then the participation. */
export async function optOut(client: GraphClient, participation?: Participation & { readonly personId: string }): Promise<void> {
  await removeProfile(client);
  if (participation) await recordParticipation(participation, participation.personId, null);
}
