/**
 * A person's key for sealing pair records (pair-seal.ts), kept where only they can read it: a file in
 * their own OneDrive's app folder (`/me/drive/special/approot`, `Apps/{app name}`), which follows them
 * to every device and surface. Files.ReadWrite reaches it for a work account (the special folder page's
 * table; the app has it for the pair workspace); the folder is created the first time the app writes
 * to it. https://learn.microsoft.com/graph/onedrive-sharepoint-appfolder
 * https://learn.microsoft.com/graph/api/drive-get-specialfolder
 *
 * The file is read as any small JSON file is (its driveItem's download URL, then the file without the
 * token: drive-file.ts) and created once with `conflictBehavior=fail`, so two surfaces opening at once
 * keep one key (the second reads the first's: 409). https://learn.microsoft.com/graph/api/driveitem-put-content
 */
import type { GraphClient } from '../graph/graph-client';
import { GraphRequestError } from '../graph/graph-errors';
import { readJsonFile, savedItemSchema } from '../graph/drive-file';
import { readAnswer } from '../graph/graph-errors';
import { newKeyFile, PairSeal } from './pair-seal';

export const PERSON_KEY_SCOPES = ['Files.ReadWrite'] as const;
/** The key file's name in the app folder. */
export const PERSON_KEY_FILE = 'pair-records-key.json';
const KEY_FILE = `/me/drive/special/approot:/${PERSON_KEY_FILE}:`;

/** The person's OneDrive is not there yet (never opened): nothing can be sealed until it is. */
export class KeyPlaceNotReadyError extends GraphRequestError {
  override readonly name = 'KeyPlaceNotReadyError';
  constructor(requestId: string | undefined) {
    super(
      'Your OneDrive is not set up yet, and the app keeps the key that makes your pairings private to you and your partner there. ' +
        'Open OneDrive once (from office.com or the Microsoft 365 app), wait a minute, then try again. Nothing was saved.',
      404,
      'driveNotProvisioned',
      requestId,
      undefined,
    );
  }
}

const notProvisioned = (error: unknown) => error instanceof GraphRequestError && error.status === 404 && error.code !== 'itemNotFound';
const absent = (error: unknown) => error instanceof GraphRequestError && error.status === 404 && error.code === 'itemNotFound';

async function readKey(client: GraphClient): Promise<PairSeal | undefined> {
  try {
    const file = await readJsonFile(client, KEY_FILE, PERSON_KEY_SCOPES, 'reading your pairing key');
    return await PairSeal.fromFile(file.body);
  } catch (error) {
    if (absent(error) || notProvisioned(error)) return undefined;
    if (error instanceof GraphRequestError) throw error;
    // A file that is there but holds no usable key (changed by hand): records sealed to it cannot be
    // opened again, so it is kept as it is rather than replaced, and nothing new is sealed.
    throw new GraphRequestError(
      'Your pairing key in OneDrive (Apps, pair-records-key.json) cannot be read. Put it back as it was, or delete it to start a new one.',
      422,
      'pairingKeyDamaged',
      undefined,
      undefined,
    );
  }
}

const kept = new WeakMap<GraphClient, Promise<PairSeal | undefined>>();

/**
 * The signed-in person's seal, or undefined when they have none yet (then nothing was ever sealed to
 * them). Read once per client; a failure is not kept.
 */
export function myPairSeal(client: GraphClient): Promise<PairSeal | undefined> {
  let seal = kept.get(client);
  if (!seal) {
    seal = readKey(client);
    kept.set(client, seal);
    seal.then(
      (found) => found === undefined && kept.get(client) === seal && kept.delete(client),
      () => kept.get(client) === seal && kept.delete(client),
    );
  }
  return seal;
}

/**
 * The signed-in person's seal, made and kept the first time: a new key pair written to their app
 * folder. A OneDrive never opened is asked to provision itself (`GET /me/drive`, drive-get) and the
 * person is told to try again shortly ({@link KeyPlaceNotReadyError}).
 */
export async function ensureMyPairSeal(client: GraphClient): Promise<PairSeal> {
  const found = await myPairSeal(client);
  if (found) return found;
  const file = await newKeyFile();
  try {
    readAnswer(
      savedItemSchema,
      await client.write('PUT', `${KEY_FILE}/content?@microsoft.graph.conflictBehavior=fail`, PERSON_KEY_SCOPES, JSON.stringify(file), { 'Content-Type': 'application/json' }),
      'keeping your pairing key',
    );
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 409) {
      kept.delete(client);
      const other = await myPairSeal(client);
      if (other) return other;
    }
    if (notProvisioned(error)) {
      try {
        await client.get('/me/drive', PERSON_KEY_SCOPES);
      } catch {
        // Still being provisioned, or not allowed: the next try says which.
      }
      throw new KeyPlaceNotReadyError((error as GraphRequestError).requestId);
    }
    throw error;
  }
  const seal = PairSeal.fromFile(file);
  kept.set(client, seal);
  return seal;
}
