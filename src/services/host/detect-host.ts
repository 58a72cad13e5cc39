import { createBrowserHost } from './browser-host';
import type { Host } from './host';
import { connectTeamsHost } from './teams-host';

/** Timers, injected so tests never wait on the wall clock. */
export interface HostTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How the page was opened, which says whether a Microsoft 365 host can be talking to it. */
export type Framing = 'framed' | 'popup' | 'top-level';

/**
 * Where the page sits. teams-js talks to `window.parent` in a tab, to `window.opener` in a window it
 * opened (a dialog or sign-in window), and to `nativeInterface` in the mobile apps' webviews; a page
 * with none of those is a plain browser tab, known at once without waiting for anything.
 *
 * A framed page is always a host's tab: the Content-Security-Policy's `frame-ancestors` lets only
 * Teams, Outlook and the Microsoft 365 app frame it (and the dev host, same origin, in the demo).
 */
export function framingOf(view: Window): Framing {
  if (view.parent !== view || 'nativeInterface' in view) return 'framed';
  if (view.opener != null) return 'popup';
  return 'top-level';
}

/**
 * What detection may be given: origins teams-js should accept besides its own list (the dev host in
 * the demo), and the window, connection and timers, which tests replace.
 */
export interface DetectHostOptions {
  readonly extraOrigins?: readonly string[];
  readonly view?: Window;
  /** Connects to the host with teams-js; injected in tests. */
  readonly connect?: (extraOrigins: readonly string[]) => Promise<Host>;
  readonly timers?: HostTimers;
  /** A window opened by another page (not framed) runs as a web page if no host answers within this time. */
  readonly popupTimeoutMs?: number;
  /** After this long without an answer from a framing host, {@link DetectHostOptions.onSlow} is called. */
  readonly slowAfterMs?: number;
  /** The framing host is slow: say so, and keep waiting. */
  readonly onSlow?: () => void;
}

/** How long a window opened by another page waits for a host before it runs as a web page. */
export const POPUP_TIMEOUT_MS = 5000;
/** When the "still connecting" note appears for a framed page. */
export const SLOW_HOST_MS = 10_000;

/**
 * Finds the host the app runs in: Teams, Outlook or the Microsoft 365 app (also the dev host, which
 * speaks the same protocol), or a plain browser tab.
 *
 * - Top level, not opened by another page: a browser tab, at once.
 * - Framed (a tab) or in a mobile webview: the host, however long it takes to answer. A slow host is
 *   not a browser; `onSlow` lets the page say it is still connecting. If teams-js fails, this rejects.
 * - Opened by another page: the host if it answers within `popupTimeoutMs`, else a browser tab.
 */
export async function detectHost(options: DetectHostOptions = {}): Promise<Host> {
  const view = options.view ?? window;
  const connect = options.connect ?? connectTeamsHost;
  const timers = options.timers ?? globalThis;
  const extraOrigins = options.extraOrigins ?? [];
  const framing = framingOf(view);
  if (framing === 'top-level') return createBrowserHost(view);

  if (framing === 'framed') {
    const slow = options.onSlow && timers.setTimeout(options.onSlow, options.slowAfterMs ?? SLOW_HOST_MS);
    try {
      return await connect(extraOrigins);
    } finally {
      if (slow !== undefined) timers.clearTimeout(slow);
    }
  }

  let timer: unknown;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = timers.setTimeout(() => resolve('timeout'), options.popupTimeoutMs ?? POPUP_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([connect(extraOrigins), timeout]);
    if (answer !== 'timeout') return answer;
    console.warn('No Microsoft 365 host answered this window; running as a web page.');
  } catch (error) {
    console.warn('No Microsoft 365 host answered this window; running as a web page.', error);
  } finally {
    timers.clearTimeout(timer);
  }
  return createBrowserHost(view);
}
