import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { DirectorySnapshot } from '../graph/directory-loader';
import { openAppDatabase } from './app-database';
import { createIndexedDbDirectoryCache, createMemoryDirectoryCache } from './directory-cache';

const snapshot: DirectorySnapshot = {
  people: [
    {
      id: 'a',
      displayName: 'Ada <b>Lovelace</b>',
      userPrincipalName: 'ada@contoso.example',
      mail: 'ada.lovelace@contoso.example',
      jobTitle: undefined,
      department: 'Engineering',
      officeLocation: undefined,
      city: undefined,
      country: undefined,
      preferredLanguage: undefined,
      employeeHireDate: undefined,
      managerId: undefined,
      accountEnabled: true,
      member: true,
    },
  ],
  skipped: 2,
  expected: 1,
  deltaLink: 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc',
  loadedAt: '2026-11-23T10:00:00.000Z',
};

describe.each([
  ['IndexedDB', createIndexedDbDirectoryCache],
  ['memory', createMemoryDirectoryCache],
])('the directory cache in %s', (_, create) => {
  it('keeps a snapshot per key', async () => {
    const cache = create();
    expect(await cache.readSnapshot('t1:u1')).toBeUndefined();
    await cache.writeSnapshot('t1:u1', snapshot);
    expect(await cache.readSnapshot('t1:u1')).toEqual(snapshot);
    expect(await cache.readSnapshot('t1:u2')).toBeUndefined();
  });

  it('keeps and clears a checkpoint', async () => {
    const cache = create();
    const checkpoint = { pending: ['/users?x'], people: snapshot.people, skipped: 0, expected: 10, deltaLink: snapshot.deltaLink };
    await cache.writeCheckpoint('k', checkpoint);
    expect(await cache.readCheckpoint('k')).toEqual(checkpoint);
    await cache.writeCheckpoint('k', undefined);
    expect(await cache.readCheckpoint('k')).toBeUndefined();
  });
});

describe('the IndexedDB directory cache', () => {
  it('ignores a damaged snapshot instead of failing', async () => {
    const cache = createIndexedDbDirectoryCache();
    await cache.writeSnapshot('damaged', snapshot);
    const db = await openAppDatabase();
    await db.put('directory-snapshots', { people: [{ id: 7 }], skipped: -1 }, 'damaged');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await cache.readSnapshot('damaged')).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('drops a snapshot or checkpoint whose links point away from Graph, so no token follows them', async () => {
    const cache = createIndexedDbDirectoryCache();
    const db = await openAppDatabase();
    const foreign = 'https://graph.microsoft.com.evil.example/v1.0/users/delta?$deltatoken=abc';
    await db.put('directory-snapshots', { ...snapshot, deltaLink: foreign }, 'tampered');
    await db.put('directory-checkpoints', { pending: ['/users?x', foreign], people: [], skipped: 0, expected: 1, deltaLink: snapshot.deltaLink }, 'tampered');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await cache.readSnapshot('tampered')).toBeUndefined();
    expect(await cache.readCheckpoint('tampered')).toBeUndefined();
    warn.mockRestore();
  });

  it('drops a directory cached before mail addresses were read, so it is loaded again with them', async () => {
    const cache = createIndexedDbDirectoryCache();
    const db = await openAppDatabase();
    const withoutMail = Object.fromEntries(Object.entries(snapshot.people[0]!).filter(([key]) => key !== 'mail'));
    await db.put('directory-snapshots', { ...snapshot, people: [withoutMail] }, 'old');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await cache.readSnapshot('old')).toBeUndefined();
    warn.mockRestore();
  });
});
