import { useCallback, useEffect, useState } from 'react';
import { openStore } from '@/application/programme/programme-store-setup';
import type { Proposal, SentPair } from '@/application/programme/sent-proposals';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';

/**
 * The proposals feature's one hook: the pairs the programme's owners proposed to the signed-in person
 * (application/programme/sent-proposals.ts), latest first, and answering them. A reverse mentor's own
 * record of a pair both accepted is completed on reading (settleMyProposals). Nothing shows where
 * there is no programme store, or it is not set up yet: there can be no proposals then.
 */
/** The proposals' code loads once the profiles are in, not before the first suggestion. */
const loadSentProposals = () => import('@/application/programme/sent-proposals');

export function useProposals() {
  const { graph, user, programmeGroupId } = useServices();
  const { me, profiles, people, matcher, keepMyProfile, now, reportFailure, participation } = useProgramme();
  const [pairs, setPairs] = useState<readonly SentPair[] | undefined>();
  const [sent, setSent] = useState<Awaited<ReturnType<typeof loadSentProposals>> | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const ready = profiles.status === 'ready';

  useEffect(() => {
    if (!programmeGroupId || !ready) return;
    let current = true;
    void (async () => {
      try {
        const [client, module] = await Promise.all([graph(), loadSentProposals()]);
        const store = await openStore(client, programmeGroupId);
        const mine = module.pairsFor(user.id, (await module.readSentPairs(store)).pairs);
        if (!current) return;
        setSent(() => module);
        setPairs(mine);
        const settled = await module.settleMyProposals(client, me, mine, { profiles: profiles.list, now: now(), ...(participation ? { participation } : {}) });
        if (current && settled) keepMyProfile(settled);
      } catch (caught) {
        if (!current) return;
        if ((caught as { reason?: unknown }).reason === 'notSetUp') return setPairs([]);
        setError(await reportFailure(caught, 'Could not read what the programme proposes to you'));
      }
    })();
    return () => {
      current = false;
    };
    // Read once the profiles are in (and again when they are read again), not on each change of one's own profile.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [programmeGroupId, ready, profiles.list.length, graph, user.id]);

  const answer = useCallback(
    async (proposalId: string, answer: 'accepted' | 'declined') => {
      if (!programmeGroupId) return;
      setBusy(true);
      setError(undefined);
      try {
        const client = await graph();
        const store = await openStore(client, programmeGroupId);
        const { answerMyProposal } = await loadSentProposals();
        const { pair, profile } = await answerMyProposal(client, store, me, proposalId, answer, {
          profiles: profiles.list,
          now: now(),
          meId: user.id,
          ...(participation ? { participation } : {}),
        });
        setPairs((list) => list?.map((p) => (p.proposal.id === proposalId ? pair : p)));
        if (profile) keepMyProfile(profile);
      } catch (caught) {
        setError(caught instanceof Error && caught.name === 'ProposalAnswerError' ? caught.message : await reportFailure(caught, 'Could not send your answer'));
      } finally {
        setBusy(false);
      }
    },
    [programmeGroupId, graph, me, profiles.list, now, user.id, keepMyProfile, reportFailure, participation],
  );

  return {
    pairs,
    people,
    busy,
    error,
    answer,
    /** The reasons a proposal gives, from the reader's matcher (sent-proposals.ts, `reasonsOfProposal`). */
    reasonsOf: (proposal: Proposal) => sent?.reasonsOfProposal(matcher, proposal) ?? [],
    profileOf: (id: string) => profiles.list.find((p) => p.personId === id),
  };
}
