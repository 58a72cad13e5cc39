/**
 * Behaviour of the fake Graph for users, pinned to Microsoft's pages: what a guest may and may not
 * read. Microsoft Entra's default guest permissions do not include enumerating users
 * (https://learn.microsoft.com/entra/fundamentals/users-default-permissions: guests "can't
 * enumerate the list of all users, groups, and other directory objects"); the delegated token's
 * User.Read.All does not widen what the signed-in person may do. Graph answers such a request
 * 403 with code Authorization_RequestDenied ("Insufficient privileges to complete the operation.").
 * Tenants may give guests members' access; the fake keeps the default, the stricter behaviour.
 */
import { describe, expect, it } from 'vitest';
import { describeOperation } from './support';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant, type DemoUser } from '../demo-tenant';
import { FakeGraph, GRAPH_ROOT } from '../fake-graph';

const users = generateDemoTenant({ size: 300 });
const guest = users.find((u) => u.userType === 'Guest' && u.accountEnabled)!;
const member = users.find((u) => u.userType === 'Member' && u.accountEnabled)!;

async function call(graph: FakeGraph, as: DemoUser, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const identity = createDemoIdentity({ id: as.id, displayName: as.displayName, userPrincipalName: as.userPrincipalName, tenantId: undefined });
  const token = await identity.getAccessToken(['User.Read', 'User.Read.All']);
  const response = await graph.fetch(`${GRAPH_ROOT}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...init.headers },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const refused = {
  error: {
    code: 'Authorization_RequestDenied',
    message: 'Insufficient privileges to complete the operation.',
    innerError: { date: expect.any(String), 'request-id': expect.any(String), 'client-request-id': expect.any(String) },
  },
};

describe('List users (GET /users) — https://learn.microsoft.com/graph/api/user-list', () => {
  it('refuses a guest 403 Authorization_RequestDenied, even with User.Read.All consented', async () => {
    const graph = new FakeGraph({ users });
    // The page's first example, then the app's own page request.
    for (const path of ['/users', '/users?$select=displayName,id', "/users?$filter=accountEnabled eq true and userType eq 'Member'&$expand=manager($select=id)&$top=999"]) {
      expect(await call(graph, guest, path), path).toEqual({ status: 403, body: refused });
    }
  });

  it('refuses a guest the advanced count too, and inside $batch', async () => {
    const graph = new FakeGraph({ users });
    const counted = await call(graph, guest, '/users?$count=true&$top=1&$select=id', { headers: { ConsistencyLevel: 'eventual' } });
    expect(counted).toEqual({ status: 403, body: refused });
    const batch = await call(graph, guest, '/$batch', { method: 'POST', body: { requests: [{ id: '1', method: 'GET', url: '/users?$select=id' }] } });
    expect(batch.status).toBe(200);
    expect(batch.body.responses).toEqual([expect.objectContaining({ id: '1', status: 403, body: refused })]);
  });

  it('lets a member with User.Read.All list users', async () => {
    const { status, body } = await call(new FakeGraph({ users }), member, '/users?$select=displayName,id');
    expect(status).toBe(200);
    // The default page holds 100 (https://learn.microsoft.com/graph/paging); the rest follows the nextLink.
    expect(body.value).toHaveLength(100);
    expect((body.value as object[]).every((u) => Object.keys(u).join() === 'displayName,id')).toBe(true);
    expect(body['@odata.nextLink']).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\?/);
  });
});

describe('user: delta (GET /users/delta) — https://learn.microsoft.com/graph/api/user-delta', () => {
  it('refuses a guest 403 Authorization_RequestDenied, a first round and a "latest" token alike', async () => {
    const graph = new FakeGraph({ users });
    // The page's example request, then the app's "sync from now" request.
    for (const path of ['/users/delta?$select=displayName,jobTitle,mobilePhone', '/users/delta?$deltatoken=latest']) {
      expect(await call(graph, guest, path), path).toEqual({ status: 403, body: refused });
    }
  });

  it('refuses a guest a deltaLink a member was given', async () => {
    const graph = new FakeGraph({ users });
    const latest = await call(graph, member, '/users/delta?$deltatoken=latest');
    const deltaLink = String(latest.body['@odata.deltaLink']);
    expect(await call(graph, guest, deltaLink.slice(GRAPH_ROOT.length))).toEqual({ status: 403, body: refused });
  });
});

describeOperation('get the signed-in user', () => {
  it('answers the page’s example with the default properties', async () => {
    const { status, body } = await call(new FakeGraph({ users }), member, '/me');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(
      ['@odata.context', 'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'].sort(),
    );
  });

  it('lets a guest read their own userType with $select', async () => {
    const { status, body } = await call(new FakeGraph({ users }), guest, '/me?$select=id,userType');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: guest.id, userType: 'Guest' });
  });
});
