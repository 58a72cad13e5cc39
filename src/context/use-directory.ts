import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '@/context/services-context';
import type { DirectoryView } from '@/services/graph/directory-service';

/**
 * The organisation as far as it is loaded: from the cache at once where there is one, else loaded
 * with progress. Loads the Graph and cache code on first use. `cancel` stops a load (the next
 * open resumes it); `retry` starts again.
 */
export function useDirectory() {
  const { graph, user } = useServices();
  const [view, setView] = useState<DirectoryView | undefined>();
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    let current = true;
    const onChange = (next: DirectoryView) => current && setView(next);
    void (async () => {
      const [client, { openDirectory }, { createIndexedDbDirectoryCache, createMemoryDirectoryCache }, { deviceKeyOf }] = await Promise.all([
        graph(),
        import('@/services/graph/directory-service'),
        import('@/services/storage/directory-cache'),
        import('@/services/storage/app-database'),
      ]);
      const cache = typeof indexedDB === 'undefined' ? createMemoryDirectoryCache() : createIndexedDbDirectoryCache();
      await openDirectory({ client, cache, key: deviceKeyOf(user), onChange, signal: abort.signal });
    })();
    return () => {
      current = false;
      abort.abort();
    };
  }, [graph, user, attempt]);

  return {
    view,
    cancel: useCallback(() => controller.current?.abort(), []),
    retry: useCallback(() => setAttempt((n) => n + 1), []),
  };
}
