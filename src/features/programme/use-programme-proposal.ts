import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  decide as saveDecision,
  describeDecisionsFailure,
  noDecisionsYet,
  openOwnerDecisions,
  programmeFigures,
  proposalInputOf,
  type OwnerDecisions,
  type StoredOwnerDecisions,
} from '@/application/programme/proposal';
import { ensureProgrammeStore } from '@/application/programme/programme-store-setup';
import { describeProposalFailure, isAbortError } from '@/application/programme/proposal-runner';
import type { ProgrammeAssignment } from '@/domain/matching/engine';
import { decisionsAfterSending, withSentPairs, type SentPair } from '@/application/programme/sent-proposals';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';
import { useProgrammeSettings } from '@/context/use-programme-settings';

const NOTHING_SENT: readonly SentPair[] = [];
const NO_STORE = 'Pins and exclusions are kept in the programme owners’ group’s site, and no owners’ group is configured (PROGRAMME_OWNER_GROUP_ID), so they last only this session.';

/**
 * The programme feature's one hook, for a programme owner: the owners' pins and exclusions (read from
 * and saved to the programme store's decisions list, application/programme/proposal.ts), the matcher,
 * the proposal (run again on every decision) and its figures. A decision shows at once and is saved in
 * the background, in order; a failed read or save is said in words an owner can act on
 * (describeDecisionsFailure), and the decision stays for this session. The pairs already `sent` shape
 * each run (application/programme/sent-proposals.ts): declined pairs are excluded, executives waiting
 * or accepted are left out and their mentors' places count as taken.
 *
 * The proposal runs off the main thread, through the services' proposal runner (a Web Worker in the
 * app): the last proposal stays on show while the next runs, a new run or leaving the view cancels
 * the one under way, and a failed run is said in words (describeProposalFailure).
 */
export function useProgrammeProposal(owner: boolean | undefined, sent: readonly SentPair[] = NOTHING_SENT) {
  const { graph, user, programmeGroupId, proposalRunner } = useServices();
  const { levelGap } = useProgrammeSettings().rules;
  const { model, matcher: shared, people, profiles, now } = useProgramme();
  const [decisions, setDecisions] = useState<OwnerDecisions | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [runs, setRuns] = useState(0);
  const [outcome, setOutcome] = useState<{ readonly proposal: ProgrammeAssignment | undefined; readonly running: boolean; readonly failure?: string }>({
    proposal: undefined,
    running: false,
  });
  /** The store's lists are not there yet: the owner may set them up (the first run). */
  const [needsSetUp, setNeedsSetUp] = useState(false);
  const [reads, setReads] = useState(0);
  const place = useMemo(() => (programmeGroupId ? { ownerGroupId: programmeGroupId, me: user.id } : undefined), [programmeGroupId, user.id]);
  const stored = useRef<StoredOwnerDecisions | undefined>(place && noDecisionsYet(place));
  const saving = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    if (!owner) return;
    if (!place) {
      setProblem(NO_STORE);
      setDecisions({ pins: [], exclusions: [] });
      return;
    }
    stored.current = noDecisionsYet(place);
    let current = true;
    void graph()
      .then((client) => openOwnerDecisions(client, place))
      .then(
        (read) => {
          if (!current) return;
          stored.current = read;
          setDecisions(read.decisions);
        },
        (error: unknown) => {
          if (!current) return;
          setNeedsSetUp((error as { code?: unknown }).code === 'ProgrammeStoreMissing');
          setProblem(describeDecisionsFailure(error, 'read'));
          setDecisions({ pins: [], exclusions: [] });
        },
      );
    return () => {
      current = false;
    };
  }, [owner, graph, place, reads]);

  /** The owner's first run: creates the store's lists, then reads the (empty) decisions again. */
  const setUp = useCallback(async () => {
    if (!programmeGroupId) return;
    try {
      await ensureProgrammeStore(await graph(), programmeGroupId);
      setNeedsSetUp(false);
      setProblem(undefined);
      setReads((n) => n + 1);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [graph, programmeGroupId]);

  const runProfiles = useMemo(() => withSentPairs(profiles.list, sent), [profiles.list, sent]);
  const runDecisions = useMemo(() => decisions && decisionsAfterSending(decisions, sent), [decisions, sent]);
  // The view reads the cohort and checks swaps (with the exclusions given), which the shared matcher does as well as
  // one with the owner's exclusions in its rules: the run's worker builds that one, off the main thread.
  const matcher = runDecisions ? shared : undefined;

  useEffect(() => {
    if (runs === 0 || !matcher || !model || !runDecisions) return;
    const controller = new AbortController();
    setOutcome((current) => ({ proposal: current.proposal, running: true }));
    proposalRunner(proposalInputOf({ model, profiles: runProfiles, levelGap, decisions: runDecisions, now: now() }), controller.signal).then(
      (proposal) => {
        if (!controller.signal.aborted) setOutcome({ proposal, running: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error)) setOutcome((current) => ({ proposal: current.proposal, running: false, failure: describeProposalFailure(error) }));
      },
    );
    return () => controller.abort();
  }, [runs, matcher, model, runProfiles, runDecisions, levelGap, now, proposalRunner]);
  const { proposal, running, failure } = outcome;
  const figures = useMemo(() => (proposal && matcher ? programmeFigures(proposal, matcher, people, runProfiles, now()) : undefined), [proposal, matcher, people, runProfiles, now]);

  /** Applies a decision now, and saves it after those before it. */
  const decide = useCallback(
    (change: (current: OwnerDecisions) => OwnerDecisions) => {
      setDecisions((current) => change(current ?? { pins: [], exclusions: [] }));
      saving.current = saving.current.then(async () => {
        if (!stored.current) return;
        try {
          stored.current = await saveDecision(await graph(), stored.current, change);
          setProblem(undefined);
        } catch (error) {
          setProblem(describeDecisionsFailure(error, 'save'));
        }
      });
    },
    [graph],
  );

  return {
    matcher,
    people,
    profiles,
    decisions: decisions ?? { pins: [], exclusions: [] },
    problem,
    proposal,
    /** Whether a run is under way (the proposal on show, if any, is the one before). */
    running,
    /** Why the last run gave no proposal, in words; undefined when it did. */
    failure,
    figures,
    run: useCallback(() => setRuns((n) => n + 1), []),
    setUp: needsSetUp ? setUp : undefined,
    decide,
  };
}
