import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastSessionDay, roundOfSeries, weeksWithin } from './round-series';

describe('a series within its round', () => {
  it('keeps its last session on or before the round’s last day', () => {
    // 2027-06-30 is a Wednesday: a Wednesday series keeps its session on that day.
    expect(weeksWithin('2027-06-02T09:00:00Z', 'Europe/London', '2027-06-30', 26)).toBe(5);
    expect(weeksWithin('2027-06-03T09:00:00Z', 'Europe/London', '2027-06-30', 26)).toBe(4);
    expect(weeksWithin('2027-06-02T09:00:00Z', 'Europe/London', '2027-06-30', 3)).toBe(3);
    expect(weeksWithin('2027-06-02T09:00:00Z', 'Europe/London', undefined, 26)).toBe(26);
    // Beginning after the round: no weeks in it.
    expect(weeksWithin('2027-07-02T09:00:00Z', 'Europe/London', '2027-06-30', 26)).toBe(0);
  });

  it('dates the sessions in the series’ own zone, as its calendar does', () => {
    // Thursdays 09:00 in Auckland are Wednesdays 21:00 UTC: the Thursday after the round's last day is out.
    expect(weeksWithin('2027-06-02T21:00:00Z', 'Pacific/Auckland', '2027-06-30', 26)).toBe(4);
    // Wednesdays 18:00 in Los Angeles are Thursdays 01:00 UTC: the session on the round's last day is in.
    expect(weeksWithin('2027-06-03T01:00:00Z', 'America/Los_Angeles', '2027-06-30', 26)).toBe(5);
    // A fortnightly series' last session is on its rhythm, not at its last week.
    expect(lastSessionDay({ start: '2027-01-05T15:00:00Z', zone: 'Europe/London', everyWeeks: 2, weeks: 26 })).toBe('2027-06-22');
    expect(lastSessionDay({ start: '2027-01-05T15:00:00Z', zone: 'Europe/London', everyWeeks: 1, weeks: 26 })).toBe('2027-06-29');
    expect(lastSessionDay({ start: '2027-06-02T21:00:00Z', zone: 'Pacific/Auckland', everyWeeks: 1, weeks: 4 })).toBe('2027-06-24');
  });

  it('never runs past the round nor beyond its weeks (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 104 }), (startDay, length, weeks) => {
        const start = new Date(Date.UTC(2027, 0, 1 + startDay, 9)).toISOString();
        const end = new Date(Date.UTC(2027, 0, 1 + startDay + length)).toISOString().slice(0, 10);
        for (const zone of ['Europe/London', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
          const fit = weeksWithin(start, zone, end, weeks);
          expect(fit).toBeGreaterThanOrEqual(1);
          expect(fit).toBeLessThanOrEqual(weeks);
          expect(lastSessionDay({ start, zone, everyWeeks: 1, weeks: fit }) <= end).toBe(true);
          if (fit < weeks) expect(lastSessionDay({ start, zone, everyWeeks: 1, weeks: fit + 1 }) > end).toBe(true);
        }
      }),
    );
  });
});

describe('the round of a series', () => {
  const spring = { name: 'Spring', start: '2027-01-04', matchUntil: '2027-01-31', end: '2027-06-30', targetSessions: 6 };
  const summer = { name: 'Summer', start: '2027-07-01', matchUntil: '2027-07-31', end: '2027-12-31', targetSessions: 6 };

  it('is the round running on its first day in its own zone', () => {
    // 30 June 21:00 UTC is 1 July 09:00 in Auckland: the series is summer's, not spring's.
    expect(roundOfSeries([spring, summer], { start: '2027-06-30T21:00:00Z', zone: 'Pacific/Auckland' })).toBe(summer);
    expect(roundOfSeries([spring, summer], { start: '2027-06-30T21:00:00Z', zone: 'Europe/London' })).toBe(spring);
    expect(roundOfSeries([summer], { start: '2027-06-30T21:00:00Z', zone: 'Europe/London' })).toBeUndefined();
  });
});
