import type { ProfilesState } from '@/context/programme-context';

/**
 * What a card waiting for everyone's profiles says: "Reading the programme…" at first, then how
 * far it got as the batches come in ("Reading the programme, 1,200 of 3,000…").
 */
export function readingProgress(doing: string, profiles: ProfilesState, locale?: string): string {
  const { progress } = profiles;
  if (profiles.status !== 'loading' || !progress || progress.total === 0) return `${doing}…`;
  return `${doing}, ${progress.read.toLocaleString(locale)} of ${progress.total.toLocaleString(locale)}…`;
}
