/**
 * The fake Graph's meeting chats: installing an app and adding, listing its tabs, pinned to
 * "Add app to chat", "Add tab to chat" and "List tabs in chat". Cases follow the pages' examples.
 */
import { expect, it } from 'vitest';
import { consentedPermissionSet, RESOURCE_SPECIFIC_PERMISSIONS, type ResourceSpecificPermission } from '@/services/config/resource-specific-permissions';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { demoAccessToken, DEMO_TENANT_ID } from '@/demo/demo-identity';
import { generateDemoTenant } from '../demo-tenant';
import { catalogIdOf } from '../fake-chats';
import { FakeGraph, GRAPH_ROOT } from '../fake-graph';
import { GRAPH_OPERATIONS } from '../graph-catalogue';
import { describeOperation } from './support';

const users = generateDemoTenant({ size: 120 });
const [margaret, aisha, priya] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!];
const APP = 'app-with-live-share';
const PLAIN = 'app-without-rsc';
/** The second example's app: delegated and application permissions. */
const EXAMPLE = 'app-of-example-2';
const examplePermissions: readonly ResourceSpecificPermission[] = [
  { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Delegated' },
  { name: 'OnlineMeetingIncomingAudio.Detect.Chat', type: 'Delegated' },
  { name: 'ChatMember.Read.Chat', type: 'Application' },
  { name: 'ChatMessage.Read.Chat', type: 'Application' },
];
const CHAT = '19:meeting_abc@thread.v2';
const INSTALL = ['TeamsAppInstallation.ReadWriteAndConsentSelfForChat'];

function setUp() {
  const graph = new FakeGraph({
    users,
    newId: () => 'abc',
    catalog: new Map([
      [APP, 'Reverse mentoring'],
      [PLAIN, 'Plain'],
      [EXAMPLE, 'Example'],
    ]),
    catalogPermissions: new Map<string, readonly ResourceSpecificPermission[]>([
      [PLAIN, []],
      [EXAMPLE, examplePermissions],
    ]),
  });
  // A classic join URL names its meeting chat's thread, as Teams' do.
  graph.chats.addMeeting({ joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT)}/0`, organizerId: margaret.id, attendeeIds: [aisha.id], subject: 'Sessions' });
  return graph;
}

function call(graph: FakeGraph, method: string, path: string, scopes: string[], body?: unknown, as = margaret) {
  const token = demoAccessToken({ oid: as.id, name: as.displayName, upn: as.userPrincipalName ?? '', tid: DEMO_TENANT_ID, scp: scopes.join(' ') });
  return graph.fetch(`${GRAPH_ROOT}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const chatPath = (rest: string) => `/chats/${encodeURIComponent(CHAT)}/${rest}`;
const bind = (externalId: string) => `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogIdOf(externalId)}`;
const install = (graph: FakeGraph, body: unknown, scopes = INSTALL) => call(graph, 'POST', chatPath('installedApps'), scopes, body);
const graphError = { error: { code: expect.any(String), message: expect.any(String) } };
const operation = (name: string) => GRAPH_OPERATIONS.find((o) => o.name === name);

describeOperation('install app in chat', () => {
  it('installs with exactly the app’s resource-specific permissions consented: 201, no body', async () => {
    const response = await install(setUp(), { 'teamsApp@odata.bind': bind(APP), consentedPermissionSet: consentedPermissionSet() });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('');
  });

  it('takes example 2 as written (permission types capitalised, application ones included)', async () => {
    const response = await install(setUp(), {
      'teamsApp@odata.bind': bind(EXAMPLE),
      consentedPermissionSet: { resourceSpecificPermissions: examplePermissions.map((p) => ({ permissionValue: p.name, permissionType: p.type })) },
    });
    expect(response.status).toBe(201);
  });

  it.each([
    ['one fewer', consentedPermissionSet(RESOURCE_SPECIFIC_PERMISSIONS.slice(1))],
    ['one more', consentedPermissionSet([...RESOURCE_SPECIFIC_PERMISSIONS, { name: 'ChatMessage.Read.Chat', type: 'Delegated' }])],
    ['a wrong type', consentedPermissionSet(RESOURCE_SPECIFIC_PERMISSIONS.map((p, i) => (i === 0 ? { ...p, type: 'Application' as const } : p)))],
    ['no list', {}],
  ])('refuses a consented set with %s than the app’s: 400 in Graph’s error shape', async (_, consented) => {
    const response = await install(setUp(), { 'teamsApp@odata.bind': bind(APP), consentedPermissionSet: consented });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject(graphError);
  });

  it('lets the set be left out only when the app has delegated permissions alone (example 1)', async () => {
    expect((await install(setUp(), { 'teamsApp@odata.bind': bind(APP) })).status).toBe(201);
    expect((await install(setUp(), { 'teamsApp@odata.bind': bind(EXAMPLE) })).status).toBe(400);
  });

  it('needs an ...AndConsent... permission for an app with resource-specific permissions (note 1), not for one without', async () => {
    const plainScopes = ['TeamsAppInstallation.ReadWriteSelfForChat'];
    expect((await install(setUp(), { 'teamsApp@odata.bind': bind(APP), consentedPermissionSet: consentedPermissionSet() }, plainScopes)).status).toBe(403);
    expect((await install(setUp(), { 'teamsApp@odata.bind': bind(PLAIN) }, plainScopes)).status).toBe(201);
    expect((await install(setUp(), { 'teamsApp@odata.bind': bind(PLAIN) }, ['TeamsTab.Create'])).status).toBe(403);
  });

  it('refuses an app not in the catalogue (400), a chat the caller is not in (404) and a second installation (409; the page is silent, stricter)', async () => {
    const graph = setUp();
    expect((await install(graph, { 'teamsApp@odata.bind': bind('unknown') })).status).toBe(400);
    expect((await call(graph, 'POST', chatPath('installedApps'), INSTALL, { 'teamsApp@odata.bind': bind(APP) }, priya)).status).toBe(404);
    expect((await install(graph, { 'teamsApp@odata.bind': bind(APP) })).status).toBe(201);
    expect((await install(graph, { 'teamsApp@odata.bind': bind(APP) })).status).toBe(409);
  });

  it('is in the catalogue with its permission', () => {
    expect(operation('install app in chat')).toMatchObject({ method: 'POST', permissions: ['TeamsAppInstallation.ReadWriteAndConsentSelfForChat'] });
    expect(operation('install app in chat')!.path.test(`/chats/${CHAT}/installedApps`)).toBe(true);
  });
});

describeOperation('add tab to chat', () => {
  const tab = (app = APP) => ({
    displayName: 'My Contoso Tab',
    'teamsApp@odata.bind': bind(app),
    configuration: {
      entityId: '2DCA2E6C7A10415CAF6B8AB6661B3154',
      contentUrl: 'https://www.contoso.com/Orders/2DCA2E6C7A10415CAF6B8AB6661B3154/tabView',
      websiteUrl: 'https://www.contoso.com/Orders/2DCA2E6C7A10415CAF6B8AB6661B3154',
      removeUrl: 'https://www.contoso.com/Orders/2DCA2E6C7A10415CAF6B8AB6661B3154/uninstallTab',
    },
  });

  it('adds the page’s example tab once the app is installed: 201 with the tab', async () => {
    const graph = setUp();
    await install(graph, { 'teamsApp@odata.bind': bind(APP) });
    const response = await call(graph, 'POST', chatPath('tabs'), ['TeamsTab.Create'], tab());
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: expect.any(String), displayName: 'My Contoso Tab', configuration: tab().configuration, webUrl: expect.any(String) });
  });

  it('refuses a tab of an app not installed in the chat, and one without displayName or configuration', async () => {
    const graph = setUp();
    expect((await call(graph, 'POST', chatPath('tabs'), ['TeamsTab.Create'], tab())).status).toBe(400);
    await install(graph, { 'teamsApp@odata.bind': bind(APP) });
    const unnamed: Partial<ReturnType<typeof tab>> = tab();
    delete unnamed.displayName;
    expect((await call(graph, 'POST', chatPath('tabs'), ['TeamsTab.Create'], unnamed)).status).toBe(400);
    expect((await call(graph, 'POST', chatPath('tabs'), ['TeamsTab.Create'], { ...tab(), configuration: undefined })).status).toBe(400);
  });

  it('needs TeamsTab.Create or a TeamsTab.ReadWrite… permission', async () => {
    const graph = setUp();
    await install(graph, { 'teamsApp@odata.bind': bind(APP) });
    expect((await call(graph, 'POST', chatPath('tabs'), ['TeamsTab.Read.All'], tab())).status).toBe(403);
    expect((await call(graph, 'POST', chatPath('tabs'), ['TeamsTab.ReadWriteSelfForChat'], tab())).status).toBe(201);
  });

  it('is in the catalogue with its permission', () => {
    expect(operation('add tab to chat')).toMatchObject({ method: 'POST', permissions: ['TeamsTab.Create'] });
  });
});

describeOperation('list chat tabs', () => {
  it('lists the chat’s tabs with TeamsTab.Read.All or ReadWriteSelfForChat, not with TeamsTab.Create', async () => {
    const graph = setUp();
    await install(graph, { 'teamsApp@odata.bind': bind(APP) });
    await call(graph, 'POST', chatPath('tabs'), ['TeamsTab.Create'], {
      displayName: 'T',
      'teamsApp@odata.bind': bind(APP),
      configuration: { entityId: 'e', contentUrl: 'https://x.example/' },
    });
    expect((await call(graph, 'GET', chatPath('tabs'), ['TeamsTab.Create'])).status).toBe(403);
    const listed = await call(graph, 'GET', `${chatPath('tabs')}?$expand=teamsApp`, ['TeamsTab.ReadWriteSelfForChat']);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toMatchObject({ value: [{ displayName: 'T', teamsApp: { id: catalogIdOf(APP) } }] });
  });

  it('is in the catalogue with its permission', () => {
    expect(operation('list chat tabs')).toMatchObject({ method: 'GET', permissions: ['TeamsTab.Read.All'] });
  });
});
