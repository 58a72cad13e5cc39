import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { DATABASE_NAME, forgetOtherPeople, PROGRAMME_PROFILES } from './app-database';
import { createIndexedDbDirectoryCache } from './directory-cache';
import { createIndexedDbProfileCache, createMemoryProfileCache, type CachedProfiles } from './profile-cache';

const profiles: CachedProfiles = {
  entries: [
    { personId: 'a', stamp: '2026-11-01T09:00:00.000Z', extension: { v: 1, languages: ['en'], timeZone: 'Europe/London', wantsToLearn: ['gaming'], updated: '2026-11-01T09:00:00.000Z' } },
    { personId: 'b', stamp: '2026-11-02T09:00:00.000Z', extension: undefined },
  ],
  savedAt: '2026-11-23T09:00:00.000Z',
};

describe.each([
  ['IndexedDB', createIndexedDbProfileCache],
  ['memory', createMemoryProfileCache],
])('the profile cache in %s', (_, create) => {
  it('keeps the profiles per key', async () => {
    const cache = create();
    expect(await cache.read('t1:p1')).toBeUndefined();
    await cache.write('t1:p1', profiles);
    expect(await cache.read('t1:p1')).toEqual(profiles);
    expect(await cache.read('t1:p2')).toBeUndefined();
  });
});

describe('the profile cache in IndexedDB', () => {
  it('drops a stored value that is not one (another version of the app, a damaged store)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await createIndexedDbProfileCache().write('t:x', profiles);
    const database = await openDB(DATABASE_NAME);
    await database.put(PROGRAMME_PROFILES, { entries: [{ stamp: 3 }] }, 't:x');
    database.close();
    expect(await createIndexedDbProfileCache().read('t:x')).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('lives in the same database as the directory cache, and both forget everyone but the person signing in', async () => {
    const snapshot = { people: [], skipped: 0, expected: 0, deltaLink: 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=a', loadedAt: '2026-11-23T09:00:00.000Z' };
    const directory = createIndexedDbDirectoryCache();
    const cache = createIndexedDbProfileCache();
    await directory.writeSnapshot('t:someone-else', snapshot);
    await cache.write('t:someone-else', profiles);
    await cache.write('t:me', profiles);
    await forgetOtherPeople('t:me');
    expect(await cache.read('t:me')).toEqual(profiles);
    expect(await createIndexedDbProfileCache().read('t:someone-else')).toBeUndefined();
    expect(await createIndexedDbDirectoryCache().readSnapshot('t:someone-else')).toBeUndefined();
  });
});
