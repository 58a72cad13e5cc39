import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { DATABASE_NAME, openAppDatabase } from './app-database';
import { createIndexedDbDirectoryCache } from './directory-cache';
import { createIndexedDbProfileCache } from './profile-cache';

const snapshot = { people: [], skipped: 0, expected: 0, deltaLink: 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=a', loadedAt: '2026-11-23T09:00:00.000Z' };

describe('the app database', () => {
  it('upgrades the database an earlier version made (the directory cache alone), keeping the cached directory', async () => {
    const before = await openDB(DATABASE_NAME, 1, {
      upgrade(database) {
        database.createObjectStore('directory-snapshots');
        database.createObjectStore('directory-checkpoints');
      },
    });
    await before.put('directory-snapshots', snapshot, 't:me');
    // Another tab still runs the earlier version: the upgrade must not wait for it forever.
    before.onversionchange = () => before.close();
    expect(await createIndexedDbDirectoryCache().readSnapshot('t:me')).toEqual(snapshot);
    await createIndexedDbProfileCache().write('t:me', { entries: [] });
    expect(await createIndexedDbProfileCache().read('t:me')).toEqual({ entries: [] });
  });

  it('steps aside when a newer version of the app needs to upgrade (in another tab), instead of blocking it', async () => {
    await openAppDatabase();
    // The newer version's open is blocked while an older connection stays open.
    const outcome = await new Promise<string>((resolve) => {
      void openDB(DATABASE_NAME, 4, { blocked: () => resolve('blocked') }).then((newer) => {
        newer.close();
        resolve('opened');
      });
    });
    expect(outcome).toBe('opened');
  });
});

describe('the app database held open by a tab of an earlier version', () => {
  it('works as an empty cache instead of waiting for that tab to close', async () => {
    // Start again from the database an earlier version made, held open by a tab that never steps aside.
    globalThis.indexedDB = new IDBFactory();
    const old = await openDB(DATABASE_NAME, 1, { upgrade: (database) => void database.createObjectStore('directory-snapshots') });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await createIndexedDbProfileCache().read('t:me')).toBeUndefined();
    expect(await createIndexedDbDirectoryCache().readSnapshot('t:me')).toBeUndefined();
    await createIndexedDbProfileCache().write('t:me', { entries: [] });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    old.close();
  });
});
