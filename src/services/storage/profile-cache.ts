import { z } from 'zod';
import type { ProfileAnswer } from '../profile/profile-store';
import { indexedDbCache, memoryCache, PROGRAMME_PROFILES, type KeyedCache } from './app-database';

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
export type ProfileCache = KeyedCache<CachedProfiles>;

const cachedSchema = z.object({
  entries: z.array(z.object({ personId: z.string().min(1), stamp: z.string().optional(), extension: z.unknown() })),
  savedAt: z.string().optional(),
});

/** The cache in IndexedDB (the app's database, app-database.ts). */
export const createIndexedDbProfileCache = (): ProfileCache => indexedDbCache(PROGRAMME_PROFILES, cachedSchema, 'set of profiles');

/** The cache in memory: for tests, benchmarks, and where IndexedDB is unavailable. */
export const createMemoryProfileCache = (): ProfileCache => memoryCache(cachedSchema, 'set of profiles');
