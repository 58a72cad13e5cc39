/**
 * SharePoint lists of a group's site, as their pages' examples show them (fake-lists.ts): the
 * group's root site, a list by name, creating one, items with fields and paging, creating,
 * updating (If-Match) and deleting items, and delta.
 */
import { expect, it } from 'vitest';
import type { SiteRole } from '../fake-lists';
import { DEFAULT_ITEMS_PAGE, MAX_ITEMS_TOP } from '../fake-lists';
import { describeOperation, docUser, expectGraphError, fakeGraph, send, type Reply } from './support';

const GROUP = '02bd9fd6-8f93-4758-87c3-1fb73740a315';
const owner = docUser({ id: '8606e4d5-d582-4f5f-aeba-7d7c18b20cfd', displayName: 'Ryan Gregg', userPrincipalName: 'ryan@contoso.com' });
const member = docUser({ id: '6e7b768e-07e2-4810-8459-485f84f8f204', displayName: 'Megan Bowen', userPrincipalName: 'megan@contoso.com' });
const SCOPES = ['Sites.Selected'];

const graphWith = (grant: SiteRole | null = 'manage') =>
  fakeGraph({ users: [owner, member], groups: new Map([[GROUP, new Set([owner.id])]]), ...(grant ? { siteGrants: new Map([[GROUP, grant]]) } : {}) });
type Graph = ReturnType<typeof graphWith>;

const siteOf = async (graph: Graph) => String((await send(graph, `/groups/${GROUP}/sites/root`, { as: owner.id, scopes: SCOPES })).body.id);
/** The list-create page's example: Books, with Author (text) and PageCount (number). */
const books = async (graph: Graph) => {
  const site = await siteOf(graph);
  const body = {
    displayName: 'Books',
    columns: [
      { name: 'Author', text: {} },
      { name: 'PageCount', number: {} },
      { name: 'Color', text: {} },
      { name: 'Quantity', number: {} },
    ],
    list: { template: 'genericList' },
  };
  const reply = await send(graph, `/sites/${site}/lists`, { as: owner.id, scopes: SCOPES, method: 'POST', body });
  return { site, list: String(reply.body.id), items: `/sites/${site}/lists/${String(reply.body.id)}/items`, reply };
};
const widget = (graph: Graph, items: string, as = owner.id, fields: Record<string, unknown> = { Title: 'Widget', Color: 'Purple', Quantity: 32 }) =>
  send(graph, items, { as, scopes: SCOPES, method: 'POST', body: { fields } });

describeOperation("get a group's root site", () => {
  it('answers the group’s team site, and 403 without a grant on it (Sites.Selected)', async () => {
    const reply = await send(graphWith(), `/groups/${GROUP}/sites/root`, { as: member.id, scopes: SCOPES });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: expect.stringContaining('contoso.sharepoint.com,'), webUrl: expect.any(String) });
    expectGraphError(await send(graphWith(null), `/groups/${GROUP}/sites/root`, { as: owner.id, scopes: SCOPES }), 403, 'accessDenied');
    expectGraphError(await send(graphWith(), `/groups/${GROUP}/sites/root`, { as: owner.id, scopes: ['User.Read'] }), 403, 'accessDenied');
  });
});

describeOperation('create list', () => {
  it('creates the page’s example list (201) by an owner with the manage role; not twice, not by others', async () => {
    const graph = graphWith();
    const { reply, site } = await books(graph);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ id: expect.any(String), displayName: 'Books', createdBy: { user: { id: owner.id, displayName: 'Ryan Gregg' } } });
    expectGraphError(await send(graph, `/sites/${site}/lists`, { as: owner.id, scopes: SCOPES, method: 'POST', body: { displayName: 'Books' } }), 409, 'nameAlreadyExists');
    // The member is not in the owners' group: delegated access never exceeds the user's own.
    expectGraphError(await send(graph, `/sites/${site}/lists`, { as: member.id, scopes: SCOPES, method: 'POST', body: { displayName: 'Other' } }), 403, 'accessDenied');
    // With only the write role, the app cannot manage lists.
    const writeOnly = graphWith('write');
    expectGraphError(await send(writeOnly, `/sites/${await siteOf(writeOnly)}/lists`, { as: owner.id, scopes: SCOPES, method: 'POST', body: { displayName: 'Books' } }), 403, 'accessDenied');
  });
});

describeOperation('get list', () => {
  it('finds a list by its name or id, and answers 404 for one that is not there', async () => {
    const graph = graphWith();
    const { site, list } = await books(graph);
    expect((await send(graph, `/sites/${site}/lists/Books`, { as: member.id, scopes: SCOPES })).body).toMatchObject({ id: list, displayName: 'Books' });
    expect((await send(graph, `/sites/${site}/lists/${list}`, { as: member.id, scopes: SCOPES })).body).toMatchObject({ id: list });
    expectGraphError(await send(graph, `/sites/${site}/lists/Films`, { as: member.id, scopes: SCOPES }), 404, 'itemNotFound');
  });
});

describeOperation('create list item', () => {
  it('creates the page’s example item (201); the service, not the body, says who created it', async () => {
    const graph = graphWith();
    const { items } = await books(graph);
    const reply = await widget(graph, items, member.id);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ id: '1', createdBy: { user: { id: member.id } }, lastModifiedBy: { user: { id: member.id } }, fields: { Title: 'Widget', Color: 'Purple' } });
    expectGraphError(await widget(graph, items, member.id, { Title: 'x', Weight: 32 }), 400, 'invalidRequest');
    expectGraphError(await widget(graph, items, member.id, { Title: 'x'.repeat(256) }), 400, 'invalidRequest');
    expectGraphError(await widget(graph, items, member.id, { Title: 'x', createdBy: owner.id }), 400, 'invalidRequest');
  });
});

describeOperation('list items', () => {
  it(`pages by ${DEFAULT_ITEMS_PAGE} without $top, honours $top up to ${MAX_ITEMS_TOP}, expands fields, and follows nextLink`, async () => {
    const graph = graphWith();
    const { items } = await books(graph);
    for (let i = 0; i < DEFAULT_ITEMS_PAGE + 5; i++) graph.lists.seedItem(GROUP, 'Books', owner.id, { Title: `Book ${i}` });
    const first = await send(graph, `${items}?$expand=fields`, { as: member.id, scopes: SCOPES });
    expect(first.body.value).toHaveLength(DEFAULT_ITEMS_PAGE);
    expect(first.body.value![0]).toMatchObject({ id: '1', fields: { Title: 'Book 0' } });
    const next = await send(graph, String(first.body['@odata.nextLink']), { as: member.id, scopes: SCOPES });
    expect(next.body.value).toHaveLength(5);
    expect(next.body['@odata.nextLink']).toBeUndefined();
    expect((await send(graph, `${items}?$top=${MAX_ITEMS_TOP}`, { as: member.id, scopes: SCOPES })).body.value).toHaveLength(DEFAULT_ITEMS_PAGE + 5);
    expectGraphError(await send(graph, `${items}?$top=${MAX_ITEMS_TOP + 1}`, { as: member.id, scopes: SCOPES }), 400, 'invalidRequest');
  });

  it('filters only on an indexed column', async () => {
    const graph = graphWith();
    const site = await siteOf(graph);
    const list = await send(graph, `/sites/${site}/lists`, {
      as: owner.id,
      scopes: SCOPES,
      method: 'POST',
      body: {
        displayName: 'People',
        columns: [
          { name: 'PersonId', text: {}, indexed: true },
          { name: 'Note', text: {} },
        ],
      },
    });
    const items = `/sites/${site}/lists/${String(list.body.id)}/items`;
    await widget(graph, items, member.id, { PersonId: member.id, Note: 'a' });
    await widget(graph, items, owner.id, { PersonId: owner.id, Note: 'b' });
    const mine = await send(graph, `${items}?$expand=fields&$filter=${encodeURIComponent(`fields/PersonId eq '${member.id}'`)}`, { as: member.id, scopes: SCOPES });
    expect(mine.body.value!.map((i) => (i.fields as Record<string, unknown>).Note)).toEqual(['a']);
    expectGraphError(await send(graph, `${items}?$filter=${encodeURIComponent("fields/Note eq 'a'")}`, { as: member.id, scopes: SCOPES }), 400, 'invalidRequest');
  });
});

describeOperation('update list item fields (If-Match)', () => {
  it('updates the page’s example fields (200 with the fieldValueSet), 412 on a stale eTag, and records who changed it', async () => {
    const graph = graphWith();
    const { items } = await books(graph);
    const created = await widget(graph, items, member.id);
    const etag = String(created.body.eTag);
    const updated = await send(graph, `${items}/1/fields`, { as: owner.id, scopes: SCOPES, method: 'PATCH', headers: { 'if-match': etag }, body: { Color: 'Fuchsia', Quantity: 934 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ Title: 'Widget', Color: 'Fuchsia', Quantity: 934, '@odata.etag': expect.any(String) });
    expect(updated.body['@odata.etag']).not.toBe(etag);
    expectGraphError(
      await send(graph, `${items}/1/fields`, { as: owner.id, scopes: SCOPES, method: 'PATCH', headers: { 'if-match': etag }, body: { Color: 'Red' } }),
      412,
      'resourceModified',
    );
    const read: Reply = await send(graph, `${items}?$expand=fields`, { as: member.id, scopes: SCOPES });
    expect(read.body.value![0]).toMatchObject({ createdBy: { user: { id: member.id } }, lastModifiedBy: { user: { id: owner.id } }, fields: { Color: 'Fuchsia' } });
    expectGraphError(await send(graph, `${items}/9/fields`, { as: owner.id, scopes: SCOPES, method: 'PATCH', body: { Color: 'Red' } }), 404, 'itemNotFound');
    // With only the read role on the site, the app may not write.
    const readOnly = graphWith('read');
    readOnly.lists.seedList(GROUP, owner.id, 'Books', []);
    readOnly.lists.seedItem(GROUP, 'Books', owner.id, { Title: 'Widget' });
    const readOnlyItem = `/sites/${await siteOf(readOnly)}/lists/Books/items/1/fields`;
    expectGraphError(await send(readOnly, readOnlyItem, { as: owner.id, scopes: SCOPES, method: 'PATCH', body: { Title: 'Gadget' } }), 403, 'accessDenied');
  });
});

describeOperation('delete list item', () => {
  it('answers 204, then 404', async () => {
    const graph = graphWith();
    const { items } = await books(graph);
    await widget(graph, items);
    const reply = await send(graph, `${items}/1`, { as: member.id, scopes: SCOPES, method: 'DELETE' });
    expect(reply.status).toBe(204);
    expectGraphError(await send(graph, `${items}/1`, { as: member.id, scopes: SCOPES, method: 'DELETE' }), 404, 'itemNotFound');
  });
});

describeOperation('list items delta', () => {
  it('enumerates every item, then only the changes since the deltaLink, a deleted item with `deleted`', async () => {
    const graph = graphWith();
    const { items } = await books(graph);
    for (let i = 0; i < 3; i++) await widget(graph, items, owner.id, { Title: `TestItem${i}` });
    const first = await send(graph, `${items}/delta?$top=2`, { as: member.id, scopes: SCOPES });
    expect(first.body.value).toHaveLength(2);
    const last = await send(graph, String(first.body['@odata.nextLink']), { as: member.id, scopes: SCOPES });
    expect(last.body.value!.map((i) => i.id)).toEqual(['3']);
    const deltaLink = String(last.body['@odata.deltaLink']);
    expect(deltaLink).toMatch(/\/items\/delta\?.*token=/);

    await send(graph, `${items}/1/fields`, { as: owner.id, scopes: SCOPES, method: 'PATCH', body: { Title: 'TestFolder' } });
    await send(graph, `${items}/3`, { as: owner.id, scopes: SCOPES, method: 'DELETE' });
    const changes = await send(graph, deltaLink.replace('$top=2', '$top=10'), { as: member.id, scopes: SCOPES });
    expect(changes.body.value).toEqual([
      expect.objectContaining({ id: '1', lastModifiedBy: { user: { id: owner.id, displayName: 'Ryan Gregg' } } }),
      { id: '3', parentReference: { siteId: expect.any(String) }, deleted: { state: 'deleted' } },
    ]);
    const latest = await send(graph, `${items}/delta?token=latest`, { as: member.id, scopes: SCOPES });
    expect(latest.body).toEqual({ value: [], '@odata.deltaLink': expect.stringContaining('token=') });
    expectGraphError(await send(graph, `${items}/delta?token=nonsense`, { as: member.id, scopes: SCOPES }), 400, 'invalidRequest');
  });

  it('answers 410 Gone with a Location that starts a fresh enumeration once the changes since a token are forgotten', async () => {
    const graph = graphWith();
    const { items } = await books(graph);
    await widget(graph, items);
    const deltaLink = String((await send(graph, `${items}/delta`, { as: member.id, scopes: SCOPES })).body['@odata.deltaLink']);
    await widget(graph, items);
    graph.lists.forgetChanges(GROUP, 'Books');
    const gone = await send(graph, deltaLink, { as: member.id, scopes: SCOPES });
    expectGraphError(gone, 410, 'resyncChangesApplyDifferences');
    const fresh = gone.headers.get('location')!;
    expect(fresh).toMatch(/\/items\/delta$/);
    const again = await send(graph, fresh, { as: member.id, scopes: SCOPES });
    expect(again.body.value!.map((i) => i.id)).toEqual(['1', '2']);
    // A token from after the forgetting still reads its changes.
    expect((await send(graph, String(again.body['@odata.deltaLink']), { as: member.id, scopes: SCOPES })).body.value).toEqual([]);
  });
});
