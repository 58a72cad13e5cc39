/**
 * The records port over the profile store directly, for code that runs without the programme's
 * React state (tests, benches, scripts): it keeps the person's profile in memory, as the personal
 * tab does, and saves the whole of it with each change (an open extension is replaced as a whole).
 */
import { saveMyProfile, type StoredProfile } from '@/services/profile/profile-store';
import type { GraphClient } from '@/services/graph/graph-client';
import type { MyRecordsPort, PairRecords } from './booking-ports';

/** A signed-in person's profile as they save it (without their id). */
export type MyProfile = Omit<StoredProfile, 'personId'>;

/**
 * The records of `profile` (the person's saved profile), saved through `client`; the profile in
 * memory changes only once a save has succeeded, so a failed save leaves what is stored.
 */
export function profileRecords(client: GraphClient, now: () => Date, profile: MyProfile): MyRecordsPort & { readonly profile: () => MyProfile } {
  let saved = profile;
  return {
    profile: () => saved,
    current: () => saved,
    save: async (change: PairRecords) => {
      const next: MyProfile = {
        ...saved,
        ...(change.bookings ? { bookings: change.bookings } : {}),
        ...(change.proposals ? { proposals: change.proposals } : {}),
        updated: now().toISOString(),
      };
      await saveMyProfile(client, next);
      saved = next;
    },
  };
}
