/**
 * Asking a reverse mentor to pair and answering, headless and without a server: the executive writes
 * whom they asked in their own profile, the reverse mentor whom they accepted or declined in theirs
 * (domain/matching/requests.ts); every client reads both and comes to the same view.
 */
import { matchingOn, type Round } from '@/domain/programme/rounds';
import type { Matcher } from '@/domain/matching/engine';
import { answer, currentMentees, incomingRequests, pairingEnded, requestStateOf, type RequestState } from '@/domain/matching/requests';
import type { GraphClient } from '@/services/graph/graph-client';
import type { StoredProfile } from '@/services/profile/profile-store';
import type { Notifier } from '@/application/notifications/notifier';
import { updateMyProfile, type Participation } from './my-profile';

/**
 * An executive's request as it stands at `now`: none, waiting, accepted or declined (by the mentor
 * they asked), or ended (the pairing it led to is over, so they may ask someone new).
 */
export function myRequest(me: StoredProfile | undefined, profiles: readonly StoredProfile[], now: number): RequestState {
  if (!me) return { kind: 'none' };
  return requestStateOf(me, me.asked ? profiles.find((p) => p.personId === me.asked) : undefined, now);
}

/**
 * Asks a reverse mentor to pair (replacing an earlier request), then tells them in Teams. Refused, in
 * the rules' words, when the programme rules do not allow the pair; the app only offers people they
 * allow, so this guards against a stale screen. Telling them never fails the request.
 */
export async function askToPair(
  client: GraphClient,
  me: StoredProfile | undefined,
  mentorId: string,
  context: {
    readonly matcher: Matcher;
    readonly now: number;
    readonly notifier?: Notifier;
    readonly participation?: Participation;
    /** The programme's rounds: asking only while one's matching is open. */
    readonly rounds?: readonly Round[];
  },
): Promise<StoredProfile> {
  if (!me?.mentee) throw new Error('Opt in as an executive who wants a reverse mentor first.');
  if (!matchingOn(context.rounds ?? [], new Date(context.now).toISOString().slice(0, 10)).open) {
    throw new Error('Pairs are not being made just now: the round’s matching has closed. Reload to see when the next round opens.');
  }
  const breaches = context.matcher.whyNot(me.personId, mentorId);
  // Codes, not words: the UI words them for its reader (components/matching-words.ts); this only guards a stale screen.
  if (breaches.length > 0) throw new Error('The programme rules no longer allow asking this person; reload to see who you can ask.');
  // The participant entry carries the profile's copy, which is how the mentor's app sees the request.
  const saved = await updateMyProfile(client, me, { asked: mentorId }, context.now, context.participation);
  if (me.asked !== mentorId) await context.notifier?.notify('request', mentorId);
  return saved;
}

/** Withdraws the executive's request. */
export function withdrawRequest(client: GraphClient, me: StoredProfile | undefined, now: number, participation?: Participation): Promise<StoredProfile> {
  return updateMyProfile(client, me, { asked: undefined }, now, participation);
}

/** Executives waiting for this reverse mentor's answer at `now`. */
export function requestsWaitingFor(me: StoredProfile | undefined, profiles: readonly StoredProfile[], now: number): string[] {
  if (!me?.mentor) return [];
  return incomingRequests(me.personId, me, profiles, now);
}

/** The executives a reverse mentor mentors at `now`: accepted, and the pairing not ended. */
export function myMentees(me: StoredProfile | undefined, profiles: readonly StoredProfile[], now: number): string[] {
  if (!me?.mentor) return [];
  return currentMentees(me.personId, me, profiles, now);
}

/** Whether a reverse mentor mentors as many executives as they offered (ended pairings do not count). */
export function atCapacity(me: StoredProfile | undefined, profiles: readonly StoredProfile[], now: number): boolean {
  return Boolean(me?.mentor && myMentees(me, profiles, now).length >= me.mentor.capacity);
}

/** How many accepted executives a profile holds (its schema's limit, the highest capacity). */
const ACCEPTED_KEPT = 3;

/**
 * The reverse mentor's answer to an executive (an answer replaces an earlier one); their load is
 * the executives they mentor now (`profiles` tell which pairings have ended). Accepting beyond their
 * capacity is refused. Executives whose pairing ended stay in the list (their pair's meetings still
 * find it) until a new one needs the room. The executive is told in Teams; that never fails the answer.
 */
export async function answerRequest(
  client: GraphClient,
  me: StoredProfile | undefined,
  executiveId: string,
  accept: boolean,
  context: { readonly profiles: readonly StoredProfile[]; readonly now: number; readonly notifier?: Notifier; readonly participation?: Participation },
): Promise<StoredProfile> {
  if (!me?.mentor) throw new Error('Opt in as a reverse mentor first.');
  const { profiles, now } = context;
  if (accept && atCapacity(me, profiles, now) && !myMentees(me, profiles, now).includes(executiveId)) {
    throw new Error(`You are at your capacity of ${me.mentor.capacity}; change it in your profile to accept more.`);
  }
  const ended = (me.accepted ?? []).filter((id) =>
    pairingEnded(
      profiles.find((p) => p.personId === id),
      me.personId,
      now,
    ),
  );
  const lists = answer(me, executiveId, accept, { keep: ACCEPTED_KEPT, ended });
  const saved = await updateMyProfile(client, me, { ...lists, load: lists.accepted.filter((id) => !ended.includes(id)).length }, now, context.participation);
  await context.notifier?.notify(accept ? 'accepted' : 'declined', executiveId);
  return saved;
}
