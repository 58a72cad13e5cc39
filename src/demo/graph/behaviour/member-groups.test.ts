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
