import type { ProgrammeSettings } from '@/services/config/app-config';

/** "Every 2 weeks, 45 minutes, for 6 months" in words. */
export function describeCadence(programme: ProgrammeSettings): string {
  const weeks = programme.cadenceWeeks === 1 ? 'Every week' : `Every ${programme.cadenceWeeks} weeks`;
  const months = programme.durationMonths === 1 ? '1 month' : `${programme.durationMonths} months`;
  return `${weeks}, ${programme.sessionMinutes} minutes, for ${months}`;
}
