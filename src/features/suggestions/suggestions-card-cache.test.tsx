// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { renderWithServices } from '@/demo/testing/render-with-services';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import type { FetchLike } from '@/services/graph/graph-client';
import { SuggestionsCard } from './suggestions-card';

afterEach(cleanup);

const users = generateDemoTenant({ size: 300 });
const margaret = DEMO_PEOPLE[0]!;

/** The fake's fetch, holding every $batch of more than one request (everyone's profiles) until released. */
function holdingBulkReads(graph: FakeGraph) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    if (request.url.endsWith('/$batch')) {
      const { requests } = (await request.clone().json()) as { requests: unknown[] };
      if (requests.length > 1 && requests.every((r) => String((r as { url: string }).url).includes('/extensions/'))) await released;
    }
    return graph.fetch(request);
  };
  return { fetch, release };
}

describe('the suggestions card on the next open', () => {
  it('suggests from the profiles cached on this device at once, says it is still reading, and refines when the reads are in', async () => {
    const graph = new FakeGraph({ users, extensions: generateDemoProfiles(users) });
    renderWithServices(<SuggestionsCard />, graph, margaret);
    const first = await screen.findAllByRole('button', { name: /^Ask to pair with / }, { timeout: 60_000 });
    expect(first.length).toBeGreaterThan(0);
    expect(screen.queryByText(/Still reading the programme’s profiles/)).toBeNull();
    cleanup();

    // Next open: everyone's profiles are slow to come; Margaret's own is read at once.
    const held = holdingBulkReads(graph);
    renderWithServices(<SuggestionsCard />, graph, margaret, { fetch: held.fetch });
    const cached = await screen.findAllByRole('button', { name: /^Ask to pair with / }, { timeout: 60_000 });
    expect(cached.map((b) => b.getAttribute('aria-label'))).toEqual(first.map((b) => b.getAttribute('aria-label')));
    screen.getByText(/Still reading the programme’s profiles \(\d+ of \d+\): these suggestions may still change\./);
    held.release();
    await screen.findByRole('button', { name: first[0]!.getAttribute('aria-label')! });
    await expect.poll(() => screen.queryByText(/Still reading the programme’s profiles/), { timeout: 60_000 }).toBeNull();
  }, 120_000);
});
