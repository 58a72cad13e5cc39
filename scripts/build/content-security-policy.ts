/**
 * The app's Content-Security-Policy, in one place for the HTML meta tag (everything but
 * frame-ancestors, which browsers ignore in a meta tag) and for the static host's header files.
 *
 * Frame ancestors are the Teams, Outlook and Microsoft 365 web hosts, taken from the origins that
 * `@microsoft/teams-js` itself accepts (its bundled validDomains list) for commercial clouds.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.live.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://www.office.com',
  'https://*.www.office.com',
  'https://www.microsoft365.com',
  'https://*.www.microsoft365.com',
  'https://*.cloud.microsoft',
];

const CONNECT = [
  "'self'",
  'https://graph.microsoft.com',
  'https://login.microsoftonline.com',
  // Azure Fluid Relay, which Live Share uses inside Teams.
  'https://*.fluidrelay.azure.com',
  'wss://*.fluidrelay.azure.com',
  // teams-js refreshes its list of valid host origins from here.
  'https://res.cdn.office.net',
];

/** The policy without frame-ancestors; `demo` adds the local Fluid service that `npm start` runs. */
export function contentSecurityPolicy(options: { demo: boolean; withFrameAncestors: boolean }): string {
  const connect = options.demo ? [...CONNECT, 'http://localhost:7070', 'ws://localhost:7070'] : CONNECT;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // Fluent UI (Griffel) inserts style elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': connect,
    // MSAL's silent token renewal in browser mode runs in a hidden login frame.
    'frame-src': ["'self'", 'https://login.microsoftonline.com'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    ...(options.withFrameAncestors ? { 'frame-ancestors': FRAME_ANCESTORS } : {}),
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
