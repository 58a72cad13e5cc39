import { z } from 'zod';
import type { ProfileAnswer } from '../profile/profile-store';
import { PROGRAMME_PROFILES, validCached, withAppDatabase } from './app-database';

/**
 * The programme's profiles as last read, kept on the device per tenant and signed-in person so the
 * next open shows suggestions at once and re-reads only what changed. Each entry is a person's
 * profile extension as Graph gave it (what they published about themselves, readable by everyone
 * in the tenant; undefined when they had none), with the participant list's `profileUpdated` stamp
 * it was read at; it is checked again with the profile schema when used (profile-store.ts).
 */
export interface CachedProfiles {
  readonly entries: readonly CachedProfile[];
  readonly savedAt?: string;
}

/** One person's cached profile extension and the stamp it was read at (none when read without a participant list). */
export interface CachedProfile extends ProfileAnswer {
  readonly stamp?: string;
}

/** Where the profiles are kept between opens. */
export interface ProfileCache {
  read(key: string): Promise<CachedProfiles | undefined>;
  write(key: string, profiles: CachedProfiles): Promise<void>;
}

const cachedSchema = z.object({
  entries: z.array(z.object({ personId: z.string().min(1), stamp: z.string().optional(), extension: z.unknown() })),
  savedAt: z.string().optional(),
});

const valid = (value: unknown) => validCached(cachedSchema, 'set of profiles', value) as CachedProfiles | undefined;

/** The cache in IndexedDB (the app's database, app-database.ts). */
export function createIndexedDbProfileCache(): ProfileCache {
  return {
    read: (key) => withAppDatabase(async (database) => valid(await database.get(PROGRAMME_PROFILES, key)), undefined),
    write: (key, profiles) => withAppDatabase(async (database) => void (await database.put(PROGRAMME_PROFILES, profiles, key)), undefined),
  };
}

/** The cache in memory: for tests, benchmarks, and where IndexedDB is unavailable. */
export function createMemoryProfileCache(): ProfileCache {
  const kept = new Map<string, CachedProfiles>();
  return {
    read: (key) => Promise.resolve(valid(kept.get(key))),
    write: (key, profiles) => Promise.resolve(void kept.set(key, profiles)),
  };
}
