/**
 * Weekly series in Graph's terms (a `patternedRecurrence`): building one from a chosen slot, and
 * expanding one into its occurrences. Occurrences keep their wall-clock time in the series' time
 * zone, so daylight saving moves the instant, as Outlook does. Luxon does the time-zone work.
 * See https://learn.microsoft.com/graph/api/resources/patternedrecurrence
 */
import { DateTime } from 'luxon';
import type { Weekday } from './slots';

/** The part of Graph's patternedRecurrence a pair's series uses (and the demo calendars). */
export interface WeeklyRecurrence {
  readonly pattern: {
    readonly type: 'weekly' | 'daily';
    readonly interval: number;
    /** For weekly patterns. */
    readonly daysOfWeek?: readonly Weekday[];
    readonly firstDayOfWeek?: Weekday;
  };
  readonly range: {
    readonly type: 'endDate' | 'noEnd' | 'numbered';
    /** YYYY-MM-DD, in the series' time zone. */
    readonly startDate: string;
    readonly endDate?: string;
    readonly numberOfOccurrences?: number;
  };
}

/** A series: its first start as local wall-clock time in a zone, a length, and a recurrence. */
export interface SeriesShape {
  /** Local date-time of the first occurrence, "YYYY-MM-DDTHH:mm". */
  readonly start: string;
  readonly timeZone: string;
  readonly minutes: number;
  readonly recurrence: WeeklyRecurrence;
}

const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Expansion stops after this many occurrences, whatever the range says (a guard, not a rule). */
const MAX_OCCURRENCES = 5000;

/**
 * The series for a pair: every `everyWeeks` weeks on the weekday of `firstStart` (in `timeZone`),
 * for `weeks` weeks, each `minutes` long.
 */
export function seriesFor(firstStart: string, timeZone: string, options: { everyWeeks: number; weeks: number; minutes: number }): SeriesShape {
  const first = DateTime.fromISO(firstStart, { zone: 'utc' }).setZone(timeZone);
  if (!first.isValid) throw new RangeError(`Not a valid start: ${firstStart} in ${timeZone}`);
  const weekday = WEEKDAYS[first.weekday - 1]!;
  const last = first.plus({ weeks: Math.max(0, options.weeks - 1) });
  return {
    start: first.toFormat("yyyy-MM-dd'T'HH:mm"),
    timeZone,
    minutes: options.minutes,
    recurrence: {
      pattern: { type: 'weekly', interval: options.everyWeeks, daysOfWeek: [weekday], firstDayOfWeek: 'monday' },
      range: { type: 'endDate', startDate: first.toISODate()!, endDate: last.toISODate()! },
    },
  };
}

/**
 * The start instants (UTC ISO) of a series' occurrences that begin inside [from, to), in order,
 * leaving out the cancelled ones (their original starts).
 */
export function occurrencesBetween(series: SeriesShape, from: string, to: string, cancelled: ReadonlySet<string> = new Set()): string[] {
  const { pattern, range } = series.recurrence;
  const zone = series.timeZone;
  const startLocal = DateTime.fromISO(series.start, { zone });
  if (!startLocal.isValid) return [];
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  const endDate = range.type === 'endDate' && range.endDate ? DateTime.fromISO(range.endDate, { zone }).endOf('day') : undefined;
  const limit = range.type === 'numbered' ? (range.numberOfOccurrences ?? 0) : MAX_OCCURRENCES;
  const time = { hour: startLocal.hour, minute: startLocal.minute };
  const rangeStart = DateTime.fromISO(range.startDate, { zone });
  const result: string[] = [];
  let counted = 0;

  const consider = (day: DateTime): boolean => {
    const at = day.set(time);
    if (endDate && at > endDate) return false;
    if (at < startLocal.startOf('day')) return true;
    if (counted >= limit) return false;
    counted++;
    const ms = at.toMillis();
    if (ms >= toMs) return false;
    const iso = at.toUTC().toISO({ suppressMilliseconds: true })!;
    if (ms + series.minutes * 60_000 > fromMs && !cancelled.has(iso)) result.push(iso);
    return true;
  };

  if (pattern.type === 'daily') {
    for (let day = rangeStart; ; day = day.plus({ days: pattern.interval })) if (!consider(day)) break;
    return result;
  }
  const days = (pattern.daysOfWeek ?? []).map((d) => WEEKDAYS.indexOf(d)).filter((d) => d >= 0);
  if (days.length === 0) return result;
  const firstDay = WEEKDAYS.indexOf(pattern.firstDayOfWeek ?? 'sunday');
  // The week (starting on firstDayOfWeek) that holds the range start; then every interval-th week.
  const weekStart = rangeStart.minus({ days: (rangeStart.weekday - 1 - firstDay + 7) % 7 });
  const order = [...days].sort((a, b) => ((a - firstDay + 7) % 7) - ((b - firstDay + 7) % 7));
  for (let week = weekStart; ; week = week.plus({ weeks: pattern.interval })) {
    for (const d of order) {
      const day = week.plus({ days: (d - firstDay + 7) % 7 });
      if (day < rangeStart) continue;
      if (!consider(day)) return result;
    }
  }
}

/** The series moved to a new first start (same cadence and end), for rescheduling. */
export function movedSeries(series: SeriesShape, newFirstStart: string, timeZone: string): SeriesShape {
  const first = DateTime.fromISO(newFirstStart, { zone: 'utc' }).setZone(timeZone);
  const weekday = WEEKDAYS[first.weekday - 1]!;
  return {
    ...series,
    start: first.toFormat("yyyy-MM-dd'T'HH:mm"),
    timeZone,
    recurrence: {
      pattern: { ...series.recurrence.pattern, daysOfWeek: [weekday] },
      range: { ...series.recurrence.range, startDate: first.toISODate()! },
    },
  };
}

/** The series ended after `lastDate` (YYYY-MM-DD): later occurrences go, earlier ones stay as history. */
export function endedSeries(series: SeriesShape, lastDate: string): SeriesShape {
  const { numberOfOccurrences, ...range } = series.recurrence.range;
  void numberOfOccurrences;
  const end = lastDate < range.startDate ? range.startDate : lastDate;
  return { ...series, recurrence: { ...series.recurrence, range: { ...range, type: 'endDate', endDate: end } } };
}
