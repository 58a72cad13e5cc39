import { openDB, type IDBPDatabase } from 'idb';
import type { z } from 'zod';

/**
 * The app's one IndexedDB database on the device: the directory cache, the profile cache and the
 * programme's participant roster, each a store keyed by `tenant:person`. Holds what Graph lets every member of the tenant read (the
 * directory, the profiles people published), never tokens and never what a pair wrote.
 */
export const DATABASE_NAME = 'reverse-mentoring';
export const DIRECTORY_SNAPSHOTS = 'directory-snapshots';
export const DIRECTORY_CHECKPOINTS = 'directory-checkpoints';
export const PROGRAMME_PROFILES = 'programme-profiles';
export const PROGRAMME_ROSTERS = 'programme-rosters';
const STORES = [DIRECTORY_SNAPSHOTS, DIRECTORY_CHECKPOINTS, PROGRAMME_PROFILES, PROGRAMME_ROSTERS];
/** Version 2 added the profile cache, 3 the participant roster; an upgrade creates whichever store is missing. */
const VERSION = 3;

let shared: Promise<IDBPDatabase> | undefined;
/** This version's upgrade is waiting for a tab of an earlier version to close. */
let upgradeWaiting = false;

/**
 * The database, opened (and created or upgraded) once and shared by the caches. When another tab
 * runs a newer version of the app and needs to upgrade, this connection closes so that it is not
 * blocked; the next use opens it again. When this version's upgrade is blocked by a tab of an
 * earlier version (which does not step aside), opening fails at once until that tab closes, rather
 * than waiting: the caches then work as if empty.
 */
export function openAppDatabase(): Promise<IDBPDatabase> {
  if (upgradeWaiting) return Promise.reject(new Error('The device cache waits for another tab of this app to close.'));
  shared ??= new Promise<IDBPDatabase>((resolve, reject) => {
    let blocked = false;
    openDB(DATABASE_NAME, VERSION, {
      upgrade(database) {
        for (const store of STORES) if (!database.objectStoreNames.contains(store)) database.createObjectStore(store);
      },
      blocked() {
        blocked = upgradeWaiting = true;
        shared = undefined;
        reject(new Error('The device cache waits for another tab of this app to close.'));
      },
      blocking() {
        const closing = shared;
        shared = undefined;
        void closing?.then((database) => database.close());
      },
      terminated() {
        shared = undefined;
      },
    }).then(
      (database) => {
        // Opened at last (the other tab closed): from now on it is the one used.
        if (blocked) shared = Promise.resolve(database);
        else resolve(database);
        upgradeWaiting = false;
      },
      (error: unknown) => {
        upgradeWaiting = false;
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  return shared;
}

/**
 * Uses the database, or answers `fallback` when it cannot be opened or used (blocked, full, a
 * private window without storage): a cache that fails is a cache that is empty, never an error.
 */
export async function withAppDatabase<T>(work: (database: IDBPDatabase) => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work(await openAppDatabase());
  } catch (error) {
    console.warn('The device cache could not be used', error);
    return fallback;
  }
}

/**
 * Forgets what the device holds for anyone but `key` (tenant:person): what the shell runs when
 * someone signs in, so a shared machine keeps no one else's copy of the directory or profiles.
 */
export async function forgetOtherPeople(key: string): Promise<void> {
  const database = await openAppDatabase();
  for (const store of STORES) {
    for (const other of await database.getAllKeys(store)) if (other !== key) await database.delete(store, other);
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

/** Values kept on the device by key (tenant:person), validated again when read. */
export interface KeyedCache<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
}

/**
 * A cache in one store of the app's database; it works as empty when the database cannot be used.
 * `schema` checks what is read (its output is taken as a `T`: zod's optional keys may be undefined).
 */
export function indexedDbCache<T>(store: string, schema: z.ZodType, what: string): KeyedCache<T> {
  return {
    read: (key) => withAppDatabase(async (database) => validCached(schema, what, await database.get(store, key)) as T | undefined, undefined),
    write: (key, value) => withAppDatabase(async (database) => void (await database.put(store, value, key)), undefined),
  };
}

/** The same cache in memory: for tests, benchmarks, and where IndexedDB is unavailable. */
export function memoryCache<T>(schema: z.ZodType, what: string): KeyedCache<T> {
  const kept = new Map<string, T>();
  return {
    read: (key) => Promise.resolve(validCached(schema, what, kept.get(key)) as T | undefined),
    write: (key, value) => Promise.resolve(void kept.set(key, structuredClone(value))),
  };
}
