import type { DirectoryCache } from '../storage/directory-cache';
import { loadDirectory, refreshDirectory, type DirectorySnapshot, type LoadCheckpoint, type LoadProgress } from './directory-loader';
import type { GraphClient } from './graph-client';
import { GraphRequestError } from './graph-errors';

/** What the app can show about the directory at any moment. */
export type DirectoryView =
  | { readonly status: 'loading'; readonly progress: LoadProgress }
  | { readonly status: 'ready'; readonly snapshot: DirectorySnapshot; readonly refreshing: boolean }
  | { readonly status: 'cancelled'; readonly progress: LoadProgress | undefined }
  | { readonly status: 'failed'; readonly error: Error };

/** What opening the directory needs: Graph, this person's cache, and where to send each new view. */
export interface OpenDirectoryOptions {
  readonly client: GraphClient;
  readonly cache: DirectoryCache;
  /** Tenant and person: each person's cache is their own view of the directory. */
  readonly key: string;
  readonly onChange: (view: DirectoryView) => void;
  readonly signal?: AbortSignal;
  /** Checkpoints are saved at most this often while loading. */
  readonly checkpointEveryMs?: number;
  readonly now?: () => Date;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * Shows the directory as soon as it can: from the cache at once (then refreshed with a delta
 * query), else by loading it, resuming a load a reload interrupted. Cancelling keeps what was
 * loaded, so the next open resumes.
 */
export async function openDirectory(options: OpenDirectoryOptions): Promise<void> {
  const { client, cache, key, onChange, signal } = options;
  const now = options.now ?? (() => new Date());
  let progress: LoadProgress | undefined;
  try {
    const cached = await cache.readSnapshot(key);
    if (cached) {
      onChange({ status: 'ready', snapshot: cached, refreshing: true });
      try {
        const fresh = await refreshDirectory(client, cached, { now, ...(signal ? { signal } : {}) });
        await cache.writeSnapshot(key, fresh);
        onChange({ status: 'ready', snapshot: fresh, refreshing: false });
        return;
      } catch (error) {
        // An expired delta token (410 Gone) means a full load; anything else keeps the cached view.
        if (!(error instanceof GraphRequestError && error.status === 410)) {
          if (isAbort(error)) throw error;
          onChange({ status: 'ready', snapshot: cached, refreshing: false });
          return;
        }
      }
    }
    const resumeFrom = await cache.readCheckpoint(key);
    let lastSaved = 0;
    const snapshot = await loadDirectory(client, {
      now,
      ...(signal ? { signal } : {}),
      ...(resumeFrom ? { resumeFrom } : {}),
      onProgress: (p) => {
        progress = p;
        onChange({ status: 'loading', progress: p });
      },
      onCheckpoint: async (checkpoint: LoadCheckpoint) => {
        if (now().getTime() - lastSaved < (options.checkpointEveryMs ?? 1000)) return;
        lastSaved = now().getTime();
        await cache.writeCheckpoint(key, checkpoint);
      },
    });
    await cache.writeSnapshot(key, snapshot);
    await cache.writeCheckpoint(key, undefined);
    onChange({ status: 'ready', snapshot, refreshing: false });
  } catch (error) {
    if (isAbort(error)) onChange({ status: 'cancelled', progress });
    else onChange({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
  }
}
