import { z } from 'zod';
import type { DirectoryPerson } from '../graph/directory-person';
import type { DirectorySnapshot, LoadCheckpoint } from '../graph/directory-loader';
import { isGraphUrl } from '../graph/graph-client';
import { DIRECTORY_CHECKPOINTS as CHECKPOINTS, DIRECTORY_SNAPSHOTS as SNAPSHOTS, indexedDbCache, validCached, withAppDatabase } from './app-database';

/**
 * Where the loaded directory is kept between opens, per tenant and signed-in person, so the app
 * shows the organisation at once and refreshes it with a delta query. Holds directory data only,
 * never tokens.
 */
export interface DirectoryCache {
  readSnapshot(key: string): Promise<DirectorySnapshot | undefined>;
  writeSnapshot(key: string, snapshot: DirectorySnapshot): Promise<void>;
  readCheckpoint(key: string): Promise<LoadCheckpoint | undefined>;
  /** Saves a partly loaded directory; undefined clears it. */
  writeCheckpoint(key: string, checkpoint: LoadCheckpoint | undefined): Promise<void>;
}

const optionalText = z.string().optional();
const personSchema: z.ZodType<DirectoryPerson> = z
  .object({
    id: z.string().min(1),
    displayName: z.string(),
    userPrincipalName: optionalText,
    mail: optionalText,
    jobTitle: optionalText,
    department: optionalText,
    officeLocation: optionalText,
    city: optionalText,
    country: optionalText,
    preferredLanguage: optionalText,
    employeeHireDate: optionalText,
    managerId: optionalText,
    accountEnabled: z.boolean(),
    member: z.boolean(),
  })
  // A directory cached before the app read `mail` (its delta link never brings it) is loaded again.
  .refine((person) => 'mail' in person, 'cached before mail addresses were read') as z.ZodType<DirectoryPerson>;

/**
 * A link the app will send its token with: only Graph's (the client's own check). Another page or
 * extension of the same origin could have written anything into IndexedDB; a cached value that
 * points elsewhere is dropped, and the directory is loaded afresh.
 */
const graphLink = z.string().refine(isGraphUrl, 'not a Microsoft Graph link');

const snapshotSchema = z.object({
  people: z.array(personSchema),
  skipped: z.number().int().nonnegative(),
  expected: z.number().int().nonnegative(),
  deltaLink: graphLink,
  loadedAt: z.string(),
});

const checkpointSchema = z.object({
  pending: z.array(graphLink),
  people: z.array(personSchema),
  skipped: z.number().int().nonnegative(),
  expected: z.number().int().nonnegative(),
  deltaLink: graphLink,
});

/** The cache in IndexedDB (the app's database, app-database.ts: two stores keyed by tenant and person). */
export function createIndexedDbDirectoryCache(): DirectoryCache {
  const snapshots = indexedDbCache<DirectorySnapshot>(SNAPSHOTS, snapshotSchema, 'directory');
  return {
    readSnapshot: snapshots.read,
    writeSnapshot: snapshots.write,
    readCheckpoint: (key) => withAppDatabase(async (database) => validCached(checkpointSchema, 'directory', await database.get(CHECKPOINTS, key)), undefined),
    writeCheckpoint: (key, checkpoint) =>
      withAppDatabase(async (database) => {
        if (checkpoint) await database.put(CHECKPOINTS, checkpoint, key);
        else await database.delete(CHECKPOINTS, key);
      }, undefined),
  };
}

/** The cache in memory: for tests, and where IndexedDB is unavailable (some private windows). */
export function createMemoryDirectoryCache(): DirectoryCache {
  const snapshots = new Map<string, DirectorySnapshot>();
  const checkpoints = new Map<string, LoadCheckpoint>();
  return {
    readSnapshot: (key) => Promise.resolve(snapshots.get(key)),
    writeSnapshot: (key, snapshot) => Promise.resolve(void snapshots.set(key, snapshot)),
    readCheckpoint: (key) => Promise.resolve(checkpoints.get(key)),
    writeCheckpoint: (key, checkpoint) => Promise.resolve(void (checkpoint ? checkpoints.set(key, checkpoint) : checkpoints.delete(key))),
  };
}
