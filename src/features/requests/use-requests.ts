import { useCallback, useState } from 'react';
import { answerRequest, atCapacity, requestsWaitingFor } from '@/application/programme/requests';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';

/**
 * The requests feature's one hook: the executives waiting for the reverse mentor's answer, whom
 * they mentor, whether they are full, and answering (application/programme/requests.ts).
 */
export function useRequests() {
  const { graph } = useServices();
  const { me, profiles, people, keepMyProfile, reloadProfiles, now } = useProgramme();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const respond = useCallback(
    async (executiveId: string, accept: boolean) => {
      setBusy(true);
      setError(undefined);
      try {
        keepMyProfile(await answerRequest(await graph(), me, executiveId, accept, now()));
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
      } finally {
        setBusy(false);
      }
    },
    [graph, me, keepMyProfile, now],
  );

  return {
    me,
    ready: profiles.status === 'ready',
    people,
    waiting: requestsWaitingFor(me, profiles.list),
    accepted: me?.accepted ?? [],
    full: atCapacity(me),
    busy,
    error,
    respond,
    reload: reloadProfiles,
    timeZoneOf: (id: string) => profiles.list.find((p) => p.personId === id)?.timeZone,
    /** An executive's profile: what they want to learn and their own words about it. */
    profileOf: (id: string) => profiles.list.find((p) => p.personId === id),
  };
}
