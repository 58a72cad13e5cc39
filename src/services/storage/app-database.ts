import { openDB, type IDBPDatabase } from 'idb';
import type { z } from 'zod';

/**
 * The app's one IndexedDB database on the device: the directory cache and the profile cache, each
 * a store keyed by `tenant:person`. Holds what Graph lets every member of the tenant read (the
 * directory, the profiles people published), never tokens and never what a pair wrote.
 */
export const DATABASE_NAME = 'reverse-mentoring';
export const DIRECTORY_SNAPSHOTS = 'directory-snapshots';
export const DIRECTORY_CHECKPOINTS = 'directory-checkpoints';
export const PROGRAMME_PROFILES = 'programme-profiles';
const STORES = [DIRECTORY_SNAPSHOTS, DIRECTORY_CHECKPOINTS, PROGRAMME_PROFILES];
/** Version 2 added the profile cache; an upgrade creates whichever store is missing. */
const VERSION = 2;

/** Opens (and creates or upgrades) the database. */
export function openAppDatabase(): Promise<IDBPDatabase> {
  return openDB(DATABASE_NAME, VERSION, {
    upgrade(database) {
      for (const store of STORES) if (!database.objectStoreNames.contains(store)) database.createObjectStore(store);
    },
  });
}

/**
 * Forgets what the device holds for anyone but `key` (tenant:person): what the shell runs when
 * someone signs in, so a shared machine keeps no one else's copy of the directory or profiles.
 */
export async function forgetOtherPeople(key: string): Promise<void> {
  const database = await openAppDatabase();
  try {
    for (const store of STORES) {
      for (const other of await database.getAllKeys(store)) if (other !== key) await database.delete(store, other);
    }
  } finally {
    database.close();
  }
}

/** The key of a person's copies on the device: their tenant and their id. */
export function deviceKeyOf(person: { readonly tenantId: string | undefined; readonly id: string }): string {
  return `${person.tenantId ?? 'tenant'}:${person.id}`;
}

/**
 * A cached value, or undefined when it fails validation (another version of the app, a damaged
 * store, or another page of the same origin writing into it): it is then loaded afresh.
 */
export function validCached<T>(schema: z.ZodType<T>, what: string, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) console.warn(`Ignoring a cached ${what} that is not valid`, parsed.error.issues[0]);
  return parsed.success ? parsed.data : undefined;
}
