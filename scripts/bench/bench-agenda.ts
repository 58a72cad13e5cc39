/**
 * `npm run --silent bench:agenda`: two clients of one pair's agenda through Live Share against the
 * local Fluid service (tinylicious on port 7070, started here when it is not running), as in the
 * demo. It makes at least 200 edits from both sides (adds, ticks, moves and, a fifth of them, the
 * same item's text edited by both at once), and measures the delay from an edit in one client
 * until the other client's merged agenda holds it. Last line JSON:
 * {"edits":N,"p50Ms":N,"p95Ms":N,"lost":0,"converged":true}.
 */
import { InsecureTokenProvider } from '@fluidframework/test-client-utils';
import { TestLiveShareHost } from '@microsoft/live-share';
import {
  addItem,
  editText,
  emptyAgenda,
  liveItems,
  mergeAgendas,
  moveItem,
  setDone,
  type AgendaDoc,
  type Editor,
} from '../../src/domain/agenda/agenda.ts';
import { joinLiveAgenda, type LiveAgenda } from '../../src/services/agenda/live-agenda.ts';
import { LiveSeal, newLiveKey } from '../../src/services/agenda/live-crypto.ts';
import { startLocalFluid } from '../../tests/support/local-fluid.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const EDITS = 220;
const SESSION = '2027-01-05';

const fluid = await startLocalFluid();
// The pair's key, as the workspace holds it: everything over Live Share is sealed, as in the app.
const seal = await LiveSeal.fromKey(await newLiveKey());

interface Client {
  readonly editor: Editor;
  readonly live: LiveAgenda;
  doc: AgendaDoc;
}

let containerId: string | undefined;
const host = () =>
  TestLiveShareHost.create(
    () => containerId,
    (id) => {
      containerId = id;
    },
  );

/** Texts each client is waiting to see, with when they were written. */
const pending = [new Map<string, number>(), new Map<string, number>()];
const delays: number[] = [];
const written = new Set<string>();

function textsOf(doc: AgendaDoc): Set<string> {
  const texts = new Set<string>();
  for (const item of Object.values(doc.items)) for (const s of item.text) texts.add(s.value);
  return texts;
}

async function joinAs(index: number, editor: Editor): Promise<Client> {
  // Azure's client wants a user with a name (an AzureUser), not only an id.
  const user = { id: editor.client, name: editor.person };
  const live = await joinLiveAgenda({
    host: host(),
    connection: { type: 'local', endpoint: 'http://localhost:7070', tokenProvider: new InsecureTokenProvider('', user) },
    client: editor.client,
    person: editor.person,
    name: editor.person,
    seal,
  });
  const client: Client = { editor, live, doc: emptyAgenda() };
  live.onRemote((remote) => {
    client.doc = mergeAgendas(client.doc, remote);
    const texts = textsOf(client.doc);
    const now = performance.now();
    for (const [text, at] of pending[index]!) {
      if (texts.has(text)) {
        delays.push(now - at);
        pending[index]!.delete(text);
      }
    }
  });
  return client;
}

const a = await joinAs(0, { client: 'bench-a', person: 'margaret' });
const b = await joinAs(1, { client: 'bench-b', person: 'diego' });
const clients = [a, b];
await new Promise((r) => setTimeout(r, 500));

/** Applies an edit in one client, publishes it, and (for text) waits for the other to see it. */
function edit(index: number, change: (doc: AgendaDoc, editor: Editor) => AgendaDoc, text?: string) {
  const client = clients[index]!;
  client.doc = change(client.doc, client.editor);
  if (text) {
    written.add(text);
    pending[1 - index]!.set(text, performance.now());
  }
  client.live.publish(client.doc);
}

let edits = 0;
let seq = 0;
const ids: string[] = [];
for (let round = 0; edits < EDITS; round++) {
  const side = round % 2;
  const kind = round % 10;
  if (ids.length < 8 || kind === 0) {
    const id = `item-${seq}`;
    const text = `Topic ${seq++}`;
    edit(side, (doc, editor) => addItem(doc, editor, { id, text, session: SESSION }), text);
    ids.push(id);
    edits++;
  } else if (kind === 1 || kind === 2) {
    // Both edit the same item's text at once, before either sees the other's.
    const id = ids[round % ids.length]!;
    const mine = `A${seq++} on ${id}`;
    const theirs = `B${seq++} on ${id}`;
    edit(0, (doc, editor) => (doc.items[id] ? editText(doc, editor, id, mine) : doc), mine);
    edit(1, (doc, editor) => (doc.items[id] ? editText(doc, editor, id, theirs) : doc), theirs);
    edits += 2;
  } else if (kind === 3) {
    edit(side, (doc, editor) => (doc.items[ids[round % ids.length]!] ? setDone(doc, editor, ids[round % ids.length]!, round % 4 === 1) : doc));
    edits++;
  } else if (kind === 4) {
    edit(side, (doc, editor) => {
      // Before the item fifth-or-earlier in the list, as a person's ↑ would.
      const id = ids[round % ids.length]!;
      const target = liveItems(doc).filter((i) => i.id !== id)[round % 5];
      return doc.items[id] && target ? moveItem(doc, editor, id, { before: target.id }) : doc;
    });
    edits++;
  } else {
    const id = ids[round % ids.length]!;
    const text = `${side ? 'B' : 'A'}${seq++} on ${id}`;
    edit(side, (doc, editor) => (doc.items[id] ? editText(doc, editor, id, text) : doc), text);
    edits++;
  }
  // About one edit every 20 ms from the pair together: faster than people type.
  await new Promise((r) => setTimeout(r, 20));
}

// Let everything arrive, then compare.
const deadline = Date.now() + 10_000;
while (Date.now() < deadline && (pending[0]!.size > 0 || pending[1]!.size > 0 || JSON.stringify(a.doc) !== JSON.stringify(b.doc))) {
  await new Promise((r) => setTimeout(r, 50));
}
const converged = JSON.stringify(a.doc) === JSON.stringify(b.doc);
// A text is lost if neither client holds it and nothing written over it by someone who saw it explains it:
// the agenda keeps concurrent texts side by side, so every text written last on an item must be there.
const final = textsOf(mergeAgendas(a.doc, b.doc));
const lastWrites = new Map<string, string[]>();
for (const text of written) {
  const id = /on (item-\d+)$/.exec(text)?.[1] ?? `item-${/^Topic (\d+)$/.exec(text)?.[1]}`;
  lastWrites.set(id, [...(lastWrites.get(id) ?? []), text]);
}
let lost = pending[0]!.size + pending[1]!.size;
for (const texts of lastWrites.values()) if (!texts.slice(-1).every((t) => final.has(t))) lost++;

delays.sort((x, y) => x - y);
const pct = (p: number) => Math.round((delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))] ?? NaN) * 10) / 10;
log(`${edits} edits, ${delays.length} text deliveries measured, ${Object.keys(a.doc.items).length} items, max ${pct(100)} ms`);
a.live.dispose();
b.live.dispose();
fluid.stop();
console.log(JSON.stringify({ edits, p50Ms: pct(50), p95Ms: pct(95), lost, converged }));
process.exit(0);
