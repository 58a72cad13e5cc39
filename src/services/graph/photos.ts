/**
 * People's profile photos from Microsoft Graph, for the avatars beside their names.
 *
 * "Get profilePhoto" (https://learn.microsoft.com/graph/api/profilephoto-get): `GET
 * /users/{id}/photos/{size}/$value` answers the photo's binary data, or 404 (`ImageNotFound`) when
 * the user has none. Microsoft 365 keeps 48x48, 64x64, 96x96, … 648x648; a size is available up to
 * the uploaded photo's. For a user's photo, the least privileged delegated permission is
 * ProfilePhoto.Read.All; the page lists User.Read.All among the higher privileged ones, and the app
 * has that already for the directory, so photos ask for no new consent.
 *
 * Photos are fetched through $batch, 20 to a request (https://learn.microsoft.com/graph/json-batching).
 * A batch answer is JSON, so a binary body comes as a base64 string with its own `Content-Type`
 * (OData JSON Format 4.01, "Batch Response": for media types other than JSON and text "the value of
 * body is a string containing the base64url-encoded value"; Graph sends plain base64, as
 * microsoftgraph/msgraph-sdk-javascript#367 and msgraph-sdk-dotnet#2879 show for photos): both are
 * read. They become data URLs (the pages' CSP allows `img-src data:`), kept in memory for the
 * session only, never in storage.
 * Nothing here throws to the UI: a photo that is missing, refused or unreadable is `null`, and the
 * avatar shows initials.
 */
import { z } from 'zod';
import type { BatchAnswer, BatchItem, GraphClient } from './graph-client';
import { isRetryable } from './retry-policy';

/**
 * The size asked for: avatars beside names are 32 px (Fluent's default), and 64x64 keeps them sharp
 * on high-density screens while staying a few kilobytes.
 */
export const PHOTO_SIZE = '64x64';

/** The scopes photos are read with: User.Read.All, already granted for the directory (see above). */
export const PHOTO_SCOPES: readonly string[] = ['User.Read.All'];

/**
 * A photo's answer inside a $batch: status 200, an image content type, and the bytes base64- or
 * base64url-encoded. Anything else (an HTML or JSON body, a content type that is not a raster
 * image) is no photo.
 */
export const photoAnswerSchema = z.object({
  status: z.literal(200),
  headers: z.object({ 'content-type': z.string().regex(/^image\/(jpeg|png|gif|bmp|webp)\s*(;.*)?$/i) }),
  body: z
    .string()
    .min(4)
    .regex(/^[A-Za-z0-9+/_-]+={0,2}$/),
});

/** A person's photo as a data URL, `null` when they have none (or it could not be read). */
export type Photo = string | null;

/** Loads photos for many people at once and remembers them for the session. */
export interface PhotoLoader {
  /** The photo already known: a data URL, `null` for none, `undefined` while not yet loaded. */
  peek(id: string): Photo | undefined;
  /**
   * The photos of these people. Calls made in the same turn (a list of people rendering) are sent
   * together, in $batch requests of 20; people already known cost no request. Never rejects.
   */
  load(ids: readonly string[]): Promise<ReadonlyMap<string, Photo>>;
}

/** What the loader needs of the Graph client. */
export type PhotoGraph = Pick<GraphClient, 'batchAll'>;

/** The photo a $batch answer carries, `null` for none; `undefined` when worth asking again later (throttled, unavailable). */
export function photoFromAnswer(answer: Pick<BatchAnswer, 'status' | 'headers' | 'body'>): Photo | undefined {
  const parsed = photoAnswerSchema.safeParse(answer);
  if (!parsed.success) return isRetryable(answer.status) ? undefined : null;
  const type = parsed.data.headers['content-type'].split(';')[0]!.trim().toLowerCase();
  const base64 = parsed.data.body.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  return `data:${type};base64,${base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')}`;
}

/** The request for one person's photo. */
export function photoRequest(id: string, index: number): BatchItem {
  return { id: String(index), url: `/users/${encodeURIComponent(id)}/photos/${PHOTO_SIZE}/$value` };
}

/**
 * A {@link PhotoLoader} over the Graph client (loaded on first use). A whole batch that fails
 * (offline, consent refused) leaves those people unknown, so a later call tries again; a photo
 * Graph answered (one, or none) is kept for the session.
 */
export function createPhotoLoader(graph: () => Promise<PhotoGraph>): PhotoLoader {
  const known = new Map<string, Photo>();
  const inFlight = new Map<string, Promise<Photo>>();
  let queued: { ids: Set<string>; sent: Promise<Map<string, Photo>> } | undefined;

  const send = async (ids: readonly string[]): Promise<Map<string, Photo>> => {
    const found = new Map<string, Photo>();
    try {
      const client = await graph();
      const answers = await client.batchAll(
        ids.map((id, i) => photoRequest(id, i)),
        PHOTO_SCOPES,
      );
      answers.forEach((answer, i) => {
        const photo = photoFromAnswer(answer);
        if (photo !== undefined) {
          known.set(ids[i]!, photo);
          found.set(ids[i]!, photo);
        }
      });
    } catch {
      // No photos this time: initials, and the next call asks again.
    }
    return found;
  };

  const queue = (id: string): Promise<Photo> => {
    if (!queued) {
      const ids = new Set<string>();
      // Wait for the rest of this turn's calls, then send them all at once.
      const sent = Promise.resolve().then(() => {
        queued = undefined;
        return send([...ids]);
      });
      queued = { ids, sent };
    }
    queued.ids.add(id);
    const photo = queued.sent.then((found) => found.get(id) ?? null);
    inFlight.set(id, photo);
    void photo.finally(() => inFlight.delete(id));
    return photo;
  };

  return {
    peek: (id) => known.get(id),
    load: async (ids) => {
      const unique = [...new Set(ids)];
      const photos = await Promise.all(unique.map((id) => (known.has(id) ? (known.get(id) as Photo) : (inFlight.get(id) ?? queue(id)))));
      return new Map(unique.map((id, i) => [id, photos[i]!]));
    },
  };
}
