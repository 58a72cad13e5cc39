import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { createMemoryDirectoryCache } from '../storage/directory-cache';
import { openDirectory, type DirectoryView } from './directory-service';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from './graph-client';
import { GraphPermissionError } from './graph-errors';

const users = generateDemoTenant({ size: 1500 });
const expected = users.filter((u) => u.accountEnabled && u.userType === 'Member').length;

function setup(graph = new FakeGraph({ users })) {
  const client = new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[0]!), fetch: graph.fetch, sleep: () => Promise.resolve() });
  return { graph, client, cache: createMemoryDirectoryCache() };
}

async function open(setupResult: ReturnType<typeof setup>, signal?: AbortSignal) {
  const views: DirectoryView[] = [];
  await openDirectory({ ...setupResult, key: 't:u', onChange: (v) => views.push(v), checkpointEveryMs: 0, ...(signal ? { signal } : {}) });
  return views;
}

describe('openDirectory', () => {
  it('loads with progress the first time, then opens from the cache and refreshes with delta', async () => {
    const world = setup();
    const first = await open(world);
    expect(first[0]).toMatchObject({ status: 'loading' });
    expect(first.at(-1)).toMatchObject({ status: 'ready', refreshing: false, snapshot: { expected } });

    const requests = world.graph.stats.httpRequests;
    const second = await open(world);
    expect(second.map((v) => [v.status, 'refreshing' in v ? v.refreshing : undefined])).toEqual([
      ['ready', true],
      ['ready', false],
    ]);
    expect(world.graph.stats.httpRequests - requests).toBe(1);
  });

  it('resumes a cancelled load where it stopped', async () => {
    const world = setup();
    const controller = new AbortController();
    const views: DirectoryView[] = [];
    await openDirectory({
      ...world,
      key: 't:u',
      checkpointEveryMs: 0,
      signal: controller.signal,
      onChange: (view) => {
        views.push(view);
        if (view.status === 'loading' && view.progress.loaded > 0) controller.abort();
      },
    });
    expect(views.at(-1)).toMatchObject({ status: 'cancelled' });
    expect(await world.cache.readCheckpoint('t:u')).toBeDefined();

    const resumed = await open(world);
    expect(resumed.at(-1)).toMatchObject({ status: 'ready' });
    expect(await world.cache.readCheckpoint('t:u')).toBeUndefined();
  });

  it('shows a failure with the reason', async () => {
    const views = await open(setup(new FakeGraph({ users, faults: { missingConsent: true } })));
    const last = views.at(-1)!;
    expect(last.status).toBe('failed');
    expect(last.status === 'failed' && last.error).toBeInstanceOf(GraphPermissionError);
  });
});
