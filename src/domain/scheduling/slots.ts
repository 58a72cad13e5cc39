/**
 * Recurring slots for a pair: a weekday and time in the organiser's time zone that falls inside
 * both people's working hours and is free in most weeks of the series. Time-zone arithmetic,
 * daylight saving included, is Luxon's; nothing here reads the clock.
 */
import { DateTime, IANAZone } from 'luxon';

/** A day of the week, in Graph's spelling (workingHours.daysOfWeek). */
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** One person's calendar as Graph's getSchedule describes it. */
export interface Availability {
  readonly timeZone: string;
  /** Working days and hours, local to `timeZone` ("09:00", "17:30"). */
  readonly workingHours: { readonly days: readonly Weekday[]; readonly start: string; readonly end: string };
  /** Busy periods as UTC instants; tentative ones count as clashes too, but lighter. */
  readonly busy: readonly { readonly start: string; readonly end: string; readonly tentative?: boolean }[];
}

/**
 * What to search for: the two people, when the series may start, how often and how long it meets,
 * and for how many weeks.
 */
export interface SlotSearch {
  readonly organiser: Availability;
  readonly partner: Availability;
  /** The first day the series may start (YYYY-MM-DD, in the organiser's zone). */
  readonly from: string;
  readonly everyWeeks: number;
  readonly minutes: number;
  /** How many weeks the series spans. */
  readonly weeks: number;
  /** Candidate start times are this many minutes apart. */
  readonly stepMinutes?: number;
  readonly limit?: number;
  /**
   * Minutes either side of each person's working day a slot may use when there is too little
   * overlap (people far apart); such slots say whose day they stretch.
   */
  readonly stretchMinutes?: number;
}

/**
 * One recurring time the pair could meet, with every occurrence, the weeks it clashes, and its
 * score (higher is better).
 */
export interface Slot {
  /** In the organiser's time zone. */
  readonly weekday: Weekday;
  readonly time: string;
  /** The partner's weekday and time for the first occurrence. */
  readonly partner: { readonly weekday: Weekday; readonly time: string };
  /** Every occurrence, as UTC instants. */
  readonly occurrences: readonly string[];
  /** Occurrences where either person is busy or tentative. */
  readonly clashes: readonly string[];
  /** Whose working day the slot falls outside of (only when the search was stretched). */
  readonly outsideWorkingHours: readonly ('organiser' | 'partner')[];
  readonly score: number;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A person's working day as numbers: offsets come from Luxon (cached per quarter hour, the
 * finest step any zone changes by), weekdays and minutes are then plain arithmetic.
 */
function workingDay(person: Availability, stretch = 0) {
  const zone = IANAZone.create(person.timeZone);
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number) => {
    const bucket = Math.floor(ms / 900_000);
    let offset = offsets.get(bucket);
    if (offset === undefined) offsets.set(bucket, (offset = zone.offset(ms)));
    return offset;
  };
  const days = new Set(person.workingHours.days.map((d) => WEEKDAYS.indexOf(d)));
  const startMinute = Math.max(0, minutesOf(person.workingHours.start) - stretch);
  const endMinute = Math.min(1440, minutesOf(person.workingHours.end) + stretch);
  /** Local weekday (0 = Monday) and minute of day of an instant. */
  const local = (ms: number) => {
    const minutes = Math.floor(ms / 60_000) + offsetAt(ms);
    const day = Math.floor(minutes / 1440);
    // 1 January 1970 was a Thursday (3 with Monday as 0).
    return { weekday: (((day + 3) % 7) + 7) % 7, minute: ((minutes % 1440) + 1440) % 1440 };
  };
  return {
    local,
    /** Whether [start, start + minutes) lies inside one of the person's working days. */
    contains(start: number, minutes: number): boolean {
      const s = local(start);
      const lastMinute = local(start + (minutes - 1) * 60_000);
      return days.has(s.weekday) && lastMinute.weekday === s.weekday && s.minute >= startMinute && lastMinute.minute + 1 <= endMinute;
    },
    /** Minutes from the nearer edge of the working day. */
    distanceFromEdges(start: number, minutes: number): number {
      const s = local(start).minute;
      return Math.min(s - startMinute, endMinute - (s + minutes));
    },
  };
}

/** Busy periods as epoch milliseconds, sorted by start, with the longest one for searching. */
function busyIndex(people: readonly Availability[]) {
  const periods = people
    .flatMap((p) => p.busy)
    .map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end), tentative: b.tentative ?? false }))
    .filter((b) => Number.isFinite(b.start) && Number.isFinite(b.end) && b.end > b.start)
    .sort((a, b) => a.start - b.start);
  const longest = periods.reduce((max, b) => Math.max(max, b.end - b.start), 0);
  /** 0 free, 0.5 only tentative, 1 busy: what overlaps [start, end). */
  return (start: number, end: number): number => {
    // Only periods starting after start − longest can reach into the meeting.
    let low = 0;
    let high = periods.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (periods[mid]!.start < start - longest) low = mid + 1;
      else high = mid;
    }
    let weight = 0;
    for (let i = low; i < periods.length && periods[i]!.start < end; i++) {
      const b = periods[i]!;
      if (b.end > start) {
        if (!b.tentative) return 1;
        weight = 0.5;
      }
    }
    return weight;
  };
}

/**
 * The best recurring slots, best first: inside both people's working hours on every occurrence,
 * free in as many weeks as possible (clashing weeks listed; a slot that clashes every week is
 * left out), away from the edges of the day where possible.
 */
export function findRecurringSlots(search: SlotSearch): Slot[] {
  const step = search.stepMinutes ?? 15;
  const { organiser, partner } = search;
  const first = DateTime.fromISO(search.from, { zone: organiser.timeZone }).startOf('day');
  const occurrencesCount = Math.max(1, Math.floor((search.weeks - 1) / search.everyWeeks) + 1);
  const clashWeightAt = busyIndex([organiser, partner]);
  const stretch = search.stretchMinutes ?? 0;
  const organiserDay = workingDay(organiser, stretch);
  const partnerDay = workingDay(partner, stretch);
  const organiserHours = workingDay(organiser);
  const partnerHours = workingDay(partner);
  const slots: Slot[] = [];

  for (let day = 0; day < 7; day++) {
    const firstDay = first.plus({ days: day });
    const weekday = WEEKDAYS[firstDay.weekday - 1]!;
    if (!organiser.workingHours.days.includes(weekday)) continue;
    // Each occurrence's local midnight as an instant; the same wall-clock time each time, so daylight
    // saving moves the instant. Luxon resolves each date once.
    const midnights = Array.from({ length: occurrencesCount }, (_, k) => firstDay.plus({ weeks: k * search.everyWeeks }).toMillis());
    const firstMinute = Math.max(0, minutesOf(organiser.workingHours.start) - stretch);
    const lastMinute = Math.min(1440, minutesOf(organiser.workingHours.end) + stretch);
    for (let minute = firstMinute; minute + search.minutes <= lastMinute; minute += step) {
      const occurrences: number[] = [];
      let fits = true;
      for (const midnight of midnights) {
        // Working hours never span a clock change, so the offset at the slot is the day's offset then.
        const guess = midnight + minute * 60_000;
        const start = guess - (organiserDay.local(guess).minute - minute) * 60_000;
        if (!organiserDay.contains(start, search.minutes) || !partnerDay.contains(start, search.minutes)) {
          fits = false;
          break;
        }
        occurrences.push(start);
      }
      if (!fits) continue;
      const clashes: string[] = [];
      let clashWeight = 0;
      for (const start of occurrences) {
        const weight = clashWeightAt(start, start + search.minutes * 60_000);
        if (weight > 0) {
          clashes.push(new Date(start).toISOString());
          clashWeight += weight;
        }
      }
      const freeShare = 1 - clashWeight / occurrences.length;
      const outsideWorkingHours: ('organiser' | 'partner')[] = [];
      if (stretch > 0) {
        if (!occurrences.every((o) => organiserHours.contains(o, search.minutes))) outsideWorkingHours.push('organiser');
        if (!occurrences.every((o) => partnerHours.contains(o, search.minutes))) outsideWorkingHours.push('partner');
      }
      const edge = Math.min(organiserHours.distanceFromEdges(occurrences[0]!, search.minutes), partnerHours.distanceFromEdges(occurrences[0]!, search.minutes));
      // Free weeks matter most; a little credit for being an hour or more from either end of the
      // day, and a cost for each day it stretches.
      const score = freeShare + 0.05 * Math.min(1, Math.max(0, edge) / 60) - 0.25 * outsideWorkingHours.length;
      const there = partnerDay.local(occurrences[0]!);
      slots.push({
        weekday,
        time: hhmm(minute),
        partner: { weekday: WEEKDAYS[there.weekday]!, time: hhmm(there.minute) },
        occurrences: occurrences.map((o) => new Date(o).toISOString()),
        clashes,
        outsideWorkingHours,
        score,
      });
    }
  }

  // Best first; then keep slots that differ (another day, or an hour apart) so the choice is real.
  slots.sort((a, b) => b.score - a.score || WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday) || a.time.localeCompare(b.time));
  const chosen: Slot[] = [];
  for (const slot of slots) {
    // A slot that clashes every time is no slot; one that clashes often still is, with its clashes listed.
    if (slot.clashes.length === slot.occurrences.length) continue;
    const near = chosen.some((c) => c.weekday === slot.weekday && Math.abs(minutesOf(c.time) - minutesOf(slot.time)) < 60);
    if (!near) chosen.push(slot);
    if (chosen.length === (search.limit ?? 3)) break;
  }
  return chosen;
}

/**
 * Slots inside both working days if there are any; otherwise, for people whose days barely
 * overlap, slots that stretch a day by up to one hour, then two, saying whose.
 */
export function findSlotsStretching(search: SlotSearch): Slot[] {
  for (const stretchMinutes of [0, 60, 120]) {
    const slots = findRecurringSlots({ ...search, stretchMinutes });
    if (slots.length > 0) return slots;
  }
  return [];
}
