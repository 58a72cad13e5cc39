import { describe, expect, it } from 'vitest';
import type { StoredProfile } from '@/services/profile/profile-store';
import { bookingRecord } from '@/demo/testing/booking-record';
import { healthCsv, reportOf } from './programme-health';

const person = (personId: string, extra: Partial<StoredProfile>): StoredProfile => ({ personId, languages: ['en'], timeZone: 'UTC', load: 0, updated: '2027-01-01T00:00:00Z', ...extra });
const spring = { name: 'Spring', start: '2027-01-04', matchUntil: '2027-01-31', end: '2027-06-30', targetSessions: 6 };
const autumn = { name: 'Autumn', start: '2027-09-01', matchUntil: '2027-09-30', end: '2028-02-29', targetSessions: 8 };
const profiles = [
  person('e1', { mentee: { wantsToLearn: [] }, bookings: [bookingRecord({ with: 'm1', start: '2027-01-11T10:00:00Z', everyWeeks: 2, weeks: 24 })] }),
  person('e2', { mentee: { wantsToLearn: [] }, bookings: [bookingRecord({ with: 'm2', start: '2027-09-06T10:00:00Z', everyWeeks: 2, weeks: 24 })] }),
  person('m1', { mentor: { capacity: 1, canTeach: [] } }),
  person('m2', { mentor: { capacity: 1, canTeach: [] } }),
];
const records = {
  checkIns: [],
  endings: [
    { by: 'e1', with: 'm1', at: '2027-03-01T10:00:00Z' },
    { by: 'e2', with: 'm2', at: '2027-10-01T10:00:00Z' },
  ],
};
const input = { profiles, people: new Map(), now: Date.parse('2027-12-01T00:00:00Z') };

describe('the health of one round', () => {
  it('counts the pairs whose series began in the round, its target, and the pairings ended in it', () => {
    const all = reportOf(input, records);
    expect(all.health.pairs).toHaveLength(2);
    expect(all.round).toBeUndefined();
    const autumnOnly = reportOf({ ...input, round: autumn }, records);
    expect(autumnOnly.health.pairs.map((p) => p.executiveId)).toEqual(['e2']);
    expect(autumnOnly.round).toEqual({ round: autumn, target: 8 });
    expect(autumnOnly.endings.map((e) => e.by)).toEqual(['e2']);
    expect(reportOf({ ...input, round: spring }, records).health.pairs.map((p) => p.executiveId)).toEqual(['e1']);
    expect(healthCsv(autumnOnly, (id) => id)).toContain('"Round","Autumn (2027-09-01 to 2028-02-29)"\r\n"Sessions asked of the pairs","8"');
  });
});
