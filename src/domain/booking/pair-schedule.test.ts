import { describe, expect, it } from 'vitest';
import { pairScheduleOf, sessionOn, withEntry, type BookingRecord } from './pair-schedule';

const booking: BookingRecord = {
  with: 'diego',
  start: '2027-01-05T15:00:00Z',
  zone: 'Europe/London',
  everyWeeks: 2,
  weeks: 26,
  minutes: 45,
  uid: 'uid-1',
  workspace: 'https://example/ws',
};
const now = '2026-12-01T00:00:00Z';

describe('pairScheduleOf', () => {
  it('is unbooked until the executive books, showing a mentor proposal in the future', () => {
    expect(pairScheduleOf('margaret', 'diego', [], undefined, now)).toEqual({ kind: 'unbooked' });
    expect(pairScheduleOf('margaret', 'diego', [], [{ with: 'margaret', start: '2027-01-06T10:00:00Z' }], now)).toEqual({ kind: 'unbooked', proposal: '2027-01-06T10:00:00Z' });
    expect(pairScheduleOf('margaret', 'diego', [], [{ with: 'margaret', start: '2026-01-06T10:00:00Z' }], now)).toEqual({ kind: 'unbooked' });
    expect(pairScheduleOf('margaret', 'diego', [], [{ with: 'someone else', start: '2027-01-06T10:00:00Z' }], now)).toEqual({ kind: 'unbooked' });
  });

  it('is booked; a proposal counts only when it differs from the booked time', () => {
    expect(pairScheduleOf('margaret', 'diego', [booking], [{ with: 'margaret', start: booking.start }], now)).toEqual({ kind: 'booked', booking });
    expect(pairScheduleOf('margaret', 'diego', [booking], [{ with: 'margaret', start: '2027-01-07T10:00:00Z' }], now)).toEqual({
      kind: 'booked',
      booking,
      proposal: '2027-01-07T10:00:00Z',
    });
    expect(pairScheduleOf('margaret', 'aisha', [booking], undefined, now)).toEqual({ kind: 'unbooked' });
  });

  it('is ended once the executive ends the pairing', () => {
    const ended = { ...booking, ended: '2027-02-02' };
    expect(pairScheduleOf('margaret', 'diego', [ended], [{ with: 'margaret', start: '2027-03-01T10:00:00Z' }], now)).toEqual({ kind: 'ended', booking: ended });
  });

  it('is ended once the series ran its weeks, though nobody ended it', () => {
    const ranOut = { ...booking, start: '2026-01-05T15:00:00Z', weeks: 12 };
    expect(pairScheduleOf('margaret', 'diego', [ranOut], undefined, '2026-03-30T14:59:00Z')).toEqual({ kind: 'booked', booking: ranOut });
    expect(pairScheduleOf('margaret', 'diego', [ranOut], undefined, '2026-03-30T15:00:00Z')).toEqual({ kind: 'ended', booking: ranOut });
  });
});

describe('withEntry', () => {
  it('replaces or removes one partner’s entry and keeps the others', () => {
    const list = [
      { with: 'a', start: '1' },
      { with: 'b', start: '2' },
    ];
    expect(withEntry(list, 'a', { with: 'a', start: '3' })).toEqual([
      { with: 'b', start: '2' },
      { with: 'a', start: '3' },
    ]);
    expect(withEntry(list, 'b', undefined)).toEqual([{ with: 'a', start: '1' }]);
    expect(withEntry(undefined, 'a', undefined)).toEqual([]);
  });
});

describe('sessionOn', () => {
  const series = { start: '2027-01-05T15:00:00Z', zone: 'Europe/London', everyWeeks: 2, weeks: 26 };
  it('is the next session on or after a day, the first before the series, and the day itself after it', () => {
    expect(sessionOn(series, '2026-12-01')).toBe('2027-01-05');
    expect(sessionOn(series, '2027-01-05')).toBe('2027-01-05');
    expect(sessionOn(series, '2027-01-06')).toBe('2027-01-19');
    expect(sessionOn(series, '2027-01-19')).toBe('2027-01-19');
    expect(sessionOn(series, '2028-01-01')).toBe('2028-01-01');
  });
});
