/**
 * The reverse mentor's side of a pair's sessions, headless: where the pair stands (the executive
 * books and keeps the record), suggesting or proposing a time, and answering the invitation.
 */
import { pairScheduleOf, withEntry, type BookingRecord, type PairSchedule } from '@/domain/booking/pair-schedule';
import { findMyCopy, listOccurrences, respondToSeries } from '@/services/booking/booking-service';
import type { BookingPorts, PairPerson } from './booking-ports';
import { UPCOMING_WEEKS, type Session } from './pair-booking';

/** The reverse mentor (signed in) and the executive who books their sessions. */
export interface MentorPair {
  readonly me: PairPerson;
  readonly executive: PairPerson;
}

/** Where the pair stands for the mentor, and the time they suggested while it is still ahead. */
export interface MentorSchedule {
  readonly schedule: PairSchedule;
  /** The mentor's own suggestion (UTC ISO) while it is in the future. */
  readonly suggested?: string;
}

/** The mentor's copy of the series in their calendar, their reply so far and the Teams join link; `none` when it is not there. */
export type Invitation = { readonly id: string; readonly response: string; readonly joinUrl?: string } | 'none';

/** The reply the mentor's calendar gets with a decline. */
export const DECLINE_COMMENT = 'I cannot make this time; I will propose another in the app.';

/** Where the pair stands now, from the executive's bookings and the mentor's own proposals. */
export function mentorSchedule(ports: Pick<BookingPorts, 'now' | 'records'>, pair: MentorPair, executiveBookings: readonly BookingRecord[] | undefined): MentorSchedule {
  const now = ports.now();
  const proposals = ports.records.current()?.proposals;
  const schedule = pairScheduleOf(pair.executive.id, pair.me.id, executiveBookings, proposals, now.toISOString());
  const mine = proposals?.find((p) => p.with === pair.executive.id);
  return mine && Date.parse(mine.start) > now.getTime() ? { schedule, suggested: mine.start } : { schedule };
}

/** The mentor's copy of the series the executive booked (by its iCalUId), and their reply. */
export async function findInvitation(ports: Pick<BookingPorts, 'graph'>, uid: string): Promise<Invitation> {
  return (await findMyCopy(await ports.graph(), uid)) ?? 'none';
}

/** Accepts or declines the series; a decline says the mentor will propose another time. Returns the copy with the new reply. */
export async function answerInvitation(ports: Pick<BookingPorts, 'graph'>, invitation: Exclude<Invitation, 'none'>, accept: boolean): Promise<Exclude<Invitation, 'none'>> {
  await respondToSeries(await ports.graph(), invitation.id, accept, accept ? undefined : DECLINE_COMMENT);
  return { ...invitation, response: accept ? 'accepted' : 'declined' };
}

/** The reply the executive's calendar gets when the mentor leaves the pairing. */
export const LEAVE_COMMENT = 'I have left our reverse-mentoring pairing. The app asks you to end the series.';

/**
 * The reverse mentor's copy of the series as they leave the pairing early: declined, so it leaves
 * their calendar and the executive's calendar hears it, with why (the executive's card then asks
 * them to end the series, which they organise). A copy declined already, or gone, is left as it is,
 * so trying again never declines twice. Returns the copy as it now is.
 */
export async function declineToLeave(ports: Pick<BookingPorts, 'graph'>, invitation: Invitation): Promise<Invitation> {
  if (invitation === 'none' || invitation.response === 'declined') return invitation;
  await respondToSeries(await ports.graph(), invitation.id, false, LEAVE_COMMENT);
  return { ...invitation, response: 'declined' };
}

/** Replies that still ask the mentor for an answer: none yet (Graph resets the reply when a series moves). */
const UNANSWERED = new Set(['none', 'notResponded']);

/**
 * The invitation once the executive agreed to the mentor's own time: a series booked or moved to
 * the time the mentor proposed is what they asked for, so it is accepted for them (their calendar
 * and the executive's then say so) rather than asking them to accept their own time. A reply they
 * gave themselves (declined, tentative) is never overridden; any other invitation is returned as is.
 */
export async function acceptOwnTime(
  ports: Pick<BookingPorts, 'graph' | 'records'>,
  pair: { readonly executive: Pick<PairPerson, 'id'> },
  booking: Pick<BookingRecord, 'start'>,
  invitation: Invitation,
): Promise<{ readonly invitation: Invitation; readonly agreed: boolean }> {
  const mine = ports.records.current()?.proposals?.find((p) => p.with === pair.executive.id);
  const agreed = mine !== undefined && Date.parse(mine.start) === Date.parse(booking.start);
  if (!agreed || invitation === 'none' || !UNANSWERED.has(invitation.response)) return { invitation, agreed };
  return { invitation: await answerInvitation(ports, invitation, true), agreed };
}

/** Suggests (before booking) or proposes (after) a first start to the executive, kept in the mentor's profile; then tells them in Teams. */
export async function proposeTime(ports: Pick<BookingPorts, 'records' | 'notifier'>, pair: MentorPair, start: string): Promise<void> {
  await ports.records.save({ proposals: withEntry(ports.records.current()?.proposals, pair.executive.id, { with: pair.executive.id, start }) });
  await ports.notifier?.notify('timeProposed', pair.executive.id);
}

/** The sessions of the mentor's copy of the series from now for the next {@link UPCOMING_WEEKS} weeks, in order; none without a copy. */
export async function mentorUpcomingSessions(ports: Pick<BookingPorts, 'graph' | 'now'>, invitation: Invitation): Promise<Session[]> {
  if (invitation === 'none') return [];
  const now = ports.now();
  return listOccurrences(await ports.graph(), invitation.id, now, new Date(now.getTime() + UPCOMING_WEEKS * 7 * 86_400_000));
}
