import type { AppConfig } from '@/services/config/app-config';
import type { GraphClient } from '@/services/graph/graph-client';
import type { Identity } from '@/services/identity/identity';

/**
 * The app's Graph client, created when a feature first needs it, so the SDK, the validators and
 * (in demo mode) the fake Graph load after first paint. Real Graph with a tenant; the fake otherwise.
 */
export function lazyGraphClient(config: AppConfig, identity: Identity): () => Promise<GraphClient> {
  let client: Promise<GraphClient> | undefined;
  return () =>
    (client ??= (async () => {
      const { GraphClient } = await import('@/services/graph/graph-client');
      const fetch =
        config.mode === 'demo'
          ? (await import('@/demo/graph/browser-fake-graph')).browserFakeGraph().fetch
          : window.fetch.bind(window);
      return new GraphClient({ identity, fetch });
    })());
}
