/**
 * The programme store's first run, headless: a programme owner creates the store's lists on the
 * owners' group's site (services/programme/programme-store.ts), once, from the app; nobody edits JSON
 * by hand. Also opens the store for everyone else, with failures in words a person can act on.
 */
import type { GraphClient } from '@/services/graph/graph-client';
import { GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import { isProgrammeOwner } from '@/services/programme/programme-owner';
import { createMissingLists, openProgrammeStore, readParticipants, type ProgrammeStore } from '@/services/programme/programme-store';
import type { Participant as ProfileParticipant } from './programme-profiles';

/** The store could not be set up or opened; the message says what happened and what to do. */
export class ProgrammeStoreError extends Error {
  override readonly name = 'ProgrammeStoreError';
  constructor(
    message: string,
    readonly reason: 'notOwner' | 'notGranted' | 'notSetUp' | 'unavailable',
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
      'unavailable',
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

/**
 * Who takes part, for reading only their profiles (application/programme/programme-profiles.ts):
 * the store's participant entries, each with the copy of the person's profile it keeps. Undefined
 * when the store cannot be read (not set up yet, or not granted): then the caller reads everyone.
 */
export async function storeParticipants(client: GraphClient, ownerGroupId: string, signal?: AbortSignal): Promise<ProfileParticipant[] | undefined> {
  try {
    const { participants } = await readParticipants(await openProgrammeStore(client, ownerGroupId), signal);
    return participants.map((p) => ({
      personId: p.personId,
      profileUpdated: p.profileUpdated,
      role: p.role === 'executive' ? 'mentee' : p.role,
      ...(p.profile ? { profile: p.profile } : {}),
    }));
  } catch (error) {
    if (signal?.aborted) throw error;
    return undefined;
  }
}
