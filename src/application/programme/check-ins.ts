/**
 * Check-ins after a session: each person records what became of it (held, moved, skipped,
 * cancelled), how useful it was (a pulse, 1–5) and perhaps a line to the programme owners; and, at
 * the start and the end of a pairing, an evaluation (their goals and the programme's statements,
 * each 1–5). Each is sealed with the person's key for them and the owners (pair-seal.ts): the partner
 * does not read it, and nor does anyone else in the programme; the store shows only who wrote a
 * record and when. The owners' health view (programme-health.ts) reads them all; a pair's agenda never.
 */
import { z } from 'zod';
import { MAX_CHECK_IN_NOTE, SESSION_OUTCOMES, type CheckIn, type EarlyEnd, type Evaluation } from '@/domain/health/health';
import { ensureMyPairSeal, myPairSeal } from '@/services/programme/person-key';
import type { PairSeal } from '@/services/programme/pair-seal';
import { EVALUATION_STATEMENT_MAX, EVALUATION_STATEMENTS_MAX } from './programme-settings';
import { readCheckIns, storeCheckIn, type StoredCheckIn } from '@/services/programme/check-in-store';
import { readOwnerKeys, type ProgrammeStore, type ReadProblems } from '@/services/programme/programme-store';

/** What a person records (who and when are added). */
export type CheckInInput = Omit<CheckIn, 'by' | 'at'>;

/** A check-in that cannot be recorded as given, in words the person can act on. */
export class CheckInError extends Error {
  override readonly name = 'CheckInError';
}

const personId = z.string().min(1).max(64);
/** A pulse or a rating: 1 to 5. */
const rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const sealedSchema = z
  .object({
    with: personId,
    // A calendar date: one that only looks like a date (2026-13-45) would break the owners' view by week.
    session: z.iso.date(),
    outcome: z.enum(SESSION_OUTCOMES as [CheckIn['outcome'], ...CheckIn['outcome'][]]),
    cancelledBy: personId.optional(),
    pulse: rating.optional(),
    note: z.string().max(MAX_CHECK_IN_NOTE).optional(),
  })
  .strict();

const evaluationSchema = z
  .object({
    kind: z.literal('evaluation'),
    with: personId,
    stage: z.enum(['start', 'end']),
    goals: rating,
    answers: z.array(z.object({ statement: z.string().min(1).max(EVALUATION_STATEMENT_MAX), value: rating }).strict()).max(EVALUATION_STATEMENTS_MAX),
  })
  .strict();

const endingSchema = z.object({ kind: z.literal('ended'), with: personId, reason: z.string().min(1).max(MAX_CHECK_IN_NOTE).optional() }).strict();

/** An evaluation as a box holds it, with who gave it and when. */
const evaluationOf = (data: z.infer<typeof evaluationSchema>, by: string, at: string): Evaluation => ({
  by,
  with: data.with,
  stage: data.stage,
  goals: data.goals,
  answers: data.answers,
  at,
});

/** An early ending as a box holds it, with who ended it and when. */
const endingOf = (data: z.infer<typeof endingSchema>, by: string, at: string): EarlyEnd => ({ by, with: data.with, ...(data.reason ? { reason: data.reason } : {}), at });

/** What a person gives as an evaluation (who and when are added). */
export type EvaluationInput = Omit<Evaluation, 'by' | 'at'>;

/**
 * What a check-in's box is bound to: its writer, and that it is a check-in (a box copied from their
 * pair records, or from someone else's entry, does not open as one).
 */
const boundTo = (personId: string) => `check-ins of ${personId}`;

/**
 * Records the signed-in person's (`me`) check-in about a session with their partner, sealed for them
 * and the owners whose keys are published. Throws CheckInError when it is not one to record: a
 * session with oneself, a pulse off the scale, a line over {@link MAX_CHECK_IN_NOTE} characters, or
 * a cancellation by someone who is not one of the two.
 */
export async function recordCheckIn(store: ProgrammeStore, me: string, input: CheckInInput, now: Date): Promise<CheckIn> {
  const note = input.note?.trim();
  const value = { ...input, ...(note ? { note } : { note: undefined }), ...(input.outcome === 'cancelled' ? {} : { cancelledBy: undefined }) };
  const checked = sealedSchema.safeParse(Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
  if (!checked.success) {
    const tooLong = checked.error.issues.some((i) => i.path[0] === 'note');
    throw new CheckInError(
      tooLong ? `The line to the owners is over ${MAX_CHECK_IN_NOTE} characters: shorten it, then save again.` : 'This check-in could not be read: choose what happened again.',
    );
  }
  const data = checked.data;
  if (data.with === me) throw new CheckInError('A check-in is about a session with your partner.');
  if (data.outcome === 'cancelled' && data.cancelledBy !== undefined && data.cancelledBy !== me && data.cancelledBy !== data.with) {
    throw new CheckInError('Only you or your partner can have cancelled this session.');
  }
  const checkIn = { ...data, by: me, at: now.toISOString() } as CheckIn;
  await storeRecord(store, checkIn);
  return checkIn;
}

/**
 * A record as the store keeps it: sealed with its writer's key (`seal`, theirs) for them and the
 * owners' keys. A reader derives one key per writer, not one per record: an owner opens thousands.
 */
export async function sealRecord(seal: PairSeal, record: CheckIn | Evaluation | EarlyEnd, owners: readonly string[]): Promise<StoredCheckIn> {
  const { by, at, ...data } = record;
  const body = 'stage' in data ? { kind: 'evaluation', ...data } : 'session' in data ? data : { kind: 'ended', ...data };
  return { personId: by, at, key: seal.publicKey, sealed: await seal.seal(JSON.stringify(body), boundTo(by), owners) };
}

/** Seals the signed-in person's record with their key (made the first time) for them and the owners whose keys are published, and stores it. */
async function storeRecord(store: ProgrammeStore, record: CheckIn | Evaluation | EarlyEnd): Promise<void> {
  const [seal, owners] = await Promise.all([ensureMyPairSeal(store.client), readOwnerKeys(store)]);
  await storeCheckIn(store, await sealRecord(seal, record, [...owners.values()]));
}

/**
 * Records the signed-in person's (`me`) evaluation of their pairing with a partner, at its start or
 * its end, sealed for them and the owners as a check-in is. Throws CheckInError when it is not one
 * to record: with oneself, a rating off the scale, or statements the programme could not have set.
 */
export async function recordEvaluation(store: ProgrammeStore, me: string, input: EvaluationInput, now: Date): Promise<Evaluation> {
  const checked = evaluationSchema.safeParse({ kind: 'evaluation', ...input });
  if (!checked.success) throw new CheckInError('This evaluation could not be read: rate each line from 1 to 5 again, then save.');
  if (checked.data.with === me) throw new CheckInError('An evaluation is about a pairing with your partner.');
  const evaluation = evaluationOf(checked.data, me, now.toISOString());
  await storeRecord(store, evaluation);
  return evaluation;
}

/**
 * Records that the signed-in person ended their pairing with a partner early, with their reason for
 * the owners if they gave one (at most {@link MAX_CHECK_IN_NOTE} characters), sealed for them and the
 * owners as a check-in is.
 */
export async function recordEnding(store: ProgrammeStore, me: string, input: { readonly with: string; readonly reason?: string }, now: Date): Promise<EarlyEnd> {
  const reason = input.reason?.trim();
  const checked = endingSchema.safeParse({ kind: 'ended', with: input.with, ...(reason ? { reason } : {}) });
  if (!checked.success) throw new CheckInError(`The reason for the owners is over ${MAX_CHECK_IN_NOTE} characters: shorten it, then try again.`);
  const ending = endingOf(checked.data, me, now.toISOString());
  await storeRecord(store, ending);
  return ending;
}

/** What a person recorded about their pairings: check-ins, evaluations and pairings they ended early. */
export interface SessionRecords {
  readonly checkIns: CheckIn[];
  readonly evaluations: Evaluation[];
  readonly endings: EarlyEnd[];
}

/** The records these stored entries hold that this person's key opens; `unread`: those it does not. */
async function openRecords(store: ProgrammeStore, stored: readonly StoredCheckIn[]): Promise<SessionRecords & { unread: number }> {
  const records = { checkIns: [] as CheckIn[], evaluations: [] as Evaluation[], endings: [] as EarlyEnd[], unread: 0 };
  if (stored.length === 0) return records;
  const seal = await myPairSeal(store.client);
  for (const entry of stored) {
    const text = seal ? await seal.open(entry.sealed, boundTo(entry.personId), entry.key) : undefined;
    const json = text === undefined ? undefined : safeJson(text);
    const evaluation = evaluationSchema.safeParse(json);
    const checkIn = sealedSchema.safeParse(json);
    const ending = endingSchema.safeParse(json);
    if (evaluation.success) records.evaluations.push(evaluationOf(evaluation.data, entry.personId, entry.at));
    else if (ending.success) records.endings.push(endingOf(ending.data, entry.personId, entry.at));
    else if (checkIn.success) records.checkIns.push({ ...checkIn.data, by: entry.personId, at: entry.at } as CheckIn);
    else records.unread++;
  }
  return records;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The signed-in person's own records (to show what they already recorded). */
export async function myRecords(store: ProgrammeStore, me: string): Promise<SessionRecords> {
  const { checkIns } = await readCheckIns(store, { personId: me });
  const { checkIns: mine, evaluations, endings } = await openRecords(store, checkIns);
  return { checkIns: mine, evaluations, endings };
}

/**
 * Every record, as a programme owner reads them for the health view: those sealed before the owner's
 * key was published do not open for them and are counted in `unread`.
 */
export async function everyRecord(store: ProgrammeStore, signal?: AbortSignal): Promise<SessionRecords & { unread: number } & ReadProblems> {
  const read = await readCheckIns(store, signal ? { signal } : {});
  return { ...(await openRecords(store, read.checkIns)), untrusted: read.untrusted, damaged: read.damaged };
}
