import type { ProgrammeRules } from '@/services/config/app-config';

/** How long a pairing runs, in the one wording every card uses: "6 months" (never "26 weeks"). */
export function describeDuration(programme: Pick<ProgrammeRules, 'durationMonths'>): string {
  return programme.durationMonths === 1 ? '1 month' : `${programme.durationMonths} months`;
}

/** "Every 2 weeks, 45 minutes, for 6 months" in words. */
export function describeCadence(programme: Pick<ProgrammeRules, 'cadenceWeeks' | 'sessionMinutes' | 'durationMonths'>): string {
  const weeks = programme.cadenceWeeks === 1 ? 'Every week' : `Every ${programme.cadenceWeeks} weeks`;
  return `${weeks}, ${programme.sessionMinutes} minutes, for ${describeDuration(programme)}`;
}
