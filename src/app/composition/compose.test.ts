// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, DEMO_TEAMS_APP_ID } from '@/demo/demo-people';
import type { AppConfig } from '@/services/config/app-config';
import type { Host, HostContext } from '@/services/host/host';
import type { Identity } from '@/services/identity/identity';
import { composeAdapters } from './compose';
import { tenantAdapters, type TenantConfig } from './tenant-adapters';

const programme = { name: 'Reverse mentoring', ownerGroupId: undefined, levelGap: 2, cadenceWeeks: 2, sessionMinutes: 45, durationMonths: 6, codeOfConduct: '', evaluation: '', rounds: [] };
const tenant: TenantConfig = {
  mode: 'tenant',
  tenant: {
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    appUrl: 'https://mentoring.contoso.com',
    teamsAppId: '99999999-8888-7777-6666-555555555555',
  },
  programme,
};

function hostIn(context: Partial<HostContext>): Host {
  return {
    context: {
      app: 'Teams',
      embedded: true,
      clientType: 'web',
      frameContext: 'sidePanel',
      theme: 'light',
      locale: 'en-gb',
      timeZone: 'Europe/London',
      user: undefined,
      meetingId: undefined,
      chatId: undefined,
      pageId: undefined,
      subPageId: undefined,
      ...context,
    },
    nestedAppAuthRecommended: false,
    onThemeChange: () => () => {},
    notifyReady: () => {},
    notifyFailure: () => {},
    tabConfig: undefined,
  };
}

const identity: Identity = { kind: 'demo', currentUser: () => new Promise(() => {}), getAccessToken: () => new Promise(() => {}) };
const who = { client: 'c', person: 'p', name: 'P', seal: {} as never };

afterEach(() => sessionStorage.clear());

describe('the tenant adapters', () => {
  it('add the tenant’s own app to meeting chats and trust no extra host origin', () => {
    const adapters = tenantAdapters(tenant);
    expect(adapters.hostOrigins).toEqual([]);
    expect(adapters.ChoosePerson).toBeUndefined();
    const services = adapters.services(hostIn({}), identity);
    expect(services.teamsApp).toEqual({ teamsAppId: tenant.tenant.teamsAppId, origin: tenant.tenant.appUrl, tenantId: tenant.tenant.tenantId });
  });

  it('say no one runs the programme without an owners’ group, and ask Graph with one', () => {
    expect(tenantAdapters(tenant).services(hostIn({}), identity).programmeOwner).toBe(false);
    const withGroup = { ...tenant, programme: { ...programme, ownerGroupId: '12345678-1234-1234-1234-123456789012' } };
    expect(typeof tenantAdapters(withGroup).services(hostIn({}), identity).programmeOwner).toBe('function');
  });

  it('join no Live Share where the host has none (Outlook)', async () => {
    const services = tenantAdapters(tenant).services(hostIn({ app: 'Outlook' }), identity);
    await expect(services.joinLive('meeting', who)).resolves.toBeUndefined();
  });

  it('sign in with MSAL, whoever the host says is there', () => {
    const adapters = tenantAdapters(tenant);
    expect(adapters.identityFor(hostIn({}))?.kind).toBe('framed-popup');
    expect(adapters.identityFor(hostIn({ embedded: false }))?.kind).toBe('browser');
  });
});

describe('the demo adapters (a demo build, as the tests are)', () => {
  const demoConfig: AppConfig = { mode: 'demo', programme };

  it('trust the dev host on this origin, and make only the demo’s programme owner one', async () => {
    const adapters = await composeAdapters(demoConfig);
    expect(adapters.hostOrigins).toEqual([window.location.origin]);
    const services = adapters.services(hostIn({}), identity);
    expect(services.teamsApp).toEqual({ teamsAppId: DEMO_TEAMS_APP_ID, origin: window.location.origin });
    const ownerOf = async (person: (typeof DEMO_PEOPLE)[number]) => {
      const { programmeOwner } = adapters.services(hostIn({}), { ...identity, currentUser: () => Promise.resolve(person) });
      return typeof programmeOwner === 'function' ? programmeOwner() : programmeOwner;
    };
    await expect(ownerOf(DEMO_PEOPLE.find((p) => p.role === 'programme owner')!)).resolves.toBe(true);
    await expect(ownerOf(DEMO_PEOPLE[0]!)).resolves.toBe(false);
    await expect(ownerOf(DEMO_PEOPLE.find((p) => p.role === 'reverse mentor')!)).resolves.toBe(false);
  });

  it('are the person the dev host plays, else ask who you are', async () => {
    const adapters = await composeAdapters(demoConfig);
    const margaret = DEMO_PEOPLE[0]!;
    const framed = adapters.identityFor(hostIn({ user: { id: margaret.id, displayName: margaret.displayName, userPrincipalName: margaret.userPrincipalName, tenantId: margaret.tenantId } }));
    await expect(framed?.currentUser()).resolves.toMatchObject({ id: margaret.id });
    expect(adapters.identityFor(hostIn({ embedded: false }))).toBeUndefined();
    expect(adapters.ChoosePerson).toBeDefined();
    sessionStorage.setItem('demo-person', margaret.id);
    expect(adapters.identityFor(hostIn({ embedded: false }))).toBeDefined();
  });
});
