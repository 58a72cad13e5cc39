import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  agreeConduct,
  assign,
  clockOf,
  deleteItem,
  editNotes,
  editText,
  emptyAgenda,
  itemOf,
  liveItems,
  mergeAgendas,
  moveItem,
  restoreItem,
  review,
  setConduct,
  setCurrent,
  setDone,
  setExpectations,
  setGoals,
  type AgendaDoc,
  type Editor,
} from '@/domain/agenda/agenda';
import { AGENDA_LIMITS as L } from '@/domain/agenda/limits';
import { AgendaFormatError, parseAgenda, parseWorkspace, salvageAgenda, salvageWorkspace } from './agenda-schema';

const through = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const reload = (doc: AgendaDoc) => parseAgenda(through(doc));
const SESSION = '2027-01-05';
const editor = (n: number): Editor => ({ client: `${n % 2 ? 'diego' : 'margaret'}:surface-${n}`, person: n % 2 ? 'diego' : 'margaret' });

describe('what the domain writes reads back (issue 16, item 7)', () => {
  const TEXTS = ['', 'short', 'ß'.repeat(L.itemText)];
  const LONG = ['', 'notes', 'n'.repeat(L.text)];
  type Op = { who: number; kind: number; pick: number; size: number; flag: boolean };
  const op: fc.Arbitrary<Op> = fc.record({ who: fc.nat(19), kind: fc.nat(17), pick: fc.nat(30), size: fc.nat(2), flag: fc.boolean() });

  /** Twenty replicas (one person's surfaces and devices among them) edit, merge and reorder; returns every copy. */
  function run(ops: readonly Op[], start: AgendaDoc): AgendaDoc[] {
    const docs = Array.from({ length: 20 }, () => start);
    const began = [...docs];
    let ids = 0;
    for (const { who, kind, pick, size, flag } of ops) {
      const me = editor(who);
      let doc = docs[who]!;
      const live = liveItems(doc);
      const all = Object.keys(doc.items);
      const id = all[pick % Math.max(1, all.length)];
      const base = (d: AgendaDoc, key: string) => (flag ? clockOf(itemOf(d, key)?.text ?? []) : undefined);
      if (kind <= 1 || !id) doc = addItem(doc, me, { id: `i${ids++}`, text: TEXTS[size]!, session: flag ? SESSION : '2027-01-19' });
      else if (kind === 2) doc = editText(doc, me, id, TEXTS[size]!, base(began[who]!, id));
      else if (kind === 3) doc = editNotes(doc, me, id, LONG[size]!);
      else if (kind === 4) doc = setDone(doc, me, id, flag);
      else if (kind === 5) doc = assign(doc, me, id, flag ? 'executive' : null);
      else if (kind === 6 || kind === 7) {
        const target = live.filter((i) => i.id !== id)[pick % 3];
        if (target) doc = moveItem(doc, me, id, flag ? { before: target.id } : { after: target.id });
      } else if (kind === 8) doc = flag ? deleteItem(doc, me, id) : restoreItem(doc, me, id);
      else if (kind === 9) doc = setCurrent(doc, me, flag ? id : null);
      else if (kind === 10) doc = setGoals(doc, me, LONG[size]!);
      else if (kind === 11) doc = setConduct(doc, me, LONG[size]!);
      else if (kind === 12) doc = setExpectations(doc, me, LONG[size]!);
      else if (kind === 13) doc = agreeConduct(doc, me);
      else if (kind === 14) doc = review(doc, me, SESSION, { useful: 1 + (pick % 5), learnt: 'l'.repeat(size ? L.learnt : 3) });
      else doc = mergeAgendas(doc, docs[pick % docs.length]!);
      began[who] = docs[who]!;
      docs[who] = doc;
    }
    return docs;
  }

  it('every document any sequence of edits, merges and moves from many replicas produces passes the reader and loads the same', () => {
    const near = { ...emptyAgenda('Template'), current: { value: null, at: L.time - 3, client: '' } };
    fc.assert(
      fc.property(fc.array(op, { maxLength: 50 }), fc.boolean(), (ops, high) => {
        const docs = run(ops, high ? near : emptyAgenda('Template'));
        const all = docs.reduce(mergeAgendas);
        for (const doc of [...docs.slice(0, 3), all]) {
          expect(reload(doc)).toEqual(doc);
          expect(parseWorkspace(through({ v: 1, pair: { key: 'p', executiveId: 'margaret', mentorId: 'diego' }, agenda: doc })).agenda).toEqual(doc);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reads seventeen people’s concurrent versions of one text', () => {
    const base = addItem(emptyAgenda(), editor(0), { id: 'a', text: 'AI', session: SESSION });
    const merged = Array.from({ length: 17 }, (_, n) => editText(base, editor(n + 2), 'a', `version ${n}`)).reduce(mergeAgendas);
    expect(merged.items.a!.text).toHaveLength(17);
    expect(reload(merged)).toEqual(merged);
  });

  it('reads an agenda after 1,200 moves into one gap', () => {
    let doc = emptyAgenda();
    for (const id of ['a', 'b', 'c', 'd']) doc = addItem(doc, editor(0), { id, text: id, session: SESSION });
    for (let n = 0; n < 1200; n++) {
      const [first, , third] = liveItems(doc);
      doc = moveItem(doc, editor(n), third!.id, { after: first!.id });
    }
    expect(reload(doc)).toEqual(doc);
  });

  it('reads a Lamport time at the top of the range, and what is written after it', () => {
    let doc: AgendaDoc = { ...addItem(emptyAgenda(), editor(0), { id: 'a', text: 'AI', session: SESSION }), current: { value: 'a', at: L.time, client: 'x' } };
    doc = setDone(setCurrent(doc, editor(1), null), editor(0), 'a', true);
    expect(reload(doc)).toEqual(doc);
  });

  it('reads a note longer than the limit, as earlier versions let people write; the domain no longer writes one', () => {
    const doc = addItem(emptyAgenda(), editor(0), { id: 'a', text: 'AI', session: SESSION });
    const old = { ...doc, items: { a: { ...doc.items.a!, notes: [{ value: 'n'.repeat(5100), clock: { 'margaret:old': 1 }, by: 'margaret' }] } } };
    expect(reload(old).items.a!.notes[0]!.value).toHaveLength(5100);
    expect(() => editNotes(doc, editor(0), 'a', 'n'.repeat(5100))).toThrow(RangeError);
  });
});

describe('a hostile or damaged workspace (issue 16, item 8)', () => {
  const item = (id: string, text: string) => addItem(emptyAgenda(), editor(0), { id, text, session: SESSION }).items[id]!;
  const withItems = (json: string) => ({ ...(through(emptyAgenda()) as object), items: JSON.parse(json) as unknown });

  it('keeps items stored as __proto__, constructor or toString, and takes the key as the id', () => {
    const raw = withItems(
      `{"__proto__": ${JSON.stringify(item('x', 'proto'))}, "constructor": ${JSON.stringify(item('constructor', 'ctor'))}, "toString": ${JSON.stringify(item('toString', 'ts'))}}`,
    );
    const doc = parseAgenda(raw);
    expect(Object.keys(doc.items).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(
      Object.values(doc.items)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['__proto__', 'constructor', 'toString']);
    expect(liveItems(doc)).toHaveLength(3);
    expect(mergeAgendas(doc, emptyAgenda())).toEqual(mergeAgendas(emptyAgenda(), doc));
    // And it writes and reads back the same.
    expect(reload(setDone(doc, editor(1), '__proto__', true)).items.__proto__?.done.value).toBe(true);
  });

  it('any mix of Object-method keys and positions merges the same in any order after reading', () => {
    const keys = fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'a', 'b');
    const positions = fc.constantFrom('a0', 'a1', '', 'zzz', '!', 'a0V');
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, fc.boolean(), positions), { maxLength: 6 }), fc.array(fc.tuple(keys, fc.boolean(), positions), { maxLength: 6 }), (xs, ys) => {
        const file = (entries: [string, boolean, string][], who: number) =>
          parseAgenda(
            withItems(
              `{${entries.map(([k, done, p]) => `${JSON.stringify(k)}: ${JSON.stringify({ ...item(k, `${who}`), done: { value: done, at: who, client: `${who}` }, position: { value: p, at: who, client: `${who}` } })}`).join(',')}}`,
            ),
          );
        const a = file(xs, 1);
        const b = file(ys, 2);
        expect(mergeAgendas(a, b)).toEqual(mergeAgendas(b, a));
        const merged = mergeAgendas(a, b);
        expect(new Set(Object.keys(merged.items))).toEqual(new Set([...xs, ...ys].map(([k]) => k)));
        const live = liveItems(merged);
        if (live.length >= 2) expect(() => moveItem(merged, editor(0), live[0]!.id, { after: live.at(-1)!.id })).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('salvaging a workspace the reader refuses (issue 16, item 7)', () => {
  it('keeps every readable item and text, resets or leaves out only what is unreadable, and names it', () => {
    let doc = emptyAgenda('Be kind');
    doc = addItem(doc, editor(0), { id: 'good', text: 'Good item', session: SESSION });
    doc = addItem(doc, editor(0), { id: 'bent', text: 'Bent item', session: SESSION });
    doc = setGoals(doc, editor(1), 'Our goals');
    const raw = through(doc) as { items: Record<string, Record<string, unknown>>; goals: unknown[]; current: unknown };
    raw.items.bent!.position = { value: 'p'.repeat(500), at: 2, client: 'x' };
    raw.items.bent!.done = { value: 'yes', at: 1e300, client: 'x' };
    raw.items.bent!.notes = [
      { value: 'kept', clock: { a: 1 }, by: 'm' },
      { value: 42, clock: { b: 1 }, by: 'd' },
    ];
    raw.items.junk = 'not an item' as never;
    raw.goals.push({ value: 'second', clock: { c: -1 }, by: 'd' });
    raw.current = { value: 'good' };
    expect(() => parseAgenda(raw)).toThrow(AgendaFormatError);

    const { value, dropped } = salvageAgenda(raw);
    expect(reload(value)).toEqual(value);
    expect(Object.keys(value.items).sort()).toEqual(['bent', 'good']);
    expect(value.items.good).toEqual(doc.items.good);
    expect(value.items.bent!.text).toEqual(doc.items.bent!.text);
    expect(value.items.bent!.notes.map((s) => s.value)).toEqual(['kept']);
    expect(value.goals).toEqual(doc.goals);
    expect(dropped).toEqual([
      'one version of the notes on the item “Bent item”',
      'whether the item “Bent item” is done (reset)',
      'the place of the item “Bent item” in the list (reset)',
      'an agenda item stored as “junk”',
      'one version of your goals',
      'the item being discussed (reset)',
    ]);
  });

  it('returns a readable workspace untouched, and refuses only a file that is no workspace at all', () => {
    const file = { v: 1, pair: { key: 'p', executiveId: 'margaret', mentorId: 'diego' }, agenda: through(emptyAgenda('Be kind')) };
    expect(salvageWorkspace(file)).toEqual({ value: parseWorkspace(file), dropped: [] });
    expect(salvageWorkspace({ ...file, agenda: 'gone' })).toEqual({ value: { ...file, agenda: emptyAgenda() }, dropped: ['the whole agenda (unreadable)'] });
    expect(() => salvageWorkspace({ agenda: {} })).toThrow(AgendaFormatError);
  });
});
