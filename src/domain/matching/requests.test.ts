import { describe, expect, it } from 'vitest';
import type { BookingRecord } from '@/domain/booking/pair-schedule';
import { answer, currentMentees, incomingRequests, requestStateOf } from './requests';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const booking = (mentorId: string, change: Partial<BookingRecord> = {}): BookingRecord => ({
  with: mentorId,
  start: '2026-10-05T09:00:00.000Z',
  zone: 'Europe/Stockholm',
  everyWeeks: 2,
  weeks: 26,
  minutes: 45,
  uid: `uid-${mentorId}`,
  workspace: 'https://contoso-my.sharepoint.com/personal/x/Documents/pair.json',
  ...change,
});

describe('requests to pair', () => {
  it('is pending until the mentor answers, then accepted or declined', () => {
    expect(requestStateOf({ personId: 'e1' }, undefined, NOW)).toEqual({ kind: 'none' });
    expect(requestStateOf({ personId: 'e1', asked: 'm1' }, {}, NOW)).toEqual({ kind: 'pending', mentorId: 'm1' });
    expect(requestStateOf({ personId: 'e1', asked: 'm1' }, { accepted: ['e1'] }, NOW)).toEqual({ kind: 'accepted', mentorId: 'm1' });
    expect(requestStateOf({ personId: 'e1', asked: 'm1' }, { declined: ['e1'] }, NOW)).toEqual({ kind: 'declined', mentorId: 'm1' });
  });

  it('is ended once the executive’s series with the mentor ended (from the app, or its weeks ran out), whatever the mentor’s lists say', () => {
    const accepted = { accepted: ['e1'] };
    const running = { personId: 'e1', asked: 'm1', bookings: [booking('m1')] };
    expect(requestStateOf(running, accepted, NOW)).toEqual({ kind: 'accepted', mentorId: 'm1' });
    const endedHere = { ...running, bookings: [booking('m1', { ended: '2026-11-29' })] };
    expect(requestStateOf(endedHere, accepted, NOW)).toEqual({ kind: 'ended', mentorId: 'm1' });
    // The mentor made room for someone new: still ended, never pending again.
    expect(requestStateOf(endedHere, {}, NOW)).toEqual({ kind: 'ended', mentorId: 'm1' });
    const ranOut = { ...running, bookings: [booking('m1', { start: '2026-01-05T09:00:00.000Z', weeks: 12 })] };
    expect(requestStateOf(ranOut, accepted, NOW)).toEqual({ kind: 'ended', mentorId: 'm1' });
    // Another mentor's ended series says nothing about this request.
    expect(requestStateOf({ ...running, bookings: [booking('m0', { ended: '2026-01-01' })] }, accepted, NOW)).toEqual({ kind: 'accepted', mentorId: 'm1' });
  });

  it('frees a mentor’s place when a pairing ends, and never shows that executive as a request again', () => {
    const executives = [
      { personId: 'e1', asked: 'm1', bookings: [booking('m1', { ended: '2026-11-29' })] },
      { personId: 'e2', asked: 'm1', bookings: [booking('m1')] },
    ];
    expect(currentMentees('m1', { accepted: ['e1', 'e2'] }, executives, NOW)).toEqual(['e2']);
    // An executive whose profile is not there still counts.
    expect(currentMentees('m1', { accepted: ['e1', 'e9'] }, executives, NOW)).toEqual(['e9']);
    expect(incomingRequests('m1', {}, executives, NOW)).toEqual(['e2']);
  });

  it('shows a mentor only the requests they have not answered', () => {
    const executives = [
      { personId: 'e1', asked: 'm1' },
      { personId: 'e2', asked: 'm2' },
      { personId: 'e3', asked: 'm1' },
      { personId: 'e4', asked: 'm1' },
    ];
    expect(incomingRequests('m1', { accepted: ['e3'], declined: ['e4'] }, executives, NOW)).toEqual(['e1']);
  });

  it('lets a later answer replace an earlier one', () => {
    const first = answer({}, 'e1', false);
    expect(first).toEqual({ accepted: [], declined: ['e1'] });
    expect(answer(first, 'e1', true)).toEqual({ accepted: ['e1'], declined: [] });
  });

  it('makes room for a new executive by dropping the oldest whose pairing ended, and only when it must', () => {
    const mentor = { accepted: ['e1', 'e2', 'e3'] };
    expect(answer(mentor, 'e4', true, { keep: 3, ended: ['e2', 'e3'] }).accepted).toEqual(['e1', 'e3', 'e4']);
    expect(answer({ accepted: ['e1', 'e2'] }, 'e4', true, { keep: 3, ended: ['e2'] }).accepted).toEqual(['e1', 'e2', 'e4']);
  });
});
