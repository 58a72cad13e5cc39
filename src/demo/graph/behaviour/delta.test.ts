/** Keeping the directory fresh: "user: delta" (https://learn.microsoft.com/graph/api/user-delta). */
import { expect, it } from 'vitest';
import { describeOperation, docUser, expectGraphError, fakeGraph, send } from './support';

const people = Array.from({ length: 5 }, (_, i) =>
  docUser({ id: `00000000-0000-4000-8000-00000000000${i}`, displayName: `Person ${i}`, jobTitle: `Job ${i}`, userPrincipalName: `p${i}@contoso.com` }),
);
const as = people[0]!.id;
const ALL = ['User.Read.All'];

describeOperation('user delta', () => {
  it('answers example 2 ($select of three properties) with those properties and a deltaLink that carries the query', async () => {
    const graph = fakeGraph({ users: people });
    const reply = await send(graph, '/users/delta?$select=displayName,jobTitle,mobilePhone', { as, scopes: ALL });
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users');
    expect(reply.body.value![0]).toEqual({ displayName: 'Person 0', jobTitle: 'Job 0', mobilePhone: null, id: people[0]!.id });
    const deltaLink = reply.body['@odata.deltaLink'] as string;
    expect(deltaLink).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\/delta\?\$deltatoken=/);
    // The next round, through the deltaLink alone, reports only what changed, with the same properties.
    graph.upsertUser({ ...people[2]!, jobTitle: 'Changed' });
    graph.removeUser(people[3]!.id);
    const next = await send(graph, deltaLink, { as, scopes: ALL });
    expect(next.body.value).toEqual([
      { displayName: 'Person 2', jobTitle: 'Changed', mobilePhone: null, id: people[2]!.id },
      { id: people[3]!.id, '@removed': { reason: 'deleted' } },
    ]);
  });

  it('answers $deltatoken=latest with no values and a deltaLink (https://learn.microsoft.com/graph/delta-query-overview)', async () => {
    const reply = await send(fakeGraph({ users: people }), '/users/delta?$select=id&$deltatoken=latest', { as, scopes: ALL });
    expect(reply.body.value).toEqual([]);
    expect(reply.body['@odata.deltaLink']).toEqual(expect.any(String));
  });

  it('takes only $filter=id eq (several joined with or), as the page says', async () => {
    const ids = `id eq '${people[1]!.id}' or id eq '${people[4]!.id}'`;
    const reply = await send(fakeGraph({ users: people }), `/users/delta?$select=id&$filter=${encodeURIComponent(ids)}`, { as, scopes: ALL });
    expect(reply.body.value!.map((u) => u.id)).toEqual([people[1]!.id, people[4]!.id]);
    expectGraphError(await send(fakeGraph({ users: people }), `/users/delta?$filter=${encodeURIComponent('accountEnabled eq true')}`, { as, scopes: ALL }), 400, 'Request_UnsupportedQuery');
  });

  it('refuses query options the page does not list ($top, $expand, $count: the page is silent, the fake is strict)', async () => {
    for (const option of ['$top=10', '$expand=manager', '$count=true']) {
      expectGraphError(await send(fakeGraph({ users: people }), `/users/delta?${option}`, { as, scopes: ALL }), 400, 'Request_UnsupportedQuery');
    }
  });

  it('refuses a token it did not issue', async () => {
    expectGraphError(await send(fakeGraph({ users: people }), '/users/delta?$deltatoken=garbage', { as, scopes: ALL }), 400, 'Request_BadRequest');
  });
});
