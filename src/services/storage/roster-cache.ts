import { z } from 'zod';
import type { KeptRoster } from '../programme/programme-store';
import { indexedDbCache, memoryCache, PROGRAMME_ROSTERS, type KeyedCache } from './app-database';

/**
 * Who takes part in the programme as this device last read it (the store's participant list, with
 * its deltaLink), kept per tenant and signed-in person so the next open reads only what changed
 * (programme-store.ts, `syncParticipants`). Its entries are what the participants published, which
 * every participant may read; each is checked again with the store's schema when used.
 */
export type RosterCache = KeyedCache<KeptRoster>;

const keptSchema = z.object({
  list: z.string().min(1),
  deltaLink: z.string().min(1),
  entries: z.array(z.object({ itemId: z.string().min(1), participant: z.unknown() })),
});

/** The roster in IndexedDB (the app's database, app-database.ts). */
export const createIndexedDbRosterCache = (): RosterCache => indexedDbCache(PROGRAMME_ROSTERS, keptSchema, 'participant roster');

/** The roster in memory: for tests, benchmarks, and where IndexedDB is unavailable. */
export const createMemoryRosterCache = (): RosterCache => memoryCache(keptSchema, 'participant roster');
