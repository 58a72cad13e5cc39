/**
 * A pair's schedule without a server: the executive books the series (they organise it) and
 * records it in their own profile; the reverse mentor proposes times in theirs. Everyone's client
 * reads both profiles and comes to the same view. Pure: "now" is passed in.
 */

/** What the executive records about the series they booked for a pair. */
export interface BookingRecord {
  /** The reverse mentor. */
  readonly with: string;
  /** The first occurrence, UTC ISO. */
  readonly start: string;
  /** The organiser's time zone, in which the series keeps its wall-clock time. */
  readonly zone: string;
  readonly everyWeeks: number;
  readonly weeks: number;
  readonly minutes: number;
  /** The series' iCalUId: the same in both calendars, so the partner finds their copy. */
  readonly uid: string;
  /** A link to the pair workspace. */
  readonly workspace: string;
  /** Where the workspace file is: "driveId/itemId". */
  readonly ref?: string;
  /** Set when the pairing ended (YYYY-MM-DD of the last session kept). */
  readonly ended?: string;
}

const DAY_MS = 86_400_000;

/**
 * Whether a booked series is over at `now` (ms): ended from the app (the record says so), or past
 * its last week. The one test of "ended" for everything that asks whether a pair is current or past:
 * the repeat rule, a mentor's load and an executive's request.
 */
export function seriesEnded(booking: Pick<BookingRecord, 'start' | 'weeks' | 'ended'>, now: number): boolean {
  if (booking.ended) return true;
  const start = Date.parse(booking.start);
  return Number.isFinite(start) && now >= start + booking.weeks * 7 * DAY_MS;
}

/** A time one of the pair proposes for the series' first (or next) occurrence. */
export interface Proposal {
  readonly with: string;
  /** UTC ISO start. */
  readonly start: string;
}

/**
 * Where a pair stands: not booked yet, booked, or ended (the booking's `ended` is unset when the
 * series simply ran its weeks); with the mentor's proposed new time (UTC ISO) while one counts.
 */
export type PairSchedule =
  | { readonly kind: 'unbooked'; readonly proposal?: string }
  | { readonly kind: 'booked'; readonly booking: BookingRecord; readonly proposal?: string }
  | { readonly kind: 'ended'; readonly booking: BookingRecord };

/**
 * The schedule of the pair (executive, mentor) from the executive's bookings and the mentor's
 * proposals. A proposal counts while it is in the future and differs from the booked time. The
 * pairing has ended when it was ended from the app or its series ran its weeks (as for the
 * repeat rule, the mentor's load and the executive's request).
 */
export function pairScheduleOf(
  executiveId: string,
  mentorId: string,
  bookings: readonly BookingRecord[] | undefined,
  mentorProposals: readonly Proposal[] | undefined,
  now: string,
): PairSchedule {
  const booking = bookings?.find((b) => b.with === mentorId);
  const proposed = mentorProposals?.find((p) => p.with === executiveId)?.start;
  const live = proposed && Date.parse(proposed) > Date.parse(now) ? proposed : undefined;
  if (!booking) return live ? { kind: 'unbooked', proposal: live } : { kind: 'unbooked' };
  if (seriesEnded(booking, Date.parse(now))) return { kind: 'ended', booking };
  return live && Date.parse(live) !== Date.parse(booking.start) ? { kind: 'booked', booking, proposal: live } : { kind: 'booked', booking };
}

/** A person's list with the entry for `partnerId` replaced (or removed when `entry` is undefined). */
export function withEntry<T extends { readonly with: string }>(list: readonly T[] | undefined, partnerId: string, entry: T | undefined): T[] {
  const rest = (list ?? []).filter((e) => e.with !== partnerId);
  return entry ? [...rest, entry] : rest;
}

/**
 * The session a day belongs to: the UTC date (YYYY-MM-DD) of the first occurrence on or after
 * `today` (a UTC date too, so both people, wherever they are, name a session alike), or `today`
 * itself after the series has ended.
 */
export function sessionOn(booking: Pick<BookingRecord, 'start' | 'zone' | 'everyWeeks' | 'weeks'>, today: string): string {
  const first = booking.start.slice(0, 10);
  const step = booking.everyWeeks * 7;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
  if (days <= 0) return first;
  const k = Math.ceil(days / step);
  if (k * step >= booking.weeks * 7) return today;
  return new Date(Date.parse(`${first}T00:00:00Z`) + k * step * 86_400_000).toISOString().slice(0, 10);
}
