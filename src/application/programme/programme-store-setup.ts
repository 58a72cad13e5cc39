/**
 * The programme store's first run, headless: a programme owner creates the store's lists on the
 * owners' group's site (services/programme/programme-store.ts), once, from the app; nobody edits JSON
 * by hand. Also opens the store for everyone else, with failures in words a person can act on.
 */
import type { GraphClient } from '@/services/graph/graph-client';
import { GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import { isProgrammeOwner } from '@/services/programme/programme-owner';
import {
  createMissingLists,
  newestEntries,
  openProgrammeStore,
  readOwnerKeys,
  syncParticipants,
  type Participant,
  type ParticipantRoster,
  type ProgrammeStore,
} from '@/services/programme/programme-store';
import { myPairSeal } from '@/services/programme/person-key';
import { openParticipants } from './open-records';
import type { RosterCache } from '@/services/storage/roster-cache';
import type { Participant as ProfileParticipant } from './programme-profiles';

/** The store could not be set up or opened; the message says what happened and what to do. */
export class ProgrammeStoreError extends Error {
  override readonly name = 'ProgrammeStoreError';
  constructor(
    message: string,
    /** `misconfigured`: the owners' group has no site the app can find (PROGRAMME_OWNER_GROUP_ID); `unavailable`: for now (the network, a busy service). */
    readonly reason: 'notOwner' | 'notGranted' | 'notSetUp' | 'misconfigured' | 'unavailable',
  ) {
    super(message);
  }
}

const NOT_GRANTED =
  'The app has not been given access to the programme owners’ site yet. Ask your Microsoft 365 admin to grant the app the Sites.Selected permission ' +
  'and the “manage” role on that site (README, “The programme store”), then try again.';

/** Words for a failure while setting up or opening the store: never Graph's own. */
export function describeStoreFailure(error: unknown): ProgrammeStoreError {
  if (error instanceof ProgrammeStoreError) return error;
  if (error instanceof GraphPermissionError || (error instanceof GraphRequestError && error.status === 403)) return new ProgrammeStoreError(NOT_GRANTED, 'notGranted');
  if (error instanceof GraphRequestError && error.code === 'ProgrammeStoreMissing') {
    return new ProgrammeStoreError('The programme has not been set up yet: a programme owner sets it up once from the programme view.', 'notSetUp');
  }
  if (error instanceof GraphRequestError && error.status === 404) {
    return new ProgrammeStoreError(
      'The programme owners’ group has no site that the app can find. Check PROGRAMME_OWNER_GROUP_ID with your admin: it must be a Microsoft 365 group or Team.',
      'misconfigured',
    );
  }
  return new ProgrammeStoreError('The programme’s lists could not be reached just now. Check your connection, then try again.', 'unavailable');
}

/**
 * The owner's first run: creates whichever of the store's lists are missing on the owners' group's
 * site and returns the open store (with the names of the lists it created). Only a programme owner
 * may (checked first, by their own group memberships); any failure is a {@link ProgrammeStoreError}.
 */
export async function ensureProgrammeStore(client: GraphClient, ownerGroupId: string): Promise<{ store: ProgrammeStore; created: string[] }> {
  try {
    if (!(await isProgrammeOwner(client, ownerGroupId))) {
      throw new ProgrammeStoreError('Only a programme owner can set up the programme. Ask one of them, or your admin, to add you to the programme owners’ group.', 'notOwner');
    }
    const created = await createMissingLists(client, ownerGroupId);
    const store = await openProgrammeStore(client, ownerGroupId);
    return { store, created };
  } catch (error) {
    throw describeStoreFailure(error);
  }
}

/** Opens the store for reading and writing one's own entries; any failure is a {@link ProgrammeStoreError}. */
export async function openStore(client: GraphClient, ownerGroupId: string): Promise<ProgrammeStore> {
  try {
    return await openProgrammeStore(client, ownerGroupId);
  } catch (error) {
    throw describeStoreFailure(error);
  }
}

/** Words for a failure to open the pair records sealed to the person (their key is in their OneDrive). */
function recordsFailure(error: unknown): ProgrammeStoreError {
  if (error instanceof GraphPermissionError || (error instanceof GraphRequestError && error.status === 403)) {
    return new ProgrammeStoreError(
      'Your pairings could not be read: the app may not use your OneDrive, where it keeps the key to them. Ask your Microsoft 365 admin to grant the app Files.ReadWrite.',
      'unavailable',
    );
  }
  if (error instanceof GraphRequestError && error.code === 'pairingKeyDamaged') return new ProgrammeStoreError(error.message, 'unavailable');
  return describeStoreFailure(error);
}

/** Where a device keeps the participant roster between opens, and under which key (tenant:person). */
export interface KeptRosterPlace {
  readonly cache: RosterCache;
  readonly key: string;
}

/**
 * Who takes part, or why the store could not say (the caller then reads everyone, as before the store
 * existed). `sealMineAgain`: whether the signed-in person's entry should be written again as it is
 * (pair-records.ts, `needsSealing`), asked once the profiles are in: its code loads after the first
 * suggestions.
 */
export type StoreParticipants = { readonly participants: ProfileParticipant[]; readonly sealMineAgain?: () => Promise<boolean> } | { readonly unavailable: ProgrammeStoreError };

/** What {@link storeParticipants} is given besides the client and the owners' group. */
export interface StoreParticipantsOptions {
  /** Where the device keeps the roster between opens. */
  readonly kept?: KeptRosterPlace;
  readonly signal?: AbortSignal;
  /** The signed-in person: the records sealed to them are opened, and their own entry checked. */
  readonly me?: string;
}

/**
 * Who takes part, for reading only their profiles (application/programme/programme-profiles.ts):
 * the store's participant entries, each with the copy of the person's profile it keeps, one per
 * person (the newest, should a race have left two). With a roster kept on the device, only what
 * changed since is read (delta), and the roster is kept again.
 *
 * When the store is not set up yet, the app was not granted its site, or the owners' group has no
 * site, the answer says so (`unavailable`, with words for the person); a failure for now (the
 * network, a busy service) throws a
 * {@link ProgrammeStoreError}, since reading everyone instead would take minutes at scale.
 */
export async function storeParticipants(client: GraphClient, ownerGroupId: string, options: StoreParticipantsOptions = {}): Promise<StoreParticipants> {
  const { kept, signal, me } = options;
  let store: ProgrammeStore;
  try {
    store = await openProgrammeStore(client, ownerGroupId);
  } catch (error) {
    const failure = describeStoreFailure(error);
    if (failure.reason !== 'unavailable') return { unavailable: failure };
    throw failure;
  }
  let roster: ParticipantRoster;
  try {
    roster = await syncParticipants(store, kept && (await kept.cache.read(kept.key)), signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    const failure = describeStoreFailure(error);
    if (failure.reason === 'notGranted') return { unavailable: failure };
    throw failure;
  }
  if (kept) await kept.cache.write(kept.key, roster);
  const entries = [...newestEntries(roster.entries.map((e) => e.participant)).values()];
  let opened: Participant[] = entries;
  let sealMineAgain: (() => Promise<boolean>) | undefined;
  if (me) {
    // An owner whose key is among the owners' reads every pair's records (the owners' runs need past pairs).
    const owners = await readOwnerKeys(store, signal).catch(() => undefined);
    try {
      const seal = owners?.has(me) ? await myPairSeal(client) : undefined;
      opened = await openParticipants(client, me, entries, { owner: seal !== undefined && owners?.get(me) === seal.publicKey });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw recordsFailure(error);
    }
    // Whether one's own entry should be sealed again is for the next open to find out when it cannot be now.
    if (owners) sealMineAgain = () => import('./pair-records').then(({ needsSealing }) => needsSealing(client, me, entries, owners)).catch(() => false);
  }
  const participants = opened.map((p): ProfileParticipant => ({
    personId: p.personId,
    profileUpdated: p.profileUpdated,
    role: p.role === 'executive' ? 'mentee' : p.role,
    ...(p.profile ? { profile: p.profile } : {}),
  }));
  return { participants, ...(sealMineAgain ? { sealMineAgain } : {}) };
}
