/**
 * The pair workspace document (JSON in the executive's OneDrive, shared with the mentor only):
 * the pair, their goals and code of conduct, and the agenda and history of their sessions.
 * Booking creates it; the shared agenda fills it.
 */

export interface WorkspaceDocument {
  readonly v: 1;
  readonly pair: { readonly key: string; readonly executiveId: string; readonly mentorId: string };
  readonly goals: readonly string[];
  readonly codeOfConduct: string;
  readonly agenda: readonly unknown[];
  readonly sessions: readonly unknown[];
}

/** A new pair's empty workspace. */
export function newWorkspace(pair: { pairKey: string; executiveId: string; mentorId: string }): WorkspaceDocument {
  return { v: 1, pair: { key: pair.pairKey, executiveId: pair.executiveId, mentorId: pair.mentorId }, goals: [], codeOfConduct: '', agenda: [], sessions: [] };
}
