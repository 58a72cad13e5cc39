/**
 * The app's Content-Security-Policy, in one place for the HTML meta tag (everything but
 * frame-ancestors, which browsers ignore in a meta tag) and for the static host's header files.
 */
import { DOWNLOAD_ORIGINS } from '../../src/services/graph/download-hosts.ts';

/**
 * The hosts that may frame the app, exactly as Microsoft's tab requirements list them for Teams,
 * Outlook and the Microsoft 365 app ("Set Content Security Policy headers to allow Teams and any
 * other host applications of your app"):
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements
 */
export const FRAME_ANCESTORS = [
  // All hosts (new): the cloud.microsoft domain that Teams, Outlook and Microsoft 365 move to.
  'https://*.cloud.microsoft',
  // Teams.
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  // The Microsoft 365 app.
  'https://*.microsoft365.com',
  'https://*.office.com',
  // Outlook.
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
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
  // The pair workspace's pre-authenticated download URLs (OneDrive for Business / SharePoint).
  ...DOWNLOAD_ORIGINS,
];

/**
 * The policy, with or without frame-ancestors; `demo` adds the local Fluid service that `npm start`
 * runs and lets the dev host (same origin) frame the surfaces.
 */
export function contentSecurityPolicy(options: { demo: boolean; withFrameAncestors: boolean }): string {
  const connect = options.demo ? [...CONNECT, 'http://localhost:7070', 'ws://localhost:7070'] : CONNECT;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // The programme proposal runs in a module worker from the app's own origin (src/app/composition/proposal-web-worker.ts);
    // said outright rather than left to script-src, and no blob: or data: workers.
    'worker-src': ["'self'"],
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
    // The demo's dev host frames the surfaces from the app's own origin.
    ...(options.withFrameAncestors ? { 'frame-ancestors': options.demo ? ["'self'", ...FRAME_ANCESTORS] : FRAME_ANCESTORS } : {}),
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
