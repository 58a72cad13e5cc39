import { useCallback, useEffect, useState } from 'react';
import { myRecords, recordCheckIn, recordEnding, recordEvaluation, type CheckInInput, type EvaluationInput, type SessionRecords } from '@/application/programme/check-ins';
import { openStore } from '@/application/programme/programme-store-setup';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';

/** What the booking card's pairings read and record through: {@link useCheckIns}. */
export type SessionRecordsPort = ReturnType<typeof useCheckIns>;

/**
 * The signed-in person's records about their pairings (application/programme/check-ins.ts: check-ins,
 * evaluations, pairings ended early), and recording one; only where the programme has a store. The
 * booking card reads them once for all its pairings.
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

  /** Records a check-in, an evaluation or an early ending; resolves to an error message, or undefined once it is stored. */
  const record = useCallback(
    async (input: { checkIn: CheckInInput } | { evaluation: EvaluationInput } | { ending: { readonly with: string; readonly reason: string } }): Promise<string | undefined> => {
      if (!programmeGroupId) return 'The programme has no place to keep check-ins yet.';
      try {
        const store = await openStore(await graph(), programmeGroupId);
        const at = new Date(now());
        if ('checkIn' in input) {
          const stored = await recordCheckIn(store, user.id, input.checkIn, at);
          setMine((records) => records && { ...records, checkIns: [...records.checkIns, stored] });
        } else if ('evaluation' in input) {
          const stored = await recordEvaluation(store, user.id, input.evaluation, at);
          setMine((records) => records && { ...records, evaluations: [...records.evaluations, stored] });
        } else {
          const stored = await recordEnding(store, user.id, input.ending, at);
          setMine((records) => records && { ...records, endings: [...records.endings, stored] });
        }
        return undefined;
      } catch (caught) {
        return reportFailure(
          caught,
          'checkIn' in input ? 'Could not save your check-in' : 'evaluation' in input ? 'Could not save your evaluation' : 'Could not pass your reason to the owners',
        );
      }
    },
    [graph, user.id, programmeGroupId, now, reportFailure],
  );

  return { available: Boolean(programmeGroupId), mine, problem, record };
}
