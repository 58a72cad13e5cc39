import { describeFailure } from '@/application/failure-words';

const format = (iso: string, zone: string, locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: zone, ...options }).format(new Date(iso));

/** "Wednesday 16:45" in a zone. */
export const formatWeekdayTime = (iso: string, zone: string, locale: string) => format(iso, zone, locale, { weekday: 'long', hour: 'numeric', minute: '2-digit' });

/** "Wednesday 2 December, 16:45" in a zone. */
export const formatDayTime = (iso: string, zone: string, locale: string) => format(iso, zone, locale, { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' });

/** "16:45" in a zone. */
export const formatTime = (iso: string, zone: string, locale: string) => format(iso, zone, locale, { hour: 'numeric', minute: '2-digit' });

/** "2 Dec 2026" in a zone. */
export const formatDate = (iso: string, zone: string, locale: string) => format(iso, zone, locale, { day: 'numeric', month: 'short', year: 'numeric' });

/** A message a person can act on, from whatever went wrong. */
export function describeError(error: unknown): string {
  return describeFailure(error, 'That did not go through', 'Check your connection, then try again: nothing is booked twice.');
}
