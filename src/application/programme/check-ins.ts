/**
 * Check-ins after a session: each person records what became of it (held, moved, skipped,
 * cancelled), how useful it was (a pulse, 1–5) and perhaps a line to the programme owners; and, at
 * the start and the end of a pairing, an evaluation (their goals and the programme's statements,
 * each 1–5). Each is sealed for the person and the owners (pair-seal.ts, `sealForReaders`): the partner
 * does not read it, and nor does anyone else in the programme; the store shows only who checked in
 * and when. The owners' health view (programme-health.ts) reads them all; a pair's agenda never.
 */
import { z } from 'zod';
import { MAX_CHECK_IN_NOTE, SESSION_OUTCOMES, type CheckIn, type Evaluation } from '@/domain/health/health';
import { ensureMyPairSeal, myPairSeal } from '@/services/programme/person-key';
import { openSealed, sealForReaders } from '@/services/programme/pair-seal';
import { EVALUATION_STATEMENT_MAX, EVALUATION_STATEMENTS_MAX } from '@/services/config/app-config';
import { readCheckIns, storeCheckIn, type StoredCheckIn } from '@/services/programme/check-in-store';
import { readOwnerKeys, type ProgrammeStore, type ReadProblems } from '@/services/programme/programme-store';

/** What a person records (who and when are added). */
export type CheckInInput = Omit<CheckIn, 'by' | 'at'>;

/** A check-in that cannot be recorded as given, in words the person can act on. */
export class CheckInError extends Error {
  override readonly name = 'CheckInError';
}

const personId = z.string().min(1).max(64);
const sealedSchema = z
  .object({
    with: personId,
    session: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    outcome: z.enum(SESSION_OUTCOMES as [CheckIn['outcome'], ...CheckIn['outcome'][]]),
    cancelledBy: personId.optional(),
    pulse: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).optional(),
    note: z.string().max(MAX_CHECK_IN_NOTE).optional(),
  })
  .strict();

const rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const evaluationSchema = z
  .object({
    kind: z.literal('evaluation'),
    with: personId,
    stage: z.enum(['start', 'end']),
    goals: rating,
    answers: z.array(z.object({ statement: z.string().min(1).max(EVALUATION_STATEMENT_MAX), value: rating }).strict()).max(EVALUATION_STATEMENTS_MAX),
  })
  .strict();

/** An evaluation as a box holds it, with who gave it and when. */
const evaluationOf = (data: z.infer<typeof evaluationSchema>, by: string, at: string): Evaluation => ({
  by,
  with: data.with,
  stage: data.stage,
  goals: data.goals,
  answers: data.answers,
  at,
});

/** What a person gives as an evaluation (who and when are added). */
export type EvaluationInput = Omit<Evaluation, 'by' | 'at'>;

/** What a check-in's box is bound to: its writer and when (a box copied to another entry does not open). */
const binding = (c: Pick<StoredCheckIn, 'personId' | 'at'>) => `check-in by ${c.personId} at ${c.at}`;

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
  const [seal, owners] = await Promise.all([ensureMyPairSeal(store.client), readOwnerKeys(store)]);
  const checkIn = { ...data, by: me, at: now.toISOString() } as CheckIn;
  await storeCheckIn(store, me, (await sealRecord(checkIn, [seal.publicKey, ...owners.values()])).sealed, now);
  return checkIn;
}

/** A check-in or an evaluation as the store keeps it: sealed for these readers' public keys (its writer's and the owners'). */
export async function sealRecord(record: CheckIn | Evaluation, readers: readonly string[]): Promise<StoredCheckIn> {
  const { by, at, ...data } = record;
  const body = 'stage' in data ? { kind: 'evaluation', ...data } : data;
  return { personId: by, at, sealed: await sealForReaders(JSON.stringify(body), binding({ personId: by, at }), readers) };
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
  const [seal, owners] = await Promise.all([ensureMyPairSeal(store.client), readOwnerKeys(store)]);
  const evaluation = evaluationOf(checked.data, me, now.toISOString());
  await storeCheckIn(store, me, (await sealRecord(evaluation, [seal.publicKey, ...owners.values()])).sealed, now);
  return evaluation;
}

/** What a person recorded after their sessions: their check-ins and evaluations. */
export interface SessionRecords {
  readonly checkIns: CheckIn[];
  readonly evaluations: Evaluation[];
}

/** The records these stored entries hold that this person's key opens; `unread`: those it does not. */
async function openRecords(store: ProgrammeStore, stored: readonly StoredCheckIn[]): Promise<SessionRecords & { unread: number }> {
  const records = { checkIns: [] as CheckIn[], evaluations: [] as Evaluation[], unread: 0 };
  if (stored.length === 0) return records;
  const seal = await myPairSeal(store.client);
  for (const entry of stored) {
    const text = await openSealed(seal, entry.sealed, binding(entry));
    const json = text === undefined ? undefined : safeJson(text);
    const evaluation = evaluationSchema.safeParse(json);
    const checkIn = sealedSchema.safeParse(json);
    if (evaluation.success) records.evaluations.push(evaluationOf(evaluation.data, entry.personId, entry.at));
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

/** The signed-in person's own check-ins and evaluations (to show what they already recorded). */
export async function myRecords(store: ProgrammeStore, me: string): Promise<SessionRecords> {
  const { checkIns } = await readCheckIns(store, { personId: me });
  const { checkIns: mine, evaluations } = await openRecords(store, checkIns);
  return { checkIns: mine, evaluations };
}

/**
 * Every check-in and evaluation, as a programme owner reads them for the health view: those sealed
 * before the owner's key was published do not open for them and are counted in `unread`.
 */
export async function everyRecord(store: ProgrammeStore, signal?: AbortSignal): Promise<SessionRecords & { unread: number } & ReadProblems> {
  const read = await readCheckIns(store, signal ? { signal } : {});
  return { ...(await openRecords(store, read.checkIns)), untrusted: read.untrusted, damaged: read.damaged };
}
