import { describe, expect, it } from 'vitest';
import { addItem, liveItems, valueOf } from '@/domain/agenda/agenda';
import { seriesFor } from '@/domain/scheduling/recurrence';
import type { LiveAgenda } from '@/services/agenda/live-agenda';
import { MemoryLiveHub } from '@/services/agenda/memory-live-agenda';
import { readWorkspace, type WorkspaceRef } from '@/services/agenda/workspace-store';
import { bookSeries } from '@/services/booking/booking-service';
import { DEMO_PEOPLE } from '@/services/demo/demo-people';
import { generateDemoTenant } from '@/services/graph/fake/demo-tenant';
import { FakeGraph } from '@/services/graph/fake/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { createDemoIdentity } from '@/services/identity/demo-identity';
import { openPairAgenda, type LiveWho, type PairAgenda } from './open-pair-agenda';

const users = generateDemoTenant({ size: 200 });
const [margaret, diego] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const person = (id: string) => {
  const u = users.find((x) => x.id === id)!;
  return { id, displayName: u.displayName, mail: u.mail! };
};

/** A booked pair in a fake tenant; Margaret's client. */
async function bookedPair() {
  const graph = new FakeGraph({ users });
  const client = new GraphClient({
    identity: createDemoIdentity(margaret),
    fetch: (input, init) => graph.fetch(input, init),
    sleep: () => Promise.resolve(),
    policy: { maxRetries: 1, maxTotalMs: 1000, baseDelayMs: 1, maxDelayMs: 1 },
  });
  const booked = await bookSeries(client, {
    organiser: person(margaret.id),
    partner: person(diego.id),
    series: seriesFor('2027-01-05T15:00:00Z', 'Europe/London', { everyWeeks: 2, weeks: 26, minutes: 45 }),
    programmeName: 'Reverse mentoring',
    app: { teamsAppId: 'none', origin: 'https://x.example', tabName: 'Pair workspace' },
  });
  const ref: WorkspaceRef = { driveId: booked.workspace.driveId, itemId: booked.workspace.id };
  return { client, ref };
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

async function open(joinLive: (meetingKey: string, who: LiveWho) => Promise<LiveAgenda>) {
  const { client, ref } = await bookedPair();
  const states: PairAgenda[] = [];
  const live = await openPairAgenda({
    client,
    me: { id: margaret.id, displayName: margaret.displayName },
    linked: ref,
    storage: memoryStorage(),
    today: '2027-01-05',
    newDeviceId: () => 'laptop',
    meetingKey: 'meeting-1',
    joinLive,
    onState: (state) => states.push(state),
    isCurrent: () => true,
  });
  return { client, ref, states, live };
}

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
    const { states, live } = await open(async (_, who) => hub.join(who.client, who.person, who.name));
    expect(live).toBeDefined();
    const ready = states.at(-1)!;
    if (ready.status !== 'ready') throw new Error('not ready');
    expect(ready.sync.current.live).toBe('connected');
    ready.sync.dispose();
  });
});
