/**
 * The pair workspace document (JSON in the executive's OneDrive, shared with the mentor only):
 * the pair, and their agenda with goals, code of conduct, expectations, notes and reviews across
 * sessions. Booking creates it; the shared agenda fills it and merges into it.
 */
import { emptyAgenda, type AgendaDoc } from '../agenda/agenda';

/**
 * The workspace file as stored (version 1): which pair it belongs to, their shared agenda, and
 * their live key.
 */
export interface WorkspaceDocument {
  readonly v: 1;
  readonly pair: { readonly key: string; readonly executiveId: string; readonly mentorId: string };
  readonly agenda: AgendaDoc;
  /**
   * The pair's key for live editing (a random AES-GCM 256 key, raw, base64): what their clients
   * publish over the meeting's Live Share container is sealed with it, so others in the call cannot
   * read it. Workspaces made before it existed have none until one of the pair opens it live.
   */
  readonly liveKey?: string;
}

/** A code of conduct to start from; the pair edit it and both agree in their first session. */
export const CONDUCT_TEMPLATE =
  'What we say stays between us. We are candid and kind. Either of us can ask a question, however basic. We come prepared, and say early when a time does not work.';

/**
 * A new pair's workspace: an empty agenda with the programme's code of conduct (or the built-in
 * one), and the pair's live key (made by the caller: the domain makes no random numbers).
 */
export function newWorkspace(pair: { pairKey: string; executiveId: string; mentorId: string }, conduct = '', liveKey?: string): WorkspaceDocument {
  return {
    v: 1,
    pair: { key: pair.pairKey, executiveId: pair.executiveId, mentorId: pair.mentorId },
    agenda: emptyAgenda(conduct.trim() || CONDUCT_TEMPLATE),
    ...(liveKey ? { liveKey } : {}),
  };
}
