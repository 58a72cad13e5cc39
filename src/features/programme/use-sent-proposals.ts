import { useCallback, useEffect, useState } from 'react';
import { openStore } from '@/application/programme/programme-store-setup';
import { readSentPairs, sendProposal, type Proposal, type SentPair } from '@/application/programme/sent-proposals';
import type { ProgrammeAssignment } from '@/domain/matching/engine';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';
import { BROWSER_REFRESH, useRefreshWhileVisible, type RefreshSchedule } from '@/context/use-refresh-while-visible';

const NO_PAIRS: readonly SentPair[] = [];

/**
 * The owner's sent proposals (application/programme/sent-proposals.ts): every pair sent, with both
 * answers, read from the programme store; sending the proposal on show. `afterSend` hears what was
 * sent (where the composition would tell the two people in Teams). The sent pairs also shape the next
 * run (useProgrammeProposal): declined pairs are never proposed again, those waiting or accepted are left out.
 */
export function useSentProposals(owner: boolean | undefined, afterSend?: (sent: readonly Proposal[]) => Promise<void>, schedule: RefreshSchedule = BROWSER_REFRESH) {
  const { graph, user, programmeGroupId } = useServices();
  const { now, reportFailure } = useProgramme();
  const [pairs, setPairs] = useState<readonly SentPair[]>(NO_PAIRS);
  const [read, setRead] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [reads, setReads] = useState(0);

  useEffect(() => {
    if (!owner || !programmeGroupId) return;
    let current = true;
    void (async () => {
      try {
        const sent = await readSentPairs(await openStore(await graph(), programmeGroupId));
        if (!current) return;
        setPairs(sent.pairs);
        setRead(true);
        setProblem(undefined);
      } catch (caught) {
        // Not set up yet: nothing was sent (the programme view offers the set-up).
        if (current && (caught as { reason?: unknown }).reason !== 'notSetUp') setProblem(await reportFailure(caught, 'Could not read the answers to the pairs sent'));
      }
    })();
    return () => {
      current = false;
    };
  }, [owner, programmeGroupId, graph, reads, reportFailure]);

  /** Sends the proposal's pairs not sent before; resolves to how many were sent, and how many wait for keys. */
  const send = useCallback(
    async (proposal: ProgrammeAssignment): Promise<{ sent: number; waitingForKeys: number } | undefined> => {
      if (!programmeGroupId) return undefined;
      setBusy(true);
      setProblem(undefined);
      try {
        const store = await openStore(await graph(), programmeGroupId);
        // Read again first: another owner (or tab) may have sent some of these since.
        const before = await readSentPairs(store);
        const result = await sendProposal(store, user.id, proposal, before.pairs, { now: now(), ...(afterSend ? { afterSend } : {}) });
        setPairs((await readSentPairs(store)).pairs);
        // Telling them is a courtesy: the proposals are stored, and each person sees theirs on opening the app.
        if (result.afterSendFailed !== undefined) setProblem('The pairs were sent, but the people could not be told in Teams; each sees their proposal the next time they open the app.');
        return { sent: result.sent.length, waitingForKeys: result.waitingForKeys };
      } catch (caught) {
        setProblem(await reportFailure(caught, 'Could not send the pairs'));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [programmeGroupId, graph, user.id, now, afterSend, reportFailure],
  );

  // The answers arrive on their own while the view is open, as requests do on the home.
  const refresh = useCallback(() => setReads((n) => n + 1), []);
  useRefreshWhileVisible(refresh, Boolean(owner && programmeGroupId && read), schedule);

  return {
    /** Every pair sent so far, with both answers. */
    pairs,
    /** Whether the sent pairs have been read (sending waits for it, so nobody is asked twice). */
    read: read || !programmeGroupId,
    /** Whether there is a store to send to. */
    canSend: programmeGroupId !== undefined,
    busy,
    problem,
    send,
    /** Reads the answers again. */
    refresh,
  };
}
