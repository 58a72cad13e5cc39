/**
 * The shape of a stored or received agenda, checked wherever one crosses a boundary (the pair
 * workspace file, another client's live state). Its limits are the domain's
 * ({@link AGENDA_LIMITS}), so whatever the domain can write reads back. A document that does not
 * match is refused with the first problem named, never merged; a workspace file that does not
 * match can be salvaged ({@link salvageWorkspace}): everything readable kept, the rest named.
 */
import { z } from 'zod';
import { emptyAgenda, recordOf, type AgendaDoc, type AgendaItem, type Lww, type Register } from '@/domain/agenda/agenda';
import { AGENDA_LIMITS as L } from '@/domain/agenda/limits';
import type { WorkspaceDocument } from '@/domain/booking/workspace';
import { liveKeySchema } from './live-crypto';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A record read as its entries, so keys such as `__proto__` (which zod's record drops) and
 * `constructor` are kept, into an object without a prototype.
 */
const record = <V extends z.ZodType>(key: z.ZodString, value: V) =>
  z.preprocess((raw) => (isObject(raw) ? Object.entries(raw) : raw), z.array(z.tuple([key, value]))).transform((entries) => recordOf(entries as [string, z.output<V>][]));

const time = z.number().int().min(0).max(L.time);
const clock = record(z.string().max(L.clockKey), time);
const id = z.string().max(L.id);
// No bound on siblings: a register holds one per client that wrote it without seeing the others,
// and no copy can stop that from happening (folding them would not merge the same in every order).
const register = <T extends z.ZodType>(value: T) => z.array(z.object({ value, clock, by: id }));
const lww = <T extends z.ZodType>(value: T) => z.object({ value, at: time, client: id });
const text = z.string().max(L.readText);
const reviewValue = z.object({ useful: z.number().int().min(1).max(5), learnt: z.string().max(L.learnt) });
const itemKey = z.string().min(1).max(L.id);

const fields = {
  session: z.string().max(L.session),
  createdBy: id,
  text: register(text),
  notes: register(text),
  done: lww(z.boolean()),
  owner: lww(z.enum(['executive', 'mentor']).nullable()),
  position: lww(z.string().max(L.positionKey)),
  deleted: lww(z.boolean()),
};
const itemSchema = z.object({ id: itemKey, ...fields });

export const agendaSchema = z
  .object({
    items: record(itemKey, itemSchema),
    goals: register(text),
    conduct: register(text),
    expectations: record(z.string(), register(text)),
    agreed: record(z.string(), lww(text.nullable())),
    current: lww(id.nullable()),
    reviews: record(z.string(), register(reviewValue)),
  })
  // An item's id is the key it is stored under (a file where they differ is mended, the same way on every copy).
  .transform((doc) => ({ ...doc, items: recordOf(Object.entries(doc.items).map(([key, item]) => [key, { ...item, id: key }] as const)) }));

const pairSchema = z.object({ key: z.string(), executiveId: z.string(), mentorId: z.string() });
const workspaceSchema = z.object({ v: z.literal(1), pair: pairSchema, agenda: agendaSchema, liveKey: liveKeySchema.optional() });

/**
 * A workspace or agenda that does not have the expected shape, so it can be told apart from a
 * failed read or save.
 */
export class AgendaFormatError extends Error {
  override readonly name = 'AgendaFormatError';
}

function parse<T>(schema: z.ZodType, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AgendaFormatError(`${what} is not in the expected form (${issue.path.join('.') || 'document'}: ${issue.message}).`);
  }
  return parsed.data as T;
}

/** Reads an agenda, or throws an {@link AgendaFormatError} naming the first problem. */
export const parseAgenda = (value: unknown, what = 'The agenda'): AgendaDoc => parse<AgendaDoc>(agendaSchema, value, what);
/** Reads a pair workspace file, or throws an {@link AgendaFormatError} naming the first problem. */
export const parseWorkspace = (value: unknown): WorkspaceDocument => parse<WorkspaceDocument>(workspaceSchema, value, 'The pair workspace');

// ---------------------------------------------------------------- salvage

/** What could be read of a damaged agenda, and, in words, each part that could not (and was left out). */
export interface Salvaged<T> {
  readonly value: T;
  /** Empty when the whole document was readable. */
  readonly dropped: readonly string[];
}

const ok = <T>(schema: z.ZodType, raw: unknown): T | undefined => {
  const parsed = schema.safeParse(raw);
  return parsed.success ? (parsed.data as T) : undefined;
};

function salvageRegister<T>(raw: unknown, value: z.ZodType, what: string, dropped: string[]): Register<T> {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    dropped.push(`${what} (unreadable)`);
    return [];
  }
  const sibling = z.object({ value, clock, by: id });
  const kept = raw.map((s) => ok<Register<T>[number]>(sibling, s)).filter((s) => s !== undefined);
  if (kept.length < raw.length) dropped.push(raw.length - kept.length === 1 ? `one version of ${what}` : `${raw.length - kept.length} versions of ${what}`);
  return kept;
}

function salvageLww<T>(raw: unknown, value: z.ZodType, fallback: T, what: string, dropped: string[]): Lww<T> {
  const read = ok<Lww<T>>(lww(value), raw);
  if (read) return read;
  dropped.push(`${what} (reset)`);
  return { value: fallback, at: 0, client: '' };
}

function salvageRecord<T>(raw: unknown, what: string, dropped: string[], each: (key: string, value: unknown) => T | undefined): Record<string, T> {
  if (raw === undefined) return recordOf([]);
  if (!isObject(raw)) {
    dropped.push(`${what} (unreadable)`);
    return recordOf([]);
  }
  const kept: [string, T][] = [];
  for (const [key, value] of Object.entries(raw)) {
    const read = each(key, value);
    if (read !== undefined) kept.push([key, read]);
  }
  return recordOf(kept.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

/** An item with whatever of it is readable, or (with nothing of its words readable) none. */
function salvageItem(key: string, raw: unknown, allDropped: string[]): AgendaItem | undefined {
  const whole = ok<AgendaItem>(itemSchema, raw);
  if (whole) return { ...whole, id: key };
  const dropped: string[] = [];
  const item = isObject(raw) && itemKey.safeParse(key).success ? salvageFields(key, raw, dropped) : undefined;
  if (!item || (item.text.length === 0 && item.notes.length === 0)) {
    allDropped.push(`an agenda item stored as ${quote(key)}`);
    return undefined;
  }
  allDropped.push(...dropped);
  return item;
}

function salvageFields(key: string, raw: Record<string, unknown>, dropped: string[]): AgendaItem {
  const shown = ok<Register<string>>(fields.text, raw.text)?.[0]?.value;
  const name = `the item ${quote(shown ?? key)}`;
  const plain = <T>(schema: z.ZodType, fallback: T, what: string): T => {
    const read = ok<T>(schema, raw[what]);
    if (read === undefined) dropped.push(`${what === 'session' ? 'the session' : 'who added'} ${name} (reset)`);
    return read ?? fallback;
  };
  return {
    id: key,
    session: plain(fields.session, '', 'session'),
    createdBy: plain(fields.createdBy, '', 'createdBy'),
    text: salvageRegister(raw.text, text, `the text of ${name}`, dropped),
    notes: salvageRegister(raw.notes, text, `the notes on ${name}`, dropped),
    done: salvageLww(raw.done, z.boolean(), false, `whether ${name} is done`, dropped),
    owner: salvageLww(raw.owner, fields.owner.shape.value, null, `who takes ${name}`, dropped),
    position: salvageLww(raw.position, fields.position.shape.value, '', `the place of ${name} in the list`, dropped),
    deleted: salvageLww(raw.deleted, z.boolean(), false, `whether ${name} was removed`, dropped),
  };
}

/**
 * Everything readable of an agenda that {@link parseAgenda} refuses: every item, version of a
 * text, expectation, agreement and review that is valid is kept; what is not is left out (or, for
 * small choices such as done or an item's place, reset) and named in `dropped`.
 */
export function salvageAgenda(raw: unknown): Salvaged<AgendaDoc> {
  const whole = ok<AgendaDoc>(agendaSchema, raw);
  if (whole) return { value: whole, dropped: [] };
  const dropped: string[] = [];
  if (!isObject(raw)) return { value: emptyAgenda(), dropped: ['the whole agenda (unreadable)'] };
  const value: AgendaDoc = {
    items: salvageRecord(raw.items, 'the agenda items', dropped, (key, item) => salvageItem(key, item, dropped)),
    goals: salvageRegister(raw.goals, text, 'your goals', dropped),
    conduct: salvageRegister(raw.conduct, text, 'your code of conduct', dropped),
    expectations: salvageRecord(raw.expectations, 'your expectations', dropped, (_, r) => salvageRegister(r, text, 'an expectation', dropped)),
    agreed: salvageRecord(raw.agreed, 'who agreed the code of conduct', dropped, (_, a) => {
      const read = ok<Lww<string | null>>(lww(text.nullable()), a);
      if (!read) dropped.push('an agreement to the code of conduct');
      return read;
    }),
    current: salvageLww(raw.current, id.nullable(), null, 'the item being discussed', dropped),
    reviews: salvageRecord(raw.reviews, 'the reviews', dropped, (_, r) => salvageRegister(r, reviewValue, 'a review', dropped)),
  };
  return { value, dropped };
}

/**
 * A pair workspace file with its agenda salvaged ({@link salvageAgenda}); throws an
 * {@link AgendaFormatError} only when it is not a workspace at all (no version or pair).
 */
export function salvageWorkspace(raw: unknown): Salvaged<WorkspaceDocument> {
  const whole = ok<WorkspaceDocument>(workspaceSchema, raw);
  if (whole) return { value: whole, dropped: [] };
  const header = z.object({ v: z.literal(1), pair: pairSchema }).safeParse(raw);
  if (!header.success) return { value: parseWorkspace(raw), dropped: [] };
  const agenda = salvageAgenda((raw as { agenda?: unknown }).agenda);
  // The pair's live key is kept when it reads; a damaged one is dropped and a new one made on the next open.
  const liveKey = liveKeySchema.safeParse((raw as { liveKey?: unknown }).liveKey);
  const dropped = liveKey.success || (raw as { liveKey?: unknown }).liveKey === undefined ? agenda.dropped : [...agenda.dropped, 'the key of the live channel'];
  return { value: { v: 1, pair: header.data.pair, agenda: agenda.value, ...(liveKey.success ? { liveKey: liveKey.data } : {}) }, dropped };
}
