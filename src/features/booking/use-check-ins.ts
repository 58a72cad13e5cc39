import { useCallback, useEffect, useState } from 'react';
import { myRecords, recordCheckIn, recordEvaluation, type CheckInInput, type EvaluationInput, type SessionRecords } from '@/application/programme/check-ins';
import { openStore } from '@/application/programme/programme-store-setup';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';

/**
 * The signed-in person's check-ins and evaluations (application/programme/check-ins.ts), and
 * recording one; only where the programme has a store. The records are read once for the whole
 * booking card, whichever of its pairings asks.
 */
export function useCheckIns() {
  const { graph, user, programmeGroupId } = useServices();
  const { now, reportFailure } = useProgramme();
  const [mine, setMine] = useState<SessionRecords | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    if (!programmeGroupId) return;
    let current = true;
    void (async () => {
      try {
        const read = await myRecords(await openStore(await graph(), programmeGroupId), user.id);
        if (current) setMine(read);
      } catch (caught) {
        if (current) setProblem(await reportFailure(caught, 'Could not read your check-ins'));
      }
    })();
    return () => {
      current = false;
    };
  }, [graph, user.id, programmeGroupId, reportFailure]);

  /** Records a check-in or an evaluation; resolves to an error message, or undefined once it is stored. */
  const record = useCallback(
    async (input: { checkIn: CheckInInput } | { evaluation: EvaluationInput }): Promise<string | undefined> => {
      if (!programmeGroupId) return 'The programme has no place to keep check-ins yet.';
      try {
        const store = await openStore(await graph(), programmeGroupId);
        const at = new Date(now());
        if ('checkIn' in input) {
          const stored = await recordCheckIn(store, user.id, input.checkIn, at);
          setMine((records) => records && { ...records, checkIns: [...records.checkIns, stored] });
        } else {
          const stored = await recordEvaluation(store, user.id, input.evaluation, at);
          setMine((records) => records && { ...records, evaluations: [...records.evaluations, stored] });
        }
        return undefined;
      } catch (caught) {
        return reportFailure(caught, 'checkIn' in input ? 'Could not save your check-in' : 'Could not save your evaluation');
      }
    },
    [graph, user.id, programmeGroupId, now, reportFailure],
  );

  return { available: Boolean(programmeGroupId), mine, problem, record };
}
