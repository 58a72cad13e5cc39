import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { demoPhoto } from '@/demo/graph/demo-photos';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from './graph-client';
import { createPhotoLoader, photoFromAnswer, type PhotoGraph } from './photos';

const users = generateDemoTenant({ size: 60 });
const margaret = DEMO_PEOPLE[0]!;

function setUp() {
  const graph = new FakeGraph({ users });
  const client = new GraphClient({ identity: createDemoIdentity(margaret), fetch: graph.fetch, sleep: () => Promise.resolve() });
  return { graph, loader: createPhotoLoader(() => Promise.resolve(client)) };
}

const withPhoto = users.filter((u) => demoPhoto(u));
const without = users.filter((u) => u.userType === 'Member' && !demoPhoto(u));
const guest = users.find((u) => u.userType === 'Guest')!;

describe('the photo loader', () => {
  it('reads a mixed list in $batch requests of 20: data URLs for photos, null for people without (404) and guests', async () => {
    const { graph, loader } = setUp();
    const people = [...withPhoto.slice(0, 20), ...without.slice(0, 4), guest];
    const photos = await loader.load(people.map((p) => p.id));
    expect(graph.stats.httpRequests).toBe(2);
    for (const p of withPhoto.slice(0, 20)) expect(photos.get(p.id), p.displayName).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    for (const p of [...without.slice(0, 4), guest]) expect(photos.get(p.id), p.displayName).toBeNull();
    // The same bytes Graph serves.
    const jpeg = demoPhoto(withPhoto[0]!)!.jpeg(64);
    expect(Uint8Array.from(atob(photos.get(withPhoto[0]!.id)!.split(',')[1]!), (c) => c.charCodeAt(0))).toEqual(jpeg);
  });

  it('sends the calls of one turn together, and answers from memory afterwards with no request', async () => {
    const { graph, loader } = setUp();
    const [a, b, c] = await Promise.all([loader.load([withPhoto[0]!.id]), loader.load([withPhoto[1]!.id, without[0]!.id]), loader.load([withPhoto[0]!.id])]);
    expect(graph.stats.httpRequests).toBe(1);
    expect(graph.stats.operations).toBe(3); // three photos: the repeated id is asked for once
    expect(a.get(withPhoto[0]!.id)).toBe(c.get(withPhoto[0]!.id));
    expect(b.get(without[0]!.id)).toBeNull();
    expect(loader.peek(withPhoto[1]!.id)).toMatch(/^data:image\/jpeg;base64,/);
    expect(loader.peek(without[0]!.id)).toBeNull();
    expect(loader.peek(withPhoto[2]!.id)).toBeUndefined();

    const again = await loader.load([withPhoto[0]!.id, without[0]!.id]);
    expect(graph.stats.httpRequests).toBe(1);
    expect(again.get(withPhoto[0]!.id)).toBe(a.get(withPhoto[0]!.id));
  });

  it('never rejects: offline, everyone is null (initials) and a later call asks again; refused, null for the session', async () => {
    const { graph, loader } = setUp();
    graph.setFaults({ offline: true });
    const offline = await loader.load([withPhoto[0]!.id]);
    expect(offline.get(withPhoto[0]!.id)).toBeNull();
    expect(loader.peek(withPhoto[0]!.id)).toBeUndefined();
    graph.setFaults({ offline: false });
    expect((await loader.load([withPhoto[0]!.id])).get(withPhoto[0]!.id)).toMatch(/^data:image\/jpeg;base64,/);

    // Without consent Graph answers each photo 403: asking again on every render would only repeat it.
    graph.setFaults({ missingConsent: true });
    expect((await loader.load([withPhoto[1]!.id])).get(withPhoto[1]!.id)).toBeNull();
    const sent = graph.stats.httpRequests;
    expect((await loader.load([withPhoto[1]!.id])).get(withPhoto[1]!.id)).toBeNull();
    expect(graph.stats.httpRequests).toBe(sent);

    const broken = createPhotoLoader(() => Promise.reject(new Error('no Graph')));
    expect((await broken.load(['x'])).get('x')).toBeNull();
  });

  it('reads only what the schema allows: an image content type and base64; a throttled answer is asked again later', async () => {
    expect(photoFromAnswer({ status: 200, headers: { 'content-type': 'image/jpeg' }, body: '/9j/4AAQ' })).toBe('data:image/jpeg;base64,/9j/4AAQ');
    expect(photoFromAnswer({ status: 200, headers: { 'content-type': 'image/jpeg; charset=binary' }, body: '_9j_4AA' })).toBe('data:image/jpeg;base64,/9j/4AA=');
    expect(photoFromAnswer({ status: 200, headers: { 'content-type': 'text/html' }, body: 'PGh0bWw+' })).toBeNull();
    expect(photoFromAnswer({ status: 200, headers: { 'content-type': 'image/jpeg' }, body: { not: 'base64' } })).toBeNull();
    expect(photoFromAnswer({ status: 200, headers: { 'content-type': 'image/svg+xml' }, body: 'PHN2Zz4=' })).toBeNull();
    expect(photoFromAnswer({ status: 404, headers: { 'content-type': 'application/json' }, body: { error: { code: 'ImageNotFound' } } })).toBeNull();
    expect(photoFromAnswer({ status: 429, headers: {}, body: {} })).toBeUndefined();

    let calls = 0;
    const throttled: PhotoGraph = {
      batchAll: (items) => {
        calls++;
        return Promise.resolve(items.map((item) => ({ id: item.id, status: calls === 1 ? 503 : 404, headers: {}, body: {} })));
      },
    };
    const loader = createPhotoLoader(() => Promise.resolve(throttled));
    expect((await loader.load(['a'])).get('a')).toBeNull();
    expect(loader.peek('a')).toBeUndefined();
    await loader.load(['a']);
    expect(calls).toBe(2);
    expect(loader.peek('a')).toBeNull();
  });
});
