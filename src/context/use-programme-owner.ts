import { useEffect, useState } from 'react';
import { useServices } from './services-context';

/**
 * Whether the signed-in person runs the programme: known at once, or undefined while Graph is
 * asked (then false if it cannot say). Only owners see the programme view and what was wrong with
 * the directory data.
 */
export function useIsProgrammeOwner(): boolean | undefined {
  const { programmeOwner } = useServices();
  const [asked, setAsked] = useState<boolean | undefined>();
  useEffect(() => {
    if (typeof programmeOwner === 'boolean') return;
    let current = true;
    programmeOwner().then(
      (yes) => current && setAsked(yes),
      () => current && setAsked(false),
    );
    return () => {
      current = false;
    };
  }, [programmeOwner]);
  return typeof programmeOwner === 'boolean' ? programmeOwner : asked;
}
