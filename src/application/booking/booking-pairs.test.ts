import { describe, expect, it } from 'vitest';
import type { DirectoryPerson } from '@/services/graph/directory-person';
import type { StoredProfile } from '@/services/profile/profile-store';
import { bookingPairsOf, cadenceOf } from './booking-pairs';

const NOW = Date.parse('2026-11-30T12:00:00Z');

describe('the pairs a person books or attends', () => {
  const person = (id: string, mail?: string): DirectoryPerson => ({
    ...({} as DirectoryPerson),
    id,
    displayName: `Person ${id}`,
    userPrincipalName: `${id}@contoso.example`,
    ...(mail ? { mail } : {}),
  });
  const profile = (personId: string, extra: Partial<StoredProfile>): StoredProfile => ({
    personId,
    languages: ['en'],
    timeZone: 'Europe/London',
    load: 0,
    updated: '2026-11-30T00:00:00Z',
    ...extra,
  });
  const people = new Map(['e', 'm', 'x', 'y'].map((id) => [id, person(id, `${id}@contoso.example`)]));

  it('gives the accepted mentor of an executive and the executives a mentor accepted, each with their mailbox and zone', () => {
    const e = profile('e', { mentee: { wantsToLearn: ['ai'] }, asked: 'm', mentor: { capacity: 1, canTeach: ['x'] }, accepted: ['x', 'gone'] });
    const m = profile('m', { mentor: { capacity: 1, canTeach: ['ai'] }, accepted: ['e'], timeZone: 'America/Mexico_City' });
    const x = profile('x', { mentee: { wantsToLearn: ['x'] } });
    const pairs = bookingPairsOf('e', e, [e, m, x], people, NOW);
    expect(pairs).toEqual({
      self: { id: 'e', displayName: 'Person e', address: 'e@contoso.example', zone: 'Europe/London' },
      mentor: { id: 'm', displayName: 'Person m', address: 'm@contoso.example', zone: 'America/Mexico_City' },
      executives: [{ id: 'x', displayName: 'Person x', address: 'x@contoso.example', zone: 'Europe/London' }],
    });
  });

  it('gives no mentor while the request waits, and nothing for a person without a zone', () => {
    const e = profile('e', { mentee: { wantsToLearn: ['ai'] }, asked: 'm' });
    const m = profile('m', { mentor: { capacity: 1, canTeach: ['ai'] } });
    expect(bookingPairsOf('e', e, [e, m], people, NOW)?.mentor).toBeUndefined();
    expect(bookingPairsOf('e', e, [m], people, NOW)).toBeUndefined();
  });

  it('keeps an ended pairing’s mentor (its card says it ended) until the executive asks someone new', () => {
    const ended = {
      with: 'm',
      start: '2026-10-05T09:00:00.000Z',
      zone: 'Europe/London',
      everyWeeks: 2,
      weeks: 26,
      minutes: 45,
      uid: 'u',
      workspace: 'https://x.example/w',
      ended: '2026-11-29',
    };
    const e = profile('e', { mentee: { wantsToLearn: ['ai'] }, asked: 'm', bookings: [ended] });
    // The mentor made room for someone else: the pairing still shows, as ended.
    const m = profile('m', { mentor: { capacity: 1, canTeach: ['ai'] }, accepted: ['y'] });
    expect(bookingPairsOf('e', e, [e, m], people, NOW)?.mentor?.id).toBe('m');
    expect(bookingPairsOf('e', { ...e, asked: 'x' }, [e, m], people, NOW)?.mentor).toBeUndefined();
  });

  it('keeps the mentor who left a pairing whose series still runs, saying so, until the executive ends it', () => {
    const running = { with: 'm', start: '2026-10-05T09:00:00.000Z', zone: 'Europe/London', everyWeeks: 2, weeks: 26, minutes: 45, uid: 'u', workspace: 'https://x.example/w' };
    const e = profile('e', { mentee: { wantsToLearn: ['ai'] }, asked: 'm', bookings: [running] });
    const m = profile('m', { mentor: { capacity: 1, canTeach: ['ai'] }, declined: ['e'] });
    expect(bookingPairsOf('e', e, [e, m], people, NOW)).toMatchObject({ mentor: { id: 'm' }, mentorLeft: true });
    // Ended by the executive: the card says it ended, and no more that the mentor left.
    const ended = profile('e', { ...e, bookings: [{ ...running, ended: '2026-11-30' }] });
    expect(bookingPairsOf('e', ended, [ended, m], people, NOW)?.mentorLeft).toBeUndefined();
    // Declined before anything was booked: no pairing to show.
    const unbooked = profile('e', { mentee: { wantsToLearn: ['ai'] }, asked: 'm' });
    expect(bookingPairsOf('e', unbooked, [unbooked, m], people, NOW)?.mentor).toBeUndefined();
  });

  it('turns the programme’s months into weeks', () => {
    expect(cadenceOf({ cadenceWeeks: 2, sessionMinutes: 45, durationMonths: 6 })).toEqual({ everyWeeks: 2, minutes: 45, weeks: 26 });
  });
});
