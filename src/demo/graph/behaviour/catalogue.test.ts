/**
 * The catalogue itself: every entry has behaviour tests, and a request outside it fails the test
 * run, naming its method and path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { assertNoUnknownGraphRequests, findOperation, GRAPH_OPERATIONS, takeUnknownGraphRequests } from '../graph-catalogue';
import { docUser, expectGraphError, fakeGraph, send } from './support';

/**
 * Entries whose behaviour tests come with the engineers changing them in parallel (issue 11: the
 * drive's download URL and sharing; open extensions, getSchedule's addresses and the meeting chat's
 * app and tab). Each name here must be an entry without tests yet: when its tests land, take it out.
 */
const AWAITING_TESTS = new Set<string>([]);

/** The catalogue names each behaviour file gives to describeOperation. */
function testedOperations(): Set<string> {
  const folder = new URL('.', import.meta.url);
  const names = new Set<string>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.test.ts'))) {
    const text = readFileSync(new URL(file, folder), 'utf8');
    for (const match of text.matchAll(/describeOperation\(\s*(['"`])((?:(?!\1).)+)\1/g)) names.add(match[2]!);
  }
  return names;
}

describe('the behaviour catalogue', () => {
  it('names each operation once, with its page on learn.microsoft.com', () => {
    const names = GRAPH_OPERATIONS.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const operation of GRAPH_OPERATIONS) expect(operation.doc, operation.name).toMatch(/^https:\/\/learn\.microsoft\.com\/graph\//);
  });

  it('has behaviour tests for every operation', () => {
    const tested = testedOperations();
    const untested = GRAPH_OPERATIONS.filter((o) => !tested.has(o.name) && !AWAITING_TESTS.has(o.name)).map((o) => o.name);
    expect(untested, 'operations without a describeOperation in behaviour/*.test.ts').toEqual([]);
    const stale = [...AWAITING_TESTS].filter((name) => tested.has(name) || !GRAPH_OPERATIONS.some((o) => o.name === name));
    expect(stale, 'AWAITING_TESTS names that now have tests or are no longer in the catalogue').toEqual([]);
    const unknown = [...tested].filter((name) => !GRAPH_OPERATIONS.some((o) => o.name === name));
    expect(unknown, 'describeOperation names that are not catalogue entries').toEqual([]);
  });

  it('matches the paths the app sends, and not their neighbours', () => {
    expect(findOperation('GET', '/users')?.name).toBe('list users');
    expect(findOperation('GET', '/users/delta')?.name).toBe('user delta');
    expect(findOperation('GET', '/users/abc')?.name).toBe('get user');
    expect(findOperation('post', '/$batch')?.name).toBe('batch');
    expect(findOperation('GET', '/me')?.name).toBe('get the signed-in user');
    expect(findOperation('GET', '/me/manager')).toBeUndefined();
    expect(findOperation('PATCH', '/users/abc')).toBeUndefined();
    expect(findOperation('GET', '/me/events/abc/instances')?.name).toBe('list event instances');
    expect(findOperation('POST', '/me/events/abc/tentativelyAccept')).toBeUndefined();
  });
});

describe('a request outside the catalogue', () => {
  const margaret = DEMO_PEOPLE[0]!;
  const graph = () => fakeGraph({ users: [docUser({ id: margaret.id, displayName: margaret.displayName, userPrincipalName: margaret.userPrincipalName! })] });

  it('is answered 400 in Graph’s error shape and fails the test that sent it, naming method and path', async () => {
    const reply = await send(graph(), '/me/manager', { as: margaret.id, scopes: ['User.Read'] });
    expectGraphError(reply, 400, 'BadRequest');
    // What the unit project's afterEach (tests/support/graph-catalogue-setup.ts) does after every test:
    expect(() => assertNoUnknownGraphRequests()).toThrow(/not in the behaviour catalogue.*GET \/me\/manager\b/);
    expect(takeUnknownGraphRequests()).toEqual([]);
  });

  it('fails inside a $batch too, while the batch itself is answered', async () => {
    const reply = await send(graph(), '/$batch', {
      as: margaret.id,
      scopes: ['User.Read.All'],
      method: 'POST',
      body: { requests: [{ id: '1', method: 'DELETE', url: `/users/${margaret.id}` }] },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.responses).toMatchObject([{ id: '1', status: 400, body: { error: { code: 'BadRequest' } } }]);
    expect(takeUnknownGraphRequests()).toEqual([{ method: 'DELETE', path: `/users/${margaret.id}` }]);
  });

  it('is logged as a console error where the demo runs in a browser, for the browser tests to count', async () => {
    const logged: string[] = [];
    const demo = fakeGraph({ users: [], onUnknownRequest: ({ method, path }) => logged.push(`${method} ${path}`) });
    expect((await send(demo, '/me/drive/recent', { as: margaret.id, scopes: ['Files.Read'] })).status).toBe(400);
    expect(logged).toEqual(['GET /me/drive/recent']);
    expect(takeUnknownGraphRequests()).toEqual([]);
  });
});
