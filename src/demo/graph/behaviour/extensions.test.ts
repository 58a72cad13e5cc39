/**
 * The fake Graph's open extensions on users, pinned to their pages. Cases follow the pages'
 * examples (the extension names and properties are theirs); where a page is silent the fake is
 * stricter, and the test says so.
 */
import { expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { demoAccessToken, DEMO_TENANT_ID } from '@/demo/demo-identity';
import { generateDemoTenant } from '../demo-tenant';
import { FakeGraph, GRAPH_ROOT } from '../fake-graph';
import { GRAPH_OPERATIONS, takeUnknownGraphRequests } from '../graph-catalogue';
import { describeOperation } from './support';

const users = generateDemoTenant({ size: 120 });
const [margaret, diego] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const now = () => new Date('2026-03-02T09:00:00Z');

function call(graph: FakeGraph, method: string, path: string, body?: unknown, as = diego, scopes = ['User.ReadWrite']) {
  const token = demoAccessToken({ oid: as.id, name: as.displayName, upn: as.userPrincipalName ?? '', tid: DEMO_TENANT_ID, scp: scopes.join(' ') });
  return graph.fetch(`${GRAPH_ROOT}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const json = async (response: Response) => (await response.json()) as Record<string, unknown>;
const graphError = { error: { code: expect.any(String), message: expect.any(String), innerError: expect.objectContaining({ 'request-id': expect.any(String) }) } };

/** Example 2 of "Create open extension", on a user. */
const referral = {
  '@odata.type': 'microsoft.graph.openTypeExtension',
  extensionName: 'Com.Contoso.Referral',
  companyName: 'Wingtip Toys',
  dealValue: 500050,
  expirationDate: '2015-12-03T10:00:00.000Z',
};
const withReferral = () => {
  const graph = new FakeGraph({ users, now });
  return { graph, created: call(graph, 'POST', '/me/extensions', referral) };
};

const operation = (name: string) => GRAPH_OPERATIONS.find((o) => o.name === name);

describeOperation('create open extension on me', () => {
  it('answers 201 with the extension, its name as id', async () => {
    const { created } = withReferral();
    const response = await created;
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({
      '@odata.type': '#microsoft.graph.openTypeExtension',
      extensionName: 'Com.Contoso.Referral',
      companyName: 'Wingtip Toys',
      dealValue: 500050,
    });
  });

  it.each([
    ['@odata.type', { extensionName: 'Com.Contoso.Referral', companyName: 'Wingtip Toys' }],
    ['extensionName', { '@odata.type': 'microsoft.graph.openTypeExtension', companyName: 'Wingtip Toys' }],
  ])('refuses a body without %s: 400 in Graph’s error shape', async (_, body) => {
    const response = await call(new FakeGraph({ users, now }), 'POST', '/me/extensions', body);
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject(graphError);
  });

  it('refuses a name already taken with 409 (the page is silent; the fake refuses, as a duplicate must not pass)', async () => {
    const { graph, created } = withReferral();
    await created;
    expect((await call(graph, 'POST', '/me/extensions', referral)).status).toBe(409);
  });

  it('holds at most 2 KB per extension and two per app on one user (https://learn.microsoft.com/graph/extensibility-overview#open-extension-limits)', async () => {
    const graph = new FakeGraph({ users, now });
    const big = { ...referral, extensionName: 'Com.Contoso.Big', notes: 'x'.repeat(2000) };
    expect((await call(graph, 'POST', '/me/extensions', big)).status).toBe(400);
    expect((await call(graph, 'POST', '/me/extensions', referral)).status).toBe(201);
    expect((await call(graph, 'POST', '/me/extensions', { ...referral, extensionName: 'Com.Contoso.Estimate' })).status).toBe(201);
    expect((await call(graph, 'POST', '/me/extensions', { ...referral, extensionName: 'Com.Contoso.Deal' })).status).toBe(400);
  });

  it('is in the catalogue with its permission', () => {
    expect(operation('create open extension on me')).toMatchObject({ method: 'POST', permissions: ['User.ReadWrite'] });
    expect(operation('create open extension on me')!.path.test('/me/extensions')).toBe(true);
  });
});

describeOperation('update open extension on me', () => {
  it('refuses a PATCH without @odata.type and extensionName: 400 in Graph’s error shape, nothing changed', async () => {
    const { graph, created } = withReferral();
    await created;
    const response = await call(graph, 'PATCH', '/me/extensions/Com.Contoso.Referral', { companyName: 'Wingtip Toys (USA)' });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject(graphError);
    expect(await json(await call(graph, 'GET', '/me/extensions/Com.Contoso.Referral'))).toMatchObject({ companyName: 'Wingtip Toys' });
  });

  it('answers 200 with the updated extension (the page’s example 1)', async () => {
    const { graph, created } = withReferral();
    await created;
    const response = await call(graph, 'PATCH', '/me/extensions/Com.Contoso.Referral', {
      '@odata.type': 'microsoft.graph.openTypeExtension',
      extensionName: 'Com.Contoso.Referral',
      companyName: 'Wingtip Toys (USA)',
      dealValue: '500100',
      expirationDate: '2015-12-03T10:00:00.000Z',
      updated: '2015-10-29T11:00:00.000Z',
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ extensionName: 'Com.Contoso.Referral', companyName: 'Wingtip Toys (USA)', updated: '2015-10-29T11:00:00.000Z' });
  });

  it('replaces the properties: one not sent is deleted', async () => {
    const { graph, created } = withReferral();
    await created;
    const body = { '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: 'Com.Contoso.Referral', companyName: 'Contoso' };
    expect((await call(graph, 'PATCH', '/me/extensions/Com.Contoso.Referral', body)).status).toBe(200);
    const stored = await json(await call(graph, 'GET', '/me/extensions/Com.Contoso.Referral'));
    expect(stored).toMatchObject({ companyName: 'Contoso' });
    expect(stored).not.toHaveProperty('dealValue');
  });

  it('answers 404 when there is no such extension (the app then creates it)', async () => {
    const body = { '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: 'Com.Contoso.Referral', companyName: 'Contoso' };
    expect((await call(new FakeGraph({ users, now }), 'PATCH', '/me/extensions/Com.Contoso.Referral', body)).status).toBe(404);
  });

  it('refuses an extensionName other than the URL’s (the page is silent; stricter)', async () => {
    const { graph, created } = withReferral();
    await created;
    const body = { '@odata.type': 'microsoft.graph.openTypeExtension', extensionName: 'Com.Contoso.Other', companyName: 'Contoso' };
    expect((await call(graph, 'PATCH', '/me/extensions/Com.Contoso.Referral', body)).status).toBe(400);
  });

  it('is in the catalogue with its permission', () => {
    expect(operation('update open extension on me')).toMatchObject({ method: 'PATCH', permissions: ['User.ReadWrite'] });
  });
});

describeOperation('get open extension on me', () => {
  it('answers 200 with the extension, 404 for an unknown name', async () => {
    const { graph, created } = withReferral();
    await created;
    expect((await call(graph, 'GET', '/me/extensions/Com.Contoso.Referral')).status).toBe(200);
    const missing = await call(graph, 'GET', '/me/extensions/Com.Contoso.Nothing');
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject(graphError);
  });

  it('is in the catalogue with its permissions', () => {
    expect(operation('get open extension on me')).toMatchObject({ method: 'GET', permissions: ['User.Read'] });
    expect(operation("get a user's open extension")).toMatchObject({ method: 'GET', permissions: ['User.Read.All'] });
    expect(operation("get a user's open extension")!.path.test(`/users/${diego.id}/extensions/com.reversementoring.profile`)).toBe(true);
  });
});

describeOperation("get a user's open extension", () => {
  it('reads another user’s only with User.Read.All', async () => {
    const { graph, created } = withReferral();
    await created;
    const path = `/users/${diego.id}/extensions/Com.Contoso.Referral`;
    expect((await call(graph, 'GET', path, undefined, margaret, ['User.ReadBasic.All'])).status).toBe(403);
    expect((await call(graph, 'GET', path, undefined, margaret, ['User.Read.All'])).status).toBe(200);
  });

  it('never writes it: a PATCH of another user’s extension is no operation the app may send (400, and the test run hears of it)', async () => {
    const { graph, created } = withReferral();
    await created;
    const path = `/users/${diego.id}/extensions/Com.Contoso.Referral`;
    expect((await call(graph, 'PATCH', path, { ...referral, companyName: 'x' }, margaret, ['User.Read.All'])).status).toBe(400);
    expect(takeUnknownGraphRequests()).toEqual([{ method: 'PATCH', path }]);
  });
});

describeOperation('delete open extension on me', () => {
  it('answers 204 with no body, then 404', async () => {
    const { graph, created } = withReferral();
    await created;
    const response = await call(graph, 'DELETE', '/me/extensions/Com.Contoso.Referral');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await call(graph, 'DELETE', '/me/extensions/Com.Contoso.Referral')).status).toBe(404);
  });

  it('is in the catalogue with its permission', () => {
    expect(operation('delete open extension on me')).toMatchObject({ method: 'DELETE', permissions: ['User.ReadWrite'] });
  });
});
