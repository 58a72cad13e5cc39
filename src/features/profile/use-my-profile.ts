import { useCallback, useMemo, useState } from 'react';
import { optOut as removeMyProfile, saveMyChoices, saveMyProfile, type Participation, type ProfileChoices } from '@/application/programme/my-profile';
import { openStore } from '@/application/programme/programme-store-setup';
import type { StoredProfile } from '@/services/profile/profile-store';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';

/**
 * The profile feature's one hook: the signed-in person's profile, opting in or saving their choices
 * in their time zone, pausing and resuming, and opting out (application/programme/my-profile.ts); each also puts or removes
 * their entry in the programme store's participants, and a failure to do so (the profile is kept) is
 * `participationProblem`, in words.
 */
export function useMyProfile() {
  const { graph, host, user, programmeGroupId } = useServices();
  const { me, profiles, people, keepMyProfile, now, reportFailure, participationProblem: fromElsewhere } = useProgramme();
  const [participationProblem, setParticipationProblem] = useState<string | undefined>();
  const participation = useMemo<Participation | undefined>(
    () => (programmeGroupId ? { store: async () => openStore(await graph(), programmeGroupId), onProblem: setParticipationProblem } : undefined),
    [graph, programmeGroupId],
  );

  const save = useCallback(
    async (choices: ProfileChoices) => {
      setParticipationProblem(undefined);
      keepMyProfile(await saveMyChoices(await graph(), user.id, me, choices, { timeZone: host.context.timeZone, now: now() }, participation));
    },
    [graph, user.id, me, host.context.timeZone, keepMyProfile, now, participation],
  );

  /** Opts out; returns the profile as it was, for Undo. */
  const optOut = useCallback(async () => {
    const previous = me;
    setParticipationProblem(undefined);
    await removeMyProfile(await graph(), participation && { ...participation, personId: user.id });
    keepMyProfile(undefined);
    return previous;
  }, [graph, me, keepMyProfile, participation, user.id]);

  /** Undoes opting out: the whole profile as it was (requests, pairs and bookings too) is stored again. */
  const undoOptOut = useCallback(
    async (previous: StoredProfile) => {
      const { personId, ...profile } = previous;
      setParticipationProblem(undefined);
      keepMyProfile(await saveMyProfile(await graph(), personId, profile, participation));
    },
    [graph, keepMyProfile, participation],
  );

  /** Pauses until a day (YYYY-MM-DD, the day they are back), or resumes now (undefined). */
  const pause = useCallback(
    async (until: string | undefined) => {
      setParticipationProblem(undefined);
      // Its code loads with the first pause, not before the first suggestion.
      const { pauseMe } = await import('@/application/programme/pause');
      keepMyProfile(await pauseMe(await graph(), me, until, { now: now(), timeZone: host.context.timeZone, participation }));
    },
    [graph, me, keepMyProfile, now, participation, host.context.timeZone],
  );

  return { me, profiles, people, now, save, optOut, undoOptOut, pause, reportFailure, participationProblem: participationProblem ?? fromElsewhere };
}
