import { useEffect } from 'react';

/** Whether the page is shown, and news when that changes (the document's `visibilityState`). */
export interface PageVisibility {
  readonly visible: () => boolean;
  /** Calls `listener` on every change; returns a function that stops. */
  readonly onChange: (listener: () => void) => () => void;
}

/** How often, and on which timers, what someone waits for is read again; injected so tests need no wall time. */
export interface RefreshSchedule {
  readonly intervalMs: number;
  /** Calls `tick` every `ms` until the returned function is called. */
  readonly every: (ms: number, tick: () => void) => () => void;
  readonly visibility: PageVisibility;
}

/**
 * Every two minutes: a request or an answer shows within that while the tab is open, and a tab left
 * open all day reads everyone's profiles about 30 times an hour at most.
 */
export const REFRESH_INTERVAL_MS = 120_000;

/** The browser's timers and the document's visibility. */
export const BROWSER_REFRESH: RefreshSchedule = {
  intervalMs: REFRESH_INTERVAL_MS,
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
  visibility: {
    visible: () => typeof document === 'undefined' || document.visibilityState === 'visible',
    onChange: (listener) => {
      if (typeof document === 'undefined') return () => undefined;
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  },
};

/**
 * Calls `refresh` every `schedule.intervalMs` while `enabled` and the page is visible; stops while it
 * is hidden and refreshes at once when it is shown again (the person came back to the tab).
 */
export function useRefreshWhileVisible(refresh: () => void, enabled: boolean, schedule: RefreshSchedule): void {
  useEffect(() => {
    if (!enabled) return;
    let stop: (() => void) | undefined;
    const start = () => {
      stop ??= schedule.every(schedule.intervalMs, refresh);
    };
    const halt = () => {
      stop?.();
      stop = undefined;
    };
    if (schedule.visibility.visible()) start();
    const unsubscribe = schedule.visibility.onChange(() => {
      if (!schedule.visibility.visible()) return halt();
      if (stop) return;
      refresh();
      start();
    });
    return () => {
      halt();
      unsubscribe();
    };
  }, [refresh, enabled, schedule]);
}
