import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { programmeMatcher } from '@/application/programme/open-programme';
import {
  decide as saveDecision,
  describeDecisionsFailure,
  noDecisionsYet,
  openOwnerDecisions,
  programmeFigures,
  proposeProgramme,
  type OwnerDecisions,
  type StoredOwnerDecisions,
} from '@/application/programme/proposal';
import { ensureProgrammeStore } from '@/application/programme/programme-store-setup';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';
import { useProgrammeSettings } from '@/context/use-programme-settings';

const NO_STORE = 'Pins and exclusions are kept in the programme owners’ group’s site, and no owners’ group is configured (PROGRAMME_OWNER_GROUP_ID), so they last only this session.';

/**
 * The programme feature's one hook, for a programme owner: the owners' pins and exclusions (read from
 * and saved to the programme store's decisions list, application/programme/proposal.ts), the matcher with their
 * exclusions in its rules, the proposal (run again on every decision) and its figures. A decision
 * shows at once and is saved in the background, in order; a failed read or save is said in words an
 * owner can act on (describeDecisionsFailure), and the decision stays for this session.
 */
export function useProgrammeProposal(owner: boolean | undefined) {
  const { graph, user, programmeGroupId } = useServices();
  const { levelGap } = useProgrammeSettings().rules;
  const { model, matcher: shared, people, profiles, now } = useProgramme();
  const [decisions, setDecisions] = useState<OwnerDecisions | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [runs, setRuns] = useState(0);
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

  // The shared matcher has no exclusions (only an owner's client has them): build the owner's own when there are some.
  const matcher = useMemo(() => {
    if (!decisions || !shared) return undefined;
    if (decisions.exclusions.length === 0 || !model) return shared;
    return programmeMatcher({ model, profiles: profiles.list, levelGap, exclusions: decisions.exclusions, now: now() });
  }, [decisions, shared, model, profiles.list, levelGap, now]);

  const proposal = useMemo(() => (runs > 0 && matcher && decisions ? proposeProgramme(matcher, profiles.list, decisions, now()) : undefined), [runs, matcher, profiles.list, decisions, now]);
  const figures = useMemo(() => (proposal && matcher ? programmeFigures(proposal, matcher, people, profiles.list, now()) : undefined), [proposal, matcher, people, profiles.list, now]);

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
    figures,
    run: useCallback(() => setRuns((n) => n + 1), []),
    setUp: needsSetUp ? setUp : undefined,
    decide,
  };
}
