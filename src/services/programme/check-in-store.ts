/**
 * The programme store's check-ins (programme-store.ts, the `checkIns` list): one entry per check-in,
 * by the person checking in, holding who and when in the clear and what they recorded sealed for
 * them and the owners (application/programme/check-ins.ts). Kept apart from the store's other lists,
 * so that its code loads with the check-ins, not before the first suggestions.
 */
import { z } from 'zod';
import { publicKeySchema } from './pair-seal';
import { at, byThePerson, fieldsOf, id, listUrl, PROGRAMME_STORE_SCOPES, readList, readPersonEntries, type ProgrammeStore, type ReadProblems } from './programme-store';

/**
 * A check-in as the store keeps it: who recorded it and when, and the public key they sealed it with;
 * what they recorded is sealed for them and the owners.
 */
const storedCheckInSchema = z.object({ personId: id, at, key: publicKeySchema, sealed: z.unknown() });
/** A stored check-in. */
export type StoredCheckIn = z.infer<typeof storedCheckInSchema>;

/**
 * Records the signed-in person's check-in (its `personId`; `sealed`: what they recorded, in a box
 * for them and the owners): `POST …/items` (https://learn.microsoft.com/graph/api/listitem-create).
 */
export async function storeCheckIn(store: ProgrammeStore, entry: StoredCheckIn): Promise<StoredCheckIn> {
  const value = storedCheckInSchema.parse(entry);
  const me = value.personId;
  await store.client.write('POST', `${listUrl(store, 'checkIns')}/items`, PROGRAMME_STORE_SCOPES, { fields: fieldsOf(me, value, 'check-in') });
  return value;
}

/**
 * Check-ins as stored, each trusted only when written by the person it speaks for: everyone's (the
 * owners' health view) or one person's own (`personId`: what they already recorded).
 */
export async function readCheckIns(
  store: ProgrammeStore,
  options: { readonly personId?: string; readonly signal?: AbortSignal } = {},
): Promise<{ checkIns: StoredCheckIn[] } & ReadProblems> {
  const person = options.personId;
  const read =
    person === undefined
      ? await readList(store, 'checkIns', storedCheckInSchema, (value, author) => byThePerson(value.personId, author), options.signal)
      : await readPersonEntries(store, 'checkIns', person, storedCheckInSchema, (value, author) => value.personId === person && byThePerson(person, author));
  return { checkIns: read.entries.map((e) => e.value), untrusted: read.untrusted, damaged: read.damaged };
}
