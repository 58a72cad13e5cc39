import { useMemo } from 'react';
import { organisationSummary } from '@/application/programme/organisation';
import { useProgramme } from '@/context/programme-context';

/**
 * The home feature's one hook: the directory as far as it is loaded (with stop and retry), its
 * summary in figures (application/programme/organisation.ts), what the org model repaired, and how
 * many opt-in profiles could not be read.
 */
export function useOrganisation() {
  const { directory, cancelDirectory, retryDirectory, profiles, model } = useProgramme();
  const snapshot = directory?.status === 'ready' ? directory.snapshot : undefined;
  const summary = useMemo(() => (snapshot ? organisationSummary(snapshot) : undefined), [snapshot]);
  return { view: directory, cancel: cancelDirectory, retry: retryDirectory, summary, issues: model?.issues ?? [], damagedProfiles: profiles.damaged.length };
}
