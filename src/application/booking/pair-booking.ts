/**
 * The executive's side of a pair's sessions, headless: where the pair stands, booking the series
 * (series, workspace, chat tab and the record in the executive's profile, as one use case), then
 * moving it, skipping a session and ending the pairing.
 *
 * Booking cannot be left half-done: the series is found again by the pair's key, so when the record
 * could not be saved after the series was made, booking again (any time chosen) finds that series,
 * creates nothing new and saves the record of the series as the calendar has it. The calendar is
 * the truth: two tabs racing with different times keep the oldest series, and both record it.
 */
import { DateTime } from 'luxon';
import { pairScheduleOf, withEntry, type BookingRecord, type PairSchedule, type Proposal } from '@/domain/booking/pair-schedule';
import { weeksWithin } from '@/domain/programme/round-series';
import { addDays } from '@/domain/programme/rounds';
import { movedSeries, seriesFor, type SeriesShape } from '@/domain/scheduling/recurrence';
import {
  bookSeries,
  endSeries,
  findSeries,
  listOccurrences,
  pairKeyOf,
  rescheduleSeries,
  skipOccurrence,
  type BookingRequest,
  type ChatTabOutcome,
  type SeriesInfo,
} from '@/services/booking/booking-service';
import { GraphRequestError } from '@/services/graph/graph-errors';
import type { BookingPorts, Cadence, PairPerson } from './booking-ports';

/** The executive (signed in) and the reverse mentor they book with, at the programme's rhythm. */
export interface ExecutivePair {
  readonly me: PairPerson;
  readonly mentor: PairPerson;
  readonly cadence: Cadence;
}

/** The app as the meeting chat's tab names it, and the tenant for the install link. */
export type BookingApp = BookingRequest['app'];

/** The programme's words that go into the invitation and the workspace. */
export interface ProgrammeWords {
  readonly name: string;
  /** The code of conduct template for the pair's workspace (empty: the built-in one). */
  readonly codeOfConduct?: string;
}

/** The series as the executive's calendar has it, or `none` when it is no longer there. */
export type PairSeries = SeriesInfo | 'none';

/** How far ahead "Skip a session" lists the sessions. */
export const UPCOMING_WEEKS = 10;

/** The message when a change needs the series and the calendar no longer has it. */
export const SERIES_MISSING = 'The series was not found in your calendar.';

/** The series a booking record describes, as the domain shapes it. */
export const shapeOf = (b: BookingRecord): SeriesShape => seriesFor(b.start, b.zone, { everyWeeks: b.everyWeeks, weeks: b.weeks, minutes: b.minutes });

/** Where the pair stands now, from the executive's bookings and the mentor's proposals. */
export function executiveSchedule(ports: Pick<BookingPorts, 'now' | 'records'>, pair: ExecutivePair, mentorProposals: readonly Proposal[] | undefined): PairSchedule {
  return pairScheduleOf(pair.me.id, pair.mentor.id, ports.records.current()?.bookings, mentorProposals, ports.now().toISOString());
}

/**
 * The pair's series in the executive's calendar (the oldest, should there be more), with the
 * mentor's reply. Given the pair's record, it also mends a record that names another series or
 * another first start than the calendar keeps (two tabs that booked at once each recorded their
 * own, and the later check removed one series): the mentor and the meeting surfaces find the
 * series by the record's uid, and everyone's summary shows the record's time.
 */
export async function findPairSeries(
  ports: Pick<BookingPorts, 'graph'> & Partial<Pick<BookingPorts, 'records'>>,
  pair: { readonly me: Pick<PairPerson, 'id'>; readonly mentor: Pick<PairPerson, 'id' | 'address'> },
  booking?: BookingRecord,
): Promise<PairSeries> {
  const found = (await findSeries(await ports.graph(), pairKeyOf(pair.me.id, pair.mentor.id), pair.mentor.address))[0];
  if (!found) return 'none';
  const moved = found.start !== undefined && Date.parse(found.start) !== Date.parse(booking?.start ?? '');
  if (booking && ports.records && !booking.ended && (found.iCalUId !== booking.uid || moved)) {
    const mended: BookingRecord = { ...booking, uid: found.iCalUId, start: found.start ?? booking.start };
    await ports.records.save({ bookings: withEntry(ports.records.current()?.bookings, pair.mentor.id, mended) });
  }
  return found;
}

/** Booking a pair's sessions: who, the first start chosen (UTC ISO) and the zone the series keeps its time in. */
export interface BookPairingInput {
  readonly pair: ExecutivePair;
  readonly start: string;
  readonly zone: string;
  readonly programme: ProgrammeWords;
  readonly app: BookingApp;
  /** The last day of the programme's round (YYYY-MM-DD), when one runs: the series ends by then. */
  readonly roundEnd?: string | undefined;
}

/** What booking did: the series, the record saved, and whether the meeting chat got the app's tab. */
export interface PairingBooked {
  readonly series: SeriesInfo;
  readonly record: BookingRecord;
  readonly chatTab: ChatTabOutcome;
  /** True when the series was there already (a retry after a failure, a second tab). */
  readonly existed: boolean;
}

/**
 * Books the pair: the series with its Teams meeting in both calendars, the shared workspace, the
 * app's tab in the meeting chat, then the record in the executive's profile, then tells the mentor in
 * Teams (once per series: not again for a series already recorded). Safe to call again after any
 * failure (see the module comment): never a second series, and the record follows.
 */
export async function bookPairing(ports: BookingPorts, input: BookPairingInput): Promise<PairingBooked> {
  const { me, mentor } = input.pair;
  const weeks = weeksWithin(input.start, input.zone, input.roundEnd, input.pair.cadence.weeks);
  if (weeks === 0) throw new Error(`The round ends on ${input.roundEnd}: choose a first session on or before that day.`);
  const cadence = { ...input.pair.cadence, weeks };
  const result = await bookSeries(await ports.graph(), {
    organiser: { id: me.id, displayName: me.displayName, mail: me.address },
    partner: { id: mentor.id, displayName: mentor.displayName, mail: mentor.address },
    series: seriesFor(input.start, input.zone, cadence),
    programmeName: input.programme.name,
    ...(input.programme.codeOfConduct !== undefined ? { codeOfConduct: input.programme.codeOfConduct } : {}),
    app: input.app,
  });
  const record: BookingRecord = {
    with: mentor.id,
    // The series the calendar keeps, with its own first start: one found again (a retry, another
    // tab) keeps its time, whatever time this attempt chose.
    start: result.series.start ?? input.start,
    zone: input.zone,
    ...cadence,
    uid: result.series.iCalUId,
    workspace: result.workspace.webUrl,
    ref: `${result.workspace.driveId}/${result.workspace.id}`,
  };
  const recorded = ports.records.current()?.bookings?.find((b) => b.with === mentor.id);
  await ports.records.save({ bookings: withEntry(ports.records.current()?.bookings, mentor.id, record) });
  if (recorded?.uid !== record.uid || recorded.ended) await ports.notifier?.notify('booked', mentor.id);
  return { series: result.series, record, chatTab: result.chatTab, existed: result.existed };
}

/** The series itself, or the message that it is gone. */
function seriesOrThrow(series: PairSeries | undefined): SeriesInfo {
  if (!series || series === 'none') throw new Error(SERIES_MISSING);
  return series;
}

/**
 * Moves the whole series to a new first start (a time chosen, or the mentor's proposal agreed),
 * then records it. Outlook asks the mentor again, so their reply starts over. Calling it again
 * after the record failed moves nothing further and records the time.
 */
export async function moveSeries(ports: BookingPorts, pair: ExecutivePair, booking: BookingRecord, series: PairSeries | undefined, start: string, zone: string): Promise<SeriesInfo> {
  const found = seriesOrThrow(series);
  await rescheduleSeries(await ports.graph(), found.id, movedSeries(shapeOf(booking), start, zone));
  await ports.records.save({ bookings: withEntry(ports.records.current()?.bookings, pair.mentor.id, { ...booking, start, zone }) });
  return { ...found, partnerResponse: 'none', start };
}

/**
 * Ends the series with the programme's round: sessions after `roundEnd` (YYYY-MM-DD, in the series'
 * zone, as its calendar dates them) go from both calendars, earlier ones stay; the record keeps the
 * weeks that are left, or says the pairing ended when none are (it began after the round). A series
 * no longer in the calendar (`none`) has nothing to change there: only the record changes.
 */
export async function endWithRound(ports: BookingPorts, pair: ExecutivePair, booking: BookingRecord, series: PairSeries | undefined, roundEnd: string): Promise<BookingRecord> {
  if (!series) throw new Error(SERIES_MISSING);
  if (series !== 'none') {
    const dayAfter = DateTime.fromISO(roundEnd, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
    await endSeries(await ports.graph(), series.id, shapeOf(booking), dayAfter);
  }
  const weeks = weeksWithin(booking.start, booking.zone, roundEnd, booking.weeks);
  // Nothing left: it ended before its first session (by its UTC day, as the counts date sessions), so none counts.
  const before = addDays(booking.start.slice(0, 10), -1);
  const fitted: BookingRecord = weeks === 0 ? { ...booking, ended: before < roundEnd ? before : roundEnd } : { ...booking, weeks };
  await ports.records.save({ bookings: withEntry(ports.records.current()?.bookings, pair.mentor.id, fitted) });
  return fitted;
}

/** One upcoming session of the series: its occurrence id and UTC start. */
export interface Session {
  readonly id: string;
  readonly start: string;
}

/** The series' sessions from now for the next {@link UPCOMING_WEEKS} weeks, in order. */
export async function upcomingSessions(ports: Pick<BookingPorts, 'graph' | 'now'>, series: PairSeries | undefined): Promise<Session[]> {
  const found = seriesOrThrow(series);
  const now = ports.now();
  return listOccurrences(await ports.graph(), found.id, now, new Date(now.getTime() + UPCOMING_WEEKS * 7 * 86_400_000));
}

/** Skips one session for both, telling the mentor the next one stands. */
export async function skipSession(ports: Pick<BookingPorts, 'graph'>, pair: ExecutivePair, sessionId: string): Promise<void> {
  await skipOccurrence(await ports.graph(), sessionId, `${pair.me.displayName} skipped this session; the next one stands.`);
}

/**
 * Ends the pairing today (in the series' zone): future sessions leave both calendars, past ones
 * stay; then the record says so. A series no longer in the calendar (`none`: removed there, or
 * cancelled by an earlier try whose record was not saved) has nothing left to end, so only the
 * record changes: calling it again after a failure completes it.
 */
export async function endPairing(ports: BookingPorts, pair: ExecutivePair, booking: BookingRecord, series: PairSeries | undefined): Promise<BookingRecord> {
  if (!series) throw new Error(SERIES_MISSING);
  const today = DateTime.fromJSDate(ports.now()).setZone(booking.zone).toISODate()!;
  if (series !== 'none') {
    try {
      await endSeries(await ports.graph(), series.id, shapeOf(booking), today);
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
    }
  }
  const ended: BookingRecord = { ...booking, ended: today };
  await ports.records.save({ bookings: withEntry(ports.records.current()?.bookings, pair.mentor.id, ended) });
  return ended;
}
