/**
 * Opt-in profiles, stored as each person's own data in Microsoft 365: an open extension on their
 * user object (https://learn.microsoft.com/graph/extensibility-open-users), written only by them
 * (`/me/extensions`, User.ReadWrite), read for others one by one in $batch (User.Read.All; Graph
 * expands a known user with an extension, but does not list users filtered by one). An extension
 * holds at most 2 KB, so the profile is compact and the free text is short.
 *
 * A person's pair records (whom they asked, accepted or declined, their load, the series an executive
 * booked, the times someone proposed) are part of the profile in memory, but not of the extension,
 * which the whole tenant can read, when the programme has a store: there they live in the person's
 * participant entry (services/programme/programme-store.ts), which the programme's participants read
 * and which has room for them ({@link recordsBody}); the extension keeps only what the person chose
 * to publish. Without a store they stay in the extension, within its 2 KB.
 */
import { z } from 'zod';
import type { BookingRecord, Proposal } from '@/domain/booking/pair-schedule';
import type { ProgrammeProfile } from '@/domain/matching/profile';
import type { BatchAnswer, GraphClient } from '../graph/graph-client';
import { errorFromAnswer, GraphRequestError } from '../graph/graph-errors';
import { PROFILE_EXTENSION } from './profile-extension';

export const PROFILE_WRITE_SCOPES = ['User.ReadWrite'] as const;
export const PROFILE_READ_SCOPES = ['User.Read.All'] as const;
/** Graph's limit for one open extension. */
export const EXTENSION_LIMIT_BYTES = 2048;
export const MAX_OWN_WORDS = 200;
/** Booking records and proposed times a profile keeps, each: one per partner, over every round. */
export const MAX_PAIR_RECORDS = 20;
/** The most a profile with its pair records may take in a participant entry (its list column holds far more). */
export const RECORDS_LIMIT_CHARS = 32_000;

/** A profile with the words people wrote themselves (not used for matching, shown to the pair). */
export interface StoredProfile extends ProgrammeProfile {
  readonly teachInOwnWords?: string;
  readonly learnInOwnWords?: string;
  /** What an executive hopes to get from the programme, in their words (shown to the mentor they ask). */
  readonly hopeInOwnWords?: string;
  /** Executives this mentor has accepted, kept by the mentor so every client sees their load. */
  readonly load: number;
  readonly updated: string;
  /** The reverse mentor this executive has asked to pair with, while waiting for an answer. */
  readonly asked?: string;
  /** Executives this mentor accepted or declined (their answers to requests). */
  readonly accepted?: readonly string[];
  readonly declined?: readonly string[];
  /** Series this executive booked, one per reverse mentor. */
  readonly bookings?: readonly BookingRecord[];
  /** Times this person proposes to their partners. */
  readonly proposals?: readonly Proposal[];
  /**
   * A reverse mentor's current pairings as others read them when the records are sealed: when each
   * one's series ends ('' while not booked), so everyone counts the mentor's load without knowing whom.
   */
  readonly busyUntil?: readonly string[];
  /** Some of this person's pair records are sealed to others and were not read here: their lists are not whole. */
  readonly recordsPartial?: true;
}

const topics = z.array(z.string().max(40)).max(12);
const bookingSchema = z.object({
  with: z.string().max(40),
  start: z.iso.datetime(),
  zone: z.string().max(64),
  everyWeeks: z.number().int().min(1).max(8),
  weeks: z.number().int().min(1).max(104),
  minutes: z.number().int().min(15).max(120),
  uid: z.string().max(200),
  workspace: z.url().max(400),
  ref: z.string().max(300).optional(),
  ended: z.iso.date().optional(),
});
const proposalSchema = z.object({ with: z.string().max(40), start: z.iso.datetime() });
/** The extension's properties, version 1. Flat, short keys: every byte counts toward 2 KB. */
const storedSchema = z.object({
  v: z.literal(1),
  mentorCapacity: z.number().int().min(1).max(3).optional(),
  canTeach: topics.optional(),
  teach: z.string().max(MAX_OWN_WORDS).optional(),
  wantsToLearn: topics.optional(),
  learn: z.string().max(MAX_OWN_WORDS).optional(),
  hope: z.string().max(MAX_OWN_WORDS).optional(),
  languages: z.array(z.string().min(2).max(12)).min(1).max(8),
  timeZone: z.string().min(1).max(64),
  load: z.number().int().min(0).max(3).default(0),
  updated: z.string(),
  asked: z.string().max(40).optional(),
  accepted: z.array(z.string().max(40)).max(3).optional(),
  declined: z.array(z.string().max(40)).max(10).optional(),
  bookings: z.array(bookingSchema).max(MAX_PAIR_RECORDS).optional(),
  proposals: z.array(proposalSchema).max(MAX_PAIR_RECORDS).optional(),
  /** In a participant entry whose records are sealed: when each current mentee's series ends ('' while not booked). */
  busyUntil: z
    .array(z.union([z.iso.datetime(), z.literal('')]))
    .max(3)
    .optional(),
  /** Set by the reader: some of this person's pair records are sealed to others and were not read. */
  recordsPartial: z.literal(true).optional(),
  /** The day they take part again, when they paused (kept with the records: the programme's readers, not the tenant's). */
  pausedUntil: z.iso.date().optional(),
});

/** What one person's stored extension says, or why it could not be read. */
export function readStoredProfile(personId: string, extension: unknown): StoredProfile | { damaged: string } {
  const parsed = storedSchema.safeParse(extension);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { damaged: `${issue.path.join('.') || 'profile'}: ${issue.message}` };
  }
  const p = parsed.data;
  if (!p.mentorCapacity && !p.wantsToLearn) return { damaged: 'neither a mentor nor a mentee' };
  return {
    personId,
    ...(p.mentorCapacity ? { mentor: { capacity: p.mentorCapacity, canTeach: p.canTeach ?? [] } } : {}),
    ...(p.wantsToLearn ? { mentee: { wantsToLearn: p.wantsToLearn } } : {}),
    languages: p.languages,
    timeZone: p.timeZone,
    ...(p.teach ? { teachInOwnWords: p.teach } : {}),
    ...(p.learn ? { learnInOwnWords: p.learn } : {}),
    ...(p.hope ? { hopeInOwnWords: p.hope } : {}),
    load: p.load,
    updated: p.updated,
    ...(p.asked ? { asked: p.asked } : {}),
    ...(p.accepted ? { accepted: p.accepted } : {}),
    ...(p.declined ? { declined: p.declined } : {}),
    ...(p.bookings ? { bookings: p.bookings.map(({ ended, ref, ...b }) => ({ ...b, ...(ref ? { ref } : {}), ...(ended ? { ended } : {}) })) } : {}),
    ...(p.proposals ? { proposals: p.proposals } : {}),
    ...(p.busyUntil ? { busyUntil: p.busyUntil } : {}),
    ...(p.recordsPartial ? { recordsPartial: true as const } : {}),
    ...(p.pausedUntil ? { pausedUntil: p.pausedUntil } : {}),
  };
}

/**
 * The pair records' properties: who asked, accepted and declined whom, the load, bookings and
 * proposed times; and a pause, which is kept where they are.
 */
export const RECORD_KEYS = ['asked', 'accepted', 'declined', 'load', 'bookings', 'proposals', 'pausedUntil'] as const;

/** Where a profile's pair records are kept: in the extension, or elsewhere (the programme store). */
export type RecordsKept = 'inExtension' | 'elsewhere';

/** A profile's body, checked: what the person published, with or without their pair records. */
function profileBody(profile: Omit<StoredProfile, 'personId'>, withRecords: boolean): Record<string, unknown> {
  const body = {
    v: 1 as const,
    ...(profile.mentor ? { mentorCapacity: profile.mentor.capacity, canTeach: [...profile.mentor.canTeach] } : {}),
    ...(profile.teachInOwnWords ? { teach: profile.teachInOwnWords } : {}),
    ...(profile.mentee ? { wantsToLearn: [...profile.mentee.wantsToLearn] } : {}),
    ...(profile.learnInOwnWords ? { learn: profile.learnInOwnWords } : {}),
    ...(profile.hopeInOwnWords ? { hope: profile.hopeInOwnWords } : {}),
    languages: [...profile.languages],
    timeZone: profile.timeZone,
    ...(withRecords ? { load: profile.load } : {}),
    updated: profile.updated,
    ...(withRecords && profile.asked ? { asked: profile.asked } : {}),
    ...(withRecords && profile.accepted?.length ? { accepted: [...profile.accepted] } : {}),
    ...(withRecords && profile.declined?.length ? { declined: [...profile.declined] } : {}),
    ...(withRecords && profile.bookings?.length ? { bookings: profile.bookings.map((b) => ({ ...b })) } : {}),
    ...(withRecords && profile.proposals?.length ? { proposals: profile.proposals.map((p) => ({ ...p })) } : {}),
  };
  const checked = storedSchema.safeParse(body);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ProfileError(`The profile cannot be saved: ${issue.path.join('.')} ${issue.message}.`);
  }
  if (!profile.mentor && !profile.mentee) throw new ProfileError('Choose to be a reverse mentor, a mentee, or both.');
  return body;
}

const bytesOf = (body: unknown) => new TextEncoder().encode(JSON.stringify(body)).length;
/** Room the extension keeps free: Graph's 2 KB counts its own properties too. */
const EXTENSION_ROOM = EXTENSION_LIMIT_BYTES - 200;

/**
 * The extension body for a profile, with its pair records unless they are kept `elsewhere`; throws a
 * message a person can act on when it does not fit, which blames their words only when the words are
 * what does not fit.
 */
export function toExtension(profile: Omit<StoredProfile, 'personId'>, records: RecordsKept = 'inExtension'): Record<string, unknown> {
  const body = profileBody(profile, records === 'inExtension');
  if (bytesOf(body) <= EXTENSION_ROOM) return body;
  if (records === 'inExtension' && bytesOf(profileBody(profile, false)) <= EXTENSION_ROOM) {
    throw new ProfileError(
      'Your profile has no room left for another pairing record. A programme owner can set up the programme store (README, “The programme store”), which keeps them without this limit.',
    );
  }
  throw new ProfileError('The profile is too long to store: shorten what you wrote in your own words.');
}

/**
 * The whole profile with its pair records, as the person's participant entry keeps it (the copy
 * every reader of the programme reads); throws a message a person can act on when it does not fit.
 */
export function recordsBody(profile: Omit<StoredProfile, 'personId'>): Record<string, unknown> {
  const body = profileBody(profile, true);
  if (JSON.stringify(body).length > RECORDS_LIMIT_CHARS) throw new ProfileError('Your profile holds too many pairings to store: end the pairings that are over, then try again.');
  return body;
}

/** One partner's part of a person's pair records: what is sealed for that partner (services/programme/pair-seal.ts). */
export interface PartnerRecords {
  readonly with: string;
  /** The person (an executive) asked this partner to pair. */
  readonly asked?: true;
  /** The person's (a reverse mentor's) answer to this partner's request. */
  readonly answer?: 'accepted' | 'declined';
  readonly bookings?: readonly BookingRecord[];
  readonly proposals?: readonly Proposal[];
}

const partnerRecordsSchema = z.object({
  with: z.string().min(1).max(40),
  asked: z.literal(true).optional(),
  answer: z.enum(['accepted', 'declined']).optional(),
  bookings: z.array(bookingSchema).max(MAX_PAIR_RECORDS).optional(),
  proposals: z.array(proposalSchema).max(MAX_PAIR_RECORDS).optional(),
});

/** A profile's pair records, one part per partner, in the order the lists hold them (asked, accepted, declined, booked, proposed). */
export function partnerRecordsOf(profile: Pick<StoredProfile, (typeof RECORD_KEYS)[number]>): PartnerRecords[] {
  const parts = new Map<string, { -readonly [K in keyof PartnerRecords]: PartnerRecords[K] }>();
  const part = (id: string) => parts.get(id) ?? parts.set(id, { with: id }).get(id)!;
  if (profile.asked) part(profile.asked).asked = true;
  for (const id of profile.accepted ?? []) part(id).answer = 'accepted';
  for (const id of profile.declined ?? []) part(id).answer = 'declined';
  for (const booking of profile.bookings ?? []) part(booking.with).bookings = [...(part(booking.with).bookings ?? []), booking];
  for (const proposal of profile.proposals ?? []) part(proposal.with).proposals = [...(part(proposal.with).proposals ?? []), proposal];
  return [...parts.values()];
}

/** One partner's records as a box opened them, checked; undefined when they are not records. */
export function readPartnerRecords(text: string): PartnerRecords | undefined {
  try {
    const parsed = partnerRecordsSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as PartnerRecords) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The body of a participant entry whose pair records are sealed: what the person published, their
 * load, when each of their current pairings ends (counts and dates, never whom) and their pause.
 */
export function sealedEntryBody(profile: Omit<StoredProfile, 'personId'>, busyUntil: readonly string[]): Record<string, unknown> {
  const body = {
    ...profileBody(profile, false),
    load: profile.load,
    ...(busyUntil.length ? { busyUntil: [...busyUntil] } : {}),
    ...(profile.pausedUntil ? { pausedUntil: profile.pausedUntil } : {}),
  };
  const checked = storedSchema.safeParse(body);
  if (!checked.success) throw new ProfileError('Your profile holds too many pairings to store: end the pairings that are over, then try again.');
  return body;
}

/**
 * A sealed entry's body with the records its reader could open put back in their lists (the order
 * of the parts); `partial` when some parts were sealed to others.
 */
export function withPartnerRecords(body: Record<string, unknown>, parts: readonly PartnerRecords[], partial: boolean): Record<string, unknown> {
  const asked = parts.find((p) => p.asked)?.with;
  const accepted = parts.filter((p) => p.answer === 'accepted').map((p) => p.with);
  const declined = parts.filter((p) => p.answer === 'declined').map((p) => p.with);
  const bookings = parts.flatMap((p) => (p.bookings ?? []).filter((b) => b.with === p.with));
  const proposals = parts.flatMap((p) => (p.proposals ?? []).filter((b) => b.with === p.with));
  return {
    ...body,
    ...(asked ? { asked } : {}),
    ...(accepted.length ? { accepted } : {}),
    ...(declined.length ? { declined } : {}),
    ...(bookings.length ? { bookings } : {}),
    ...(proposals.length ? { proposals } : {}),
    ...(partial ? { recordsPartial: true } : {}),
  };
}

/**
 * A profile that cannot be saved as it is (not valid, no role chosen, or too long); its message
 * says what to change.
 */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One person's profile from the two places it is kept, as stored: their extension as just read, and
 * the copy in their participant entry (or a cached one). The newer counts (the extension, as read
 * afresh, when they are as new); the pair records come from the copy when the extension keeps none (with a store they live only in the entry, and a save of the
 * profile alone may have reached the extension but not the entry).
 */
export function newerProfile(extension: unknown, copy: unknown): unknown {
  // No extension is no profile (they opted out), whatever a copy still says.
  if (!isRecord(extension) || !isRecord(copy)) return extension;
  if (String(copy.updated ?? '') > String(extension.updated ?? '')) return copy;
  const merged = { ...extension };
  for (const key of RECORD_KEYS) if (!(key in extension) && key in copy) merged[key] = copy[key];
  return merged;
}

/** The signed-in person's profile, or undefined when they have not opted in. */
export async function readMyProfile(client: GraphClient, personId: string): Promise<StoredProfile | { damaged: string } | undefined> {
  try {
    const extension = await client.get(`/me/extensions/${PROFILE_EXTENSION}`, PROFILE_WRITE_SCOPES);
    return readStoredProfile(personId, extension);
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * Saves the signed-in person's profile (creates it the first time).
 *
 * "Update open extension" (https://learn.microsoft.com/graph/api/opentypeextension-update) needs
 * `@odata.type` and `extensionName` in the PATCH body, and replaces the extension's properties with
 * those sent (any not sent are deleted), so the whole profile goes every time. It answers 200 with
 * the extension (or 204). An extension that does not exist yet answers 404: it is then created with
 * "Create open extension" (https://learn.microsoft.com/graph/api/opentypeextension-post-opentypeextension,
 * 201). If another tab created it in between (409), the update is sent once more. `records` says
 * whether the pair records go in the extension or are kept elsewhere (the programme store).
 */
export async function saveMyProfile(client: GraphClient, profile: Omit<StoredProfile, 'personId'>, records: RecordsKept = 'inExtension'): Promise<void> {
  const body = { '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: PROFILE_EXTENSION, ...toExtension(profile, records) };
  const update = () => client.write('PATCH', `/me/extensions/${PROFILE_EXTENSION}`, PROFILE_WRITE_SCOPES, body);
  try {
    await update();
  } catch (error) {
    if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
    try {
      await client.write('POST', '/me/extensions', PROFILE_WRITE_SCOPES, body);
    } catch (created) {
      if (!(created instanceof GraphRequestError && created.status === 409)) throw created;
      await update();
    }
  }
}

/** Opting out removes the profile entirely. */
export async function optOut(client: GraphClient): Promise<void> {
  try {
    await client.write('DELETE', `/me/extensions/${PROFILE_EXTENSION}`, PROFILE_WRITE_SCOPES);
  } catch (error) {
    if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
  }
}

/** One person's profile extension as Graph gave it, or undefined when they have none (404). */
export interface ProfileAnswer {
  readonly personId: string;
  readonly extension: unknown;
}

/**
 * The profile extensions of these people, 20 per $batch, in the order given (read first what is
 * needed first). `onBatch` hears each batch's answers as they arrive, with how many were read so
 * far, of how many. A person without a profile answers 404 (undefined); any other refusal throws.
 */
export async function readProfileExtensions(
  client: GraphClient,
  personIds: readonly string[],
  options: { readonly signal?: AbortSignal; readonly onBatch?: (answers: readonly ProfileAnswer[], read: number, total: number) => void } = {},
): Promise<ProfileAnswer[]> {
  const toAnswer = (answer: BatchAnswer): ProfileAnswer => {
    if (answer.status === 404) return { personId: answer.id, extension: undefined };
    if (answer.status !== 200) throw errorFromAnswer(answer, PROFILE_READ_SCOPES);
    return { personId: answer.id, extension: answer.body };
  };
  const answers = await client.batchAll(
    personIds.map((id) => ({ id, url: `/users/${encodeURIComponent(id)}/extensions/${PROFILE_EXTENSION}` })),
    PROFILE_READ_SCOPES,
    options.signal,
    options.onBatch ? (read, total, batch) => options.onBatch!(batch.map(toAnswer), read, total) : undefined,
  );
  return answers.map(toAnswer);
}

/** The profiles among these answers; a damaged one is left out and reported (who, and what is wrong). */
export function profilesOf(answers: Iterable<ProfileAnswer>): { profiles: StoredProfile[]; damaged: { personId: string; problem: string }[] } {
  const profiles: StoredProfile[] = [];
  const damaged: { personId: string; problem: string }[] = [];
  for (const { personId, extension } of answers) {
    if (extension === undefined) continue;
    const read = readStoredProfile(personId, extension);
    if ('damaged' in read) damaged.push({ personId, problem: read.damaged });
    else profiles.push(read);
  }
  return { profiles, damaged };
}

/**
 * Everyone's profiles among these people, 20 per $batch. A damaged profile is left out and
 * reported (who, and what is wrong), never fatal. `onProgress` hears how many people were read so
 * far, of how many, as the batches come in.
 */
export async function readProfiles(
  client: GraphClient,
  personIds: readonly string[],
  signal?: AbortSignal,
  onProgress?: (read: number, total: number) => void,
): Promise<{ profiles: StoredProfile[]; damaged: { personId: string; problem: string }[] }> {
  return profilesOf(await readProfileExtensions(client, personIds, { ...(signal ? { signal } : {}), ...(onProgress ? { onBatch: (_, read, total) => onProgress(read, total) } : {}) }));
}
