/**
 * Reading the directory: the examples and rules of "List users" and "Get a user".
 */
import { expect, it } from 'vitest';
import { describeOperation, docUser, expectGraphError, fakeGraph, send } from './support';

// Example 1 of https://learn.microsoft.com/graph/api/user-list: two users, default properties.
const adams = docUser({ id: '6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0', displayName: 'Conf Room Adams', mail: 'Adams@contoso.com', userPrincipalName: 'Adams@contoso.com' });
const admin = docUser({
  id: '4562bcc8-c436-4f95-b7c0-4f8ce89dca5e',
  displayName: 'MOD Administrator',
  givenName: 'MOD',
  surname: 'Administrator',
  businessPhones: ['425-555-0100'],
  mobilePhone: '425-555-0101',
  preferredLanguage: 'en-US',
  userPrincipalName: 'admin@contoso.com',
});
// Example 1 of https://learn.microsoft.com/graph/api/user-get.
const adele = docUser({
  id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
  displayName: 'Adele Vance',
  givenName: 'Adele',
  surname: 'Vance',
  jobTitle: 'Retail Manager',
  mail: 'AdeleV@contoso.com',
  businessPhones: ['+1 425 555 0109'],
  mobilePhone: '+1 425 555 0109',
  officeLocation: '18/2111',
  preferredLanguage: 'en-US',
  userPrincipalName: 'AdeleV@contoso.com',
  managerId: '4562bcc8-c436-4f95-b7c0-4f8ce89dca5e',
});
const guest = docUser({ id: '99999999-0000-4000-8000-000000000009', displayName: 'A Guest', userPrincipalName: 'guest_fabrikam.com#EXT#@contoso.com', userType: 'Guest' });
const tenant = () => fakeGraph({ users: [adams, admin, adele, guest] });
const ALL = ['User.Read.All'];
const as = adele.id;

describeOperation('list users', () => {
  it('answers example 1 with the default properties and the collection context', async () => {
    const reply = await send(tenant(), '/users', { as, scopes: ALL });
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users');
    expect(reply.body.value).toContainEqual({
      businessPhones: [],
      displayName: 'Conf Room Adams',
      givenName: null,
      jobTitle: null,
      mail: 'Adams@contoso.com',
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
      surname: null,
      userPrincipalName: 'Adams@contoso.com',
      id: '6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0',
    });
    expect(reply.body.value).toContainEqual(expect.objectContaining({ displayName: 'MOD Administrator', businessPhones: ['425-555-0100'], mail: null }));
  });

  it('refuses $skip, which the page says is not supported, and $top above 999', async () => {
    expectGraphError(await send(tenant(), '/users?$skip=1', { as, scopes: ALL }), 400, 'Request_UnsupportedQuery');
    expectGraphError(await send(tenant(), '/users?$top=1000', { as, scopes: ALL }), 400, 'Request_UnsupportedQuery');
    expect((await send(tenant(), '/users?$top=999', { as, scopes: ALL })).status).toBe(200);
  });

  it('pages with $expand at most 100 at a time, whatever $top asks (Graph known issue 13635; the page is silent)', async () => {
    const many = Array.from({ length: 150 }, (_, i) => docUser({ id: `u-${String(i).padStart(3, '0')}`, displayName: `P${i}`, userPrincipalName: `p${i}@contoso.com` }));
    const graph = fakeGraph({ users: many });
    const reply = await send(graph, '/users?$top=999&$expand=manager($select=id)&$select=id', { as: 'u-000', scopes: ALL });
    expect(reply.body.value).toHaveLength(100);
    expect(reply.body['@odata.nextLink']).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\?/);
  });

  it('takes $count (and ne, endswith) only as an advanced query with ConsistencyLevel: eventual, like example 5', async () => {
    const filter = encodeURIComponent("endswith(mail,'a@contoso.com')");
    expectGraphError(await send(tenant(), `/users?$filter=${filter}`, { as, scopes: ALL }), 400, 'Request_UnsupportedQuery');
    expectGraphError(await send(tenant(), '/users?$count=true', { as, scopes: ALL }), 400, 'Request_BadRequest');
    const advanced = await send(tenant(), `/users?$filter=${filter}&$count=true`, { as, scopes: ALL, headers: { ConsistencyLevel: 'eventual' } });
    expect(advanced.status).toBe(200);
    expect(advanced.body['@odata.count']).toBe(0);
  });

  it('refuses filters on properties it cannot filter by default', async () => {
    expectGraphError(await send(tenant(), `/users?$filter=${encodeURIComponent("jobTitle eq 'CEO'")}`, { as, scopes: ALL }), 400, 'Request_UnsupportedQuery');
  });

  it('refuses guests ("Guest users cannot call this API") and callers without the permission', async () => {
    expectGraphError(await send(tenant(), '/users', { as: guest.id, scopes: ALL }), 403, 'Authorization_RequestDenied');
    expectGraphError(await send(tenant(), '/users', { as, scopes: ['User.Read'] }), 403, 'Authorization_RequestDenied');
  });
});

describeOperation('get user', () => {
  it('answers example 1 with exactly the default properties', async () => {
    const reply = await send(tenant(), `/users/${adele.id}`, { as, scopes: ALL });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
      businessPhones: ['+1 425 555 0109'],
      displayName: 'Adele Vance',
      givenName: 'Adele',
      jobTitle: 'Retail Manager',
      mail: 'AdeleV@contoso.com',
      mobilePhone: '+1 425 555 0109',
      officeLocation: '18/2111',
      preferredLanguage: 'en-US',
      surname: 'Vance',
      userPrincipalName: 'AdeleV@contoso.com',
      id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
    });
  });

  it('returns what $select asks (id always), and the manager with $expand, as the directory reads gaps', async () => {
    const reply = await send(tenant(), `/users/${adele.id}?$select=displayName,givenName&$expand=manager($select=id)`, { as, scopes: ALL });
    expect(reply.body).toMatchObject({ displayName: 'Adele Vance', givenName: 'Adele', id: adele.id, manager: { id: admin.id } });
    expect(reply.body).not.toHaveProperty('mail');
  });

  it('answers 404 in Graph’s shape for an id that does not exist, and refuses unknown properties and options', async () => {
    expectGraphError(await send(tenant(), '/users/00000000-0000-0000-0000-000000000000', { as, scopes: ALL }), 404, 'Request_ResourceNotFound');
    expectGraphError(await send(tenant(), `/users/${adele.id}?$select=shoeSize`, { as, scopes: ALL }), 400, 'Request_BadRequest');
    expectGraphError(await send(tenant(), `/users/${adele.id}?$top=1`, { as, scopes: ALL }), 400, 'Request_UnsupportedQuery');
  });
});
