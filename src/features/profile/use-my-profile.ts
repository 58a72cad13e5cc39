import { useCallback } from 'react';
import { optOut as removeMyProfile, saveMyChoices, type ProfileChoices } from '@/application/programme/my-profile';
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

  const optOut = useCallback(async () => {
    await removeMyProfile(await graph());
    keepMyProfile(undefined);
  }, [graph, keepMyProfile]);

  return { me, profiles, people, save, optOut, reportFailure };
}
