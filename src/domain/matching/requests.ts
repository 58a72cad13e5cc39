/**
 * Asking to pair, without a server: the executive writes whom they asked in their own profile;
 * the reverse mentor writes whom they accepted or declined in theirs. Everyone's client reads both
 * and comes to the same view.
 */

/** What an executive sees of their request. */
export type RequestState = { readonly kind: 'none' } | { readonly kind: 'pending' | 'accepted' | 'declined'; readonly mentorId: string };

interface Answers {
  readonly accepted?: readonly string[];
  readonly declined?: readonly string[];
}

/** The state of an executive's request, from their profile and the asked mentor's answers. */
export function requestStateOf(executiveId: string, asked: string | undefined, mentor: Answers | undefined): RequestState {
  if (!asked) return { kind: 'none' };
  if (mentor?.accepted?.includes(executiveId)) return { kind: 'accepted', mentorId: asked };
  if (mentor?.declined?.includes(executiveId)) return { kind: 'declined', mentorId: asked };
  return { kind: 'pending', mentorId: asked };
}

/** Executives waiting for this mentor's answer, in the given order. */
export function incomingRequests(mentorId: string, mentor: Answers | undefined, executives: readonly { readonly personId: string; readonly asked?: string }[]): string[] {
  return executives.filter((e) => e.asked === mentorId && !mentor?.accepted?.includes(e.personId) && !mentor?.declined?.includes(e.personId)).map((e) => e.personId);
}

/** A mentor's answer to an executive, as their new lists (an answer replaces an earlier one). */
export function answer(mentor: Answers, executiveId: string, accept: boolean): { accepted: string[]; declined: string[] } {
  const accepted = (mentor.accepted ?? []).filter((id) => id !== executiveId);
  const declined = (mentor.declined ?? []).filter((id) => id !== executiveId);
  (accept ? accepted : declined).push(executiveId);
  return { accepted, declined: declined.slice(-10) };
}
