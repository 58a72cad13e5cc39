/**
 * Reading a small JSON file of OneDrive as a browser can: the driveItem's download URL and eTag
 * from Graph, then the file from that URL without the token (Graph's `…/content` answers 302 to
 * SharePoint, which a browser cannot follow with it). Shared by the pair workspace and the owner's
 * pins and exclusions.
 * https://learn.microsoft.com/graph/api/driveitem-get
 * https://learn.microsoft.com/graph/api/driveitem-get-content ("Downloading files in JavaScript apps")
 */
import { z } from 'zod';
import { DOWNLOAD_URL_REFUSED, type GraphClient } from './graph-client';
import { GraphRequestError, readAnswer } from './graph-errors';

/** What a read selects of the driveItem: where to download the file from, and the eTag to save with. */
export const DOWNLOADABLE_ITEM_SELECT = 'id,eTag,@microsoft.graph.downloadUrl';

/** The driveItem as a read selects it ({@link DOWNLOADABLE_ITEM_SELECT}). */
export const downloadableItemSchema = z.object({ id: z.string(), eTag: z.string().optional(), '@microsoft.graph.downloadUrl': z.string().min(1) });

/** What an upload answers that the next save needs: the new eTag (https://learn.microsoft.com/graph/api/driveitem-put-content). */
export const savedItemSchema = z.object({ eTag: z.string().optional() });

/** A JSON file as read: its body (undefined when it is not JSON) and the eTag to save it with. */
export interface ReadJsonFile {
  readonly body: unknown;
  readonly etag: string | undefined;
}

/**
 * Reads the JSON file at `itemUrl` (a driveItem's Graph path). A download URL that expired in
 * between is asked for again, once. Graph's errors (404 for no file) reach the caller as they are;
 * `operation` names the step in the message of an answer of the wrong shape.
 */
export async function readJsonFile(client: GraphClient, itemUrl: string, scopes: readonly string[], operation: string): Promise<ReadJsonFile> {
  for (let round = 0; ; round++) {
    const item = readAnswer(downloadableItemSchema, await client.get(`${itemUrl}?$select=${DOWNLOADABLE_ITEM_SELECT}`, scopes), operation);
    let text: string;
    try {
      text = await client.download(item['@microsoft.graph.downloadUrl']);
    } catch (error) {
      if (round === 0 && error instanceof GraphRequestError && error.code === DOWNLOAD_URL_REFUSED) continue;
      throw error;
    }
    try {
      return { body: JSON.parse(text) as unknown, etag: item.eTag };
    } catch {
      return { body: undefined, etag: item.eTag };
    }
  }
}
