/**
 * The pair's shared agenda as a state-based CRDT: any two copies merge into one, in any order, any
 * number of times, with the same result, so two people editing at once, a client that was offline
 * for a while, and saves that conflict all end in the same document. Nothing typed is lost:
 * - text (item text, notes, goals, code of conduct, expectations, what was learnt) is a
 *   multi-value register: writes that did not see each other are all kept, side by side, until
 *   someone writes over them; a write replaces only what its writer had seen;
 * - small choices (done, who owns an item, its position, the item being discussed) are
 *   last-writer-wins by a Lamport time, ties broken by client id;
 * - deleting an item is an explicit tombstone, never inferred from an item being absent.
 * Pure: clients, people, ids and sessions are passed in.
 */
import { generateKeyBetween } from 'fractional-indexing';

/** A version vector: how many writes from each client a write had seen, its own included. */
export type Clock = Readonly<Record<string, number>>;

/** One value of a register with the clock of the write that made it and who wrote it. */
export interface Sibling<T> {
  readonly value: T;
  readonly clock: Clock;
  /** The person who wrote it. */
  readonly by: string;
}

/** A multi-value register: one sibling normally, several after writes that did not see each other. */
export type Register<T> = readonly Sibling<T>[];

/** A last-writer-wins value. */
export interface Lww<T> {
  readonly value: T;
  /** Lamport time of the write. */
  readonly at: number;
  readonly client: string;
}

export type Owner = 'executive' | 'mentor' | null;

export interface AgendaItem {
  readonly id: string;
  /** The session it was added for (its date, YYYY-MM-DD). */
  readonly session: string;
  readonly createdBy: string;
  readonly text: Register<string>;
  readonly notes: Register<string>;
  readonly done: Lww<boolean>;
  readonly owner: Lww<Owner>;
  /** A fractional index: items sort by it. */
  readonly position: Lww<string>;
  readonly deleted: Lww<boolean>;
}

export interface Review {
  /** How useful the session was, 1 to 5. */
  readonly useful: number;
  readonly learnt: string;
}

export interface AgendaDoc {
  readonly items: Readonly<Record<string, AgendaItem>>;
  readonly goals: Register<string>;
  readonly conduct: Register<string>;
  /** Each person's expectations of the pairing, by person id. */
  readonly expectations: Readonly<Record<string, Register<string>>>;
  /** Who has agreed the code of conduct (as it read when they agreed), by person id. */
  readonly agreed: Readonly<Record<string, Lww<string | null>>>;
  /** The item being discussed now. */
  readonly current: Lww<string | null>;
  /** Reviews after a session, by `${session}/${personId}`. */
  readonly reviews: Readonly<Record<string, Register<Review>>>;
}

/** Who is editing: the client (a device, stable across reloads) and the person. */
export interface Editor {
  readonly client: string;
  readonly person: string;
}

const START: Lww<never> = { value: undefined as never, at: 0, client: '' };
const lww = <T>(value: T): Lww<T> => ({ ...START, value });

/** An empty agenda, with the programme's code of conduct template (written by nobody yet). */
export function emptyAgenda(conductTemplate = ''): AgendaDoc {
  return {
    items: {},
    goals: [],
    conduct: conductTemplate ? [{ value: conductTemplate, clock: {}, by: '' }] : [],
    expectations: {},
    agreed: {},
    current: lww(null),
    reviews: {},
  };
}

// ---------------------------------------------------------------- clocks and merging

/** Whether clock a has seen everything clock b has. */
export function dominates(a: Clock, b: Clock): boolean {
  for (const [client, n] of Object.entries(b)) if ((a[client] ?? 0) < n) return false;
  return true;
}

const sameClock = (a: Clock, b: Clock) => dominates(a, b) && dominates(b, a);
const clockKey = (c: Clock) =>
  Object.entries(c)
    .filter(([, n]) => n > 0)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([k, n]) => `${k}:${n}`)
    .join(',');

/** Siblings in a fixed order (newest-looking first), so every copy shows the same value first. */
function ordered<T>(siblings: Sibling<T>[]): Sibling<T>[] {
  const total = (c: Clock) => Object.values(c).reduce((s, n) => s + n, 0);
  return siblings.sort((a, b) => total(b.clock) - total(a.clock) || (clockKey(a.clock) < clockKey(b.clock) ? -1 : clockKey(a.clock) > clockKey(b.clock) ? 1 : 0));
}

/** Keeps every sibling no other sibling has seen. */
export function mergeRegister<T>(a: Register<T>, b: Register<T>): Register<T> {
  const all = [...a, ...b];
  const kept: Sibling<T>[] = [];
  for (const s of all) {
    const seenByAnother = all.some((o) => o !== s && dominates(o.clock, s.clock) && !sameClock(o.clock, s.clock));
    if (seenByAnother) continue;
    const twin = kept.findIndex((k) => sameClock(k.clock, s.clock));
    // The same write seen twice is kept once (the smaller, should copies ever differ, so the merge commutes).
    if (twin < 0) kept.push(s);
    else if (JSON.stringify(s) < JSON.stringify(kept[twin])) kept[twin] = s;
  }
  return ordered(kept);
}

export function mergeLww<T>(a: Lww<T>, b: Lww<T>): Lww<T> {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  if (a.client !== b.client) return a.client > b.client ? a : b;
  // The same write seen twice; a client never writes two values at one time.
  return a;
}

function mergeRecord<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, merge: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = key in out ? merge(out[key]!, value) : value;
  return sortKeys(out);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

function mergeItem(a: AgendaItem, b: AgendaItem): AgendaItem {
  return {
    id: a.id,
    // Set once at creation; the same on every copy.
    session: a.session < b.session ? a.session : b.session,
    createdBy: a.createdBy < b.createdBy ? a.createdBy : b.createdBy,
    text: mergeRegister(a.text, b.text),
    notes: mergeRegister(a.notes, b.notes),
    done: mergeLww(a.done, b.done),
    owner: mergeLww(a.owner, b.owner),
    position: mergeLww(a.position, b.position),
    deleted: mergeLww(a.deleted, b.deleted),
  };
}

/** One agenda from two copies: commutative, associative and idempotent. */
export function mergeAgendas(a: AgendaDoc, b: AgendaDoc): AgendaDoc {
  return {
    items: mergeRecord(a.items, b.items, mergeItem),
    goals: mergeRegister(a.goals, b.goals),
    conduct: mergeRegister(a.conduct, b.conduct),
    expectations: mergeRecord(a.expectations, b.expectations, mergeRegister),
    agreed: mergeRecord(a.agreed, b.agreed, mergeLww),
    current: mergeLww(a.current, b.current),
    reviews: mergeRecord(a.reviews, b.reviews, mergeRegister),
  };
}

// ---------------------------------------------------------------- edits

/** The Lamport time after everything in the document. */
function nextTime(doc: AgendaDoc): number {
  let max = doc.current.at;
  for (const item of Object.values(doc.items)) max = Math.max(max, item.done.at, item.owner.at, item.position.at, item.deleted.at);
  for (const a of Object.values(doc.agreed)) max = Math.max(max, a.at);
  return max + 1;
}

const write = <T>(doc: AgendaDoc, editor: Editor, value: T): Lww<T> => ({ value, at: nextTime(doc), client: editor.client });

/** A write over everything the editor's copy of the register holds. */
function writeRegister<T>(register: Register<T>, editor: Editor, value: T): Register<T> {
  const clock: Record<string, number> = {};
  for (const s of register) for (const [c, n] of Object.entries(s.clock)) clock[c] = Math.max(clock[c] ?? 0, n);
  clock[editor.client] = (clock[editor.client] ?? 0) + 1;
  return [{ value, clock, by: editor.person }];
}

function updateItem(doc: AgendaDoc, id: string, change: (item: AgendaItem) => AgendaItem): AgendaDoc {
  const item = doc.items[id];
  if (!item) throw new RangeError(`No agenda item ${id}`);
  return { ...doc, items: { ...doc.items, [id]: change(item) } };
}

/** Items in agenda order (deleted ones left out). */
export function liveItems(doc: AgendaDoc): AgendaItem[] {
  return Object.values(doc.items)
    .filter((i) => !i.deleted.value)
    .sort((a, b) => (a.position.value < b.position.value ? -1 : a.position.value > b.position.value ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Adds an item at the end of the agenda. */
export function addItem(doc: AgendaDoc, editor: Editor, item: { id: string; text: string; session: string; owner?: Owner }): AgendaDoc {
  if (doc.items[item.id]) throw new RangeError(`Agenda item ${item.id} exists`);
  const last = liveItems(doc).at(-1)?.position.value ?? null;
  const at = nextTime(doc);
  const stamp = <T>(value: T): Lww<T> => ({ value, at, client: editor.client });
  const added: AgendaItem = {
    id: item.id,
    session: item.session,
    createdBy: editor.person,
    text: writeRegister([], editor, item.text),
    notes: [],
    done: stamp(false),
    owner: stamp(item.owner ?? null),
    position: stamp(generateKeyBetween(last, null)),
    deleted: stamp(false),
  };
  return { ...doc, items: { ...doc.items, [item.id]: added } };
}

export const editText = (doc: AgendaDoc, editor: Editor, id: string, text: string) =>
  updateItem(doc, id, (item) => ({ ...item, text: writeRegister(item.text, editor, text) }));

export const editNotes = (doc: AgendaDoc, editor: Editor, id: string, notes: string) =>
  updateItem(doc, id, (item) => ({ ...item, notes: writeRegister(item.notes, editor, notes) }));

export const setDone = (doc: AgendaDoc, editor: Editor, id: string, done: boolean) => updateItem(doc, id, (item) => ({ ...item, done: write(doc, editor, done) }));

export const assign = (doc: AgendaDoc, editor: Editor, id: string, owner: Owner) => updateItem(doc, id, (item) => ({ ...item, owner: write(doc, editor, owner) }));

/** Deletes an item: a tombstone that every copy keeps. */
export const deleteItem = (doc: AgendaDoc, editor: Editor, id: string) => updateItem(doc, id, (item) => ({ ...item, deleted: write(doc, editor, true) }));

/** Moves an item to `index` among the live items (as they are in this copy). */
export function moveItem(doc: AgendaDoc, editor: Editor, id: string, index: number): AgendaDoc {
  const others = liveItems(doc).filter((i) => i.id !== id);
  const clamped = Math.max(0, Math.min(index, others.length));
  const before = others[clamped - 1]?.position.value ?? null;
  const after = others[clamped]?.position.value ?? null;
  // Two items may share a position after concurrent moves; generate between distinct keys only.
  const position = before !== null && after !== null && before >= after ? generateKeyBetween(before, null) : generateKeyBetween(before, after);
  return updateItem(doc, id, (item) => ({ ...item, position: write(doc, editor, position) }));
}

export const setCurrent = (doc: AgendaDoc, editor: Editor, id: string | null): AgendaDoc => ({ ...doc, current: write(doc, editor, id) });
export const setGoals = (doc: AgendaDoc, editor: Editor, text: string): AgendaDoc => ({ ...doc, goals: writeRegister(doc.goals, editor, text) });
export const setConduct = (doc: AgendaDoc, editor: Editor, text: string): AgendaDoc => ({ ...doc, conduct: writeRegister(doc.conduct, editor, text) });

export const setExpectations = (doc: AgendaDoc, editor: Editor, text: string): AgendaDoc => ({
  ...doc,
  expectations: sortKeys({ ...doc.expectations, [editor.person]: writeRegister(doc.expectations[editor.person] ?? [], editor, text) }),
});

/** The editor agrees to the code of conduct as it reads now (a later change asks again). */
export const agreeConduct = (doc: AgendaDoc, editor: Editor): AgendaDoc => ({
  ...doc,
  agreed: sortKeys({ ...doc.agreed, [editor.person]: write(doc, editor, valueOf(doc.conduct) ?? '') }),
});

export const review = (doc: AgendaDoc, editor: Editor, session: string, value: Review): AgendaDoc => {
  const key = `${session}/${editor.person}`;
  return { ...doc, reviews: sortKeys({ ...doc.reviews, [key]: writeRegister(doc.reviews[key] ?? [], editor, value) }) };
};

// ---------------------------------------------------------------- reading

/** The value a register shows (the first sibling), or undefined when never written. */
export function valueOf<T>(register: Register<T>): T | undefined {
  return register[0]?.value;
}

/** Other values written at the same time, kept so nothing typed is lost: who wrote what. */
export function alternativesOf<T>(register: Register<T>): { by: string; value: T }[] {
  return register.slice(1).map((s) => ({ by: s.by, value: s.value }));
}

/** What the agenda of a session shows: unfinished items from earlier sessions, then this session's. */
export function sessionView(doc: AgendaDoc, session: string): { carried: AgendaItem[]; items: AgendaItem[] } {
  const live = liveItems(doc);
  return {
    carried: live.filter((i) => i.session < session && !i.done.value),
    items: live.filter((i) => i.session === session),
  };
}

/** Whether the pair still has to set goals and agree a code of conduct (their first session). */
export function needsGuidedStart(doc: AgendaDoc, people: readonly string[]): boolean {
  const conduct = valueOf(doc.conduct) ?? '';
  return !valueOf(doc.goals) || people.some((p) => doc.agreed[p]?.value !== conduct);
}
