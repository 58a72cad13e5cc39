import { useCallback, useState } from 'react';
import { askToPair, myRequest, withdrawRequest } from '@/application/programme/requests';
import { suggestFor } from '@/application/programme/suggest';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';
import { useProgrammeSettings } from '@/context/use-programme-settings';
import { matchingOn } from '@/domain/programme/rounds';
import { seriesEnded } from '@/domain/booking/pair-schedule';

/**
 * The suggestions feature's one hook: the executive's request as it stands (ended once the pairing
 * it led to is over), a page of suggested reverse mentors (application/programme/suggest.ts), and
 * asking or withdrawing (application/programme/requests.ts), with the busy state and the error to show.
 */
export function useSuggestions() {
  const { graph, user } = useServices();
  const { me, matcher, people, profiles, keepMyProfile, now, reportFailure, notifier, participation } = useProgramme();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const request = myRequest(me, profiles.list, now());
  const { rounds } = useProgrammeSettings().rules;

  const ask = useCallback(
    async (mentorId: string | undefined) => {
      setBusy(true);
      setError(undefined);
      try {
        const client = await graph();
        if (!mentorId) keepMyProfile(await withdrawRequest(client, me, now(), participation));
        else if (!matcher) throw new Error('Still finding reverse mentors for you; try again in a moment.');
        else keepMyProfile(await askToPair(client, me, mentorId, { matcher, now: now(), notifier, rounds, ...(participation ? { participation } : {}) }));
      } catch (caught) {
        setError(await reportFailure(caught, mentorId ? 'Could not send your request' : 'Could not withdraw your request'));
      } finally {
        setBusy(false);
      }
    },
    [graph, me, matcher, keepMyProfile, now, reportFailure, notifier, participation, rounds],
  );

  return {
    me,
    matcher,
    people,
    request,
    /** The reverse mentor left while the series still runs: it is ended (on its own card) before asking anyone else. */
    mustEnd: request.kind === 'declined' && (me?.bookings ?? []).some((b) => b.with === request.mentorId && !seriesEnded(b, now())),
    /** Whether pairs are made now (the programme's rounds). */
    matching: matchingOn(rounds, new Date(now()).toISOString().slice(0, 10)),
    /** The accepted pairing's sessions are booked (its own card shows them). */
    booked: request.kind === 'accepted' && (me?.bookings ?? []).some((b) => b.with === request.mentorId),
    busy,
    error,
    ask,
    profileOf: (id: string) => profiles.list.find((p) => p.personId === id),
    /** While more profiles are being read behind the suggestions shown: how many so far, of how many. */
    refining: profiles.status === 'loading' && matcher ? profiles.progress : undefined,
    /** A page of suggestions for the signed-in executive; undefined until the matcher is ready. */
    page: (size: number, offset: number) => (matcher ? suggestFor(matcher, user.id, { size, offset, request }) : undefined),
  };
}
