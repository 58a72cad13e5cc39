/**
 * A programme owner's decisions about pairs (pins and exclusions), kept where only that owner's
 * client reads them and that survives a reload: a small JSON file in the app's folder of the owner's
 * own OneDrive (`/me/drive/special/approot`), never in the tenant-readable profile extension.
 *
 * - The app folder is `Apps/{app name}` in the signed-in user's drive, created the first time the app
 *   asks for it with a scope that may write (https://learn.microsoft.com/graph/onedrive-sharepoint-appfolder,
 *   https://learn.microsoft.com/graph/api/drive-get-specialfolder: "If you have read-only permissions and
 *   request a special folder that doesn't exist, you'll receive a 403"), so every request here carries
 *   `Files.ReadWrite`, which the app already has for the pair workspace.
 * - Reading is the workspace's two steps (see services/agenda/workspace-store.ts): the driveItem by path
 *   with its `@microsoft.graph.downloadUrl` and `eTag`, then the URL without the token, since
 *   `GET …/content` answers 302 to another host (https://learn.microsoft.com/graph/api/driveitem-get-content).
 *   No file yet (404) means no decisions yet; so does a OneDrive never opened (404 too).
 * - A OneDrive never opened answers 404 to the upload too: saving then starts provisioning it
 *   (`GET /me/drive`) and says to try again in a minute.
 * - Saving uploads by path (https://learn.microsoft.com/graph/api/driveitem-put-content): with `If-Match`
 *   when a file was read (412 when another tab saved in between), or with `conflictBehavior=fail` when
 *   there was none (409 when another tab created it in between). Either way the file is read again and
 *   the change applied to what is there, so two tabs never lose each other's decisions.
 */
import { z } from 'zod';
import { readJsonFile, savedItemSchema as savedItem } from '../graph/drive-file';
import type { GraphClient } from '../graph/graph-client';
import { GraphRequestError, readAnswer } from '../graph/graph-errors';

/** The owner's own files: Files.ReadWrite (a read-only scope cannot create the app folder). */
export const OWNER_DECISIONS_SCOPES = ['Files.ReadWrite'] as const;
/** The file's name in the app folder. */
export const OWNER_DECISIONS_FILE = 'programme-owner-decisions.json';
/** At most this many pins and as many exclusions: a programme, not a directory. */
export const MAX_OWNER_DECISIONS = 5000;
const MAX_CONFLICT_ROUNDS = 5;

/** A pair as the matching engine names it: [executive (mentee) id, reverse mentor id]. */
export type PairIds = readonly [string, string];

/** What an owner decided: pairs to keep whatever the matching says, and pairs never to propose. */
export interface OwnerDecisions {
  readonly pins: readonly PairIds[];
  readonly exclusions: readonly PairIds[];
}

/** Decisions as last read or saved, with the ETag the next save sends (undefined: no file yet). */
export interface StoredOwnerDecisions {
  readonly decisions: OwnerDecisions;
  readonly etag: string | undefined;
}

/** No decisions: what an owner has before their first pin or exclusion. */
export const NO_OWNER_DECISIONS: OwnerDecisions = { pins: [], exclusions: [] };

const id = z.string().min(1).max(64);
const pairs = z.array(z.tuple([id, id])).max(MAX_OWNER_DECISIONS);
const fileSchema = z.object({ v: z.literal(1), pins: pairs, exclusions: pairs });

const fileUrl = `/me/drive/special/approot:/${encodeURIComponent(OWNER_DECISIONS_FILE)}`;

/**
 * Reads the signed-in owner's decisions. No file (or no OneDrive yet) is no decisions; a file that
 * does not parse is refused with a message, so that saving never overwrites what could not be read.
 */
export async function readOwnerDecisions(client: GraphClient): Promise<StoredOwnerDecisions> {
  let file;
  try {
    file = await readJsonFile(client, fileUrl, OWNER_DECISIONS_SCOPES, 'finding where to read your pins and exclusions from');
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return { decisions: NO_OWNER_DECISIONS, etag: undefined };
    throw error;
  }
  const parsed = fileSchema.safeParse(file.body);
  if (!parsed.success) {
    throw new GraphRequestError(
      `Your pins and exclusions (${OWNER_DECISIONS_FILE} in your OneDrive's Apps folder) could not be read, so they were left as they are.`,
      422,
      'DamagedOwnerDecisions',
      undefined,
      undefined,
    );
  }
  return { decisions: { pins: parsed.data.pins, exclusions: parsed.data.exclusions }, etag: file.etag };
}

/**
 * Saves the decisions `change` makes of what is stored, starting from `last`; when another tab
 * saved first (412, or 409 for a file created in between) it reads again and applies `change` to
 * that. Returns what is stored now.
 */
export async function changeOwnerDecisions(client: GraphClient, last: StoredOwnerDecisions, change: (current: OwnerDecisions) => OwnerDecisions): Promise<StoredOwnerDecisions> {
  let base = last;
  for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
    const decisions = change(base.decisions);
    const body = fileSchema.safeParse({ v: 1, pins: decisions.pins, exclusions: decisions.exclusions });
    if (!body.success) throw new GraphRequestError(`Too many pins or exclusions to keep (at most ${MAX_OWNER_DECISIONS} of each).`, 400, 'TooManyOwnerDecisions', undefined, undefined);
    try {
      const url = base.etag ? `${fileUrl}:/content` : `${fileUrl}:/content?@microsoft.graph.conflictBehavior=fail`;
      const answer = await client.write('PUT', url, OWNER_DECISIONS_SCOPES, JSON.stringify(body.data), {
        'Content-Type': 'application/json',
        ...(base.etag ? { 'If-Match': base.etag } : {}),
      });
      return { decisions, etag: readAnswer(savedItem, answer, 'saving your pins and exclusions').eTag };
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) {
        // An upload by path creates missing folders itself: a 404 is a OneDrive never opened
        // ("User's mysite not found."). `GET /me/drive` starts provisioning it (https://learn.microsoft.com/graph/api/drive-get).
        await client.get('/me/drive', OWNER_DECISIONS_SCOPES).catch(() => undefined);
        throw new GraphRequestError(
          'Your OneDrive is being set up for its first use, so your pins and exclusions were not kept this time; try again in a minute.',
          404,
          'driveNotProvisioned',
          error.requestId,
          undefined,
        );
      }
      if (!(error instanceof GraphRequestError && (error.status === 412 || error.status === 409))) throw error;
      base = await readOwnerDecisions(client);
    }
  }
  throw new GraphRequestError('Your pins and exclusions kept changing in another window while saving; try again.', 409, 'SaveConflict', undefined, undefined);
}
