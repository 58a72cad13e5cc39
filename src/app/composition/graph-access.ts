import type { GraphClient } from '@/services/graph/graph-client';
import type { Identity } from '@/services/identity/identity';

/**
 * The app's Graph client, created when a feature first needs it, so the SDK, the validators and
 * (in the demo) the fake Graph load after first paint.
 *
 * @param loadFetch the `fetch` Graph's requests go through: the browser's in a tenant, the fake Graph's in the demo.
 */
export function lazyGraphClient(identity: Identity, loadFetch: () => Promise<typeof fetch>): () => Promise<GraphClient> {
  let client: Promise<GraphClient> | undefined;
  return () =>
    (client ??= (async () => {
      const [{ GraphClient }, fetch] = await Promise.all([import('@/services/graph/graph-client'), loadFetch()]);
      return new GraphClient({ identity, fetch });
    })());
}
