import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import type { SiteRole } from '@/demo/graph/fake-lists';
import { GraphClient } from '@/services/graph/graph-client';
import { GraphPermissionError } from '@/services/graph/graph-errors';
import {
  answerProposal,
  changeDecisions,
  createMissingLists,
  openProgrammeStore,
  syncParticipants,
  type KeptRoster,
  PROGRAMME_LISTS,
  PROGRAMME_STORE_SCOPES,
  readAnswers,
  readDecisions,
  readParticipants,
  readProposals,
  readSettings,
  saveMyParticipation,
  saveSettings,
  sendProposals,
  type ProgrammeStore,
} from './programme-store';

const users = generateDemoTenant({ size: 1200 });
const [margaret, diego, aisha, priya] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number]];
const GROUP = '11111111-2222-4333-8444-555555555555';
const UPDATED = '2026-03-01T09:00:00.000Z';

const setup = async (grant: SiteRole | null = 'manage') => {
  const graph = new FakeGraph({ users, groups: new Map([[GROUP, new Set([priya.id])]]), ...(grant ? { siteGrants: new Map([[GROUP, grant]]) } : {}) });
  const clientFor = (person: { id: string; displayName: string }) =>
    new GraphClient({ identity: createDemoIdentity(person as (typeof DEMO_PEOPLE)[number]), fetch: graph.fetch, sleep: () => Promise.resolve() });
  const storeFor = (person: { id: string; displayName: string }) => openProgrammeStore(clientFor(person), GROUP);
  return { graph, clientFor, storeFor };
};

const created = async () => {
  const s = await setup();
  await createMissingLists(s.clientFor(priya), GROUP);
  return s;
};

const participate = (store: ProgrammeStore, personId: string, role: 'executive' | 'mentor' | 'both' = 'mentor') => saveMyParticipation(store, personId, { role, profileUpdated: UPDATED });

describe('the programme store', () => {
  it('is created once by an owner on the owners’ group’s site, and a second run creates nothing', async () => {
    const { clientFor, storeFor } = await setup();
    await expect(storeFor(priya)).rejects.toMatchObject({ code: 'ProgrammeStoreMissing' });
    expect(await createMissingLists(clientFor(priya), GROUP)).toEqual(Object.values(PROGRAMME_LISTS));
    expect(await createMissingLists(clientFor(priya), GROUP)).toEqual([]);
    expect((await storeFor(margaret)).listIds.participants).toBeDefined();
  });

  it('is refused without the app’s grant on the site (403, naming Sites.Selected)', async () => {
    const { clientFor } = await setup(null);
    const refused = createMissingLists(clientFor(priya), GROUP);
    await expect(refused).rejects.toBeInstanceOf(GraphPermissionError);
    await expect(refused).rejects.toMatchObject({ status: 403, permissions: PROGRAMME_STORE_SCOPES });
  });

  it('lets only the owners’ group create the lists, even with the grant', async () => {
    const { clientFor } = await setup();
    await expect(createMissingLists(clientFor(margaret), GROUP)).rejects.toMatchObject({ status: 403 });
  });

  it('reads participants across pages, then only what changed, with a removal by delta', async () => {
    const { graph, storeFor } = await created();
    const people = users.filter((u) => u.accountEnabled).slice(0, 1005);
    // Seeded as each person would have saved it (their own entry), more than one page of 1000.
    for (const person of people) {
      graph.lists.seedItem(GROUP, PROGRAMME_LISTS.participants, person.id, {
        Title: 'participant',
        PersonId: person.id,
        Data: JSON.stringify({ personId: person.id, role: 'executive', profileUpdated: UPDATED }),
      });
    }
    const store = await storeFor(margaret);
    const before = graph.stats.httpRequests;
    const first = await syncParticipants(store);
    expect(first.entries).toHaveLength(people.length);
    expect(first.resynced).toBe(true);
    expect(graph.stats.httpRequests - before).toBe(2);
    expect(first.damaged).toEqual([]);

    const diegoStore = await storeFor(diego);
    await participate(diegoStore, diego.id, 'both');
    await participate(await storeFor(aisha), aisha.id);
    await saveMyParticipation(await storeFor(people[0]!), people[0]!.id, null);
    await participate(diegoStore, diego.id, 'mentor');

    // As a device keeps it between opens (JSON, no Maps).
    const kept = JSON.parse(JSON.stringify(first)) as KeptRoster;
    const beforeChanges = graph.stats.httpRequests;
    const changes = await syncParticipants(store, kept);
    expect(graph.stats.httpRequests - beforeChanges).toBe(1);
    expect(changes.resynced).toBe(false);
    const roles = new Map(changes.entries.map((e) => [e.participant.personId, e.participant.role]));
    expect(roles.get(diego.id)).toBe('mentor');
    expect(roles.get(aisha.id)).toBe('mentor');
    expect(roles.has(people[0]!.id)).toBe(false);
    expect(changes.entries).toHaveLength(new Set([...people.slice(1).map((p) => p.id), diego.id, aisha.id]).size);
    expect(await syncParticipants(store, changes)).toMatchObject({ entries: changes.entries, resynced: false });
  });

  it('reads everyone afresh when Graph can no longer give the changes since a kept token (410 Gone), or the roster is of another list', async () => {
    const { graph, storeFor } = await created();
    const store = await storeFor(margaret);
    await participate(await storeFor(diego), diego.id);
    const first = await syncParticipants(store);
    await participate(await storeFor(aisha), aisha.id);
    graph.lists.forgetChanges(GROUP, PROGRAMME_LISTS.participants);
    await saveMyParticipation(await storeFor(diego), diego.id, null);

    // The fake answers 410 Gone, as the page says (behaviour/lists.test.ts).
    const again = await syncParticipants(store, first);
    expect(again.resynced).toBe(true);
    expect(again.entries.map((e) => e.participant.personId)).toEqual([aisha.id]);
    // A roster of another list (the store set up again) is not applied to this one.
    const other = await syncParticipants(store, { ...again, list: 'another-site/another-list' });
    expect(other).toMatchObject({ resynced: true, entries: again.entries });
    // Nor one whose entries no longer read.
    expect(await syncParticipants(store, { ...again, entries: [{ itemId: '1', participant: { personId: 7 } }] })).toMatchObject({ resynced: true });
  });

  it('does not trust an entry someone else changed, and names a damaged one without failing', async () => {
    const { clientFor, storeFor } = await created();
    const store = await storeFor(priya);
    await participate(await storeFor(diego), diego.id);
    await participate(await storeFor(aisha), aisha.id);
    // Margaret edits Diego's entry: SharePoint lets her (she may write items), and records her as the last to modify it.
    const diegoItem = (await syncParticipants(store)).entries.find((e) => e.participant.personId === diego.id)!.itemId;
    const url = `/sites/${encodeURIComponent(store.siteId)}/lists/${store.listIds.participants}/items`;
    await clientFor(margaret).write('PATCH', `${url}/${diegoItem}/fields`, PROGRAMME_STORE_SCOPES, {
      Data: JSON.stringify({ personId: diego.id, role: 'executive', profileUpdated: UPDATED }),
    });
    // And writes a damaged entry of her own.
    await clientFor(margaret).write('POST', url, PROGRAMME_STORE_SCOPES, { fields: { Title: 'participant', PersonId: margaret.id, Data: '{"personId":' } });
    const read = await readParticipants(store);
    expect(read.participants.map((p) => p.personId)).toEqual([aisha.id]);
    expect(read.untrusted).toBe(1);
    expect(read.damaged).toEqual([expect.stringMatching(new RegExp(`^entry \\d+ in ${PROGRAMME_LISTS.participants}$`))]);
  });

  it('keeps both owners’ decisions when they save from the same read (412, read again, apply again)', async () => {
    const { storeFor } = await created();
    const store = await storeFor(priya);
    const start = await changeDecisions(store, priya.id, await readDecisions(store), (d) => ({ ...d, pins: [[margaret.id, diego.id]] }));
    const otherTab = await changeDecisions(store, priya.id, start, (d) => ({ ...d, exclusions: [[margaret.id, aisha.id]] }));
    expect(otherTab.etag).not.toBe(start.etag);
    // This tab still holds `start`: its save meets 412, reads again and applies its change to that.
    await changeDecisions(store, priya.id, start, (d) => ({ ...d, pins: [...d.pins, [aisha.id, diego.id]] }));
    const read = await readDecisions(await storeFor(margaret));
    expect(read.decisions).toEqual({
      pins: [
        [margaret.id, diego.id],
        [aisha.id, diego.id],
      ],
      exclusions: [[margaret.id, aisha.id]],
    });
  });

  it('trusts a second owner’s entries too, found in the owners’ group through their memberships, and still no one else’s', async () => {
    const second = users.find((u) => !DEMO_PEOPLE.some((p) => p.id === u.id))!;
    const graph = new FakeGraph({ users, groups: new Map([[GROUP, new Set([priya.id, second.id])]]), siteGrants: new Map([[GROUP, 'manage' as const]]) });
    const clientFor = (person: { id: string; displayName: string }) =>
      new GraphClient({ identity: createDemoIdentity(person as (typeof DEMO_PEOPLE)[number]), fetch: graph.fetch, sleep: () => Promise.resolve() });
    await createMissingLists(clientFor(priya), GROUP);
    const secondOwner = await openProgrammeStore(clientFor(second), GROUP);
    const [sent] = await sendProposals(secondOwner, second.id, [{ id: 'p1', executiveId: margaret.id, mentorId: diego.id, reasonCodes: ['topics'], round: '2026-03', sentAt: UPDATED }]);
    await saveSettings(secondOwner, second.id, { cadenceWeeks: 3 }, undefined);
    await sendProposals(await openProgrammeStore(clientFor(margaret), GROUP), margaret.id, [
      { id: 'p2', executiveId: margaret.id, mentorId: aisha.id, reasonCodes: [], round: '2026-03', sentAt: UPDATED },
    ]);

    const reader = await openProgrammeStore(clientFor(diego), GROUP);
    expect(await readProposals(reader)).toMatchObject({ proposals: [sent], untrusted: 1 });
    expect((await readSettings(reader))?.settings).toEqual({ cadenceWeeks: 3 });
    expect(reader.knownOwners).toEqual(
      new Map([
        [second.id, true],
        [margaret.id, false],
      ]),
    );
  });

  it('trusts decisions, proposals and settings only from owners, and answers only from the person answering', async () => {
    const { storeFor } = await created();
    const owner = await storeFor(priya);
    const intruder = await storeFor(margaret);
    await changeDecisions(intruder, margaret.id, await readDecisions(intruder), (d) => ({ ...d, pins: [[margaret.id, diego.id]] }));
    expect(await readDecisions(owner)).toMatchObject({ decisions: { pins: [] }, untrusted: 1 });

    const [sent] = await sendProposals(owner, priya.id, [{ id: 'p1', executiveId: margaret.id, mentorId: diego.id, reasonCodes: ['topics'], round: '2026-03', sentAt: UPDATED }]);
    await sendProposals(intruder, margaret.id, [{ id: 'p2', executiveId: margaret.id, mentorId: aisha.id, reasonCodes: [], round: '2026-03', sentAt: UPDATED }]);
    expect((await readProposals(await storeFor(diego))).proposals).toEqual([sent]);

    await answerProposal(await storeFor(diego), diego.id, { proposalId: 'p1', answer: 'accepted' }, new Date(UPDATED));
    expect((await readAnswers(owner)).answers).toEqual([{ proposalId: 'p1', personId: diego.id, answer: 'accepted', at: UPDATED }]);

    expect(await readSettings(owner)).toBeUndefined();
    const saved = await saveSettings(owner, priya.id, { cadenceWeeks: 2 }, undefined);
    const again = await saveSettings(owner, priya.id, { cadenceWeeks: 3, sessionMinutes: 45 }, saved);
    await expect(saveSettings(owner, priya.id, { cadenceWeeks: 4 }, saved)).rejects.toMatchObject({ status: 412 });
    expect((await readSettings(await storeFor(aisha)))?.settings).toEqual({ cadenceWeeks: 3, sessionMinutes: 45 });
    expect(again.etag).toBeDefined();
  });
});
