/**
 * Whose sessions the signed-in person books or attends: the reverse mentor who accepted them (as
 * an executive) and the executives they accepted (as a mentor), each as booking needs them.
 */
import type { StoredProfile } from '@/services/profile/profile-store';
import { requestStateOf } from '@/domain/matching/requests';
import { seriesEnded } from '@/domain/booking/pair-schedule';
import { mailboxAddressOf, type DirectoryPerson } from '@/services/graph/directory-person';
import type { ProgrammeSettings } from '@/services/config/app-config';
import type { Cadence, PairPerson } from './booking-ports';

/** The programme's rhythm from its settings: every few weeks, so many minutes, for so many months. */
export function cadenceOf(programme: Pick<ProgrammeSettings, 'cadenceWeeks' | 'sessionMinutes' | 'durationMonths'>): Cadence {
  return { everyWeeks: programme.cadenceWeeks, minutes: programme.sessionMinutes, weeks: Math.round((programme.durationMonths * 52) / 12) };
}

/** The signed-in person and their pairs: the mentor they book with, and the executives who book with them. */
export interface BookingPairs {
  readonly self: PairPerson;
  readonly mentor: PairPerson | undefined;
  /** The mentor left the pairing (withdrew their answer) while its series still runs: the executive is asked to end it. */
  readonly mentorLeft?: true;
  readonly executives: readonly PairPerson[];
}

/**
 * The pairs of `userId` from their profile, everyone's profiles and the directory; undefined when
 * they cannot book (no mailbox or no time zone). A partner without either is left out.
 */
export function bookingPairsOf(userId: string, me: StoredProfile, profiles: readonly StoredProfile[], people: ReadonlyMap<string, DirectoryPerson>, now: number): BookingPairs | undefined {
  const profileOf = (id: string) => profiles.find((p) => p.personId === id);
  const personOf = (id: string): PairPerson | undefined => {
    const person = people.get(id);
    const zone = profileOf(id)?.timeZone;
    // Graph finds a mailbox by its SMTP address (mail); the user principal name only where there is no mail.
    const address = person ? mailboxAddressOf(person) : undefined;
    return person && address && zone ? { id, displayName: person.displayName, address, zone } : undefined;
  };
  const self = personOf(userId);
  if (!self) return undefined;
  const request = me.mentee ? requestStateOf({ ...me, personId: userId }, me.asked ? profileOf(me.asked) : undefined, now) : undefined;
  // An ended pairing stays until the executive asks someone new: its card says it ended. One the
  // mentor left stays while its series runs, so that the executive can end it.
  const left = request?.kind === 'declined' && (me.bookings ?? []).some((b) => b.with === request.mentorId && !seriesEnded(b, now));
  const mentor = request?.kind === 'accepted' || request?.kind === 'ended' || left ? personOf(request.mentorId) : undefined;
  const executives = (me.accepted ?? []).map(personOf).filter((p): p is PairPerson => p !== undefined);
  return { self, mentor, ...(left ? { mentorLeft: true as const } : {}), executives };
}
