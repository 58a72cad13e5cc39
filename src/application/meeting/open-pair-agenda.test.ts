import { describe, expect, it } from 'vitest';
import { AgendaFormatError } from '@/services/agenda/agenda-schema';
import { GraphAnswerError, GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import { addItem, alternativesOf, editText, liveItems, valueOf } from '@/domain/agenda/agenda';
import { chatIdOfJoinUrl } from '@/domain/booking/meeting-pair';
import { clearAgendaDeviceData, forgetAgendaCopiesOfOthers, type DeviceStorage } from '@/services/agenda/device-copy';
import type { LiveAgenda } from '@/services/agenda/live-agenda';
import { MemoryLiveHub } from '@/services/agenda/memory-live-agenda';
import { parseWorkspaceRef, readWorkspace, type WorkspaceRef } from '@/services/agenda/workspace-store';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { createDemoIdentity } from '@/demo/demo-identity';
import { readMyProfile } from '@/services/profile/profile-store';
import { createMissingLists, openProgrammeStore } from '@/services/programme/programme-store';
import { saveMyProfile as saveMine } from '@/application/programme/my-profile';
import { bookPairing } from '@/application/booking/pair-booking';
import { profileRecords } from '@/application/booking/profile-records';
import { describeAgendaFailure, openPairAgenda, type LiveWho, type PairAgenda } from './open-pair-agenda';

const users = generateDemoTenant({ size: 200 });
const [margaret, diego, aisha, priya] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!];
const pairPerson = (id: string) => {
  const u = users.find((x) => x.id === id)!;
  return { id, displayName: u.displayName, address: u.mail!, zone: 'Europe/London' };
};

function clientAs(graph: FakeGraph, who: (typeof DEMO_PEOPLE)[number], network = { offline: false }) {
  return new GraphClient({
    identity: createDemoIdentity(who),
    fetch: (input, init) => (network.offline ? Promise.reject(new TypeError('Failed to fetch')) : graph.fetch(input, init)),
    sleep: () => Promise.resolve(),
    policy: { maxRetries: 1, maxTotalMs: 1000, baseDelayMs: 1, maxDelayMs: 1 },
  });
}

const STORE_GROUP = '11111111-2222-4333-8444-555555555555';
const profileBase = { languages: ['en'], timeZone: 'Europe/London', load: 0, updated: '2027-01-01T00:00:00Z' };

/**
 * Margaret books a series with each mentor, in this order, with the booking use case the booking
 * card calls (which records each in her profile); each mentor has accepted her. Returns the
 * clients, and each pair's workspace and meeting chat.
 */
async function bookedPairs(mentors: readonly (typeof DEMO_PEOPLE)[number][] = [diego], withStore = false) {
  const graph = new FakeGraph({ users, ...(withStore ? { groups: new Map([[STORE_GROUP, new Set([priya.id])]]), siteGrants: new Map([[STORE_GROUP, 'manage' as const]]) } : {}) });
  if (withStore) await createMissingLists(clientAs(graph, priya), STORE_GROUP);
  // Each person's entry in the programme store, where their pair records are kept when there is one.
  const participation = (who: (typeof DEMO_PEOPLE)[number]) =>
    withStore ? { store: () => openProgrammeStore(clientAs(graph, who), STORE_GROUP), onProblem: (message: string) => expect.fail(message) } : undefined;
  // Margaret's network, which a test can cut.
  const network = { offline: false };
  const client = clientAs(graph, margaret, network);
  const now = () => new Date('2026-12-01T09:00:00Z');
  const profile = { ...profileBase, mentee: { wantsToLearn: ['gaming'] } };
  await saveMine(client, margaret.id, profile, participation(margaret));
  const ports = { graph: () => Promise.resolve(client), now, records: profileRecords(client, now, { personId: margaret.id, ...profile }, participation(margaret)) };
  const pairs = new Map<string, { ref: WorkspaceRef; chatId: string | undefined }>();
  // The mentors took part (and accepted) before Margaret booked: her booking record is sealed for each of them.
  for (const mentor of mentors) {
    await saveMine(clientAs(graph, mentor), mentor.id, { ...profileBase, mentor: { capacity: 2, canTeach: ['gaming'] }, accepted: [margaret.id] }, participation(mentor));
  }
  for (const mentor of mentors) {
    const booked = await bookPairing(ports, {
      pair: { me: pairPerson(margaret.id), mentor: pairPerson(mentor.id), cadence: { everyWeeks: 2, weeks: 26, minutes: 45 } },
      start: '2027-01-05T15:00:00Z',
      zone: 'Europe/London',
      programme: { name: 'Reverse mentoring' },
      app: { teamsAppId: 'none', origin: 'https://x.example', tabName: 'Pair workspace' },
    });
    pairs.set(mentor.id, { ref: parseWorkspaceRef(booked.record.ref)!, chatId: chatIdOfJoinUrl(booked.series.joinUrl) });
  }
  const ref = pairs.get(mentors[0]!.id)!.ref;
  return { graph, client, ref, pairs, network };
}

/** Margaret's pair with Diego; her client, whose network can be cut, and their meeting's chat. */
async function bookedPair() {
  const { client, ref, pairs, network } = await bookedPairs();
  return { client, ref, network, chatId: pairs.get(diego.id)!.chatId };
}

/** Web Storage in memory (what localStorage is in the browser). */
function memoryStorage(): DeviceStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

const agendaKeys = (storage: ReturnType<typeof memoryStorage>) => [...storage.items.keys()].filter((key) => key.startsWith('agenda'));
let surfaces = 0;

async function open(joinLive: (meetingKey: string, who: LiveWho) => Promise<LiveAgenda>) {
  const { client, ref, pairs } = await bookedPairs();
  const states: PairAgenda[] = [];
  const live = await openPairAgenda({
    graph: () => Promise.resolve(client),
    me: { id: margaret.id, displayName: margaret.displayName },
    linked: ref,
    meeting: { chatId: pairs.get(diego.id)!.chatId },
    storage: memoryStorage(),
    now: () => new Date('2027-01-05T12:00:00Z'),
    newSurfaceId: () => `surface-${++surfaces}`,
    meetingKey: 'meeting-1',
    joinLive,
    onState: (state) => states.push(state),
    isCurrent: () => true,
  });
  return { client, ref, states, live };
}

/** What one person's surface in a meeting resolves to (saved agenda only). */
async function resolvedIn(
  graph: FakeGraph,
  who: (typeof DEMO_PEOPLE)[number],
  meeting: { chatId?: string | undefined },
  linked?: WorkspaceRef,
  now = new Date('2027-01-05T12:00:00Z'),
  programmeGroupId?: string,
) {
  const states: PairAgenda[] = [];
  await openPairAgenda({
    graph: () => Promise.resolve(clientAs(graph, who)),
    programmeGroupId,
    me: { id: who.id, displayName: who.displayName },
    linked,
    meeting,
    storage: memoryStorage(),
    now: () => now,
    newSurfaceId: () => `${who.id.slice(-2)}-${++surfaces}`,
    meetingKey: meeting.chatId,
    onState: (state) => states.push(state),
    isCurrent: () => true,
  });
  const last = states.at(-1)!;
  if (last.status === 'ready') last.sync.dispose();
  return last;
}

describe('the pair a meeting surface shows', () => {
  it('in the Margaret–Diego meeting, both show Margaret–Diego, though Margaret booked Aisha first', async () => {
    const { graph, pairs } = await bookedPairs([aisha, diego]);
    const { chatId, ref } = pairs.get(diego.id)!;
    for (const who of [margaret, diego]) {
      // With the tab's link (as booking adds it), and without (the tab added by hand from the meeting).
      for (const linked of [ref, undefined]) {
        const state = await resolvedIn(graph, who, { chatId }, linked);
        expect(state.status).toBe('ready');
        if (state.status !== 'ready') return;
        expect([state.people.executive.id, state.people.mentor.id]).toEqual([margaret.id, diego.id]);
        expect(state.booking?.ref).toBe(`${ref.driveId}/${ref.itemId}`);
      }
    }
    // And Margaret–Aisha's meeting shows theirs.
    const inAisha = await resolvedIn(graph, margaret, { chatId: pairs.get(aisha.id)!.chatId });
    expect(inAisha.status === 'ready' && inAisha.people.mentor.id).toBe(aisha.id);
  });

  it('finds the pair from the records in the programme store, which no profile holds any more', async () => {
    const { graph, client, pairs } = await bookedPairs([aisha, diego], true);
    const mine = await readMyProfile(client, margaret.id);
    expect(mine && !('damaged' in mine) && mine.bookings).toBeUndefined();
    const { chatId, ref } = pairs.get(diego.id)!;
    for (const who of [margaret, diego]) {
      const state = await resolvedIn(graph, who, { chatId }, undefined, undefined, STORE_GROUP);
      expect(state.status === 'ready' && [state.people.executive.id, state.people.mentor.id]).toEqual([margaret.id, diego.id]);
      expect(state.status === 'ready' && state.booking?.ref).toBe(`${ref.driveId}/${ref.itemId}`);
    }
    // Without the store, nothing names the pair from the meeting alone.
    expect((await resolvedIn(graph, diego, { chatId })).status).toBe('unlinked');
  });

  it('names the session from the injected clock, and both people by their directory names', async () => {
    const { graph, pairs } = await bookedPairs();
    const { chatId } = pairs.get(diego.id)!;
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    for (const [now, session] of [
      ['2027-01-05T12:00:00Z', '2027-01-05'],
      ['2027-01-06T08:00:00Z', '2027-01-19'],
      ['2027-01-19T23:00:00Z', '2027-01-19'],
    ] as const) {
      const state = await resolvedIn(graph, diego, { chatId }, undefined, new Date(now));
      expect(state.status === 'ready' && state.session).toBe(session);
      expect(state.status === 'ready' && state.people.executive.name).toBe(names.get(margaret.id));
      expect(state.status === 'ready' && state.people.mentor.name).toBe(diego.displayName);
    }
  });

  it('shows no pair in a meeting that is not the person’s pair meeting', async () => {
    const { graph, pairs } = await bookedPairs([aisha, diego]);
    const diegoMeeting = pairs.get(diego.id)!;
    // Aisha joins the Margaret–Diego call, even with its tab's link.
    expect(await resolvedIn(graph, aisha, { chatId: diegoMeeting.chatId }, diegoMeeting.ref)).toEqual({ status: 'unlinked', reason: 'not-this-meeting' });
    // A stranger, and Margaret in a meeting that is none of her pairs'.
    expect(await resolvedIn(graph, priya, { chatId: diegoMeeting.chatId }, diegoMeeting.ref)).toEqual({ status: 'unlinked', reason: 'no-pairs' });
    expect(await resolvedIn(graph, margaret, { chatId: '19:meeting_board@thread.v2' })).toEqual({ status: 'unlinked', reason: 'not-this-meeting' });
    // The Margaret–Diego link in the Margaret–Aisha meeting's tab: neither pair.
    expect(await resolvedIn(graph, margaret, { chatId: pairs.get(aisha.id)!.chatId }, diegoMeeting.ref)).toEqual({ status: 'unlinked', reason: 'ambiguous' });
    // Outside any meeting and without a link: nothing, not her first booking.
    expect(await resolvedIn(graph, margaret, {})).toEqual({ status: 'unlinked', reason: 'not-this-meeting' });
  });
});

// What LiveShareHost.create() throws where the host has no Live Share (teams-js 2.x, liveShareHost.js):
// Outlook, the Microsoft 365 app, a settings frame. https://learn.microsoft.com/javascript/api/@microsoft/teams-js/livesharehost
const NOT_SUPPORTED = new Error('LiveShareHost Not supported');

describe('opening the pair agenda where live editing is not available', () => {
  it.each([
    ['creating the Live Share host throws', () => Promise.reject(NOT_SUPPORTED)],
    ['joining the container fails', () => Promise.reject(new Error('Container not found: 0x1a2b'))],
  ])('when %s, the loaded agenda stays, stays editable and saves to the workspace', async (_, join) => {
    let attempts = 0;
    const { client, ref, states, live } = await open(() => {
      attempts += 1;
      return join();
    });
    expect(live).toBeUndefined();
    expect(states.map((s) => s.status)).toEqual(['ready']);
    const ready = states.at(-1)!;
    if (ready.status !== 'ready') throw new Error('not ready');
    const { sync } = ready;
    expect(sync.current.live).toBe('unavailable');
    // No raw error text reaches the screen's state.
    expect(sync.current.problem).toBeUndefined();

    sync.edit((doc, editor) => addItem(doc, editor, { id: 'x', text: 'Copilot in Outlook', session: '2027-01-05' }));
    await sync.flush();
    expect(sync.current.save).toBe('saved');
    const saved = await readWorkspace(client, ref);
    expect(liveItems(saved.document.agenda).map((i) => valueOf(i.text))).toEqual(['Copilot in Outlook']);
    // Tried once, not again and again.
    expect(attempts).toBe(1);
    sync.dispose();
  });

  it('joins live editing where the host has it', async () => {
    const hub = new MemoryLiveHub();
    const { states, live } = await open(async (_, who) => hub.join(who.client, who.person, who.name, who.seal));
    expect(live).toBeDefined();
    const ready = states.at(-1)!;
    if (ready.status !== 'ready') throw new Error('not ready');
    expect(ready.sync.current.live).toBe('connected');
    ready.sync.dispose();
  });
});

/** Margaret opens the agenda on one surface (no live editing); the ready sync. */
async function openSurface(pair: Awaited<ReturnType<typeof bookedPair>>, storage: DeviceStorage) {
  const states: PairAgenda[] = [];
  await openPairAgenda({
    graph: () => Promise.resolve(pair.client),
    me: { id: margaret.id, displayName: margaret.displayName },
    linked: pair.ref,
    meeting: { chatId: pair.chatId },
    storage,
    now: () => new Date('2027-01-05T12:00:00Z'),
    newSurfaceId: () => `surface-${++surfaces}`,
    meetingKey: 'meeting-1',
    onState: (state) => states.push(state),
    isCurrent: () => true,
  });
  const ready = states.at(-1);
  if (ready?.status !== 'ready') throw new Error(`not ready: ${ready?.status}`);
  return ready.sync;
}

describe('what of the agenda stays on the device', () => {
  it('nothing, once it is saved', async () => {
    const pair = await bookedPair();
    const storage = memoryStorage();
    const sync = await openSurface(pair, storage);
    sync.edit((doc, editor) => addItem(doc, editor, { id: 'n', text: 'Private notes on the reorg', session: '2027-01-05' }));
    // Unsaved for a moment: kept on the device.
    expect(agendaKeys(storage)).toHaveLength(1);
    await sync.flush();
    expect(sync.current.save).toBe('saved');
    expect(agendaKeys(storage)).toEqual([]);
    sync.dispose();
  });

  it('an edit made offline is kept, restored on the next open, saved, then gone from the device', async () => {
    const pair = await bookedPair();
    const storage = memoryStorage();
    const first = await openSurface(pair, storage);
    pair.network.offline = true;
    first.edit((doc, editor) => addItem(doc, editor, { id: 'off', text: 'Written on the train', session: '2027-01-05' }));
    await first.flush();
    expect(first.current.save).toBe('offline');
    first.dispose();
    expect(agendaKeys(storage)).toHaveLength(1);

    // The tab was closed; back online, the agenda opens again on this device.
    pair.network.offline = false;
    const again = await openSurface(pair, storage);
    expect(liveItems(again.current.doc).map((i) => valueOf(i.text))).toEqual(['Written on the train']);
    await again.flush();
    expect(again.current.save).toBe('saved');
    expect(liveItems((await readWorkspace(pair.client, pair.ref)).document.agenda).map((i) => i.id)).toEqual(['off']);
    expect(agendaKeys(storage)).toEqual([]);
    again.dispose();
  });

  it('nothing after sign-out, or when another account signs in on the device', async () => {
    const pair = await bookedPair();
    const storage = memoryStorage();
    const sync = await openSurface(pair, storage);
    pair.network.offline = true;
    sync.edit((doc, editor) => addItem(doc, editor, { id: 'u', text: 'Unsaved', session: '2027-01-05' }));
    sync.dispose();
    forgetAgendaCopiesOfOthers(storage, margaret.id);
    expect(agendaKeys(storage).filter((k) => k.startsWith('agenda-unsaved:'))).toHaveLength(1);
    // Diego signs in on the same machine: Margaret's unsaved notes go.
    forgetAgendaCopiesOfOthers(storage, diego.id);
    expect(agendaKeys(storage).filter((k) => k.startsWith('agenda-unsaved:'))).toEqual([]);
    // Sign-out clears everything of the agenda, including the old whole-agenda cache.
    storage.setItem('agenda-cache:d/i', '{}');
    storage.setItem('agenda-unsaved:x:d/i:s', '{}');
    clearAgendaDeviceData(storage);
    expect(agendaKeys(storage)).toEqual([]);
  });
});

describe('one person, two surfaces', () => {
  it('the side panel and the chat tab are two replicas: editing the same item at once keeps both words', async () => {
    const pair = await bookedPair();
    const storage = memoryStorage();
    const panel = await openSurface(pair, storage);
    panel.edit((doc, editor) => addItem(doc, editor, { id: 'x', text: 'Copilot', session: '2027-01-05' }));
    await panel.flush();
    const tab = await openSurface(pair, storage);
    expect(liveItems(tab.current.doc).map((i) => i.id)).toEqual(['x']);
    // Both edit before either sees the other's.
    panel.edit((doc, editor) => editText(doc, editor, 'x', 'Copilot in Excel'));
    tab.edit((doc, editor) => editText(doc, editor, 'x', 'Copilot in Word'));
    await panel.flush();
    await tab.flush();
    await panel.flush();
    const saved = (await readWorkspace(pair.client, pair.ref)).document.agenda.items.x!.text;
    expect(new Set([valueOf(saved), ...alternativesOf(saved).map((t) => t.value)])).toEqual(new Set(['Copilot in Excel', 'Copilot in Word']));
    panel.dispose();
    tab.dispose();
  });
});

describe('an agenda that cannot be opened', () => {
  it('says what happened and what to do when the workspace file is gone, never Graph’s own words', async () => {
    const { graph, pairs } = await bookedPairs();
    graph.restoreState({ ...graph.state(), files: [] });
    const last = await resolvedIn(graph, margaret, { chatId: pairs.get(diego.id)!.chatId });
    expect(last).toMatchObject({ status: 'failed', message: expect.stringMatching(/^The pair workspace file is no longer there, or no longer shared with you\./) });
  });

  it.each([
    [new GraphRequestError('itemNotFound: The resource could not be found.', 404, 'itemNotFound', 'r1', undefined), /no longer there/],
    [new GraphRequestError('Could not reach Microsoft Graph: Failed to fetch', 503, 'NetworkError', undefined, undefined), /could not be reached just now/],
    [new AgendaFormatError('The pair workspace is not in the expected form (pair: Required).'), /damaged beyond what can be read/],
    [new GraphAnswerError('reading the pair workspace', 'id: Required'), /an answer this app could not read/],
    [new TypeError("Cannot read properties of undefined (reading 'x')"), /^Something went wrong while opening the agenda/],
  ])('words %s for a person', (error, expected) => {
    const message = describeAgendaFailure(error);
    expect(message).toMatch(expected);
    expect(message).not.toContain(error.message);
  });

  it('says the same when Graph cannot be had at all (sign-in or consent failed)', async () => {
    const states: PairAgenda[] = [];
    const error = new GraphPermissionError(['Files.ReadWrite.All'], 403, 'accessDenied', undefined);
    await openPairAgenda({
      graph: () => Promise.reject(error),
      me: { id: margaret.id, displayName: margaret.displayName },
      linked: undefined,
      meeting: {},
      storage: memoryStorage(),
      now: () => new Date('2027-01-05T12:00:00Z'),
      newSurfaceId: () => 'surface',
      meetingKey: undefined,
      onState: (state) => states.push(state),
      isCurrent: () => true,
    });
    expect(states).toEqual([{ status: 'failed', message: error.message }]);
  });

  it('passes on a missing permission as it is: it names the permission and who grants it', () => {
    const error = new GraphPermissionError(['Files.ReadWrite.All'], 403, 'accessDenied', undefined);
    expect(describeAgendaFailure(error)).toBe(error.message);
  });
});
