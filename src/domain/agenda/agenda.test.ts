import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  agreeConduct,
  alternativesOf,
  assign,
  clockOf,
  deleteItem,
  dominates,
  editNotes,
  editText,
  emptyAgenda,
  itemOf,
  liveItems,
  mergeAgendas,
  moveItem,
  needsGuidedStart,
  restoreItem,
  review,
  sessionView,
  setConduct,
  setCurrent,
  setDone,
  setGoals,
  valueOf,
  type AgendaDoc,
  type Editor,
  type Register,
} from './agenda';
import { AGENDA_LIMITS } from './limits';

const margaret: Editor = { client: 'm-laptop', person: 'margaret' };
const diego: Editor = { client: 'd-phone', person: 'diego' };

describe('the agenda', () => {
  it('adds, edits, ticks, assigns, reorders and deletes items', () => {
    let doc = emptyAgenda('Be candid.');
    doc = addItem(doc, margaret, { id: 'a', text: 'What is TikTok for?', session: '2027-01-05' });
    doc = addItem(doc, diego, { id: 'b', text: 'Try an AI assistant', session: '2027-01-05', owner: 'mentor' });
    doc = addItem(doc, diego, { id: 'c', text: 'Customer stories', session: '2027-01-05' });
    doc = editText(doc, margaret, 'a', 'What is TikTok really for?');
    doc = setDone(doc, diego, 'b', true);
    doc = assign(doc, margaret, 'c', 'executive');
    doc = moveItem(doc, diego, 'c', { before: 'a' });
    doc = editNotes(doc, margaret, 'a', 'Ask my team too');
    expect(liveItems(doc).map((i) => [i.id, valueOf(i.text), i.done.value, i.owner.value])).toEqual([
      ['c', 'Customer stories', false, 'executive'],
      ['a', 'What is TikTok really for?', false, null],
      ['b', 'Try an AI assistant', true, 'mentor'],
    ]);
    doc = deleteItem(doc, margaret, 'b');
    expect(liveItems(doc).map((i) => i.id)).toEqual(['c', 'a']);
    expect(doc.items.b?.deleted.value).toBe(true);
  });

  it('keeps both people’s words when they edit the same item at once, until one writes over both', () => {
    const base = addItem(emptyAgenda(), margaret, { id: 'a', text: 'AI', session: '2027-01-05' });
    const mine = editText(base, margaret, 'a', 'AI in finance');
    const theirs = editText(base, diego, 'a', 'AI for the board pack');
    const merged = mergeAgendas(mine, theirs);
    expect(mergeAgendas(theirs, mine)).toEqual(merged);
    const text = merged.items.a!.text;
    expect(new Set([valueOf(text), ...alternativesOf(text).map((a) => a.value)])).toEqual(new Set(['AI in finance', 'AI for the board pack']));
    const resolved = editText(merged, diego, 'a', 'AI in finance and the board pack');
    expect(resolved.items.a!.text).toHaveLength(1);
    // An old copy coming back does not resurrect what was written over.
    expect(mergeAgendas(resolved, mine).items.a!.text.map((s) => s.value)).toEqual(['AI in finance and the board pack']);
  });

  it('carries unfinished items into the next session, and guides the first session', () => {
    let doc = emptyAgenda('Be candid.');
    doc = addItem(doc, margaret, { id: 'a', text: 'Done one', session: '2027-01-05' });
    doc = addItem(doc, margaret, { id: 'b', text: 'Unfinished', session: '2027-01-05' });
    doc = setDone(doc, diego, 'a', true);
    doc = addItem(doc, diego, { id: 'c', text: 'New', session: '2027-01-19' });
    const view = sessionView(doc, '2027-01-19');
    expect(view.carried.map((i) => i.id)).toEqual(['b']);
    expect(view.items.map((i) => i.id)).toEqual(['c']);

    expect(needsGuidedStart(doc, ['margaret', 'diego'])).toBe(true);
    doc = setGoals(doc, margaret, 'Understand short video');
    doc = agreeConduct(doc, margaret);
    doc = agreeConduct(doc, diego);
    expect(needsGuidedStart(doc, ['margaret', 'diego'])).toBe(false);
    // Changing the code of conduct asks both to agree again.
    doc = setConduct(doc, diego, 'Be candid. Keep it between us.');
    expect(needsGuidedStart(doc, ['margaret', 'diego'])).toBe(true);
    doc = review(doc, diego, '2027-01-05', { useful: 5, learnt: 'How CFOs read a pitch' });
    expect(valueOf(doc.reviews['2027-01-05/diego']!)).toEqual({ useful: 5, learnt: 'How CFOs read a pitch' });
    doc = setCurrent(doc, margaret, 'c');
    expect(doc.current.value).toBe('c');
  });

  it('refuses edits of items that do not exist, and adding one twice', () => {
    expect(() => editText(emptyAgenda(), margaret, 'x', 'y')).toThrow(RangeError);
    const doc = addItem(emptyAgenda(), margaret, { id: 'a', text: 'x', session: '2027-01-05' });
    expect(() => addItem(doc, diego, { id: 'a', text: 'y', session: '2027-01-05' })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------- property tests

const EDITORS: Editor[] = [margaret, diego, { client: 'm-phone', person: 'margaret' }];

type Step =
  | { kind: 'edit'; who: number; action: number; pick: number; text: string; flag: boolean }
  | { kind: 'sync'; from: number; to: number }
  | { kind: 'save'; who: number }
  | { kind: 'load'; who: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), who: fc.nat(2), action: fc.nat(10), pick: fc.nat(20), text: fc.string({ maxLength: 6 }), flag: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('save' as const), who: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('load' as const), who: fc.nat(2) }) },
);

interface Written {
  readonly where: (doc: AgendaDoc) => Register<unknown> | undefined;
  readonly clock: Record<string, number>;
  readonly value: unknown;
}

/**
 * Runs the steps on three clients (two of them one person's devices) and a saved document: edits,
 * merges between clients in any order (a client that is not synced for a while is offline), saves
 * that merge into the document as the saver does on a conflict, and loads from it.
 */
function simulate(steps: readonly Step[]) {
  const docs: AgendaDoc[] = [emptyAgenda('Template'), emptyAgenda('Template'), emptyAgenda('Template')];
  const began: AgendaDoc[] = [...docs];
  let saved = emptyAgenda('Template');
  const written: Written[] = [];
  const added = new Set<string>();
  const deleted = new Set<string>();
  let ids = 0;
  for (const s of steps) {
    if (s.kind === 'sync') docs[s.to] = mergeAgendas(docs[s.to]!, docs[s.from]!);
    else if (s.kind === 'save') saved = mergeAgendas(saved, docs[s.who]!);
    else if (s.kind === 'load') docs[s.who] = mergeAgendas(docs[s.who]!, saved);
    else {
      const editor = EDITORS[s.who]!;
      let doc = docs[s.who]!;
      const items = Object.keys(doc.items).sort();
      const id = items[s.pick % Math.max(1, items.length)];
      const record = (where: Written['where']) => {
        const sibling = where(doc)![0]!;
        written.push({ where, clock: { ...sibling.clock }, value: sibling.value });
      };
      if (s.action <= 1 || !id) {
        const newId = `i${ids++}-${editor.client}`;
        doc = addItem(doc, editor, { id: newId, text: s.text, session: s.flag ? '2027-01-05' : '2027-01-19' });
        added.add(newId);
        record((d) => d.items[newId]?.text);
      } else if (s.action === 2) {
        // Half the time from what the editor saw when they began typing (their copy at their previous edit), as the UI does.
        const started = s.flag ? itemOf(began[s.who]!, id) : undefined;
        doc = editText(doc, editor, id, s.text, started && clockOf(started.text));
        record((d) => d.items[id]?.text);
      } else if (s.action === 3) {
        doc = editNotes(doc, editor, id, s.text);
        record((d) => d.items[id]?.notes);
      } else if (s.action === 4) doc = setDone(doc, editor, id, s.flag);
      else if (s.action === 5) doc = assign(doc, editor, id, s.flag ? 'executive' : 'mentor');
      else if (s.action === 6) {
        const target = liveItems(doc).filter((i) => i.id !== id)[s.pick % 5];
        if (target) doc = moveItem(doc, editor, id, s.flag ? { before: target.id } : { after: target.id });
      } else if (s.action === 7) {
        doc = deleteItem(doc, editor, id);
        deleted.add(id);
      } else if (s.action === 8) doc = setCurrent(doc, editor, id);
      else if (s.action === 9) {
        doc = setGoals(doc, editor, s.text);
        record((d) => d.goals);
      } else {
        doc = setConduct(doc, editor, s.text);
        record((d) => d.conduct);
      }
      began[s.who] = docs[s.who]!;
      docs[s.who] = doc;
    }
  }
  return { docs, saved, written, added, deleted };
}

/** Everyone syncs with everyone and with the saved document, twice round. */
function settle(docs: AgendaDoc[], saved: AgendaDoc): AgendaDoc[] {
  let all = mergeAgendas(saved, docs.reduce(mergeAgendas));
  all = mergeAgendas(all, saved);
  return docs.map((d) => mergeAgendas(d, all));
}

const words = (register: Register<string>) => new Set(register.map((s) => s.value));

describe('live editing of the same text (issue 16, item 5)', () => {
  it('keeps both people’s words when each types over the same item while the other’s edits stream in', () => {
    let mine = addItem(emptyAgenda(), margaret, { id: 'x', text: 'AI', session: '2027-01-05' });
    let theirs = mergeAgendas(emptyAgenda(), mine);
    // Each begins editing from the text on their screen.
    const myStart = clockOf(mine.items.x!.text);
    const theirStart = clockOf(theirs.items.x!.text);
    mine = editText(mine, margaret, 'x', 'AI in finance', myStart);
    // Live: Diego's copy merges Margaret's pause-save while he is still typing.
    theirs = mergeAgendas(theirs, mine);
    theirs = editText(theirs, diego, 'x', 'AI for the board', theirStart);
    mine = mergeAgendas(mine, theirs);
    // Margaret types on in the same field; her next save replaces her own earlier one, not Diego's.
    mine = editText(mine, margaret, 'x', 'AI in finance teams', myStart);
    theirs = mergeAgendas(theirs, mine);
    mine = mergeAgendas(mine, theirs);
    expect(mine).toEqual(theirs);
    expect(words(mine.items.x!.text)).toEqual(new Set(['AI in finance teams', 'AI for the board']));
    // Whoever then writes from what they see (both versions) resolves it.
    const resolved = editText(mine, diego, 'x', 'AI in finance and for the board', clockOf(mine.items.x!.text));
    expect(words(resolved.items.x!.text)).toEqual(new Set(['AI in finance and for the board']));
  });

  it('keeps both for goals, notes, the code of conduct and expectations too', () => {
    const base = addItem(setGoals(emptyAgenda('Be kind'), margaret, 'Learn'), margaret, { id: 'x', text: 'AI', session: '2027-01-05' });
    const start = { goals: clockOf(base.goals), conduct: clockOf(base.conduct), notes: clockOf(base.items.x!.notes) };
    let mine = setConduct(editNotes(setGoals(base, margaret, 'Learn AI', start.goals), margaret, 'x', 'Ask my team', start.notes), margaret, 'Be kind, be candid', start.conduct);
    let theirs = mergeAgendas(base, mine);
    theirs = setConduct(editNotes(setGoals(theirs, diego, 'Learn the board', start.goals), diego, 'x', 'Bring examples', start.notes), diego, 'Be kind and on time', start.conduct);
    mine = mergeAgendas(mine, theirs);
    expect(words(mine.goals)).toEqual(new Set(['Learn AI', 'Learn the board']));
    expect(words(mine.items.x!.notes)).toEqual(new Set(['Ask my team', 'Bring examples']));
    expect(words(mine.conduct)).toEqual(new Set(['Be kind, be candid', 'Be kind and on time']));
  });
});

describe('reordering by item, not by index (issue 16, item 9)', () => {
  it('moves an item of this session past its neighbour in that list, with earlier sessions’ items carried over', () => {
    let doc = emptyAgenda();
    doc = addItem(doc, margaret, { id: 'old1', text: 'Carried 1', session: '2027-01-05' });
    doc = addItem(doc, margaret, { id: 'old2', text: 'Carried 2', session: '2027-01-05' });
    doc = addItem(doc, diego, { id: 'new1', text: 'First today', session: '2027-01-19' });
    doc = addItem(doc, diego, { id: 'new2', text: 'Second today', session: '2027-01-19' });
    doc = addItem(doc, diego, { id: 'new3', text: 'Third today', session: '2027-01-19' });
    const today = (d: AgendaDoc) => sessionView(d, '2027-01-19').items.map((i) => i.id);
    // ↓ on the first item of this session: after the next one shown.
    doc = moveItem(doc, margaret, 'new1', { after: 'new2' });
    expect(today(doc)).toEqual(['new2', 'new1', 'new3']);
    // ↑ on the last: before the one shown above it.
    doc = moveItem(doc, diego, 'new3', { before: 'new1' });
    expect(today(doc)).toEqual(['new2', 'new3', 'new1']);
    expect(sessionView(doc, '2027-01-19').carried.map((i) => i.id)).toEqual(['old1', 'old2']);
    // ↑ within the carried list.
    doc = moveItem(doc, diego, 'old2', { before: 'old1' });
    expect(sessionView(doc, '2027-01-19').carried.map((i) => i.id)).toEqual(['old2', 'old1']);
    expect(() => moveItem(doc, diego, 'old2', { before: 'nope' })).toThrow(RangeError);
  });

  it('brings a removed item back where it was (undo)', () => {
    let doc = addItem(addItem(emptyAgenda(), margaret, { id: 'a', text: 'A', session: '2027-01-05' }), margaret, { id: 'b', text: 'B', session: '2027-01-05' });
    doc = restoreItem(deleteItem(doc, diego, 'a'), diego, 'a');
    expect(liveItems(doc).map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('nothing written becomes unreadable (issue 16, item 7)', () => {
  it('keeps position keys short however often items are moved into one gap', () => {
    let doc = emptyAgenda();
    for (const id of ['a', 'b', 'c', 'd']) doc = addItem(doc, margaret, { id, text: id, session: '2027-01-05' });
    for (let n = 0; n < 1200; n++) {
      const [first, , third] = liveItems(doc);
      // Always the item third in the list, to just after the first: every key lands in the same narrowing gap.
      doc = moveItem(doc, n % 2 ? diego : margaret, third!.id, { after: first!.id });
    }
    const keys = Object.values(doc.items).map((i) => i.position.value);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(AGENDA_LIMITS.positionRebalanceAt);
    expect(liveItems(doc)).toHaveLength(4);
  });

  it('saturates Lamport times and clock counters instead of passing the largest safe integer, and still converges', () => {
    const top = AGENDA_LIMITS.time;
    const base = addItem(emptyAgenda(), margaret, { id: 'x', text: 'AI', session: '2027-01-05' });
    const high: AgendaDoc = {
      ...base,
      current: { value: 'x', at: top, client: 'zz' },
      items: { x: { ...base.items.x!, text: [{ value: 'AI', clock: { [margaret.client]: top }, by: 'margaret' }] } },
    };
    const mine = editText(setDone(high, margaret, 'x', true), margaret, 'x', 'mine');
    const theirs = editText(setDone(high, diego, 'x', false), diego, 'x', 'theirs');
    for (const doc of [mine, theirs]) {
      const item = doc.items.x!;
      for (const n of [item.done.at, ...item.text.flatMap((s) => Object.values(s.clock))]) expect(Number.isSafeInteger(n)).toBe(true);
    }
    expect(mergeAgendas(mine, theirs)).toEqual(mergeAgendas(theirs, mine));
    expect(words(mergeAgendas(mine, theirs).items.x!.text)).toEqual(new Set(['mine', 'theirs']));
    // One client writing twice at the top still replaces its own value.
    expect(words(editText(mine, margaret, 'x', 'again').items.x!.text)).toEqual(new Set(['again']));
  });

  it('refuses text past the limits people are shown', () => {
    const doc = addItem(emptyAgenda(), margaret, { id: 'x', text: 'AI', session: '2027-01-05' });
    expect(() => editNotes(doc, margaret, 'x', 'n'.repeat(AGENDA_LIMITS.text + 1))).toThrow(RangeError);
    expect(() => editText(doc, margaret, 'x', 'n'.repeat(AGENDA_LIMITS.itemText + 1))).toThrow(RangeError);
    expect(editNotes(doc, margaret, 'x', 'n'.repeat(AGENDA_LIMITS.text)).items.x!.notes).toHaveLength(1);
  });
});

describe('a hostile or damaged copy (issue 16, item 8)', () => {
  const HOSTILE = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'x'];
  const hostile = (keys: readonly string[], client: Editor) => {
    let doc = emptyAgenda();
    for (const key of keys) doc = addItem(doc, client, { id: key, text: `from ${client.person}: ${key}`, session: '2027-01-05' });
    // Through JSON, as the file or the live channel brings it.
    return JSON.parse(JSON.stringify(doc)) as AgendaDoc;
  };

  it('keeps items keyed constructor, toString or __proto__, edits them, and merges them the same in any order', () => {
    fc.assert(
      fc.property(fc.subarray(HOSTILE), fc.subarray(HOSTILE), (keysA, keysB) => {
        const a = hostile(keysA, margaret);
        const b = hostile(keysB, diego);
        const ab = mergeAgendas(a, b);
        expect(ab).toEqual(mergeAgendas(b, a));
        expect(new Set(Object.keys(ab.items))).toEqual(new Set([...keysA, ...keysB]));
        expect(Object.getPrototypeOf(ab.items.constructor ?? {})).toBe(Object.prototype);
        for (const key of [...keysA, ...keysB]) {
          expect(itemOf(ab, key)?.id).toBe(key);
          const edited = setCurrent(editText(ab, margaret, key, `edited ${key}`), margaret, key);
          expect(valueOf(itemOf(edited, key)!.text)).toBe(`edited ${key}`);
        }
        for (const key of HOSTILE.filter((k) => !keysA.includes(k) && !keysB.includes(k))) {
          expect(itemOf(ab, key)).toBeUndefined();
          expect(() => editText(ab, margaret, key, 'x')).toThrow(RangeError);
          // Adding one named like an Object method works too.
          expect(itemOf(addItem(ab, margaret, { id: key, text: 'new', session: '2027-01-05' }), key)?.id).toBe(key);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('takes the key an item is stored under as its id, whichever copy is merged first', () => {
    const doc = addItem(emptyAgenda(), margaret, { id: 'a', text: 'A', session: '2027-01-05' });
    const damaged: AgendaDoc = { ...doc, items: { a: { ...doc.items.a!, id: 'b' } } };
    const other = setDone(doc, diego, 'a', true);
    expect(mergeAgendas(damaged, other)).toEqual(mergeAgendas(other, damaged));
    expect(mergeAgendas(damaged, emptyAgenda()).items.a!.id).toBe('a');
  });

  it('does not throw on positions that are not fractional indexes; the move rebalances', () => {
    let doc = emptyAgenda();
    for (const id of ['a', 'b', 'c']) doc = addItem(doc, margaret, { id, text: id, session: '2027-01-05' });
    const bad = (key: string, value: string): AgendaDoc => ({ ...doc, items: { ...doc.items, [key]: { ...doc.items[key]!, position: { value, at: 99, client: 'z' } } } });
    for (const value of ['', 'zzz', ' ', '\u0000', 'a0a0a0a0', 'A']) {
      const damaged = bad('b', value);
      const moved = moveItem(damaged, diego, 'c', { after: 'a' });
      expect(
        liveItems(moved)
          .map((i) => i.id)
          .indexOf('c'),
      ).toBe(
        liveItems(moved)
          .map((i) => i.id)
          .indexOf('a') + 1,
      );
      expect(liveItems(addItem(damaged, diego, { id: 'd', text: 'd', session: '2027-01-05' })).at(-1)!.id).toBe('d');
    }
  });

  it('keeps both versions of one write when two copies of it differ', () => {
    const doc = addItem(emptyAgenda(), margaret, { id: 'a', text: 'A', session: '2027-01-05' });
    const forged: AgendaDoc = { ...doc, items: { a: { ...doc.items.a!, text: [{ ...doc.items.a!.text[0]!, value: 'forged' }] } } };
    const merged = mergeAgendas(doc, forged);
    expect(merged).toEqual(mergeAgendas(forged, doc));
    expect(words(merged.items.a!.text)).toEqual(new Set(['A', 'forged']));
  });
});

describe('merging, property-style', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const [a, b, c] = simulate(steps).docs as [AgendaDoc, AgendaDoc, AgendaDoc];
        expect(mergeAgendas(a, b)).toEqual(mergeAgendas(b, a));
        expect(mergeAgendas(mergeAgendas(a, b), c)).toEqual(mergeAgendas(a, mergeAgendas(b, c)));
        expect(mergeAgendas(a, a)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('ends with every client and the saved document equal, whatever the interleaving, offline periods and conflicting saves', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { docs, saved } = simulate(steps);
        const settled = settle(docs, saved);
        const final = mergeAgendas(saved, settled[0]!);
        for (const d of settled) expect(d).toEqual(final);
      }),
      { numRuns: 300 },
    );
  });

  it('loses no words: every text write is still there, unless someone who had seen it wrote over it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { docs, saved, written, added, deleted } = simulate(steps);
        const final = settle(docs, saved)[0]!;
        for (const w of written) {
          const register = w.where(final)!;
          const kept = register.some((s) => dominates(s.clock, w.clock) && dominates(w.clock, s.clock) && s.value === w.value);
          const overwritten = register.some((s) => dominates(s.clock, w.clock) && !dominates(w.clock, s.clock));
          expect(kept || overwritten).toBe(true);
        }
        // Items are never dropped; only an explicit delete hides one.
        expect(new Set(Object.keys(final.items))).toEqual(added);
        for (const id of added) expect(final.items[id]!.deleted.value).toBe(deleted.has(id));
      }),
      { numRuns: 300 },
    );
  });
});
