import type { BookingRecord } from '@/domain/booking/pair-schedule';

/**
 * A booking record as an executive's app keeps it (every two weeks, 45 minutes, for 26 weeks), with
 * `change` on top: the one fixture the tests share for "this pair booked a series".
 */
export function bookingRecord(change: Partial<BookingRecord> & Pick<BookingRecord, 'with'>): BookingRecord {
  return {
    start: '2026-10-05T09:00:00.000Z',
    zone: 'Europe/Stockholm',
    everyWeeks: 2,
    weeks: 26,
    minutes: 45,
    uid: 'uid-1',
    workspace: 'https://contoso-my.sharepoint.com/personal/x/Documents/pair.json',
    ...change,
  };
}
