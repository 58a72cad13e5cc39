/** JSON batching (https://learn.microsoft.com/graph/json-batching): limits, dependsOn and 424. */
import { expect, it } from 'vitest';
import { describeOperation, docUser, expectGraphError, fakeGraph, send } from './support';

const people = Array.from({ length: 3 }, (_, i) => docUser({ id: `00000000-0000-4000-8000-00000000000${i}`, displayName: `P${i}`, userPrincipalName: `p${i}@contoso.com` }));
const as = people[0]!.id;
const ALL = ['User.Read.All'];
const batch = (requests: unknown[], scopes = ALL) => send(fakeGraph({ users: people }), '/$batch', { as, scopes, method: 'POST', body: { requests } });

describeOperation('batch', () => {
  it('answers each request by id, with its own status, headers and body', async () => {
    const reply = await batch([
      { id: '1', method: 'GET', url: `/users/${people[1]!.id}?$select=id` },
      { id: '2', method: 'GET', url: '/users/nobody' },
    ]);
    expect(reply.status).toBe(200);
    const responses = reply.body.responses as { id: string; status: number; body: unknown }[];
    expect(responses.find((r) => r.id === '1')).toMatchObject({ status: 200, body: { id: people[1]!.id } });
    expect(responses.find((r) => r.id === '2')).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
  });

  it('holds at most 20 requests', async () => {
    const requests = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i), method: 'GET', url: `/users/${as}` }));
    expect((await batch(requests(20))).status).toBe(200);
    expectGraphError(await batch(requests(21)), 400, 'BadRequest');
  });

  it('answers 424 Failed Dependency to a request whose dependsOn failed', async () => {
    const reply = await batch([
      { id: '1', method: 'GET', url: '/users/nobody' },
      { id: '2', method: 'GET', url: `/users/${as}`, dependsOn: ['1'] },
    ]);
    expect((reply.body.responses as { id: string; status: number }[]).map((r) => [r.id, r.status])).toEqual([
      ['1', 404],
      ['2', 424],
    ]);
  });

  it('needs a Content-Type header for a request with a body, unique ids, a method and a url', async () => {
    const noType = await batch([{ id: '1', method: 'POST', url: '/me/checkMemberGroups', body: { groupIds: [] } }], ['User.Read']);
    expect(noType.body.responses).toMatchObject([{ id: '1', status: 400 }]);
    const twice = await batch([
      { id: '1', method: 'GET', url: `/users/${as}` },
      { id: '1', method: 'GET', url: `/users/${as}` },
    ]);
    expect((twice.body.responses as { status: number }[])[1]!.status).toBe(400);
    expectGraphError(await send(fakeGraph({ users: people }), '/$batch', { as, scopes: ALL, method: 'POST', body: {} }), 400, 'BadRequest');
  });

  it('refuses the whole batch without a valid token', async () => {
    const graph = fakeGraph({ users: people });
    graph.setFaults({ expiredToken: true });
    const reply = await send(graph, '/$batch', { as, scopes: ALL, method: 'POST', body: { requests: [{ id: '1', method: 'GET', url: `/users/${as}` }] } });
    expectGraphError(reply, 401, 'InvalidAuthenticationToken');
  });
});
