import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { endedSeries, movedSeries, occurrencesBetween, seriesFor } from './recurrence';

const ZONES = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Asia/Jerusalem', 'Australia/Adelaide', 'America/St_Johns', 'UTC'];

describe('seriesFor and occurrencesBetween', () => {
  it('builds a fortnightly series on the first weekday and time, and keeps the wall-clock time across daylight saving', () => {
    // 15:00 in London on Tuesday 2 March 2027; clocks change on 28 March.
    const series = seriesFor('2027-03-02T15:00:00Z', 'Europe/London', { everyWeeks: 2, weeks: 8, minutes: 45 });
    expect(series.recurrence).toEqual({
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' },
      range: { type: 'endDate', startDate: '2027-03-02', endDate: '2027-04-20' },
    });
    expect(occurrencesBetween(series, '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).toEqual([
      '2027-03-02T15:00:00Z',
      '2027-03-16T15:00:00Z',
      '2027-03-30T14:00:00Z',
      '2027-04-13T14:00:00Z',
    ]);
  });

  it('leaves out cancelled occurrences and those outside the window', () => {
    const series = seriesFor('2027-01-05T10:00:00Z', 'UTC', { everyWeeks: 1, weeks: 4, minutes: 30 });
    const all = occurrencesBetween(series, '2027-01-01T00:00:00Z', '2027-12-31T00:00:00Z');
    expect(all).toHaveLength(4);
    expect(occurrencesBetween(series, all[1]!, all[3]!, new Set([all[2]!]))).toEqual([all[1]]);
    // An occurrence already under way at the window's start still counts.
    expect(occurrencesBetween(series, '2027-01-05T10:15:00Z', '2027-01-06T00:00:00Z')).toEqual([all[0]]);
  });

  it('expands numbered, endless and daily ranges', () => {
    const weekly = { start: '2027-01-04T09:00', timeZone: 'Asia/Kolkata', minutes: 60 };
    const numbered = occurrencesBetween(
      {
        ...weekly,
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'thursday'], firstDayOfWeek: 'sunday' },
          range: { type: 'numbered', startDate: '2027-01-04', numberOfOccurrences: 5 },
        },
      },
      '2026-01-01T00:00:00Z',
      '2028-01-01T00:00:00Z',
    );
    expect(numbered.map((o) => DateTime.fromISO(o).setZone('Asia/Kolkata').toFormat('ccc dd HH:mm'))).toEqual([
      'Mon 04 09:00',
      'Thu 07 09:00',
      'Mon 11 09:00',
      'Thu 14 09:00',
      'Mon 18 09:00',
    ]);
    const endless = occurrencesBetween(
      { ...weekly, recurrence: { pattern: { type: 'daily', interval: 3 }, range: { type: 'noEnd', startDate: '2027-01-04' } } },
      '2027-02-01T00:00:00Z',
      '2027-02-10T00:00:00Z',
    );
    expect(endless).toHaveLength(3);
  });

  it('property: every occurrence falls on the series weekday at its local time, the given number of weeks apart', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 40 }),
        (zone, date, everyWeeks, weeks) => {
          const first = new Date(Math.floor(date.getTime() / 900_000) * 900_000).toISOString();
          const series = seriesFor(first, zone, { everyWeeks, weeks, minutes: 45 });
          const occurrences = occurrencesBetween(series, '2025-01-01T00:00:00Z', '2032-01-01T00:00:00Z');
          expect(occurrences.length).toBe(Math.floor((weeks - 1) / everyWeeks) + 1);
          const local = DateTime.fromISO(first).setZone(zone);
          occurrences.forEach((o, k) => {
            const at = DateTime.fromISO(o).setZone(zone);
            expect(at.weekday).toBe(local.weekday);
            // A wall-clock time skipped by a clock change moves forward, as Outlook does; otherwise it is kept.
            if (at.toFormat('HH:mm') !== local.toFormat('HH:mm')) expect(at.toFormat('HH:mm') > local.toFormat('HH:mm')).toBe(true);
            expect(Math.round(at.startOf('day').diff(local.startOf('day'), 'days').days)).toBe(7 * everyWeeks * k);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('movedSeries and endedSeries', () => {
  const series = seriesFor('2027-01-05T10:00:00Z', 'Europe/London', { everyWeeks: 2, weeks: 26, minutes: 45 });

  it('moves the series to another weekday and time, keeping its cadence and end', () => {
    const moved = movedSeries(series, '2027-01-14T15:30:00Z', 'Europe/London');
    expect(moved.start).toBe('2027-01-14T15:30');
    expect(moved.recurrence.pattern.daysOfWeek).toEqual(['thursday']);
    expect(moved.recurrence.range.endDate).toBe(series.recurrence.range.endDate);
    expect(occurrencesBetween(moved, '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z')[0]).toBe('2027-01-14T15:30:00Z');
  });

  it('ends a series after a date, keeping the earlier occurrences', () => {
    const ended = endedSeries(series, '2027-02-10');
    expect(occurrencesBetween(ended, '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).toEqual(['2027-01-05T10:00:00Z', '2027-01-19T10:00:00Z', '2027-02-02T10:00:00Z']);
  });
});
