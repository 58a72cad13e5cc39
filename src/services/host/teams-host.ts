import { app, pages } from '@microsoft/teams-js';
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
  };
}

/**
 * Starts teams-js and reads the host context. Rejects when the host does not answer within
 * `timeoutMs` (teams-js itself would wait 60 s), so that a page framed by something other than
 * Teams falls back to browser mode quickly.
 *
 * @param extraOrigins origins teams-js should accept besides its own list (the dev host in demo).
 */
export async function connectTeamsHost(timeoutMs: number, extraOrigins: readonly string[] = []): Promise<Host> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The host did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([app.initialize(extraOrigins.length > 0 ? [...extraOrigins] : undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
  const context = hostContextFromTeams(await app.getContext());

  // teams-js keeps one theme handler; fan it out to every subscriber.
  const listeners = new Set<(theme: ThemeName) => void>();
  app.registerOnThemeChangeHandler((theme) => listeners.forEach((listener) => listener(themeFromTeams(theme))));

  return {
    context,
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notifyReady: () => void app.notifySuccess(),
    notifyFailure: (message) => app.notifyFailure({ reason: app.FailedReason.Other, message }),
    tabConfig:
      context.frameContext === 'settings'
        ? {
            setValid: (valid) => void pages.config.setValidityState(valid),
            onSave(handler) {
              pages.config.registerOnSaveHandler((saveEvent) => {
                handler()
                  .then((config) => pages.config.setConfig(config))
                  .then(() => saveEvent.notifySuccess())
                  .catch((error: unknown) =>
                    saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
                  );
              });
            },
          }
        : undefined,
  };
}
