/**
 * Suggesting reverse mentors to one executive, headless: a page of the best-fitting reverse mentors
 * the programme rules allow (past pairs included: a pair whose series ended is not suggested again),
 * leaving out the one who just declined them.
 */
import type { Matcher, Suggestion } from '@/domain/matching/engine';
import type { RequestState } from '@/domain/matching/requests';

/** One page of suggestions, why there are none (when none), and whether another page may follow. */
export interface SuggestionsPage {
  readonly suggestions: readonly Suggestion[];
  /** Set when the first page is empty: which rule stood in the way most often. */
  readonly why?: ReturnType<Matcher['suggestionsFor']>['why'];
  /** A full page came back, so "show me others" may find more. */
  readonly more: boolean;
}

/**
 * Suggestions for `executiveId`, `size` per page from `offset`. A reverse mentor who declined the
 * executive's request (`request`) is left out of the page.
 */
export function suggestFor(matcher: Matcher, executiveId: string, options: { readonly size: number; readonly offset: number; readonly request?: RequestState }): SuggestionsPage {
  const { suggestions, why } = matcher.suggestionsFor(executiveId, options.size, options.offset);
  const declined = options.request?.kind === 'declined' ? options.request.mentorId : undefined;
  return { suggestions: suggestions.filter((s) => s.mentorId !== declined), why, more: suggestions.length === options.size };
}
