import { useCallback, useState } from 'react';
import { answerRequest, atCapacity, myMentees, requestsWaitingFor } from '@/application/programme/requests';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';

/**
 * The requests feature's one hook: the executives waiting for the reverse mentor's answer, whom
 * they mentor now, whether they are full, and answering (application/programme/requests.ts).
 */
export function useRequests() {
  const { graph } = useServices();
  const { me, profiles, people, keepMyProfile, now, reportFailure, notifier, participation } = useProgramme();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const respond = useCallback(
    async (executiveId: string, accept: boolean) => {
      setBusy(true);
      setError(undefined);
      try {
        keepMyProfile(await answerRequest(await graph(), me, executiveId, accept, { profiles: profiles.list, now: now(), notifier, ...(participation ? { participation } : {}) }));
      } catch (caught) {
        setError(await reportFailure(caught, 'Could not send your answer'));
      } finally {
        setBusy(false);
      }
    },
    [graph, me, profiles.list, keepMyProfile, now, reportFailure, notifier, participation],
  );

  return {
    me,
    ready: profiles.status === 'ready',
    people,
    waiting: requestsWaitingFor(me, profiles.list, now()),
    /** The executives they mentor now (a pairing that ended no longer counts). */
    mentees: myMentees(me, profiles.list, now()),
    full: atCapacity(me, profiles.list, now()),
    busy,
    error,
    respond,
    timeZoneOf: (id: string) => profiles.list.find((p) => p.personId === id)?.timeZone,
    /** An executive's profile: what they want to learn and their own words about it. */
    profileOf: (id: string) => profiles.list.find((p) => p.personId === id),
  };
}
