import { createBrowserHost } from './browser-host';
import type { Host } from './host';
import { connectTeamsHost } from './teams-host';

/** True when the page is framed (a tab) or opened by a host (a popup or a native webview). */
function mayHaveHost(view: Window): boolean {
  return view.parent !== view || view.opener != null || 'nativeInterface' in view;
}

/**
 * Finds the host the app runs in: Teams, Outlook or the Microsoft 365 app (also the dev host, which
 * speaks the same protocol), or a plain browser tab when there is no host or it does not answer.
 */
export async function detectHost(options: {
  readonly timeoutMs: number;
  readonly extraOrigins?: readonly string[];
  readonly view?: Window;
}): Promise<Host> {
  const view = options.view ?? window;
  if (!mayHaveHost(view)) return createBrowserHost(view);
  try {
    return await connectTeamsHost(options.timeoutMs, options.extraOrigins);
  } catch (error) {
    console.warn('No Microsoft 365 host answered; running as a web page.', error);
    return createBrowserHost(view);
  }
}
