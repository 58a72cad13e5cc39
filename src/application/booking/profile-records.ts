/**
 * The records port over the programme's "update my profile" use case, for code that runs without
 * the programme's React state (tests, benches, scripts): it keeps the person's profile in memory, as
 * the personal tab does, and saves each change the way the tab's programme context does.
 */
import type { StoredProfile } from '@/services/profile/profile-store';
import type { GraphClient } from '@/services/graph/graph-client';
import { updateMyProfile, type Participation } from '@/application/programme/my-profile';
import type { MyRecordsPort, PairRecords } from './booking-ports';

/**
 * The records of `me` (the person's saved profile), saved through `client` at the clock's time (in
 * their programme store entry, given `participation`); the profile in memory changes only once a save
 * has succeeded, so a failed save leaves what is stored.
 */
export function profileRecords(client: GraphClient, now: () => Date, me: StoredProfile, participation?: Participation): MyRecordsPort & { readonly profile: () => StoredProfile } {
  let saved = me;
  return {
    profile: () => saved,
    current: () => saved,
    save: async (change: PairRecords) => {
      saved = await updateMyProfile(client, saved, change, now().getTime(), participation);
    },
  };
}
