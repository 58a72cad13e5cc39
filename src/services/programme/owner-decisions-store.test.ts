import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { changeOwnerDecisions, NO_OWNER_DECISIONS, OWNER_DECISIONS_FILE, readOwnerDecisions, type OwnerDecisions } from './owner-decisions-store';

const users = generateDemoTenant({ size: 40 });
const [margaret, diego, aisha, priya] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number]];
const clientFor = (graph: FakeGraph, person = priya) => new GraphClient({ identity: createDemoIdentity(person), fetch: graph.fetch, sleep: () => Promise.resolve() });
const exclude =
  (pair: readonly [string, string]) =>
  (d: OwnerDecisions): OwnerDecisions => ({ ...d, exclusions: [...d.exclusions, pair] });

describe('the owner decisions store', () => {
  it('starts with no decisions (no file yet), then keeps what was saved across a fresh read', async () => {
    const graph = new FakeGraph({ users });
    const client = clientFor(graph);
    const first = await readOwnerDecisions(client);
    expect(first).toEqual({ decisions: NO_OWNER_DECISIONS, etag: undefined });
    const saved = await changeOwnerDecisions(client, first, (d) => ({ ...d, pins: [[margaret.id, aisha.id]] }));
    const again = await changeOwnerDecisions(client, saved, exclude([margaret.id, diego.id]));
    // A new client (a reload) reads the same.
    expect((await readOwnerDecisions(clientFor(graph))).decisions).toEqual({ pins: [[margaret.id, aisha.id]], exclusions: [[margaret.id, diego.id]] });
    expect(again.etag).toBeDefined();
  });

  it('is the owner’s own file in the app folder: nobody else reads it', async () => {
    const graph = new FakeGraph({ users });
    const client = clientFor(graph);
    await changeOwnerDecisions(client, await readOwnerDecisions(client), exclude([margaret.id, diego.id]));
    expect((await readOwnerDecisions(clientFor(graph, margaret))).decisions).toEqual(NO_OWNER_DECISIONS);
    const file = graph.drives.snapshot().find((f) => f.ownerId === priya.id)!;
    expect(file.path).toBe(`Apps/Reverse mentoring/${OWNER_DECISIONS_FILE}`);
    expect(file.permissions).toEqual([]);
  });

  it('keeps both tabs’ decisions when they save from the same read (412, read again, apply again)', async () => {
    const graph = new FakeGraph({ users });
    const [one, two] = [clientFor(graph), clientFor(graph)];
    const read = await changeOwnerDecisions(one, await readOwnerDecisions(one), exclude([margaret.id, diego.id]));
    await changeOwnerDecisions(one, read, exclude([margaret.id, aisha.id]));
    await changeOwnerDecisions(two, read, (d) => ({ ...d, pins: [[users[5]!.id, diego.id]] }));
    expect((await readOwnerDecisions(one)).decisions).toEqual({
      pins: [[users[5]!.id, diego.id]],
      exclusions: [
        [margaret.id, diego.id],
        [margaret.id, aisha.id],
      ],
    });
  });

  it('keeps both when two tabs create the file at once (409 with conflictBehavior=fail)', async () => {
    const graph = new FakeGraph({ users });
    const [one, two] = [clientFor(graph), clientFor(graph)];
    const empty = await readOwnerDecisions(one);
    await changeOwnerDecisions(one, empty, exclude([margaret.id, diego.id]));
    await changeOwnerDecisions(two, empty, exclude([margaret.id, aisha.id]));
    expect((await readOwnerDecisions(one)).decisions.exclusions).toEqual([
      [margaret.id, diego.id],
      [margaret.id, aisha.id],
    ]);
  });

  it('treats a OneDrive never opened as no decisions, and saving there starts provisioning and says to try again', async () => {
    const graph = new FakeGraph({ users, faults: { drivesNotProvisioned: [priya.id] } });
    const client = clientFor(graph);
    const empty = await readOwnerDecisions(client);
    expect(empty.decisions).toEqual(NO_OWNER_DECISIONS);
    await expect(changeOwnerDecisions(client, empty, exclude([margaret.id, diego.id]))).rejects.toThrow(/OneDrive is being set up/);
  });

  it('refuses to read a damaged file, so nothing overwrites it unread', async () => {
    const graph = new FakeGraph({ users });
    const client = clientFor(graph);
    await changeOwnerDecisions(client, await readOwnerDecisions(client), exclude([margaret.id, diego.id]));
    graph.drives.snapshot()[0]!.content = JSON.stringify({ v: 9 });
    await expect(readOwnerDecisions(client)).rejects.toThrow(/could not be read/);
  });
});
