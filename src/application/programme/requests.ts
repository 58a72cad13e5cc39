/**
 * Asking a reverse mentor to pair and answering, headless and without a server: the executive writes
 * whom they asked in their own profile, the reverse mentor whom they accepted or declined in theirs
 * (domain/matching/requests.ts); every client reads both and comes to the same view.
 */
import type { Matcher } from '@/domain/matching/engine';
import { answer, incomingRequests, requestStateOf, type RequestState } from '@/domain/matching/requests';
import type { GraphClient } from '@/services/graph/graph-client';
import type { StoredProfile } from '@/services/profile/profile-store';
import { updateMyProfile } from './my-profile';

/** An executive's request as it stands: none, waiting, accepted or declined (by the mentor they asked). */
export function myRequest(me: StoredProfile | undefined, profiles: readonly StoredProfile[]): RequestState {
  if (!me) return { kind: 'none' };
  return requestStateOf(me.personId, me.asked, me.asked ? profiles.find((p) => p.personId === me.asked) : undefined);
}

/**
 * Asks a reverse mentor to pair (replacing an earlier request). Refused, in the rules' words, when the
 * programme rules do not allow the pair; the app only offers people they allow, so this guards
 * against a stale screen.
 */
export async function askToPair(client: GraphClient, me: StoredProfile | undefined, mentorId: string, context: { readonly matcher: Matcher; readonly now: number }): Promise<StoredProfile> {
  if (!me?.mentee) throw new Error('Opt in as an executive who wants a reverse mentor first.');
  const breaches = context.matcher.whyNot(me.personId, mentorId);
  // Codes, not words: the UI words them for its reader (components/matching-words.ts); this only guards a stale screen.
  if (breaches.length > 0) throw new Error('The programme rules no longer allow asking this person; reload to see who you can ask.');
  return updateMyProfile(client, me, { asked: mentorId }, context.now);
}

/** Withdraws the executive's request. */
export function withdrawRequest(client: GraphClient, me: StoredProfile | undefined, now: number): Promise<StoredProfile> {
  return updateMyProfile(client, me, { asked: undefined }, now);
}

/** Executives waiting for this reverse mentor's answer. */
export function requestsWaitingFor(me: StoredProfile | undefined, profiles: readonly StoredProfile[]): string[] {
  if (!me?.mentor) return [];
  return incomingRequests(me.personId, me, profiles);
}

/** Whether a reverse mentor has taken as many executives as they offered. */
export function atCapacity(me: StoredProfile | undefined): boolean {
  return Boolean(me?.mentor && (me.accepted ?? []).length >= me.mentor.capacity);
}

/**
 * The reverse mentor's answer to an executive (an answer replaces an earlier one); their load is
 * the executives they accepted. Accepting beyond their capacity is refused.
 */
export async function answerRequest(client: GraphClient, me: StoredProfile | undefined, executiveId: string, accept: boolean, now: number): Promise<StoredProfile> {
  if (!me?.mentor) throw new Error('Opt in as a reverse mentor first.');
  if (accept && atCapacity(me) && !(me.accepted ?? []).includes(executiveId)) {
    throw new Error(`You are at your capacity of ${me.mentor.capacity}; change it in your profile to accept more.`);
  }
  const lists = answer(me, executiveId, accept);
  return updateMyProfile(client, me, { ...lists, load: lists.accepted.length }, now);
}
