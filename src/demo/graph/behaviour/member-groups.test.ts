/** Programme owners: "directoryObject: checkMemberGroups" for the signed-in user. */
import { expect, it } from 'vitest';
import { describeOperation, docUser, expectGraphError, fakeGraph, send } from './support';

const me = docUser({ id: '4562bcc8-c436-4f95-b7c0-4f8ce89dca5e', displayName: 'MOD Administrator', userPrincipalName: 'admin@contoso.com' });
// Example 2 of https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups.
const member = 'fee2c45b-915a-4a64-b130-f4eb9e75525e';
const other = '4fe90ae0-65a4-78b9-400e-0a0e1cbd5400';
const graph = () =>
  fakeGraph({
    users: [me],
    groups: new Map([
      [member, new Set([me.id])],
      [other, new Set<string>()],
    ]),
  });
const SCOPES = ['User.Read'];

describeOperation('check member groups', () => {
  it('answers example 2: 200 with the groups (of those asked) the user is in', async () => {
    const reply = await send(graph(), '/me/checkMemberGroups', { as: me.id, scopes: SCOPES, method: 'POST', body: { groupIds: [member, other] } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)', value: [member] });
  });

  it('takes "up to 20 groups" and refuses more', async () => {
    const groupIds = Array.from({ length: 21 }, (_, i) => `g-${i}`);
    expectGraphError(await send(graph(), '/me/checkMemberGroups', { as: me.id, scopes: SCOPES, method: 'POST', body: { groupIds } }), 400, 'Request_BadRequest');
    expectGraphError(await send(graph(), '/me/checkMemberGroups', { as: me.id, scopes: SCOPES, method: 'POST', body: {} }), 400, 'Request_BadRequest');
  });

  // https://learn.microsoft.com/graph/api/user-checkmembergroups, "Group memberships for the signed-in user".
  it('needs User.Read for the signed-in user (or a user-read and a group-read permission together), as the page’s table says', async () => {
    const body = { groupIds: [member] };
    const status = async (scopes: string[]) => (await send(graph(), '/me/checkMemberGroups', { as: me.id, scopes, method: 'POST', body })).status;
    expect(await status(['User.Read'])).toBe(200);
    expect(await status(['User.ReadBasic.All', 'GroupMember.Read.All'])).toBe(200);
    expectGraphError(await send(graph(), '/me/checkMemberGroups', { as: me.id, scopes: ['GroupMember.Read.All'], method: 'POST', body }), 403, 'Authorization_RequestDenied');
    expectGraphError(await send(graph(), '/me/checkMemberGroups', { as: me.id, scopes: ['User.ReadBasic.All'], method: 'POST', body }), 403, 'Authorization_RequestDenied');
  });
});

describeOperation('list user transitive memberOf', () => {
  const other = docUser({ id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd', displayName: 'Adele Vance', userPrincipalName: 'AdeleV@contoso.com' });
  // The page's example answers the user's groups as directoryObjects with their @odata.type.
  const graphWith = () => fakeGraph({ users: [me, other], groups: new Map([[member, new Set([other.id])]]) });
  const url = `/users/${other.id}/transitiveMemberOf?$select=id`;

  it('answers another user’s groups, each with its @odata.type, with User.Read.All (the least privileged for another user)', async () => {
    const reply = await send(graphWith(), url, { as: me.id, scopes: ['User.Read.All'] });
    expect(reply.status).toBe(200);
    expect((reply.body as { value: unknown[] }).value).toEqual([{ '@odata.type': '#microsoft.graph.group', id: member }]);
  });

  it('refuses without a permission to read another user (User.Read is for one’s own)', async () => {
    expectGraphError(await send(graphWith(), url, { as: me.id, scopes: ['User.Read'] }), 403, 'Authorization_RequestDenied');
  });

  it('pages 999 at most and answers 404 for someone unknown', async () => {
    expectGraphError(await send(graphWith(), `${url}&$top=1000`, { as: me.id, scopes: ['User.Read.All'] }), 400, 'Request_BadRequest');
    expectGraphError(await send(graphWith(), '/users/00000000-0000-4000-8000-00000000dead/transitiveMemberOf', { as: me.id, scopes: ['User.Read.All'] }), 404, 'Request_ResourceNotFound');
  });
});
