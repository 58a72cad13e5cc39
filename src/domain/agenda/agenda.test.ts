import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  agreeConduct,
  alternativesOf,
  assign,
  deleteItem,
  dominates,
  editNotes,
  editText,
  emptyAgenda,
  liveItems,
  mergeAgendas,
  moveItem,
  needsGuidedStart,
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
    doc = moveItem(doc, diego, 'c', 0);
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
        doc = editText(doc, editor, id, s.text);
        record((d) => d.items[id]?.text);
      } else if (s.action === 3) {
        doc = editNotes(doc, editor, id, s.text);
        record((d) => d.items[id]?.notes);
      } else if (s.action === 4) doc = setDone(doc, editor, id, s.flag);
      else if (s.action === 5) doc = assign(doc, editor, id, s.flag ? 'executive' : 'mentor');
      else if (s.action === 6) doc = moveItem(doc, editor, id, s.pick % 5);
      else if (s.action === 7) {
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
