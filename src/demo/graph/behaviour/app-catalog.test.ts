/** The organisation's Teams app catalogue: "List teamsApp", filtered by the manifest id. */
import { expect, it } from 'vitest';
import { catalogIdOf } from '../fake-chats';
import { describeOperation, docUser, expectGraphError, fakeGraph, send } from './support';

const me = docUser({ id: '00000000-0000-4000-8000-000000000001', displayName: 'Me', userPrincipalName: 'me@contoso.com' });
// Example 2 of https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps: an app by its manifest id (externalId).
const externalId = 'cf1ba4c7-f94e-4d80-ba90-5594b641a8ee';
const graph = () =>
  fakeGraph({
    users: [me],
    catalog: new Map([
      [externalId, 'Contoso Time'],
      ['other-app', 'Other'],
    ]),
  });
const path = `/appCatalogs/teamsApps?$filter=${encodeURIComponent(`externalId eq '${externalId}'`)}`;

describeOperation('list catalogue apps', () => {
  it('answers the filter by externalId with that app, distributed by the organisation', async () => {
    const reply = await send(graph(), path, { as: me.id, scopes: ['AppCatalog.Read.All'] });
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([{ id: catalogIdOf(externalId), externalId, displayName: 'Contoso Time', distributionMethod: 'organization' }]);
  });

  it('needs AppCatalog.Read.All', async () => {
    expectGraphError(await send(graph(), path, { as: me.id, scopes: ['User.Read'] }), 403, 'Forbidden');
  });
});
