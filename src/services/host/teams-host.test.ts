import type { app } from '@microsoft/teams-js';
import { describe, expect, it } from 'vitest';
import { hostAppFromTeams, hostContextFromTeams, themeFromTeams } from './teams-host';

function teamsContext(overrides: { host?: string; theme?: string; frameContext?: string; user?: app.UserInfo }): app.Context {
  return {
    app: {
      locale: 'en-gb',
      theme: overrides.theme ?? 'default',
      sessionId: 's',
      host: { name: overrides.host ?? 'Teams', clientType: 'desktop', sessionId: 'h' },
    },
    page: { id: 'home', frameContext: overrides.frameContext ?? 'content' },
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

  it('has no user for an anonymous meeting guest, and shows content for an unknown frame', () => {
    const context = hostContextFromTeams(teamsContext({ frameContext: 'somethingNew' }));
    expect(context.user).toBeUndefined();
    expect(context.frameContext).toBe('content');
  });
});
