/**
 * Pair records, sealed to those who need them, headless. A person's participant entry is read by
 * everyone in the programme; whom they asked, accepted or declined, the series they booked and the
 * times they proposed each concern one partner, so each partner's part is sealed in a box only the
 * person, that partner and the programme owners open (services/programme/pair-seal.ts). What everyone
 * reads is what the person published, their load and, for a reverse mentor, when each current
 * pairing ends: counts and dates, never whom.
 *
 * Writing seals each part for the partner's key (from their entry) and the owners' keys (their
 * entries in the settings list). A partner or owner who has no key yet cannot be sealed for: each box
 * says (inside) whom it was sealed for, so the person's client seals again once they have one
 * ({@link needsSealing}, on every open and refresh).
 */
import { z } from 'zod';
import {
  partnerRecordsOf,
  ProfileError,
  readPartnerRecords,
  recordsBody,
  readStoredProfile,
  sealedEntryBody,
  withPartnerRecords,
  type PartnerRecords,
  type StoredProfile,
} from '@/services/profile/profile-store';
import { ensureMyPairSeal, KeyPlaceNotReadyError, myPairSeal } from '@/services/programme/person-key';
import { GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import type { PairSeal } from '@/services/programme/pair-seal';
import { publishOwnerKey, readOwnerKeys, readParticipantsOf, type Participant, type ProgrammeStore } from '@/services/programme/programme-store';
import type { GraphClient } from '@/services/graph/graph-client';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Whom a box was sealed for, as kept inside it: each reader's id and the end of their key. */
const readerOf = (personId: string, key: string) => `${personId}:${key.slice(-12, -1)}`;
const toSchema = z.object({ to: z.array(z.string().max(80)).max(16) });

/** One partner's records as opened, with whom the box was sealed for. */
interface OpenedPart {
  readonly part: PartnerRecords;
  readonly to: readonly string[];
}

async function openBoxes(seal: PairSeal | undefined, entry: Participant): Promise<{ parts: OpenedPart[]; unread: number }> {
  const parts: OpenedPart[] = [];
  let unread = 0;
  for (const box of entry.sealed ?? []) {
    const text = seal && entry.key ? await seal.open(box, entry.personId, entry.key) : undefined;
    const part = text === undefined ? undefined : readPartnerRecords(text);
    if (!part) {
      unread++;
      continue;
    }
    const to = toSchema.safeParse(JSON.parse(text!) as unknown);
    parts.push({ part, to: to.success ? to.data.to : [] });
  }
  return { parts, unread };
}

/**
 * The entries as the signed-in person (`me`) reads them: each sealed entry's profile with the records
 * sealed to them put back, marked partial when some were sealed to others. One's own boxes that no
 * longer open (the key file was deleted) are lost, not partial: the next save seals anew.
 */
export async function openParticipants(client: GraphClient, me: string, entries: readonly Participant[]): Promise<Participant[]> {
  if (!entries.some((e) => e.sealed?.length)) return [...entries];
  const seal = await myPairSeal(client);
  return Promise.all(
    entries.map(async (entry) => {
      if (!entry.sealed?.length || !entry.profile) return entry;
      const { parts, unread } = await openBoxes(seal, entry);
      const partial = unread > 0 && entry.personId !== me;
      return {
        ...entry,
        profile: withPartnerRecords(
          entry.profile,
          parts.map((p) => p.part),
          partial,
        ),
      };
    }),
  );
}

/**
 * Why the person's key could not be had, in words, when it will not change by trying again (the
 * records are never kept unsealed instead); a failure for now is thrown as it is, like the store's.
 */
function keyProblem(error: unknown): never {
  if (error instanceof KeyPlaceNotReadyError || (error instanceof GraphRequestError && error.code === 'pairingKeyDamaged')) throw new ProfileError(error.message);
  if (error instanceof GraphPermissionError || (error instanceof GraphRequestError && error.status === 403)) {
    throw new ProfileError(
      'The app may not use your OneDrive, where it keeps the key that makes your pairings private to you and your partner, so nothing was saved. Ask your Microsoft 365 admin to grant the app Files.ReadWrite.',
    );
  }
  throw error;
}

/** The readers a partner's part is sealed for: the partner and every owner with a key (besides the writer, who always is). */
function readersFor(partnerId: string, keys: ReadonlyMap<string, string>, owners: ReadonlyMap<string, string>, me: string): Map<string, string> {
  const readers = new Map<string, string>();
  const partnerKey = keys.get(partnerId);
  if (partnerKey) readers.set(partnerId, partnerKey);
  for (const [owner, key] of owners) if (owner !== me) readers.set(owner, key);
  return readers;
}

/**
 * When each of a reverse mentor's pairings ends, for everyone to count their load by at their own
 * time (domain/matching/requests.ts, `loadOf`): the end of the series each accepted executive booked
 * with them ('' while not booked); none for a series ended early from the app.
 */
function busyUntilOf(me: string, profile: Pick<StoredProfile, 'accepted' | 'mentor'>, executives: readonly StoredProfile[]): string[] {
  if (!profile.mentor) return [];
  return (profile.accepted ?? []).flatMap((id) => {
    const booking = executives.find((e) => e.personId === id)?.bookings?.find((b) => b.with === me);
    if (booking?.ended) return [];
    return [booking ? new Date(Date.parse(booking.start) + booking.weeks * WEEK_MS).toISOString() : ''];
  });
}

/** The partners' entries, opened by the signed-in person, as profiles (those without a readable profile left out). */
async function partnersOf(store: ProgrammeStore, me: string, ids: readonly string[]): Promise<{ keys: Map<string, string>; profiles: StoredProfile[] }> {
  const entries = await openParticipants(store.client, me, await readParticipantsOf(store, ids));
  const keys = new Map<string, string>();
  const profiles: StoredProfile[] = [];
  for (const entry of entries) {
    if (entry.key) keys.set(entry.personId, entry.key);
    const read = entry.profile === undefined ? undefined : readStoredProfile(entry.personId, entry.profile);
    if (read && !('damaged' in read)) profiles.push(read);
  }
  return { keys, profiles };
}

/**
 * The signed-in person's participant entry with their records sealed: the published body, their key
 * and one box per partner. A save that holds records makes the person's key the first time (in their
 * OneDrive); one without records publishes the key when there is one. Refuses (ProfileError) a
 * profile whose records were not all read, which would lose the rest.
 */
export async function sealedEntry(store: ProgrammeStore, me: string, profile: StoredProfile): Promise<Pick<Participant, 'profile' | 'key' | 'sealed'>> {
  if (profile.recordsPartial) throw new ProfileError('Your pairings could not all be read just now, so nothing was saved. Try again in a moment.');
  // The records as they would be kept unsealed must fit (the sealed boxes take about 1.5 times as much).
  recordsBody(profile);
  const parts = partnerRecordsOf(profile);
  // Everyone taking part has a key, so that partners can seal for them before they hold any records.
  const seal = parts.length > 0 ? await ensureMyPairSeal(store.client).catch(keyProblem) : await ensureMyPairSeal(store.client).catch(() => undefined);
  if (parts.length === 0) return { profile: sealedEntryBody(profile, []), ...(seal ? { key: seal.publicKey, sealed: [] } : {}) };
  const [owners, partners] = await Promise.all([
    readOwnerKeys(store),
    partnersOf(
      store,
      me,
      parts.map((p) => p.with),
    ),
  ]);
  const sealed = [];
  for (const part of parts) {
    const readers = readersFor(part.with, partners.keys, owners, me);
    const to = [...readers].map(([id, key]) => readerOf(id, key));
    sealed.push(await seal!.seal(JSON.stringify({ ...part, to }), me, [...readers.values()]));
  }
  const busyUntil = busyUntilOf(me, profile, partners.profiles);
  return { profile: sealedEntryBody(profile, busyUntil), key: seal!.publicKey, sealed };
}

/**
 * Whether the signed-in person's own entry should be written again (with their profile as it is),
 * from the entries as stored (not opened):
 * it has no key yet, still keeps records unsealed (written before sealing), or a box lacks a reader
 * who has a key now (a partner or owner who had none when it was sealed, or a new owner) or names
 * one who is no longer (an owner who left), or a reverse mentor's pairings end otherwise than it says.
 */
export async function needsSealing(client: GraphClient, me: string, entries: readonly Participant[], owners: ReadonlyMap<string, string>): Promise<boolean> {
  const mine = entries.find((e) => e.personId === me);
  if (!mine?.profile) return false;
  if (!mine.key) return true;
  const read = readStoredProfile(me, mine.profile);
  if ('damaged' in read) return false;
  if (partnerRecordsOf(read).length > 0) return true;
  const seal = await myPairSeal(client);
  if (!seal || seal.publicKey !== mine.key) return true;
  const { parts } = await openBoxes(seal, mine);
  const keys = new Map(entries.flatMap((e) => (e.key ? [[e.personId, e.key] as const] : [])));
  for (const { part, to } of parts) {
    const wanted = [...readersFor(part.with, keys, owners, me)].map(([id, key]) => readerOf(id, key));
    if (wanted.length !== to.length || wanted.some((r) => !to.includes(r))) return true;
  }
  const opened = readStoredProfile(
    me,
    withPartnerRecords(
      mine.profile,
      parts.map((p) => p.part),
      false,
    ),
  );
  if ('damaged' in opened || !opened.mentor) return false;
  const executives = await openParticipants(
    client,
    me,
    entries.filter((e) => opened.accepted?.includes(e.personId)),
  );
  const profiles = executives.flatMap((e) => {
    const p = e.profile === undefined ? undefined : readStoredProfile(e.personId, e.profile);
    return p && !('damaged' in p) ? [p] : [];
  });
  const busy = busyUntilOf(me, opened, profiles);
  const published = read.busyUntil ?? [];
  return busy.length !== published.length || busy.some((b, i) => b !== published[i]);
}

/**
 * Makes the signed-in owner (`me`) one of the readers of pair records sealed from now on: their key
 * (made the first time) in the settings list. Everyone's client then seals their boxes again for them
 * ({@link needsSealing}), so the owners' runs see the pairs that already happened. A failure is left for
 * the next open to try again: reading the decisions does not wait on it.
 */
export async function becomeRecordsReader(store: ProgrammeStore, me: string): Promise<boolean> {
  try {
    const seal = await ensureMyPairSeal(store.client);
    await publishOwnerKey(store, me, seal.publicKey);
    return true;
  } catch {
    return false;
  }
}
