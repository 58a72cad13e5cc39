/**
 * The pair workspace file in the executive's OneDrive, read and saved with optimistic concurrency:
 * a save sends the ETag it read (`If-Match`); when the other person saved in between, Graph answers
 * 412, and the save reads the file again, merges (the agenda is a CRDT, so nothing is overwritten)
 * and tries again. https://learn.microsoft.com/graph/api/driveitem-put-content (If-Match, 412).
 */
import { mergeAgendas, type AgendaDoc } from '@/domain/agenda/agenda';
import type { WorkspaceDocument } from '@/domain/booking/workspace';
import type { GraphClient } from '../graph/graph-client';
import { GraphRequestError } from '../graph/graph-errors';
import { salvageWorkspace } from './agenda-schema';

/** The partner opens a file shared with them, so the .All scope (user consent). */
export const WORKSPACE_FILE_SCOPES = ['Files.ReadWrite.All'] as const;
const MAX_CONFLICT_ROUNDS = 5;

/** Where a workspace lives: a drive and an item in it ("driveId/itemId" in links). */
export interface WorkspaceRef {
  readonly driveId: string;
  readonly itemId: string;
}

export function parseWorkspaceRef(text: string | null | undefined): WorkspaceRef | undefined {
  const [driveId, itemId, ...rest] = (text ?? '').split('/');
  return driveId && itemId && rest.length === 0 ? { driveId, itemId } : undefined;
}

export interface StoredWorkspace {
  readonly document: WorkspaceDocument;
  readonly etag: string | undefined;
  /** Parts of a damaged file that could not be read, in words (left out of `document`; saving writes the readable rest). */
  readonly dropped?: readonly string[];
}

const contentUrl = (ref: WorkspaceRef) => `/drives/${encodeURIComponent(ref.driveId)}/items/${encodeURIComponent(ref.itemId)}/content`;

export async function readWorkspace(client: GraphClient, ref: WorkspaceRef): Promise<StoredWorkspace> {
  const { body, etag } = await client.getWithETag(contentUrl(ref), WORKSPACE_FILE_SCOPES);
  // A damaged file is never a dead end: what can be read is kept, the rest named.
  const { value, dropped } = salvageWorkspace(body);
  return { document: value, etag, ...(dropped.length ? { dropped } : {}) };
}

/**
 * Saves the agenda into the workspace: merged with what is stored whenever someone else saved
 * first. Returns what is stored now (which the caller merges into its copy).
 */
export async function saveAgenda(client: GraphClient, ref: WorkspaceRef, agenda: AgendaDoc, last: StoredWorkspace): Promise<StoredWorkspace> {
  let base = last;
  for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
    const document: WorkspaceDocument = { ...base.document, agenda: mergeAgendas(base.document.agenda, agenda) };
    try {
      const item = await client.write<{ eTag?: string }>('PUT', contentUrl(ref), WORKSPACE_FILE_SCOPES, JSON.stringify(document), {
        'Content-Type': 'application/json',
        ...(base.etag ? { 'If-Match': base.etag } : {}),
      });
      return { document, etag: item.eTag };
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.status === 412)) throw error;
      base = await readWorkspace(client, ref);
    }
  }
  throw new GraphRequestError('The workspace kept changing while saving; your edits are kept and saving will try again.', 409, 'SaveConflict', undefined, undefined);
}
