/**
 * Check-ins after a session: each person records what became of it (held, moved, skipped,
 * cancelled), how useful it was (a pulse, 1–5) and perhaps a line to the programme owners. A
 * check-in is sealed for the person and the owners (pair-seal.ts, `sealForReaders`): the partner
 * does not read it, and nor does anyone else in the programme; the store shows only who checked in
 * and when. The owners' health view (programme-health.ts) reads them all; a pair's agenda never.
 */
import { z } from 'zod';
import { MAX_CHECK_IN_NOTE, SESSION_OUTCOMES, type CheckIn } from '@/domain/health/health';
import { ensureMyPairSeal, myPairSeal } from '@/services/programme/person-key';
import { openSealed, sealForReaders } from '@/services/programme/pair-seal';
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
  await storeCheckIn(store, me, (await sealCheckIn(checkIn, [seal.publicKey, ...owners.values()])).sealed, now);
  return checkIn;
}

/** A check-in as the store keeps it: sealed for these readers' public keys (its writer's and the owners'). */
export async function sealCheckIn(checkIn: CheckIn, readers: readonly string[]): Promise<StoredCheckIn> {
  const { by, at, ...data } = checkIn;
  return { personId: by, at, sealed: await sealForReaders(JSON.stringify(data), binding({ personId: by, at }), readers) };
}

/** The check-ins these stored entries hold that this person's key opens; `unread`: those it does not. */
async function openCheckIns(store: ProgrammeStore, stored: readonly StoredCheckIn[]): Promise<{ checkIns: CheckIn[]; unread: number }> {
  if (stored.length === 0) return { checkIns: [], unread: 0 };
  const seal = await myPairSeal(store.client);
  const checkIns: CheckIn[] = [];
  let unread = 0;
  for (const entry of stored) {
    const text = await openSealed(seal, entry.sealed, binding(entry));
    const data = text === undefined ? undefined : sealedSchema.safeParse(safeJson(text));
    if (!data?.success) unread++;
    else checkIns.push({ ...data.data, by: entry.personId, at: entry.at } as CheckIn);
  }
  return { checkIns, unread };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The signed-in person's own check-ins (to show which sessions they recorded). */
export async function myCheckIns(store: ProgrammeStore, me: string): Promise<CheckIn[]> {
  const { checkIns } = await readCheckIns(store, { personId: me });
  return (await openCheckIns(store, checkIns)).checkIns;
}

/**
 * Every check-in, as a programme owner reads them for the health view: those sealed before the owner's
 * key was published do not open for them and are counted in `unread`.
 */
export async function everyCheckIn(store: ProgrammeStore, signal?: AbortSignal): Promise<{ checkIns: CheckIn[]; unread: number } & ReadProblems> {
  const read = await readCheckIns(store, signal ? { signal } : {});
  return { ...(await openCheckIns(store, read.checkIns)), untrusted: read.untrusted, damaged: read.damaged };
}
