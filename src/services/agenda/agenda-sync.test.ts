import { describe, expect, it } from 'vitest';
import { addItem, alternativesOf, clockOf, editText, emptyAgenda, liveItems, valueOf, type AgendaDoc } from '@/domain/agenda/agenda';
import { seriesFor } from '@/domain/scheduling/recurrence';
import { bookSeries } from '@/services/booking/booking-service';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient, type FetchLike } from '@/services/graph/graph-client';
import { createDemoIdentity } from '@/demo/demo-identity';
import { AgendaSync } from './agenda-sync';
import { LiveSeal, newLiveKey } from './live-crypto';
import { MemoryLiveHub } from './memory-live-agenda';
import { ensureLiveKey, readWorkspace, saveAgenda, type WorkspaceRef } from './workspace-store';
import { corruptAnswers } from '@/services/graph/corrupt-answers';
import { GraphAnswerError } from '@/services/graph/graph-errors';

const users = generateDemoTenant({ size: 200 });
const [margaret, diego] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const person = (id: string) => {
  const u = users.find((x) => x.id === id)!;
  return { id, displayName: u.displayName, mail: u.mail! };
};
const SESSION = '2027-01-05';

/** A booked pair in a fake tenant, and a client for each person whose network can fail. */
async function bookedPair() {
  const graph = new FakeGraph({ users });
  const offline = new Set<string>();
  const clientFor = (who: (typeof DEMO_PEOPLE)[number]) => {
    const fetch: FetchLike = (input, init) => (offline.has(who.id) ? Promise.reject(new TypeError('Failed to fetch')) : graph.fetch(input, init));
    return new GraphClient({ identity: createDemoIdentity(who), fetch, sleep: () => Promise.resolve(), policy: { maxRetries: 1, maxTotalMs: 1000, baseDelayMs: 1, maxDelayMs: 1 } });
  };
  const booked = await bookSeries(clientFor(margaret), {
    organiser: person(margaret.id),
    partner: person(diego.id),
    series: seriesFor('2027-01-05T15:00:00Z', 'Europe/London', { everyWeeks: 2, weeks: 26, minutes: 45 }),
    programmeName: 'Reverse mentoring',
    app: { teamsAppId: 'none', origin: 'https://x.example', tabName: 'Pair workspace' },
  });
  const ref: WorkspaceRef = { driveId: booked.workspace.driveId, itemId: booked.workspace.id };
  return { graph, offline, clientFor, ref };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('the workspace file', () => {
  it('merges a save that conflicts with the other person’s, instead of overwriting it', async () => {
    const { clientFor, ref } = await bookedPair();
    const mine = clientFor(margaret);
    const theirs = clientFor(diego);
    const first = await readWorkspace(mine, ref);
    const second = await readWorkspace(theirs, ref);
    const a = addItem(first.document.agenda, { client: 'm', person: margaret.id }, { id: 'a', text: 'AI at work', session: SESSION });
    const b = addItem(second.document.agenda, { client: 'd', person: diego.id }, { id: 'b', text: 'Short video', session: SESSION });
    await saveAgenda(mine, ref, a, first);
    // Diego saves from a stale read: Graph answers 412, the save merges and tries again.
    const saved = await saveAgenda(theirs, ref, b, second);
    expect(Object.keys(saved.document.agenda.items).sort()).toEqual(['a', 'b']);
    expect(Object.keys((await readWorkspace(mine, ref)).document.agenda.items).sort()).toEqual(['a', 'b']);
  });

  it('refuses a file that is not a workspace, naming the problem', async () => {
    const { graph, clientFor, ref } = await bookedPair();
    const file = graph.drives.snapshot()[0]!;
    graph.drives.restore([{ ...file, content: JSON.stringify({ v: 1, pair: {}, agenda: {} }) }]);
    await expect(readWorkspace(clientFor(margaret), ref)).rejects.toThrow(/The pair workspace is not in the expected form/);
  });
});

describe('a damaged workspace file', () => {
  it('opens with what can be read, says what could not, and is repaired by saving that', async () => {
    const { graph, clientFor, ref } = await bookedPair();
    const client = clientFor(margaret);
    const first = await readWorkspace(client, ref);
    const agenda = addItem(first.document.agenda, { client: 'm', person: margaret.id }, { id: 'a', text: 'Kept', session: SESSION });
    await saveAgenda(client, ref, agenda, first);
    const file = graph.drives.snapshot()[0]!;
    const damaged = JSON.parse(file.content as string) as { agenda: { items: Record<string, unknown> } };
    damaged.agenda.items.broken = { id: 'broken', text: 'not a register' };
    graph.drives.restore([{ ...file, content: JSON.stringify(damaged) }]);

    const sync = new AgendaSync({ editor: { client: 'm', person: margaret.id }, load: () => readWorkspace(client, ref), save: (doc, last) => saveAgenda(client, ref, doc, last) });
    await sync.start();
    expect(liveItems(sync.current.doc).map((i) => valueOf(i.text))).toEqual(['Kept']);
    expect(sync.current.damaged).toEqual(['an agenda item stored as “broken”']);
    await sync.repair();
    expect(sync.current.damaged).toBeUndefined();
    const read = await readWorkspace(client, ref);
    expect(read.dropped).toBeUndefined();
    expect(read.document.agenda).toEqual(sync.current.doc);
  });
});

describe('two participants in a meeting', () => {
  async function meeting() {
    const pair = await bookedPair();
    const hub = new MemoryLiveHub();
    const key = (await readWorkspace(pair.clientFor(margaret), pair.ref)).document.liveKey!;
    const seal = await LiveSeal.fromKey(key);
    const join = (who: (typeof DEMO_PEOPLE)[number], client: string) => {
      const graph = pair.clientFor(who);
      let cached: AgendaDoc | undefined;
      const sync = new AgendaSync({
        editor: { client, person: who.id },
        load: () => readWorkspace(graph, pair.ref),
        save: (doc, last) => saveAgenda(graph, pair.ref, doc, last),
        cache: { read: () => cached, write: (doc) => (cached = doc), clear: () => (cached = undefined) },
        saveDelayMs: 5,
        retryDelayMs: 20,
      });
      sync.attachLive(hub.join(client, who.id, who.displayName, seal));
      return sync;
    };
    const a = join(margaret, 'm-laptop');
    const b = join(diego, 'd-laptop');
    await Promise.all([a.start(), b.start()]);
    await settle();
    return { ...pair, hub, a, b, seal };
  }

  it('see each other’s edits, both edit the same item at once, and the file ends equal to both', async () => {
    const { a, b, clientFor, ref } = await meeting();
    expect(a.current.participants.map((p) => p.person).sort()).toEqual([margaret.id, diego.id].sort());
    a.edit((doc, editor) => addItem(doc, editor, { id: 'x', text: 'Gen AI', session: SESSION }));
    await settle();
    expect(liveItems(b.current.doc).map((i) => valueOf(i.text))).toEqual(['Gen AI']);
    a.edit((doc, editor) => editText(doc, editor, 'x', 'Gen AI in finance'));
    b.edit((doc, editor) => editText(doc, editor, 'x', 'Gen AI for the board'));
    await settle();
    await Promise.all([a.flush(), b.flush()]);
    await settle();
    expect(a.current.doc).toEqual(b.current.doc);
    const text = a.current.doc.items.x!.text;
    expect(new Set([valueOf(text), ...alternativesOf(text).map((t) => t.value)])).toEqual(new Set(['Gen AI in finance', 'Gen AI for the board']));
    expect((await readWorkspace(clientFor(margaret), ref)).document.agenda).toEqual(a.current.doc);
    expect(a.current.save).toBe('saved');
  });

  it('keep both people’s words when both type over one item while each other’s saves stream in (issue 16, item 5)', async () => {
    const { a, b } = await meeting();
    a.edit((doc, editor) => addItem(doc, editor, { id: 'x', text: 'Gen AI', session: SESSION }));
    await settle();
    // Each starts typing from the text on their screen, as the field does.
    const aStart = clockOf(a.current.doc.items.x!.text);
    const bStart = clockOf(b.current.doc.items.x!.text);
    a.edit((doc, editor) => editText(doc, editor, 'x', 'Gen AI in finance', aStart));
    await settle();
    // Diego's copy has Margaret's words already when his pause-save goes out.
    expect(valueOf(b.current.doc.items.x!.text)).toBe('Gen AI in finance');
    b.edit((doc, editor) => editText(doc, editor, 'x', 'Gen AI for the board', bStart));
    await settle();
    await Promise.all([a.flush(), b.flush()]);
    await settle();
    expect(a.current.doc).toEqual(b.current.doc);
    const text = a.current.doc.items.x!.text;
    expect(new Set(text.map((s) => s.value))).toEqual(new Set(['Gen AI in finance', 'Gen AI for the board']));
  });

  it('keeps edits made offline and catches up on reconnect', async () => {
    const { a, b, offline, clientFor, ref } = await meeting();
    const bLive = (b as unknown as { live: { disconnect(): void; reconnect(): void } }).live;
    bLive.disconnect();
    offline.add(diego.id);
    b.edit((doc, editor) => addItem(doc, editor, { id: 'off', text: 'Written offline', session: SESSION }));
    a.edit((doc, editor) => addItem(doc, editor, { id: 'on', text: 'Written online', session: SESSION }));
    await settle();
    await b.flush();
    expect(b.current.save).toBe('offline');
    expect(b.current.live).toBe('disconnected');
    expect(liveItems(a.current.doc).map((i) => i.id)).toEqual(['on']);

    offline.delete(diego.id);
    bLive.reconnect();
    await settle();
    await Promise.all([a.flush(), b.flush()]);
    await settle();
    expect(a.current.doc).toEqual(b.current.doc);
    expect(new Set(liveItems(a.current.doc).map((i) => i.id))).toEqual(new Set(['on', 'off']));
    expect(Object.keys((await readWorkspace(clientFor(margaret), ref)).document.agenda.items).sort()).toEqual(['off', 'on']);
  });
});

describe('the live key in the workspace', () => {
  it('is created with the workspace, and two clients adding one to an old workspace at once end with the same key', async () => {
    const { graph, clientFor, ref } = await bookedPair();
    const made = await readWorkspace(clientFor(margaret), ref);
    expect(made.document.liveKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    // A workspace from before keys.
    const file = graph.drives.snapshot()[0]!;
    const old = JSON.parse(file.content) as Record<string, unknown>;
    delete old.liveKey;
    graph.drives.restore([{ ...file, content: JSON.stringify(old) }]);
    const mine = await readWorkspace(clientFor(margaret), ref);
    const theirs = await readWorkspace(clientFor(diego), ref);
    expect(mine.document.liveKey).toBeUndefined();
    // Both read before either wrote: Margaret's save wins; Diego's gets 412, reads again and keeps hers.
    const a = await ensureLiveKey(clientFor(margaret), ref, mine, newLiveKey);
    const b = await ensureLiveKey(clientFor(diego), ref, theirs, newLiveKey);
    expect(b.liveKey).toBe(a.liveKey);
    expect((await readWorkspace(clientFor(diego), ref)).document.liveKey).toBe(a.liveKey);
    // A key once there is never replaced.
    expect((await ensureLiveKey(clientFor(diego), ref, b.stored, newLiveKey)).liveKey).toBe(a.liveKey);
  });
});

const editor = { client: 'm-laptop', person: margaret.id };

describe('what goes over the live channel', () => {
  it('is sealed: the pair see each other’s edits and names; someone else in the meeting sees only ciphertext and cannot inject', async () => {
    const seal = await LiveSeal.fromKey(await newLiveKey());
    const stranger = await LiveSeal.fromKey(await newLiveKey());
    const hub = new MemoryLiveHub();
    const a = hub.join('m-laptop', margaret.id, margaret.displayName, seal);
    const b = hub.join('d-laptop', diego.id, diego.displayName, seal);
    const x = hub.join('x-laptop', 'mallory', 'Mallory', stranger);
    const atB: AgendaDoc[] = [];
    const atX: AgendaDoc[] = [];
    b.onRemote((doc) => atB.push(doc));
    x.onRemote((doc) => atX.push(doc));
    await settle();

    a.publish(addItem(emptyAgenda(), editor, { id: 'a', text: 'Reverse mentoring on Copilot', session: SESSION }));
    await settle();
    expect(atB.map((doc) => Object.keys(doc.items))).toEqual([['a']]);
    // What the meeting's container holds is {iv, ciphertext}, nothing readable.
    const published = hub.states.get('agenda:m-laptop') as { iv: string; ciphertext: string };
    expect(Object.keys(published).sort()).toEqual(['ciphertext', 'iv']);
    expect(JSON.stringify([...hub.states.values()])).not.toMatch(/Copilot|items/);
    expect(atX).toEqual([]);
    // Names too: the pair see each other, never the stranger; the stranger sees only itself.
    expect(
      b
        .participants()
        .map((p) => p.name)
        .sort(),
    ).toEqual([margaret.displayName, diego.displayName].sort());
    expect(x.participants().map((p) => p.person)).toEqual(['mallory']);

    // The stranger publishes with another key, copies A's value under its own slot, and tampers with one.
    x.publish(addItem(emptyAgenda(), { client: 'x-laptop', person: 'mallory' }, { id: 'evil', text: 'Injected', session: SESSION }));
    hub.inject('agenda:x-copy', published);
    const bytes = atob(published.ciphertext).split('');
    bytes[3] = String.fromCharCode(bytes[3]!.charCodeAt(0) ^ 1);
    hub.inject('agenda:m-laptop', { iv: published.iv, ciphertext: btoa(bytes.join('')) });
    hub.inject('agenda:x-junk', 'not even sealed');
    await settle();
    expect(atB.map((doc) => Object.keys(doc.items))).toEqual([['a']]);
    expect(atX).toEqual([]);
  });
});

describe('a full device', () => {
  it('applies, publishes and saves an edit when the device copy is refused (quota exceeded), and says the offline copy is off', async () => {
    const { clientFor, ref } = await bookedPair();
    const graph = clientFor(margaret);
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const sync = new AgendaSync({
      editor,
      load: () => readWorkspace(graph, ref),
      save: (doc, last) => saveAgenda(graph, ref, doc, last),
      cache: { read: () => undefined, write: full, clear: () => undefined },
      saveDelayMs: 5,
    });
    await sync.start();
    sync.edit((doc, e) => addItem(doc, e, { id: 'q', text: 'Kept although the device is full', session: SESSION }));
    expect(liveItems(sync.current.doc).map((i) => valueOf(i.text))).toEqual(['Kept although the device is full']);
    expect(sync.current.deviceCopy).toBe('off');
    await sync.flush();
    expect(sync.current.save).toBe('saved');
    expect(liveItems((await readWorkspace(graph, ref)).document.agenda).map((i) => i.id)).toEqual(['q']);
    sync.dispose();
  });
});

describe("the workspace store reads Graph's answers with a schema", () => {
  const corrupted = (graph: FakeGraph, rewrite: Parameters<typeof corruptAnswers>[1]) =>
    new GraphClient({ identity: createDemoIdentity(margaret), fetch: corruptAnswers(graph.fetch, rewrite), sleep: () => Promise.resolve() });

  it('a driveItem without its download URL fails with GraphAnswerError', async () => {
    const { graph, ref } = await bookedPair();
    const client = corrupted(graph, ({ url, body }) => (url.includes('downloadUrl') ? { ...(body as object), '@microsoft.graph.downloadUrl': null } : undefined));
    await expect(readWorkspace(client, ref)).rejects.toMatchObject({ name: 'GraphAnswerError', operation: 'finding where to read the pair workspace from' });
  });

  it('an upload answered with an eTag of another type fails with GraphAnswerError', async () => {
    const { graph, ref, clientFor } = await bookedPair();
    const last = await readWorkspace(clientFor(margaret), ref);
    const client = corrupted(graph, ({ method, body }) => (method === 'PUT' ? { ...(body as object), eTag: 7 } : undefined));
    const agenda = addItem(last.document.agenda, { client: 'm', person: margaret.id }, { id: 'a', text: 'AI at work', session: SESSION });
    await expect(saveAgenda(client, ref, agenda, last)).rejects.toBeInstanceOf(GraphAnswerError);
  });
});
