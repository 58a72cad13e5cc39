/**
 * A refresh schedule the test drives: no wall time. `tick()` fires the interval (if it runs), and
 * `show(false)` / `show(true)` hide and show the page as `document.visibilityState` would.
 */
import type { RefreshSchedule } from '@/context/use-refresh-while-visible';

export interface ManualRefresh {
  readonly schedule: RefreshSchedule;
  /** Fires the interval once, as the timer would; nothing happens while it is stopped. */
  readonly tick: () => void;
  /** Shows or hides the page, telling the listeners. */
  readonly show: (visible: boolean) => void;
  /** Whether an interval is running. */
  readonly running: () => boolean;
}

export function manualRefresh(intervalMs = 120_000): ManualRefresh {
  const ticks = new Set<() => void>();
  const listeners = new Set<() => void>();
  let visible = true;
  return {
    schedule: {
      intervalMs,
      every: (_ms, tick) => {
        ticks.add(tick);
        return () => ticks.delete(tick);
      },
      visibility: {
        visible: () => visible,
        onChange: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
    },
    tick: () => [...ticks].forEach((tick) => tick()),
    show: (next) => {
      visible = next;
      [...listeners].forEach((listener) => listener());
    },
    running: () => ticks.size > 0,
  };
}
