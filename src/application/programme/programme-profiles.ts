/**
 * The programme's profiles at scale, headless: only the participants' (when the programme store's
 * participant list is given), shown at once from the device cache and then refreshed, reading again
 * only profiles whose `profileUpdated` stamp changed or that are new; participants who left drop.
 * Reads the signed-in person and reverse mentors first, so an executive's first suggestions can be
 * made from them while the rest (executives, whose booking records free mentors' places) arrive.
 */
import type { GraphClient } from '@/services/graph/graph-client';
import { newerProfile, profilesOf, readProfileExtensions, type ProfileAnswer } from '@/services/profile/profile-store';
import type { CachedProfile, ProfileCache } from '@/services/storage/profile-cache';
import type { ProgrammeProfiles } from './open-programme';

/**
 * One participant as the programme store lists them (programme-store-setup.ts, `storeParticipants`): who, in which role,
 * and when their profile last changed. The role only orders the reads: mentors are read first.
 */
export interface Participant {
  readonly personId: string;
  readonly profileUpdated: string;
  readonly role?: 'mentor' | 'mentee' | 'both';
  /**
   * The person's profile extension as the store copies it beside the stamp, if it does: then it is
   * used as read and not read from Graph (a participant writes their list entry on every profile
   * save anyway, for the stamp). Checked with the profile schema like any other.
   */
  readonly profile?: unknown;
}

/** How far reading the profiles has got. */
export interface ProfilesUpdate extends ProgrammeProfiles {
  /**
   * `cached`: the device's copy, before anything was read; `first`: the signed-in person and every
   * reverse mentor are in (enough for an executive's suggestions; mentors' loads may count a pairing
   * whose end is not read yet); `reading`: more came in (same list as before, new counts);
   * `complete`: everything is read.
   */
  readonly stage: 'cached' | 'first' | 'reading' | 'complete';
  /** Profiles read (or found unchanged in the cache) so far, of how many. */
  readonly read: number;
  readonly total: number;
}

/** What {@link loadProgrammeProfiles} needs. */
export interface LoadProfilesOptions {
  readonly client: GraphClient;
  /**
   * The participants, from the programme store; when given, only they are read. A promise lets the
   * cached copy show while the list is still being read.
   */
  readonly participants?: readonly Participant[] | Promise<readonly Participant[]>;
  /** Without a participant list: everyone who might take part (all active people), read in full. */
  readonly personIds?: readonly string[];
  /** Read before anyone else: the signed-in person. */
  readonly first?: readonly string[];
  readonly cache?: ProfileCache;
  /** Tenant and person: each person's copy on the device is their own. */
  readonly key?: string;
  readonly signal?: AbortSignal;
  /** Hears each stage; the list changes only at `cached`, `first` and `complete` (so a matcher is rebuilt only then). */
  readonly onUpdate?: (update: ProfilesUpdate) => void;
  /** The clock for the cache's `savedAt`. */
  readonly now?: () => number;
}

/**
 * The profiles of the participants (or of `personIds`), from the cache where it is up to date and
 * from Graph otherwise, in the order: `first`, mentors, everyone else. Writes the cache when done.
 */
export async function loadProgrammeProfiles(options: LoadProfilesOptions): Promise<ProgrammeProfiles> {
  const { client, cache, key, onUpdate } = options;
  const signal = options.signal ? { signal: options.signal } : {};
  // The signed-in person is read afresh before anything shows (their own request or booking must
  // never show as it was), while the cache and the participant list are read.
  const firstIds = [...new Set(options.first ?? [])];
  const [cached, firstAnswers] = await Promise.all([cache && key ? cache.read(key) : undefined, readProfileExtensions(client, firstIds, signal)]);
  // Read afresh, but with the pair records the other copy keeps (in the participant entry when there is a store).
  const withFirst = (entries: Iterable<ProfileAnswer>) => {
    const all = new Map<string, ProfileAnswer>();
    for (const entry of entries) all.set(entry.personId, entry);
    for (const answer of firstAnswers) all.set(answer.personId, { ...answer, extension: newerProfile(answer.extension, all.get(answer.personId)?.extension) });
    return all;
  };
  if (cached && options.participants instanceof Promise) {
    // Shown at once, as it was; who still takes part is known once the list is in.
    const { profiles, damaged } = profilesOf(withFirst(cached.entries).values());
    onUpdate?.({ list: profiles, damaged, stage: 'cached', read: 0, total: cached.entries.length });
  }
  const participants = await options.participants;
  const wanted = participants ? participants.map((p) => p.personId) : [...(options.personIds ?? [])];
  const wantedSet = new Set(wanted);
  const stampOf = new Map(participants?.map((p) => [p.personId, p.profileUpdated]));
  // Entries of people who no longer take part drop; the rest are kept while their stamp holds.
  const kept = new Map<string, CachedProfile>();
  for (const entry of cached?.entries ?? []) if (wantedSet.has(entry.personId)) kept.set(entry.personId, entry);
  const fresh = (id: string) => {
    const entry = kept.get(id);
    return entry !== undefined && participants !== undefined && entry.stamp !== undefined && entry.stamp === stampOf.get(id);
  };

  // What was read (or is unchanged in the cache, or came with the list); until re-read, a changed profile shows as cached.
  const answers = new Map<string, ProfileAnswer>([...kept].filter(([id]) => fresh(id)));
  for (const p of participants ?? []) if (p.profile !== undefined) answers.set(p.personId, { personId: p.personId, extension: p.profile });
  for (const answer of firstAnswers) {
    if (wantedSet.has(answer.personId)) answers.set(answer.personId, { ...answer, extension: newerProfile(answer.extension, answers.get(answer.personId)?.extension) });
  }
  const roleOf = new Map(participants?.map((p) => [p.personId, p.role]));
  const isMentor = (id: string) => roleOf.get(id) === 'mentor' || roleOf.get(id) === 'both';
  const toRead = wanted.filter((id) => !answers.has(id));
  const order = [...toRead.filter(isMentor), ...toRead.filter((id) => !isMentor(id))];
  // With roles known, the first stage ends once every mentor is in (batches answer in any order);
  // without roles, only when all is read.
  let mentorsLeft = participants?.some((p) => p.role) ? order.filter(isMentor).length : order.length;

  const total = wanted.length;
  let shown: ProgrammeProfiles = { list: [], damaged: [] };
  const rebuild = () => {
    const all = new Map<string, ProfileAnswer>(kept);
    for (const [id, answer] of answers) all.set(id, answer);
    const { profiles, damaged } = profilesOf(all.values());
    shown = { list: profiles, damaged };
  };
  const emit = (stage: ProfilesUpdate['stage'], changed: boolean) => {
    if (changed) rebuild();
    onUpdate?.({ ...shown, stage, read: answers.size, total });
  };
  // The cached copy, now without those who left, is what shows until the first stage is read.
  if (cached) emit('cached', true);

  await readProfileExtensions(client, order, {
    ...signal,
    onBatch: (batch, read) => {
      const before = mentorsLeft;
      for (const answer of batch) {
        answers.set(answer.personId, answer);
        if (isMentor(answer.personId)) mentorsLeft--;
      }
      if (read === order.length) return;
      const first = before > 0 && mentorsLeft === 0;
      emit(first ? 'first' : 'reading', first);
    },
  });
  kept.clear();
  emit('complete', true);
  if (cache && key) {
    // Someone without a profile is kept only with a stamp (so they are not read again until it changes).
    const entries = wanted
      .filter((id) => answers.get(id)?.extension !== undefined || (answers.has(id) && stampOf.has(id)))
      .map((id): CachedProfile => ({ ...answers.get(id)!, ...(stampOf.has(id) ? { stamp: stampOf.get(id)! } : {}) }));
    await cache.write(key, { entries, ...(options.now ? { savedAt: new Date(options.now()).toISOString() } : {}) });
  }
  return shown;
}
