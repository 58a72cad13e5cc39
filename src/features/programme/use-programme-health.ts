import { useCallback, useEffect, useMemo, useState } from 'react';
import { notifyNudge } from '@/application/notifications/notifier';
import { reportOf, type HealthReport } from '@/application/programme/programme-health';
import { everyRecord } from '@/application/programme/check-ins';
import { roundOn, type Round } from '@/domain/programme/rounds';
import { evaluationStatements } from '@/application/programme/evaluation-statements';
import { openStore } from '@/application/programme/programme-store-setup';
import { useProgrammeSettings } from '@/context/use-programme-settings';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';

/**
 * The owners' health report (application/programme/programme-health.ts): the records are read when
 * the view opens and again on `reload`, and reported with everyone's profiles as the owner opened
 * them, for the round chosen (at first the one running, or the last begun; or all of them).
 * `nudge` reminds an at-risk pair in Teams.
 */
export function useProgrammeHealth() {
  const { graph, programmeGroupId } = useServices();
  const { people, profiles, now, notifier, reportFailure } = useProgramme();
  const { rules } = useProgrammeSettings();
  const statements = useMemo(() => evaluationStatements(rules), [rules]);
  const [records, setRecords] = useState<Awaited<ReturnType<typeof everyRecord>> | undefined>();
  // The round chosen by its name ('' for all); undefined until the owner chooses.
  const [chosen, setChosen] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [reads, setReads] = useState(0);
  const [unavailable, setUnavailable] = useState(false);
  const ready = profiles.status === 'ready';
  const list = profiles.list;

  useEffect(() => {
    if (!programmeGroupId || !ready) return;
    const controller = new AbortController();
    void (async () => {
      // Without the store (not set up, or not reachable) there is no health to show: the programme card says why.
      const store = await graph()
        .then((client) => openStore(client, programmeGroupId))
        .catch(() => undefined);
      if (controller.signal.aborted) return;
      if (!store) return setUnavailable(true);
      try {
        const read = await everyRecord(store, controller.signal);
        if (controller.signal.aborted) return;
        setRecords(read);
        setProblem(undefined);
        setUnavailable(false);
      } catch (caught) {
        if (!controller.signal.aborted) setProblem(await reportFailure(caught, 'Could not read the programme’s health'));
      }
    })();
    return () => controller.abort();
  }, [programmeGroupId, ready, graph, reportFailure, reads]);

  const { rounds } = rules;
  const today = new Date(now()).toISOString().slice(0, 10);
  const round: Round | undefined = chosen === undefined ? (roundOn(rounds, today) ?? rounds.filter((r) => r.start <= today).at(-1)) : rounds.find((r) => r.name === chosen);
  const report = useMemo<HealthReport | undefined>(
    () => (records && ready ? reportOf({ profiles: list, people, now: now(), statements, round }, records, records.unread) : undefined),
    [records, ready, list, people, now, statements, round],
  );

  const reload = useCallback(() => setReads((n) => n + 1), []);
  /** Reminds both people of a pair in Teams; resolves to whether both were told. */
  const nudge = useCallback(async (pair: { executiveId: string; mentorId: string }) => (await notifyNudge(notifier, pair)).every((o) => o === 'sent' || o === 'queued'), [notifier]);

  return { available: Boolean(programmeGroupId) && !unavailable, report, problem, reload, nudge, rounds, round, chooseRound: setChosen };
}
