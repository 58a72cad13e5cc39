import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { SignInError } from './identity';
import { createMsalIdentity, msalConfiguration, signInModeFor, type MsalModule, type SignInMode } from './msal-identity';

class InteractionRequiredAuthError extends Error {}

const tenant = {
  clientId: '11111111-2222-3333-4444-555555555555',
  tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  appUrl: 'https://mentoring.contoso.com',
  teamsAppId: '99999999-8888-7777-6666-555555555555',
};

const account = {
  homeAccountId: 'home',
  localAccountId: 'user-1',
  username: 'ada@contoso.com',
  name: 'Ada Lovelace',
  tenantId: tenant.tenantId,
  environment: 'login.microsoftonline.com',
} as AccountInfo;

const result = (accessToken: string) => ({ accessToken, account }) as AuthenticationResult;

function fakeMsal(pca: Partial<IPublicClientApplication>) {
  const client = {
    getActiveAccount: () => null,
    getAllAccounts: () => [],
    setActiveAccount: vi.fn(),
    ...pca,
  } as unknown as IPublicClientApplication;
  const created: { nested: Configuration[]; standard: Configuration[] } = { nested: [], standard: [] };
  const module: MsalModule = {
    InteractionRequiredAuthError,
    createNestablePublicClientApplication: (configuration) => {
      created.nested.push(configuration);
      return Promise.resolve(client);
    },
    createStandardPublicClientApplication: (configuration) => {
      created.standard.push(configuration);
      return Promise.resolve(client);
    },
  };
  return { module, created, client };
}

const options = { tenant, loginHint: 'ada@contoso.com', origin: 'https://mentoring.contoso.com' };

describe('msalConfiguration', () => {
  it('uses the brk-multihub redirect and memory cache for nested app authentication', () => {
    expect(msalConfiguration({ ...options, mode: 'nested' })).toEqual({
      auth: {
        clientId: tenant.clientId,
        authority: `https://login.microsoftonline.com/${tenant.tenantId}`,
        redirectUri: 'brk-multihub://mentoring.contoso.com',
      },
      cache: { cacheLocation: 'memoryStorage' },
    });
  });

  it('never keeps tokens in local storage', () => {
    for (const mode of ['nested', 'framed-popup', 'browser'] as const) {
      expect(msalConfiguration({ ...options, mode }).cache?.cacheLocation).not.toBe('localStorage');
    }
  });

  it('gives the fallback in a host a web redirect page, not the broker redirect that only nested app authentication can use', () => {
    expect(msalConfiguration({ ...options, mode: 'framed-popup' }).auth.redirectUri).toBe('https://mentoring.contoso.com/auth-redirect/');
  });
});

// https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/authentication/nested-authentication:
// "check the support status using isNAAChannelRecommended() and provide a fallback experience".
describe('signInModeFor', () => {
  it.each<[string, { embedded: boolean; nestedAppAuthRecommended: boolean }, SignInMode]>([
    ['a host that recommends nested app authentication', { embedded: true, nestedAppAuthRecommended: true }, 'nested'],
    ['a host that does not', { embedded: true, nestedAppAuthRecommended: false }, 'framed-popup'],
    ['a browser tab', { embedded: false, nestedAppAuthRecommended: false }, 'browser'],
  ])('chooses for %s', (_, host, mode) => {
    expect(signInModeFor(host)).toBe(mode);
  });
});

describe('createMsalIdentity', () => {
  it('creates one nestable client inside a host and loads MSAL only when a token is needed', async () => {
    const loadMsal = vi.fn();
    const { module, created } = fakeMsal({ ssoSilent: () => Promise.resolve(result('t1')) });
    loadMsal.mockResolvedValue(module);
    const identity = createMsalIdentity({ ...options, mode: 'nested', loadMsal });
    expect(loadMsal).not.toHaveBeenCalled();
    await identity.getAccessToken(['User.Read']);
    await identity.getAccessToken(['User.Read.All']);
    expect(loadMsal).toHaveBeenCalledTimes(1);
    expect(created.nested).toHaveLength(1);
    expect(created.standard).toHaveLength(0);
    expect(identity.kind).toBe('nested-app-auth');
  });

  it('uses the standard client in a browser', async () => {
    const { module, created } = fakeMsal({ ssoSilent: () => Promise.resolve(result('t1')) });
    const identity = createMsalIdentity({ ...options, mode: 'browser', loadMsal: () => Promise.resolve(module) });
    await identity.getAccessToken(['User.Read']);
    expect(created.standard[0]?.auth.redirectUri).toBe('https://mentoring.contoso.com/auth-redirect/');
    expect(identity.kind).toBe('browser');
  });

  it("in a host without nested app authentication, uses a standard client: silent with the host's hint, then a popup", async () => {
    const ssoSilent = vi.fn().mockRejectedValue(new InteractionRequiredAuthError('login_required'));
    const acquireTokenPopup = vi.fn().mockResolvedValue(result('popup'));
    const { module, created } = fakeMsal({ ssoSilent, acquireTokenPopup });
    const mode = signInModeFor({ embedded: true, nestedAppAuthRecommended: false });
    const identity = createMsalIdentity({ ...options, mode, loadMsal: () => Promise.resolve(module) });
    await expect(identity.getAccessToken(['User.Read'])).resolves.toBe('popup');
    expect(created.nested).toHaveLength(0);
    expect(created.standard[0]?.auth.redirectUri).toBe('https://mentoring.contoso.com/auth-redirect/');
    expect(ssoSilent).toHaveBeenCalledWith(expect.objectContaining({ scopes: ['User.Read'], loginHint: 'ada@contoso.com' }));
    expect(acquireTokenPopup).toHaveBeenCalledWith(expect.objectContaining({ scopes: ['User.Read'], loginHint: 'ada@contoso.com' }));
    expect(identity.kind).toBe('framed-popup');
  });

  it('with nested app authentication, asks silently first and prompts with a popup only when interaction is required', async () => {
    const acquireTokenSilent = vi.fn().mockRejectedValue(new InteractionRequiredAuthError('consent_required'));
    const acquireTokenPopup = vi.fn().mockResolvedValue(result('popup'));
    const { module, created } = fakeMsal({ getActiveAccount: () => account, acquireTokenSilent, acquireTokenPopup });
    const mode = signInModeFor({ embedded: true, nestedAppAuthRecommended: true });
    const identity = createMsalIdentity({ ...options, mode, loadMsal: () => Promise.resolve(module) });
    await expect(identity.getAccessToken(['Calendars.ReadWrite'])).resolves.toBe('popup');
    expect(created.nested[0]?.auth.redirectUri).toBe('brk-multihub://mentoring.contoso.com');
    expect(acquireTokenSilent.mock.invocationCallOrder[0]).toBeLessThan(acquireTokenPopup.mock.invocationCallOrder[0]!);
  });

  it('asks silently with the known account and the requested scopes', async () => {
    const acquireTokenSilent = vi.fn().mockResolvedValue(result('silent'));
    const { module } = fakeMsal({ getAllAccounts: () => [account], acquireTokenSilent });
    const identity = createMsalIdentity({ ...options, mode: 'nested', loadMsal: () => Promise.resolve(module) });
    await expect(identity.getAccessToken(['Calendars.ReadWrite'])).resolves.toBe('silent');
    expect(acquireTokenSilent).toHaveBeenCalledWith(expect.objectContaining({ scopes: ['Calendars.ReadWrite'], account }));
  });

  it('falls back to a popup when interaction is required', async () => {
    const acquireTokenPopup = vi.fn().mockResolvedValue(result('popup'));
    const { module, client } = fakeMsal({
      getAllAccounts: () => [account],
      acquireTokenSilent: () => Promise.reject(new InteractionRequiredAuthError('consent_required')),
      acquireTokenPopup,
    });
    const identity = createMsalIdentity({ ...options, mode: 'nested', loadMsal: () => Promise.resolve(module) });
    await expect(identity.getAccessToken(['User.Read.All'])).resolves.toBe('popup');
    expect(acquireTokenPopup).toHaveBeenCalledWith(expect.objectContaining({ scopes: ['User.Read.All'] }));
    expect(client.setActiveAccount).toHaveBeenCalledWith(account);
  });

  it('does not prompt for errors that a prompt cannot fix', async () => {
    const acquireTokenPopup = vi.fn();
    const { module } = fakeMsal({
      getAllAccounts: () => [account],
      acquireTokenSilent: () => Promise.reject(new Error('network down')),
      acquireTokenPopup,
    });
    const identity = createMsalIdentity({ ...options, mode: 'nested', loadMsal: () => Promise.resolve(module) });
    await expect(identity.getAccessToken(['User.Read'])).rejects.toThrow('network down');
    expect(acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('explains a cancelled prompt', async () => {
    const { module } = fakeMsal({
      ssoSilent: () => Promise.reject(new InteractionRequiredAuthError('login_required')),
      acquireTokenPopup: () => Promise.reject(Object.assign(new Error('x'), { errorCode: 'user_cancelled' })),
    });
    const identity = createMsalIdentity({ ...options, mode: 'browser', loadMsal: () => Promise.resolve(module) });
    const error = await identity.currentUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).code).toBe('user_cancelled');
    expect((error as SignInError).message).toMatch(/cancelled/);
  });

  it('returns the signed-in person from the account', async () => {
    const { module } = fakeMsal({ ssoSilent: () => Promise.resolve(result('t')) });
    const identity = createMsalIdentity({ ...options, mode: 'nested', loadMsal: () => Promise.resolve(module) });
    await expect(identity.currentUser()).resolves.toEqual({
      id: 'user-1',
      displayName: 'Ada Lovelace',
      userPrincipalName: 'ada@contoso.com',
      tenantId: tenant.tenantId,
    });
  });
});
