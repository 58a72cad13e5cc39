import { useCallback, useEffect, useState } from 'react';
import { myCheckIns, recordCheckIn, type CheckInInput } from '@/application/programme/check-ins';
import { openStore } from '@/application/programme/programme-store-setup';
import type { CheckIn } from '@/domain/health/health';
import { useProgramme } from '@/context/programme-context';
import { useServices } from '@/context/services-context';

/** The signed-in person's check-ins (application/programme/check-ins.ts), and recording one; only where the programme has a store. */
export function useCheckIns() {
  const { graph, user, programmeGroupId } = useServices();
  const { now, reportFailure } = useProgramme();
  const [mine, setMine] = useState<readonly CheckIn[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    if (!programmeGroupId) return;
    let current = true;
    void (async () => {
      try {
        const read = await myCheckIns(await openStore(await graph(), programmeGroupId), user.id);
        if (current) setMine(read);
      } catch (caught) {
        if (current) setProblem(await reportFailure(caught, 'Could not read your check-ins'));
      }
    })();
    return () => {
      current = false;
    };
  }, [graph, user.id, programmeGroupId, reportFailure]);

  /** Records a check-in; resolves to an error message, or undefined once it is stored. */
  const record = useCallback(
    async (input: CheckInInput): Promise<string | undefined> => {
      if (!programmeGroupId) return 'The programme has no place to keep check-ins yet.';
      try {
        const stored = await recordCheckIn(await openStore(await graph(), programmeGroupId), user.id, input, new Date(now()));
        setMine((list) => [...(list ?? []), stored]);
        return undefined;
      } catch (caught) {
        return reportFailure(caught, 'Could not save your check-in');
      }
    },
    [graph, user.id, programmeGroupId, now, reportFailure],
  );

  return { available: Boolean(programmeGroupId), mine, problem, record };
}
