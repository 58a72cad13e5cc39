import { useCallback } from 'react';
import { optOut as removeMyProfile, saveMyChoices, saveMyProfile, type ProfileChoices } from '@/application/programme/my-profile';
import type { StoredProfile } from '@/services/profile/profile-store';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';

/**
 * The profile feature's one hook: the signed-in person's profile, opting in or saving their choices
 * in their time zone, and opting out (application/programme/my-profile.ts).
 */
export function useMyProfile() {
  const { graph, host, user } = useServices();
  const { me, profiles, people, keepMyProfile, now, reportFailure } = useProgramme();

  const save = useCallback(
    async (choices: ProfileChoices) => {
      keepMyProfile(await saveMyChoices(await graph(), user.id, me, choices, { timeZone: host.context.timeZone, now: now() }));
    },
    [graph, user.id, me, host.context.timeZone, keepMyProfile, now],
  );

  /** Opts out; returns the profile as it was, for Undo. */
  const optOut = useCallback(async () => {
    const previous = me;
    await removeMyProfile(await graph());
    keepMyProfile(undefined);
    return previous;
  }, [graph, me, keepMyProfile]);

  /** Undoes opting out: the whole profile as it was (requests, pairs and bookings too) is stored again. */
  const undoOptOut = useCallback(
    async (previous: StoredProfile) => {
      const { personId, ...profile } = previous;
      keepMyProfile(await saveMyProfile(await graph(), personId, profile));
    },
    [graph, keepMyProfile],
  );

  return { me, profiles, people, save, optOut, undoOptOut, reportFailure };
}
