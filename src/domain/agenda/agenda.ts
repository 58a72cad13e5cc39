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
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { AGENDA_LIMITS } from './limits';

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

/** Who follows an item up: the executive, the mentor, or nobody yet. */
export type Owner = 'executive' | 'mentor' | null;

/** One thing the pair means to talk about, added for a session and carried to later ones until it is done. */
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

/** One person's short review of a session: how useful it was and what they learnt. */
export interface Review {
  /** How useful the session was, 1 to 5. */
  readonly useful: number;
  readonly learnt: string;
}

/**
 * Everything the pair shares in one document: the items of all their sessions, their goals, code of
 * conduct, expectations and reviews. Any two copies merge with {@link mergeAgendas}.
 */
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

// ---------------------------------------------------------------- records with any keys

/**
 * A record built without a prototype, so any key (`constructor`, `toString`, `__proto__`) is an
 * ordinary own entry: a workspace the partner can write never reaches Object.prototype.
 */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The entry under `key`, if the record has its own (never one inherited from Object.prototype). */
export function entryOf<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The record with `key` set, keys sorted so every copy serialises the same. */
function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  return sortKeys(recordOf([...Object.entries(record).filter(([k]) => k !== key), [key, value] as const]));
}

/** The item with this id, or undefined (also for ids such as `constructor`). */
export const itemOf = (doc: AgendaDoc, id: string): AgendaItem | undefined => entryOf(doc.items, id);

/** An empty agenda, with the programme's code of conduct template (written by nobody yet). */
export function emptyAgenda(conductTemplate = ''): AgendaDoc {
  return {
    items: recordOf([]),
    goals: [],
    conduct: conductTemplate ? [{ value: conductTemplate, clock: recordOf([]), by: '' }] : [],
    expectations: recordOf([]),
    agreed: recordOf([]),
    current: lww(null),
    reviews: recordOf([]),
  };
}

// ---------------------------------------------------------------- clocks and merging

const countOf = (clock: Clock, client: string) => entryOf(clock, client) ?? 0;

/** Whether clock a has seen everything clock b has. */
export function dominates(a: Clock, b: Clock): boolean {
  for (const [client, n] of Object.entries(b)) if (countOf(a, client) < n) return false;
  return true;
}

/** Everything the register's values had seen: the clock of what its reader starts from when editing it. */
export function clockOf(register: Register<unknown>): Clock {
  const clock = new Map<string, number>();
  for (const s of register) for (const [c, n] of Object.entries(s.clock)) clock.set(c, Math.max(clock.get(c) ?? 0, n));
  return sortKeys(recordOf(clock));
}

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const sameClock = (a: Clock, b: Clock) => dominates(a, b) && dominates(b, a);
const clockKey = (c: Clock) =>
  Object.entries(c)
    .filter(([, n]) => n > 0)
    .sort(([x], [y]) => compare(x, y))
    .map(([k, n]) => `${k}:${n}`)
    .join(',');

/** Siblings in a fixed order (newest-looking first), so every copy shows the same value first. */
function ordered<T>(siblings: Sibling<T>[]): Sibling<T>[] {
  const total = (c: Clock) => Object.values(c).reduce((s, n) => s + n, 0);
  return siblings.sort((a, b) => total(b.clock) - total(a.clock) || compare(clockKey(a.clock), clockKey(b.clock)) || compare(JSON.stringify(a), JSON.stringify(b)));
}

/**
 * Keeps every sibling no other sibling has seen. Two siblings with the same clock (the same write
 * seen twice) are one; should copies of it ever differ (a damaged or hostile file), both are kept,
 * so nothing is dropped and the merge still commutes.
 */
export function mergeRegister<T>(a: Register<T>, b: Register<T>): Register<T> {
  const all = [...a, ...b];
  const kept = new Map<string, Sibling<T>>();
  for (const s of all) {
    const seenByAnother = all.some((o) => o !== s && dominates(o.clock, s.clock) && !sameClock(o.clock, s.clock));
    if (seenByAnother) continue;
    const key = JSON.stringify([clockKey(s.clock), s.value, s.by]);
    if (!kept.has(key)) kept.set(key, s);
  }
  return ordered([...kept.values()]);
}

/** The later write, by Lamport time, then client id, then (only in a damaged file) value. */
export function mergeLww<T>(a: Lww<T>, b: Lww<T>): Lww<T> {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  if (a.client !== b.client) return a.client > b.client ? a : b;
  // The same write seen twice; a client never writes two values at one time unless its clock saturated.
  return JSON.stringify(a.value ?? null) >= JSON.stringify(b.value ?? null) ? a : b;
}

function mergeRecord<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, merge: (x: T, y: T, key: string) => T): Record<string, T> {
  const out = new Map<string, T>(Object.entries(a));
  for (const [key, value] of Object.entries(b)) {
    const mine = out.get(key);
    out.set(key, out.has(key) ? merge(mine as T, value, key) : value);
  }
  return sortKeys(recordOf(out));
}

function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return recordOf(Object.entries(record).sort(([x], [y]) => compare(x, y)));
}

/** One item from two copies of it. Its id is the key it is stored under (a file whose id differs is mended the same everywhere). */
function mergeItem(a: AgendaItem, b: AgendaItem, key: string): AgendaItem {
  return {
    id: key,
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
  const keyed = (items: Readonly<Record<string, AgendaItem>>) => recordOf(Object.entries(items).map(([k, item]) => [k, item.id === k ? item : { ...item, id: k }] as const));
  return {
    items: mergeRecord(keyed(a.items), keyed(b.items), mergeItem),
    goals: mergeRegister(a.goals, b.goals),
    conduct: mergeRegister(a.conduct, b.conduct),
    expectations: mergeRecord(a.expectations, b.expectations, mergeRegister),
    agreed: mergeRecord(a.agreed, b.agreed, mergeLww),
    current: mergeLww(a.current, b.current),
    reviews: mergeRecord(a.reviews, b.reviews, mergeRegister),
  };
}

// ---------------------------------------------------------------- edits

/** n + 1, saturating at the largest time the reader accepts (so no write ever makes the file unreadable). */
const after = (n: number) => Math.min(n + 1, AGENDA_LIMITS.time);

/** The Lamport time after everything in the document. */
function nextTime(doc: AgendaDoc): number {
  let max = doc.current.at;
  for (const item of Object.values(doc.items)) max = Math.max(max, item.done.at, item.owner.at, item.position.at, item.deleted.at);
  for (const a of Object.values(doc.agreed)) max = Math.max(max, a.at);
  return after(max);
}

const write = <T>(doc: AgendaDoc, editor: Editor, value: T): Lww<T> => ({ value, at: nextTime(doc), client: editor.client });

function checkLength(text: string, max: number, what: string) {
  if (text.length > max) throw new RangeError(`${what} is ${text.length} characters; at most ${max} can be saved`);
}

/**
 * A write over what its writer had seen. `base` is the clock of the value the writer started from
 * (see {@link clockOf}, taken when they began editing); without it, everything this copy holds.
 * A write made from a base replaces only what the base had seen, so words that arrived from the
 * other person while this one was typing stay beside it.
 */
function writeRegister<T>(register: Register<T>, editor: Editor, value: T, base: Clock = clockOf(register)): Register<T> {
  const clock = new Map<string, number>(Object.entries(base));
  // The writer's own counter goes past every write of theirs this copy has seen, so writes of one client never tie;
  // should it have reached the top (only a damaged file gets there), the client counts on under a derived key.
  const seen = clockOf(register);
  let key = editor.client;
  for (let n = 1; Math.max(countOf(seen, key), countOf(base, key)) >= AGENDA_LIMITS.time; n++) key = `${editor.client}/${n}`;
  clock.set(key, after(Math.max(countOf(seen, key), countOf(base, key))));
  const written: Sibling<T> = { value, clock: sortKeys(recordOf(clock)), by: editor.person };
  // Siblings the write had not seen are kept (merging does the sorting out).
  return mergeRegister(
    register.filter((s) => !dominates(written.clock, s.clock)),
    [written],
  );
}

function updateItem(doc: AgendaDoc, id: string, change: (item: AgendaItem) => AgendaItem): AgendaDoc {
  const item = itemOf(doc, id);
  if (!item) throw new RangeError(`No agenda item ${id}`);
  return { ...doc, items: withEntry(doc.items, id, change(item)) };
}

/** Items in agenda order (deleted ones left out). */
export function liveItems(doc: AgendaDoc): AgendaItem[] {
  return Object.values(doc.items)
    .filter((i) => !i.deleted.value)
    .sort((a, b) => compare(a.position.value, b.position.value) || compare(a.id, b.id));
}

/** A key between two, or undefined when there is none that is short, valid and in order (then positions are rebalanced). */
function keyBetween(before: string | null, following: string | null): string | undefined {
  if (before !== null && following !== null && before >= following) return undefined;
  try {
    const key = generateKeyBetween(before, following);
    return key.length <= AGENDA_LIMITS.positionRebalanceAt ? key : undefined;
  } catch {
    // A damaged or hostile file can hold keys that are not fractional indexes.
    return undefined;
  }
}

/** Gives the live items, in this order, fresh short positions: one last-writer-wins write per item. */
function rebalance(doc: AgendaDoc, editor: Editor, order: readonly AgendaItem[]): AgendaDoc {
  const keys = generateNKeysBetween(null, null, order.length);
  const at = nextTime(doc);
  const moved = order.map((item, i) => [item.id, { ...item, position: { value: keys[i]!, at, client: editor.client } }] as const);
  const items = new Map<string, AgendaItem>(Object.entries(doc.items));
  for (const [id, item] of moved) items.set(id, item);
  return { ...doc, items: sortKeys(recordOf(items)) };
}

/** Adds an item at the end of the agenda. */
export function addItem(doc: AgendaDoc, editor: Editor, item: { id: string; text: string; session: string; owner?: Owner }): AgendaDoc {
  if (itemOf(doc, item.id)) throw new RangeError(`Agenda item ${item.id} exists`);
  checkLength(item.text, AGENDA_LIMITS.itemText, 'An agenda item');
  if (!item.id || item.id.length > AGENDA_LIMITS.id) throw new RangeError('An agenda item id must have 1 to 80 characters');
  const live = liveItems(doc);
  const key = keyBetween(live.at(-1)?.position.value ?? null, null);
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
    position: stamp(key ?? ''),
    deleted: stamp(false),
  };
  if (key === undefined) return rebalance(doc, editor, [...live, added]);
  return { ...doc, items: withEntry(doc.items, item.id, added) };
}

/** Edits an item's text; `base` is the clock of the text the editor started from (see {@link clockOf}). */
export function editText(doc: AgendaDoc, editor: Editor, id: string, text: string, base?: Clock): AgendaDoc {
  checkLength(text, AGENDA_LIMITS.itemText, 'An agenda item');
  return updateItem(doc, id, (item) => ({ ...item, text: writeRegister(item.text, editor, text, base) }));
}

/** Edits an item's notes; `base` as for {@link editText}. */
export function editNotes(doc: AgendaDoc, editor: Editor, id: string, notes: string, base?: Clock): AgendaDoc {
  checkLength(notes, AGENDA_LIMITS.text, 'The notes');
  return updateItem(doc, id, (item) => ({ ...item, notes: writeRegister(item.notes, editor, notes, base) }));
}

/** Marks an item done or not done (last writer wins). */
export const setDone = (doc: AgendaDoc, editor: Editor, id: string, done: boolean) => updateItem(doc, id, (item) => ({ ...item, done: write(doc, editor, done) }));

/** Gives an item to the executive or the mentor to follow up, or to nobody (last writer wins). */
export const assign = (doc: AgendaDoc, editor: Editor, id: string, owner: Owner) => updateItem(doc, id, (item) => ({ ...item, owner: write(doc, editor, owner) }));

/** Deletes an item: a tombstone that every copy keeps. */
export const deleteItem = (doc: AgendaDoc, editor: Editor, id: string) => updateItem(doc, id, (item) => ({ ...item, deleted: write(doc, editor, true) }));

/** Brings a deleted item back (undo), where it was. */
export const restoreItem = (doc: AgendaDoc, editor: Editor, id: string) => updateItem(doc, id, (item) => ({ ...item, deleted: write(doc, editor, false) }));

/** Where to move an item: just before or just after another live item. */
export type Placement = { readonly before: string } | { readonly after: string };

/**
 * Moves an item next to another one (as they are ordered in this copy), whichever list each is
 * shown in. When the new position key would grow long (after many moves into one gap) or the
 * neighbours' keys are damaged, every live item gets a fresh short key instead, in the new order.
 */
export function moveItem(doc: AgendaDoc, editor: Editor, id: string, to: Placement): AgendaDoc {
  const item = itemOf(doc, id);
  if (!item) throw new RangeError(`No agenda item ${id}`);
  const others = liveItems(doc).filter((i) => i.id !== id);
  const target = 'before' in to ? to.before : to.after;
  const at = others.findIndex((i) => i.id === target);
  if (at < 0) throw new RangeError(`No agenda item ${target} to move next to`);
  const index = 'before' in to ? at : at + 1;
  const key = keyBetween(others[index - 1]?.position.value ?? null, others[index]?.position.value ?? null);
  if (key === undefined) return rebalance(doc, editor, [...others.slice(0, index), item, ...others.slice(index)]);
  return updateItem(doc, id, (i) => ({ ...i, position: write(doc, editor, key) }));
}

/** Points both screens at the item being discussed now, or at none. */
export const setCurrent = (doc: AgendaDoc, editor: Editor, id: string | null): AgendaDoc => ({ ...doc, current: write(doc, editor, id) });

/** Sets the pair's goals; `base` as for {@link editText}. */
export function setGoals(doc: AgendaDoc, editor: Editor, text: string, base?: Clock): AgendaDoc {
  checkLength(text, AGENDA_LIMITS.text, 'The goals');
  return { ...doc, goals: writeRegister(doc.goals, editor, text, base) };
}

/** Sets the code of conduct; `base` as for {@link editText}. */
export function setConduct(doc: AgendaDoc, editor: Editor, text: string, base?: Clock): AgendaDoc {
  checkLength(text, AGENDA_LIMITS.text, 'The code of conduct');
  return { ...doc, conduct: writeRegister(doc.conduct, editor, text, base) };
}

/** Sets the editor's expectations of the pairing; `base` as for {@link editText}. */
export function setExpectations(doc: AgendaDoc, editor: Editor, text: string, base?: Clock): AgendaDoc {
  checkLength(text, AGENDA_LIMITS.text, 'Your expectations');
  return { ...doc, expectations: withEntry(doc.expectations, editor.person, writeRegister(entryOf(doc.expectations, editor.person) ?? [], editor, text, base)) };
}

/** The editor agrees to the code of conduct as it reads now (a later change asks again). */
export const agreeConduct = (doc: AgendaDoc, editor: Editor): AgendaDoc => ({
  ...doc,
  agreed: withEntry(doc.agreed, editor.person, write(doc, editor, valueOf(doc.conduct) ?? '')),
});

/** Records the editor's review of a session; a later review by the same person replaces it. */
export const review = (doc: AgendaDoc, editor: Editor, session: string, value: Review): AgendaDoc => {
  checkLength(value.learnt, AGENDA_LIMITS.learnt, 'What you learnt');
  const key = `${session}/${editor.person}`;
  return { ...doc, reviews: withEntry(doc.reviews, key, writeRegister(entryOf(doc.reviews, key) ?? [], editor, value)) };
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
  return !valueOf(doc.goals) || people.some((p) => entryOf(doc.agreed, p)?.value !== conduct);
}
