/**
 * The recurring times that suit a pair, headless: both calendars' free/busy and working hours from
 * tomorrow (in the organiser's zone) over the series' weeks, then the best weekly slots; and a time
 * a person types themselves, checked against the clock.
 */
import { DateTime } from 'luxon';
import { findSlotsStretching, type Availability, type Slot } from '@/domain/scheduling/slots';
import { DEFAULT_WORKING_HOURS, readSchedules } from '@/services/booking/schedule-reader';
import type { BookingPorts, Cadence, PairPerson } from './booking-ports';

/** The suggested slots, the zone the series keeps its time in, and why the partner's calendar could not be read, if so. */
export interface PairSlots {
  readonly slots: readonly Slot[];
  /** The organiser's zone as their calendar says (the series keeps its wall-clock time there). */
  readonly organiserZone: string;
  /** Why the partner's calendar could not be read: the slots then fit the organiser's calendar only. */
  readonly partnerUnreadable?: string;
}

/**
 * The best recurring times for the pair from tomorrow. The organiser's calendar must be readable
 * (the error says whose could not be read); the partner's may not be (the slots then fit the
 * organiser alone, and `partnerUnreadable` says why).
 */
export async function findPairSlots(ports: Pick<BookingPorts, 'graph' | 'now'>, organiser: PairPerson, partner: PairPerson, cadence: Cadence): Promise<PairSlots> {
  const client = await ports.graph();
  // From tomorrow, in the organiser's calendar.
  const from = DateTime.fromJSDate(ports.now()).setZone(organiser.zone).plus({ days: 1 }).startOf('day');
  const schedules = await readSchedules(
    client,
    [organiser, partner].map((p) => ({ address: p.address, fallbackZone: p.zone })),
    from.toUTC().toJSDate(),
    cadence.weeks,
  );
  const mine = schedules.get(organiser.address);
  const theirs = schedules.get(partner.address);
  if (mine?.kind !== 'read') throw new Error(`${organiser.displayName}’s calendar could not be read just now. Try again in a moment.`);
  const partnerAvailability: Availability = theirs?.kind === 'read' ? theirs.availability : { timeZone: partner.zone, workingHours: DEFAULT_WORKING_HOURS, busy: [] };
  const slots = findSlotsStretching({
    organiser: mine.availability,
    partner: partnerAvailability,
    from: from.toISODate()!,
    everyWeeks: cadence.everyWeeks,
    minutes: cadence.minutes,
    weeks: cadence.weeks,
  });
  return { slots, organiserZone: mine.availability.timeZone, ...(theirs?.kind === 'unreadable' ? { partnerUnreadable: theirs.message } : {}) };
}

/** A time a person typed (`YYYY-MM-DDTHH:mm`, their wall-clock time in `zone`) as a UTC ISO start; undefined unless valid and in the future. */
export function typedStart(ports: Pick<BookingPorts, 'now'>, local: string, zone: string): string | undefined {
  if (!local) return undefined;
  const start = DateTime.fromISO(local, { zone });
  return start.isValid && start.toMillis() > ports.now().getTime() ? start.toUTC().toISO({ suppressMilliseconds: true })! : undefined;
}
