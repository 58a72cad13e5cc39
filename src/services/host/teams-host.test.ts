import type { app, pages } from '@microsoft/teams-js';
import { describe, expect, it, vi } from 'vitest';
import { connectTeamsHost, hostAppFromTeams, hostContextFromTeams, themeFromTeams, type TeamsJs } from './teams-host';

function teamsContext(overrides: { host?: string; theme?: string; frameContext?: string; user?: app.UserInfo; subPageId?: string }): app.Context {
  return {
    app: {
      locale: 'en-gb',
      theme: overrides.theme ?? 'default',
      sessionId: 's',
      host: { name: overrides.host ?? 'Teams', clientType: 'desktop', sessionId: 'h' },
    },
    page: { id: 'home', frameContext: overrides.frameContext ?? 'content', ...(overrides.subPageId === undefined ? {} : { subPageId: overrides.subPageId }) },
    ...(overrides.user ? { user: overrides.user } : {}),
    meeting: { id: 'meeting-1' },
    chat: { id: '19:chat@thread.v2' },
  } as unknown as app.Context;
}

describe('the teams-js adapter', () => {
  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    [undefined, 'light'],
    ['something-new', 'light'],
  ])('maps the %s theme to %s', (teams, ours) => {
    expect(themeFromTeams(teams)).toBe(ours);
  });

  it.each([
    ['Teams', 'Teams'],
    ['TeamsModern', 'Teams'],
    ['Outlook', 'Outlook'],
    ['OutlookWin32', 'Outlook'],
    ['Office', 'Microsoft 365'],
  ])('calls host %s "%s"', (name, app) => {
    expect(hostAppFromTeams(name)).toBe(app);
  });

  it('reads user, meeting, chat, frame context and locale from the context', () => {
    const context = hostContextFromTeams(
      teamsContext({
        frameContext: 'sidePanel',
        theme: 'dark',
        user: {
          id: 'user-1',
          displayName: 'Ada',
          userPrincipalName: 'ada@contoso.com',
          tenant: { id: 'tenant-1' },
        } as app.UserInfo,
      }),
    );
    expect(context).toMatchObject({
      app: 'Teams',
      embedded: true,
      frameContext: 'sidePanel',
      theme: 'dark',
      locale: 'en-gb',
      user: { id: 'user-1', displayName: 'Ada', userPrincipalName: 'ada@contoso.com', tenantId: 'tenant-1' },
      meetingId: 'meeting-1',
      chatId: '19:chat@thread.v2',
      pageId: 'home',
    });
  });

  it('reads the place a deep link opened the tab at (a notification’s subEntityId, as page.subPageId)', () => {
    expect(hostContextFromTeams(teamsContext({ subPageId: 'requests' })).subPageId).toBe('requests');
    expect(hostContextFromTeams(teamsContext({ subPageId: '' })).subPageId).toBeUndefined();
    expect(hostContextFromTeams(teamsContext({})).subPageId).toBeUndefined();
  });

  it('has no user for an anonymous meeting guest, and shows content for an unknown frame', () => {
    const context = hostContextFromTeams(teamsContext({ frameContext: 'somethingNew' }));
    expect(context.user).toBeUndefined();
    expect(context.frameContext).toBe('content');
  });
});

function fakeTeams(overrides: { naa?: () => boolean; frameContext?: string } = {}) {
  const calls: string[] = [];
  let saveHandler: ((event: pages.config.SaveEvent) => void) | undefined;
  const teams: TeamsJs = {
    app: {
      initialize: vi.fn(() => {
        calls.push('initialize');
        return Promise.resolve();
      }),
      getContext: () => Promise.resolve(teamsContext({ frameContext: overrides.frameContext ?? 'content' })),
      registerOnThemeChangeHandler: () => {},
      notifySuccess: vi.fn(() => calls.push('notifySuccess')),
      notifyFailure: vi.fn(),
    },
    pages: {
      config: {
        setValidityState: vi.fn((valid: boolean) => calls.push(`setValidityState(${valid})`)),
        registerOnSaveHandler: (handler) => {
          saveHandler = handler;
        },
        setConfig: vi.fn(() => {
          calls.push('setConfig');
          return Promise.resolve();
        }),
      },
    },
    nestedAppAuth: {
      isNAAChannelRecommended: () => {
        calls.push('isNAAChannelRecommended');
        return overrides.naa ? overrides.naa() : true;
      },
    },
  };
  return { teams, calls, save: () => saveHandler };
}

const tab = {
  entityId: 'pair-workspace',
  contentUrl: 'https://x/meeting-tab/',
  websiteUrl: 'https://x/meeting-tab/',
  suggestedDisplayName: 'Mentoring',
};

describe('connectTeamsHost', () => {
  // https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/authentication/nested-authentication
  it('asks the host whether nested app authentication is recommended, after app.initialize()', async () => {
    const { teams, calls } = fakeTeams();
    const host = await connectTeamsHost([], teams);
    expect(host.nestedAppAuthRecommended).toBe(true);
    expect(calls.indexOf('initialize')).toBeLessThan(calls.indexOf('isNAAChannelRecommended'));
  });

  it('falls back when the host does not recommend it, or cannot say', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await connectTeamsHost([], fakeTeams({ naa: () => false }).teams)).nestedAppAuthRecommended).toBe(false);
    const throwing = () => {
      throw new Error('not supported');
    };
    expect((await connectTeamsHost([], fakeTeams({ naa: throwing }).teams)).nestedAppAuthRecommended).toBe(false);
  });

  it('passes the extra origins to app.initialize', async () => {
    const { teams } = fakeTeams();
    await connectTeamsHost(['https://localhost:5173'], teams);
    expect(teams.app.initialize).toHaveBeenCalledWith(['https://localhost:5173']);
  });

  it('tells the host the app is ready with notifySuccess', async () => {
    const { teams } = fakeTeams();
    (await connectTeamsHost([], teams)).notifyReady();
    expect(teams.app.notifySuccess).toHaveBeenCalledTimes(1);
  });

  // https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/create-tab-pages/configuration-page
  it('saves the configuration page: setConfig, then saveEvent.notifySuccess', async () => {
    const { teams, calls, save } = fakeTeams({ frameContext: 'settings' });
    const host = await connectTeamsHost([], teams);
    host.tabConfig?.setValid(true);
    host.tabConfig?.onSave(() => Promise.resolve(tab));
    const event = { notifySuccess: vi.fn(() => calls.push('saveEvent.notifySuccess')), notifyFailure: vi.fn(), result: {} };
    save()?.(event as unknown as pages.config.SaveEvent);
    await vi.waitFor(() => expect(event.notifySuccess).toHaveBeenCalled());
    expect(teams.pages.config.setConfig).toHaveBeenCalledWith(tab);
    expect(calls.slice(-3)).toEqual(['setValidityState(true)', 'setConfig', 'saveEvent.notifySuccess']);
  });

  it('keeps the dialog open with notifyFailure when the tab cannot be saved', async () => {
    const { teams, save } = fakeTeams({ frameContext: 'settings' });
    const host = await connectTeamsHost([], teams);
    host.tabConfig?.onSave(() => Promise.reject(new Error('The tab could not be added.')));
    const event = { notifySuccess: vi.fn(), notifyFailure: vi.fn(), result: {} };
    save()?.(event as unknown as pages.config.SaveEvent);
    await vi.waitFor(() => expect(event.notifyFailure).toHaveBeenCalledWith('The tab could not be added.'));
    expect(event.notifySuccess).not.toHaveBeenCalled();
  });

  it('has no configuration page outside the settings frame', async () => {
    expect((await connectTeamsHost([], fakeTeams().teams)).tabConfig).toBeUndefined();
  });
});
