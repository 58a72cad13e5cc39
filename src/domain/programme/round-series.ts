/**
 * A booked series and its programme round: the days its calendar gives its sessions, in its own
 * time zone, so that it ends with the round (domain/programme/rounds.ts). Pure.
 */
import { DateTime } from 'luxon';
import { addDays, daysBetween, roundOn, type Round } from './rounds';

/** A series' first day in its own time zone (its calendar's start date). */
const firstDayOf = (start: string, zone: string) => DateTime.fromISO(start, { zone: 'utc' }).setZone(zone).toISODate() ?? start.slice(0, 10);

/**
 * The weeks a series starting at `start` (UTC ISO) in `zone` may run within a round ending on `end`:
 * its calendar's last day (its first day plus the weeks, less one) on or before the round's, so
 * every session is; at most `weeks`, and 0 when it begins after the round.
 */
export function weeksWithin(start: string, zone: string, end: string | undefined, weeks: number): number {
  if (!end) return weeks;
  const days = daysBetween(firstDayOf(start, zone), end);
  return days < 0 ? 0 : Math.min(weeks, Math.floor(days / 7) + 1);
}

/** The day of a series' last session in its own time zone: its weeks, at its rhythm. */
export function lastSessionDay(series: { readonly start: string; readonly zone: string; readonly everyWeeks: number; readonly weeks: number }): string {
  const step = Math.max(1, series.everyWeeks);
  return addDays(firstDayOf(series.start, series.zone), Math.floor(Math.max(0, series.weeks - 1) / step) * step * 7);
}

/** The round a series belongs to: the one running on its first day, in its own time zone (as its calendar dates it). */
export function roundOfSeries(rounds: readonly Round[], series: { readonly start: string; readonly zone: string }): Round | undefined {
  return roundOn(rounds, firstDayOf(series.start, series.zone));
}
