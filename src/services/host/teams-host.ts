import { app, nestedAppAuth, pages } from '@microsoft/teams-js';
import type { FrameContext, Host, HostApp, HostContext, ThemeName } from './host';

/** teams-js theme names (`default`, `dark`, `contrast`) to ours. */
export function themeFromTeams(theme: string | undefined): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

/**
 * teams-js host names to the three hosts a person recognises. `TeamsModern` is new Teams,
 * `OutlookWin32` classic Outlook for Windows, `Office` the Microsoft 365 app.
 */
export function hostAppFromTeams(name: string | undefined): HostApp {
  switch (name) {
    case 'Outlook':
    case 'OutlookWin32':
      return 'Outlook';
    case 'Office':
      return 'Microsoft 365';
    default:
      return 'Teams';
  }
}

const FRAME_CONTEXTS: readonly FrameContext[] = ['content', 'sidePanel', 'meetingStage', 'settings', 'remove', 'task'];

function frameContextFrom(value: string | undefined): FrameContext {
  return FRAME_CONTEXTS.find((known) => known === value) ?? 'content';
}

/** Maps the teams-js context to ours; exported for tests. */
export function hostContextFromTeams(context: app.Context): HostContext {
  const user = context.user;
  return {
    app: hostAppFromTeams(context.app.host.name),
    embedded: true,
    clientType: context.app.host.clientType,
    frameContext: frameContextFrom(context.page.frameContext),
    theme: themeFromTeams(context.app.theme),
    locale: context.app.locale || 'en-US',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    user: user?.id
      ? {
          id: user.id,
          displayName: user.displayName,
          userPrincipalName: user.userPrincipalName,
          tenantId: user.tenant?.id,
        }
      : undefined,
    meetingId: context.meeting?.id,
    chatId: context.chat?.id,
    pageId: context.page.id || undefined,
    subPageId: context.page.subPageId || undefined,
  };
}

/** The parts of `@microsoft/teams-js` the adapter uses; injected in tests. */
export interface TeamsJs {
  readonly app: {
    initialize(validMessageOrigins?: string[]): Promise<void>;
    getContext(): Promise<app.Context>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
    notifySuccess(): unknown;
    notifyFailure(request: app.IFailedRequest): void;
  };
  readonly pages: {
    readonly config: {
      setValidityState(valid: boolean): void;
      registerOnSaveHandler(handler: (event: pages.config.SaveEvent) => void): void;
      setConfig(config: pages.InstanceConfig): Promise<void>;
    };
  };
  readonly nestedAppAuth: { isNAAChannelRecommended(): boolean };
}

const realTeamsJs: TeamsJs = { app, pages, nestedAppAuth };

/** Asks the host whether to use nested app authentication; only valid after `app.initialize()`. */
function naaRecommended(teams: TeamsJs): boolean {
  try {
    return teams.nestedAppAuth.isNAAChannelRecommended();
  } catch (error) {
    // Older teams-js hosts throw instead of answering false: use the fallback sign-in.
    console.warn('The host could not say whether nested app authentication is available.', error);
    return false;
  }
}

/**
 * Starts teams-js and reads the host context. Waits for the host as long as it takes: a framed
 * page is a Teams, Outlook or Microsoft 365 tab (the CSP's frame-ancestors allows nothing else), and
 * a slow host is still that host. {@link detectHost} decides when to wait.
 *
 * Nested app authentication is chosen by the host's own answer, read after `app.initialize()`, as
 * https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/authentication/nested-authentication
 * says ("check the support status using isNAAChannelRecommended() and provide a fallback").
 *
 * @param extraOrigins origins teams-js should accept besides its own list (the dev host in demo).
 */
export async function connectTeamsHost(extraOrigins: readonly string[] = [], teams: TeamsJs = realTeamsJs): Promise<Host> {
  await teams.app.initialize(extraOrigins.length > 0 ? [...extraOrigins] : undefined);
  const nestedAppAuthRecommended = naaRecommended(teams);
  const context = hostContextFromTeams(await teams.app.getContext());

  // teams-js keeps one theme handler; fan it out to every subscriber.
  const listeners = new Set<(theme: ThemeName) => void>();
  teams.app.registerOnThemeChangeHandler((theme) => listeners.forEach((listener) => listener(themeFromTeams(theme))));

  return {
    context,
    nestedAppAuthRecommended,
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // "Show a native loading indicator": notifySuccess within 30 s of loading, or Teams shows an error.
    // https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/create-tab-pages/content-page#show-a-native-loading-indicator
    notifyReady: () => void teams.app.notifySuccess(),
    notifyFailure: (message) => teams.app.notifyFailure({ reason: app.FailedReason.Other, message }),
    tabConfig:
      context.frameContext === 'settings'
        ? {
            setValid: (valid) => void teams.pages.config.setValidityState(valid),
            onSave(handler) {
              // The save handler must end in saveEvent.notifySuccess() or notifyFailure(), after setConfig:
              // https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/create-tab-pages/configuration-page
              teams.pages.config.registerOnSaveHandler((saveEvent) => {
                handler()
                  .then((config) => teams.pages.config.setConfig(config))
                  .then(() => saveEvent.notifySuccess())
                  .catch((error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)));
              });
            },
          }
        : undefined,
  };
}
