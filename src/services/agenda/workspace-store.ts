/**
 * The pair workspace file in the executive's OneDrive, read and saved with optimistic concurrency:
 * a save sends the ETag it read (`If-Match`); when the other person saved in between, Graph answers
 * 412, and the save reads the file again, merges (the agenda is a CRDT, so nothing is overwritten)
 * and tries again. https://learn.microsoft.com/graph/api/driveitem-put-content (If-Match, 412).
 *
 * Reading is two steps, as Graph's "Download driveItem contents" page says for JavaScript apps
 * (https://learn.microsoft.com/graph/api/driveitem-get-content): `GET …/content` answers 302 to a
 * pre-authenticated URL on the SharePoint host, which a browser cannot follow with the token (CORS).
 * So the store reads the driveItem's `@microsoft.graph.downloadUrl` (and its `eTag`, for `If-Match`)
 * and fetches that URL without the token. The URL is short-lived (a few minutes to an hour, per
 * https://learn.microsoft.com/graph/api/resources/driveitem#instance-attributes), so it is never
 * kept: every read, including the re-read after a 412, asks for a fresh one.
 */
import { mergeAgendas, type AgendaDoc } from '@/domain/agenda/agenda';
import type { WorkspaceDocument } from '@/domain/booking/workspace';
import { downloadableItemSchema, readJsonFile, savedItemSchema } from '../graph/drive-file';
import type { GraphClient } from '../graph/graph-client';
import { GraphRequestError, readAnswer } from '../graph/graph-errors';
import { salvageWorkspace } from './agenda-schema';

/** The partner opens a file shared with them, so the .All scope (user consent). */
export const WORKSPACE_FILE_SCOPES = ['Files.ReadWrite.All'] as const;
const MAX_CONFLICT_ROUNDS = 5;

/** Where a workspace lives: a drive and an item in it ("driveId/itemId" in links). */
export interface WorkspaceRef {
  readonly driveId: string;
  readonly itemId: string;
}

/**
 * Reads a "driveId/itemId" reference (from a booking record or a tab link); undefined unless it has
 * exactly those two parts.
 */
export function parseWorkspaceRef(text: string | null | undefined): WorkspaceRef | undefined {
  const [driveId, itemId, ...rest] = (text ?? '').split('/');
  return driveId && itemId && rest.length === 0 ? { driveId, itemId } : undefined;
}

/** A workspace as last read or saved, with the ETag the next save must send in `If-Match`. */
export interface StoredWorkspace {
  readonly document: WorkspaceDocument;
  readonly etag: string | undefined;
  /** Parts of a damaged file that could not be read, in words (left out of `document`; saving writes the readable rest). */
  readonly dropped?: readonly string[];
}

const itemUrl = (ref: WorkspaceRef) => `/drives/${encodeURIComponent(ref.driveId)}/items/${encodeURIComponent(ref.itemId)}`;
const contentUrl = (ref: WorkspaceRef) => `${itemUrl(ref)}/content`;

export { downloadableItemSchema, savedItemSchema };

/**
 * Reads the workspace: its driveItem (download URL and eTag), then the file from the download URL,
 * without the token. A URL that expired in between is asked for again once.
 */
export async function readWorkspace(client: GraphClient, ref: WorkspaceRef): Promise<StoredWorkspace> {
  const { body, etag } = await readJsonFile(client, itemUrl(ref), WORKSPACE_FILE_SCOPES, 'finding where to read the pair workspace from');
  // A damaged file is never a dead end: what can be read is kept, the rest named.
  const { value, dropped } = salvageWorkspace(body);
  return { document: value, etag, ...(dropped.length ? { dropped } : {}) };
}

/**
 * Writes the document `compose` makes from what is stored, with `If-Match`. A 412 means the other
 * person saved first: it reads the file again and composes afresh. `compose` returns undefined when
 * nothing needs writing. Returns what is stored now.
 */
async function writeWithIfMatch(
  client: GraphClient,
  ref: WorkspaceRef,
  last: StoredWorkspace,
  compose: (base: StoredWorkspace) => WorkspaceDocument | undefined,
  conflictMessage: string,
): Promise<StoredWorkspace> {
  let base = last;
  for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
    const document = compose(base);
    if (!document) return base;
    try {
      const answer = await client.write('PUT', contentUrl(ref), WORKSPACE_FILE_SCOPES, JSON.stringify(document), {
        'Content-Type': 'application/json',
        ...(base.etag ? { 'If-Match': base.etag } : {}),
      });
      return { document, etag: readAnswer(savedItemSchema, answer, 'saving the pair workspace').eTag };
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.status === 412)) throw error;
      base = await readWorkspace(client, ref);
    }
  }
  throw new GraphRequestError(conflictMessage, 409, 'SaveConflict', undefined, undefined);
}

/**
 * Saves the agenda into the workspace: merged with what is stored whenever someone else saved
 * first. Returns what is stored now (which the caller merges into its copy).
 */
export function saveAgenda(client: GraphClient, ref: WorkspaceRef, agenda: AgendaDoc, last: StoredWorkspace): Promise<StoredWorkspace> {
  return writeWithIfMatch(
    client,
    ref,
    last,
    (base) => ({ ...base.document, agenda: mergeAgendas(base.document.agenda, agenda) }),
    'The workspace kept changing while saving; your edits are kept and saving will try again.',
  );
}

/**
 * The pair's live key (see live-crypto.ts), added to a workspace made before there was one. The
 * document is saved with `If-Match`, so of two clients adding a key at once one saves and the other
 * gets 412; it reads the file again and keeps the key it finds there. A key once stored is never
 * replaced, so both clients end with the same key. Returns the key and what is stored now.
 */
export async function ensureLiveKey(client: GraphClient, ref: WorkspaceRef, last: StoredWorkspace, newKey: () => Promise<string>): Promise<{ liveKey: string; stored: StoredWorkspace }> {
  if (last.document.liveKey) return { liveKey: last.document.liveKey, stored: last };
  const key = await newKey();
  const stored = await writeWithIfMatch(
    client,
    ref,
    last,
    (base) => {
      if (base.document.liveKey) return undefined;
      // Without an ETag two clients could each store a key: only ever add one with If-Match.
      if (!base.etag) throw new GraphRequestError('Microsoft Graph did not give the workspace an ETag; live editing is off.', 502, 'MissingETag', undefined, undefined);
      return { ...base.document, liveKey: key };
    },
    'The workspace kept changing while adding its live key; live editing will try again next time.',
  );
  return { liveKey: stored.document.liveKey!, stored };
}
