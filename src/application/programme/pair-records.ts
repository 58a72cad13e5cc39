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
import { partnerRecordsOf, ProfileError, recordsBody, readStoredProfile, sealedEntryBody, withPartnerRecords, type StoredProfile } from '@/services/profile/profile-store';
import { ensureMyPairSeal, KeyPlaceNotReadyError, myPairSeal } from '@/services/programme/person-key';
import { GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import { SealTooLargeError } from '@/services/programme/pair-seal';
import { openBoxes, openParticipants } from './open-records';
import { newestEntries, publishOwnerKey, readOwnerKeys, readParticipantsOf, type Participant, type ProgrammeStore } from '@/services/programme/programme-store';
import type { GraphClient } from '@/services/graph/graph-client';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Whom a box was sealed for, as kept inside it: each reader's id and the end of their key. */
const readerOf = (personId: string, key: string) => `${personId}:${key.slice(-12, -1)}`;
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
 * time (domain/matching/requests.ts, `loadFromEnds`): the day after the series each accepted executive
 * booked with them ends ('' while not booked), to the day only (the hour would say when they meet);
 * none for a series ended early from the app.
 */
function busyUntilOf(me: string, profile: Pick<StoredProfile, 'accepted' | 'mentor'>, executives: ReadonlyMap<string, StoredProfile>): string[] {
  if (!profile.mentor) return [];
  return (profile.accepted ?? []).flatMap((id) => {
    const booking = executives.get(id)?.bookings?.find((b) => b.with === me);
    if (booking?.ended) return [];
    if (!booking) return [''];
    const last = new Date(Date.parse(booking.start) + booking.weeks * WEEK_MS);
    return [`${new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate() + 1)).toISOString().slice(0, 10)}T00:00:00.000Z`];
  });
}

/** Public keys by person, from their newest entries. */
const keysOf = (entries: ReadonlyMap<string, Participant>) => new Map([...entries.values()].flatMap((e) => (e.key ? [[e.personId, e.key] as const] : [])));

/** The executives' profiles as the signed-in person opens them (what is sealed to them), by id. */
async function openedProfiles(client: GraphClient, me: string, entries: readonly Participant[]): Promise<Map<string, StoredProfile>> {
  const profiles = new Map<string, StoredProfile>();
  for (const entry of await openParticipants(client, me, entries)) {
    const read = entry.profile === undefined ? undefined : readStoredProfile(entry.personId, entry.profile);
    if (read && !('damaged' in read)) profiles.set(entry.personId, read);
  }
  return profiles;
}

/** Why sealing could not be done, in words; never a reason to keep the records unsealed instead. */
function sealingProblem(error: unknown): never {
  if (error instanceof ProfileError) throw error;
  if (error instanceof KeyPlaceNotReadyError || (error instanceof GraphRequestError && error.code === 'pairingKeyDamaged')) throw new ProfileError(error.message);
  if (error instanceof GraphPermissionError || (error instanceof GraphRequestError && error.status === 403)) {
    throw new ProfileError(
      'The app may not use your OneDrive, where it keeps the key that makes your pairings private to you and your partner, so nothing was saved. Ask your Microsoft 365 admin to grant the app Files.ReadWrite.',
    );
  }
  if (error instanceof SealTooLargeError) throw new ProfileError(`Your pairings could not be kept private, so nothing was saved: ${error.message} Tell your programme owners.`);
  throw new ProfileError('Your pairings could not be made private to you and your partners just now, so nothing was saved. Check your connection, then try again.');
}

/**
 * The signed-in person's participant entry with their records sealed: the published body, their key
 * and one box per partner. Every save makes the person's key the first time (in their OneDrive), so
 * that partners can seal for them before they hold any records; one without records still saves when
 * the key cannot be had. Refuses (ProfileError) a profile whose records were not all read, which would
 * lose the rest, and never keeps records unsealed when sealing fails.
 */
export async function sealedEntry(store: ProgrammeStore, me: string, profile: StoredProfile): Promise<Pick<Participant, 'profile' | 'key' | 'sealed'>> {
  if (profile.recordsPartial) {
    throw new ProfileError(
      'Your pairings could not all be read, so nothing was saved. If you deleted pair-records-key.json from the Apps folder of your OneDrive, restore it from the OneDrive recycle bin; otherwise try again in a moment.',
    );
  }
  // The records as they would be kept unsealed must fit (the sealed boxes take about 1.5 times as much).
  recordsBody(profile);
  const parts = partnerRecordsOf(profile);
  if (parts.length === 0) {
    const seal = await ensureMyPairSeal(store.client).catch(() => undefined);
    return { profile: sealedEntryBody(profile, []), ...(seal ? { key: seal.publicKey, sealed: [] } : {}) };
  }
  try {
    const seal = await ensureMyPairSeal(store.client);
    const [owners, partnerEntries] = await Promise.all([
      readOwnerKeys(store),
      readParticipantsOf(
        store,
        parts.map((p) => p.with),
      ).then(newestEntries),
    ]);
    const keys = keysOf(partnerEntries);
    const sealed = [];
    for (const part of parts) {
      const readers = readersFor(part.with, keys, owners, me);
      const to = [...readers].map(([id, key]) => readerOf(id, key));
      sealed.push(await seal.seal(JSON.stringify({ ...part, to }), me, [...readers.values()]));
    }
    const executives = profile.mentor
      ? await openedProfiles(
          store.client,
          me,
          [...partnerEntries.values()].filter((e) => profile.accepted?.includes(e.personId)),
        )
      : new Map<string, StoredProfile>();
    return { profile: sealedEntryBody(profile, busyUntilOf(me, profile, executives)), key: seal.publicKey, sealed };
  } catch (error) {
    return sealingProblem(error);
  }
}

/**
 * Whether the signed-in person's own entry should be written again (with their profile as it is),
 * from the entries as stored (not opened): it has no key yet (one is made now, and only then is the
 * answer yes), still keeps records unsealed (written before sealing), or a box lacks a reader who has a
 * key now (a partner or owner who had none when it was sealed, or a new owner) or names one who is no
 * longer (an owner who left), or a reverse mentor's pairings end otherwise than it says. Never when
 * any of the person's own boxes does not open: writing then would lose what it holds.
 */
export async function needsSealing(client: GraphClient, me: string, stored: readonly Participant[], owners: ReadonlyMap<string, string>): Promise<boolean> {
  const entries = newestEntries(stored);
  const mine = entries.get(me);
  if (!mine?.profile) return false;
  const read = readStoredProfile(me, mine.profile);
  if ('damaged' in read) return false;
  if (!mine.key) return (await ensureMyPairSeal(client).catch(() => undefined)) !== undefined;
  const seal = await myPairSeal(client);
  if (!seal) return false;
  if (partnerRecordsOf(read).length > 0) return true;
  const { parts, unread } = await openBoxes(seal, mine, { me, owner: false });
  if (unread > 0) return false;
  if (seal.publicKey !== mine.key) return true;
  const keys = keysOf(entries);
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
  const executives = await openedProfiles(
    client,
    me,
    [...entries.values()].filter((e) => opened.accepted?.includes(e.personId)),
  );
  const busy = busyUntilOf(me, opened, executives);
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
