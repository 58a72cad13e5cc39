// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModeAdapters } from '@/app/composition/mode-adapters';
import { ConfigPage } from '@/features/meeting-setup/config-page';
import type { AppConfig } from '@/services/config/app-config';
import type { Host, TabConfig } from '@/services/host/host';
import type { Identity, SignedInPerson } from '@/services/identity/identity';
import { Surface } from './surface';

afterEach(cleanup);

const config = {
  mode: 'tenant',
  tenant: {
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    appUrl: 'https://mentoring.contoso.com',
    teamsAppId: '99999999-8888-7777-6666-555555555555',
  },
} as unknown as AppConfig;

function fakeHost(frameContext: 'content' | 'settings' = 'content') {
  let save: (() => Promise<TabConfig>) | undefined;
  const host = {
    context: {
      app: 'Teams',
      embedded: true,
      clientType: 'web',
      frameContext,
      theme: 'light',
      locale: 'en-gb',
      timeZone: 'Europe/London',
      user: { id: 'user-1', displayName: 'Ada', userPrincipalName: 'ada@contoso.com', tenantId: 't' },
      meetingId: undefined,
      chatId: undefined,
      pageId: undefined,
      subPageId: undefined,
    },
    nestedAppAuthRecommended: true,
    onThemeChange: () => () => {},
    notifyReady: vi.fn(),
    notifyFailure: vi.fn(),
    tabConfig:
      frameContext === 'settings'
        ? {
            setValid: vi.fn(),
            onSave: (handler: () => Promise<TabConfig>) => {
              save = handler;
            },
          }
        : undefined,
  } satisfies Host;
  return { host, save: () => save?.() };
}

/** An identity whose sign-in never finishes (a consent prompt left open, a slow network). */
function stuckIdentity(): Identity {
  return {
    kind: 'nested-app-auth',
    currentUser: vi.fn(() => new Promise<SignedInPerson>(() => {})),
    getAccessToken: vi.fn(() => new Promise<string>(() => {})),
  };
}

/** Adapters whose identity is the one given; no feature runs in these tests, so the services are stubs. */
function adaptersWith(identityFor: ModeAdapters['identityFor']): ModeAdapters {
  return {
    hostOrigins: [],
    identityFor,
    services: () => ({
      graph: () => Promise.reject(new Error('no Graph in this test')),
      joinLive: () => Promise.resolve(undefined),
      watchNetwork: () => () => undefined,
      teamsApp: { teamsAppId: config.mode === 'tenant' ? config.tenant.teamsAppId : '', origin: 'https://mentoring.contoso.com' },
      programmeOwner: false,
      programmeGroupId: undefined,
      proposalRunner: () => Promise.reject(new Error('no matching in this test')),
    }),
  };
}

describe('Surface', () => {
  // "Show a native loading indicator": notifySuccess within 30 s, or Teams shows an error.
  // https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/create-tab-pages/content-page#show-a-native-loading-indicator
  it('tells the host it is showing on its first screen, without waiting for sign-in', () => {
    const { host } = fakeHost();
    const identity = stuckIdentity();
    render(
      <FluentProvider theme={teamsLightTheme}>
        <Surface name="personal tab" config={config} host={host} adapters={adaptersWith(() => identity)}>
          {() => <h1>Welcome</h1>}
        </Surface>
      </FluentProvider>,
    );
    expect(host.notifyReady).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toContain('Signing you in');
    expect(identity.currentUser).toHaveBeenCalled();
  });

  it('renders the configuration page and saves the tab without anyone signing in', async () => {
    const { host, save } = fakeHost('settings');
    const identityFor = vi.fn(() => stuckIdentity());
    render(
      <FluentProvider theme={teamsLightTheme}>
        <Surface name="meeting set-up page" config={config} host={host} signIn={false} adapters={adaptersWith(identityFor)}>
          {(h) => <ConfigPage host={h} />}
        </Surface>
      </FluentProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Add reverse mentoring to this meeting' })).toBeTruthy();
    expect(host.notifyReady).toHaveBeenCalledTimes(1);
    expect(host.tabConfig?.setValid).toHaveBeenLastCalledWith(true);
    let saved: TabConfig | undefined;
    await act(async () => {
      saved = await save();
    });
    expect(saved).toMatchObject({ entityId: 'pair-workspace', suggestedDisplayName: 'Mentoring' });
    expect(saved?.contentUrl).toMatch(/\/meeting-tab\/$/);
    expect(identityFor).not.toHaveBeenCalled();
  });

  /** An MSAL-like error: its name and Entra's own words, which must never show. */
  function msalError(name: string, message: string, errorCode: string) {
    return Object.assign(new Error(message), { name, errorCode });
  }

  it.each([
    [msalError('InteractionRequiredAuthError', 'Lifetime validation failed, the token is expired.', 'interaction_required'), /Your sign-in has expired/, 'Lifetime validation'],
    [
      msalError('BrowserAuthError', 'popup_window_error: Error opening popup window. This can happen if you are using IE or if popups are blocked in the browser.', 'popup_window_error'),
      /sign-in window was blocked/,
      'popup_window_error',
    ],
    [new TypeError('Failed to fetch'), /Check your connection/, 'Failed to fetch'],
  ])('words a failed sign-in (%s) and offers to sign in again', async (error, words, raw) => {
    const { host } = fakeHost();
    const identityFor = vi.fn((): Identity => ({
      kind: 'browser',
      currentUser: () => Promise.reject(error),
      getAccessToken: () => Promise.reject(error),
    }));
    render(
      <FluentProvider theme={teamsLightTheme}>
        <Surface name="personal tab" config={config} host={host} adapters={adaptersWith(identityFor)}>
          {() => <h1>Welcome</h1>}
        </Surface>
      </FluentProvider>,
    );
    expect(await screen.findByText(words)).toBeTruthy();
    expect(document.body.textContent).not.toContain(raw);
    act(() => screen.getByRole('button', { name: 'Sign in' }).click());
    expect(identityFor).toHaveBeenCalledTimes(2);
  });
});
