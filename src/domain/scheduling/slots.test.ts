import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { findRecurringSlots, findSlotsStretching, type Availability, type SlotSearch } from './slots';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const person = (timeZone: string, extra: Partial<Availability> = {}): Availability => ({
  timeZone,
  workingHours: { days: weekdays, start: '09:00', end: '17:30' },
  busy: [],
  ...extra,
});
const search = (organiser: Availability, partner: Availability, extra: Partial<SlotSearch> = {}): SlotSearch => ({
  organiser,
  partner,
  from: '2027-01-04',
  everyWeeks: 2,
  minutes: 45,
  weeks: 26,
  ...extra,
});

/** Checks, independently, that every occurrence is inside both people's working hours. */
function expectInsideWorkingHours(slot: { occurrences: readonly string[] }, people: Availability[], minutes: number) {
  for (const occurrence of slot.occurrences) {
    for (const p of people) {
      const start = DateTime.fromISO(occurrence).setZone(p.timeZone);
      const from = start.hour * 60 + start.minute;
      const [sh, sm] = p.workingHours.start.split(':').map(Number);
      const [eh, em] = p.workingHours.end.split(':').map(Number);
      expect(p.workingHours.days).toContain(start.weekdayLong!.toLowerCase());
      expect(from).toBeGreaterThanOrEqual(sh! * 60 + sm!);
      expect(from + minutes).toBeLessThanOrEqual(eh! * 60 + em!);
    }
  }
}

describe('findRecurringSlots', () => {
  it('finds slots free in most weeks, away from a weekly clash, with the occurrences of the series', () => {
    // The organiser is busy every Monday morning.
    const busy = Array.from({ length: 26 }, (_, w) => {
      const monday = DateTime.fromISO('2027-01-04T09:00', { zone: 'Europe/London' }).plus({ weeks: w });
      return { start: monday.toUTC().toISO()!, end: monday.plus({ hours: 3 }).toUTC().toISO()! };
    });
    const slots = findRecurringSlots(search(person('Europe/London', { busy }), person('Europe/London')));
    expect(slots).toHaveLength(3);
    for (const slot of slots) {
      expect(slot.occurrences).toHaveLength(13);
      expect(slot.clashes).toEqual([]);
      expect(slot.weekday === 'monday' && slot.time < '12:00').toBe(false);
    }
  });

  it('keeps the same local time for the organiser across daylight saving, and stays inside both days', () => {
    // New York changes clocks two weeks before London: the gap is 4 hours, not 5, in between.
    const london = person('Europe/London');
    const newYork = person('America/New_York');
    const slots = findRecurringSlots(search(london, newYork, { from: '2027-03-01', weeks: 8, everyWeeks: 1, limit: 10 }));
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      expectInsideWorkingHours(slot, [london, newYork], 45);
      const localTimes = new Set(slot.occurrences.map((o) => DateTime.fromISO(o).setZone('Europe/London').toFormat('HH:mm')));
      expect([...localTimes]).toEqual([slot.time]);
    }
    // 13:30 in London is 08:30 in New York outside those two weeks: never offered.
    expect(slots.some((s) => s.time < '14:00')).toBe(false);
  });

  it('shows the partner’s local time, half-hour offsets included', () => {
    const slots = findRecurringSlots(search(person('Europe/London'), person('Asia/Kolkata'), { limit: 5 }));
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      // In January London is UTC+0 and Kolkata UTC+5:30.
      const [h, m] = slot.time.split(':').map(Number);
      const there = (h! * 60 + m! + 330) % 1440;
      expect(slot.partner.time).toBe(`${String(Math.floor(there / 60)).padStart(2, '0')}:${String(there % 60).padStart(2, '0')}`);
    }
  });

  it('only offers days both people work: Sunday–Thursday against Monday–Friday', () => {
    const telAviv = person('Asia/Jerusalem', { workingHours: { days: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'], start: '09:00', end: '17:30' } });
    const slots = findRecurringSlots(search(person('Europe/London'), telAviv, { limit: 10 }));
    expect(slots.map((s) => s.weekday).every((d) => ['monday', 'tuesday', 'wednesday', 'thursday'].includes(d))).toBe(true);
  });

  it('counts all-day events and ranks tentative clashes above busy ones', () => {
    const allDayEveryOtherTuesday = Array.from({ length: 13 }, (_, w) => {
      const day = DateTime.fromISO('2027-01-05', { zone: 'Europe/London' }).plus({ weeks: 2 * w });
      return { start: day.toUTC().toISO()!, end: day.plus({ days: 1 }).toUTC().toISO()! };
    });
    const slots = findRecurringSlots(
      search(person('Europe/London', { workingHours: { days: ['tuesday'], start: '09:00', end: '17:30' }, busy: allDayEveryOtherTuesday }), person('Europe/London')),
    );
    expect(slots).toEqual([]);

    const wednesday = (hour: number, tentative: boolean) =>
      Array.from({ length: 13 }, (_, w) => {
        const at = DateTime.fromISO('2027-01-06', { zone: 'Europe/London' })
          .plus({ weeks: 2 * w })
          .set({ hour });
        return { start: at.toUTC().toISO()!, end: at.plus({ minutes: 45 }).toUTC().toISO()!, tentative };
      }).slice(0, 3);
    const only = { workingHours: { days: ['wednesday'] as const, start: '10:00', end: '12:00' } };
    const ranked = findRecurringSlots(
      search(person('Europe/London', { ...only, busy: [...wednesday(10, true), ...wednesday(11, false)] }), person('Europe/London', only), { stepMinutes: 60, limit: 5 }),
    );
    expect(ranked.map((s) => [s.time, s.clashes.length])).toEqual([
      ['10:00', 3],
      ['11:00', 3],
    ]);
  });

  it('never offers an occurrence outside either working day, for any pair of zones', () => {
    const zones = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'America/St_Johns', 'Asia/Tokyo', 'Europe/Stockholm'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.constantFrom(...zones), fc.constantFrom('2027-01-04', '2027-03-08', '2027-10-18'), (a, b, from) => {
        const organiser = person(a);
        const partner = person(b);
        for (const slot of findRecurringSlots(search(organiser, partner, { from, weeks: 12 }))) expectInsideWorkingHours(slot, [organiser, partner], 45);
      }),
      { numRuns: 40 },
    );
  });
});

describe('findSlotsStretching', () => {
  it('stretches working days by an hour when people far apart barely overlap, and says whose', () => {
    // Stockholm 08:00–16:30 and Mexico City 09:00–17:30 share 30 minutes in winter: too little for 45.
    const stockholm = person('Europe/Stockholm', { workingHours: { days: weekdays, start: '08:00', end: '16:30' } });
    const mexico = person('America/Mexico_City', { workingHours: { days: weekdays, start: '09:00', end: '17:30' } });
    expect(findRecurringSlots(search(stockholm, mexico))).toEqual([]);
    const slots = findSlotsStretching(search(stockholm, mexico));
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      expect(slot.outsideWorkingHours.length).toBeGreaterThan(0);
      expectInsideWorkingHours(
        slot,
        [
          { ...stockholm, workingHours: { days: weekdays, start: '07:00', end: '17:30' } },
          { ...mexico, workingHours: { days: weekdays, start: '08:00', end: '18:30' } },
        ],
        45,
      );
    }
  });

  it('does not stretch when both days have room', () => {
    const slots = findSlotsStretching(search(person('Europe/London'), person('Europe/Paris')));
    expect(slots.every((s) => s.outsideWorkingHours.length === 0)).toBe(true);
  });
});
