/**
 * Asking to pair, without a server: the executive writes whom they asked in their own profile;
 * the reverse mentor writes whom they accepted or declined in theirs. Everyone's client reads both
 * and comes to the same view. A pairing ends in the executive's booking record (the series ended
 * from the app, or ran its weeks): from then on it is over for both, whatever the mentor's lists
 * still say, so the executive may ask someone new and the mentor's place is free again.
 */
import { seriesEnded, type BookingRecord } from '@/domain/booking/pair-schedule';

/** What an executive sees of their request: `ended` once the accepted pairing is over. */
export type RequestState = { readonly kind: 'none' } | { readonly kind: 'pending' | 'accepted' | 'declined' | 'ended'; readonly mentorId: string };

interface Answers {
  readonly accepted?: readonly string[];
  readonly declined?: readonly string[];
}

/** An executive as the requests read them: whom they asked, and the series they booked. */
export interface Asker {
  readonly personId: string;
  readonly asked?: string;
  readonly bookings?: readonly BookingRecord[];
}

/** Whether the executive's pairing with this mentor has ended at `now` (ms), by the executive's booking record. */
export function pairingEnded(executive: Pick<Asker, 'bookings'> | undefined, mentorId: string, now: number): boolean {
  const booking = executive?.bookings?.find((b) => b.with === mentorId);
  return booking !== undefined && seriesEnded(booking, now);
}

/** The state of an executive's request at `now`, from their profile and the asked mentor's answers. */
export function requestStateOf(executive: Asker, mentor: Answers | undefined, now: number): RequestState {
  const asked = executive.asked;
  if (!asked) return { kind: 'none' };
  if (pairingEnded(executive, asked, now)) return { kind: 'ended', mentorId: asked };
  if (mentor?.accepted?.includes(executive.personId)) return { kind: 'accepted', mentorId: asked };
  if (mentor?.declined?.includes(executive.personId)) return { kind: 'declined', mentorId: asked };
  return { kind: 'pending', mentorId: asked };
}

/** Executives waiting for this mentor's answer, in the given order (not those whose pairing with them has ended). */
export function incomingRequests(mentorId: string, mentor: Answers | undefined, executives: readonly Asker[], now: number): string[] {
  return executives
    .filter((e) => e.asked === mentorId && !mentor?.accepted?.includes(e.personId) && !mentor?.declined?.includes(e.personId) && !pairingEnded(e, mentorId, now))
    .map((e) => e.personId);
}

/**
 * The executives a mentor mentors now: those they accepted whose pairing has not ended. Their load
 * against their capacity; an executive whose profile is not among `executives` still counts.
 */
export function currentMentees(mentorId: string, mentor: Answers | undefined, executives: readonly Asker[], now: number): string[] {
  return (mentor?.accepted ?? []).filter(
    (id) =>
      !pairingEnded(
        executives.find((e) => e.personId === id),
        mentorId,
        now,
      ),
  );
}

/**
 * A mentor's answer to an executive, as their new lists (an answer replaces an earlier one). At most
 * `keep` accepted are kept: the oldest of `ended` (executives whose pairing is over) make room first.
 */
export function answer(
  mentor: Answers,
  executiveId: string,
  accept: boolean,
  room: { readonly keep: number; readonly ended: readonly string[] } = { keep: Infinity, ended: [] },
): { accepted: string[]; declined: string[] } {
  let accepted = (mentor.accepted ?? []).filter((id) => id !== executiveId);
  const declined = (mentor.declined ?? []).filter((id) => id !== executiveId);
  (accept ? accepted : declined).push(executiveId);
  for (const id of accepted.filter((a) => room.ended.includes(a))) {
    if (accepted.length <= room.keep) break;
    accepted = accepted.filter((a) => a !== id);
  }
  return { accepted, declined: declined.slice(-10) };
}

/**
 * A reverse mentor's load as anyone counts it whose pairings with them are sealed to others: from
 * when each of their pairings ends ('' while it is not booked), those not over at `now`.
 */
export function loadFromEnds(busyUntil: readonly string[], now: number): number {
  return busyUntil.filter((until) => until === '' || !(Date.parse(until) <= now)).length;
}
