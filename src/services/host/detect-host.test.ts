import { describe, expect, it, vi } from 'vitest';
import { detectHost, framingOf, type HostTimers } from './detect-host';
import type { Host } from './host';

/** Timers that only move when the test says so. */
function manualTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  const timers: HostTimers = {
    setTimeout(callback, ms) {
      pending.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    pendingCount: () => pending.size,
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...pending]) {
        if (timer.at <= now) {
          pending.delete(id);
          timer.callback();
        }
      }
    },
  };
}

function fakeView(shape: { framed?: boolean; opener?: boolean; native?: boolean }): Window {
  const view = {
    navigator: { language: 'en-GB' },
    matchMedia: () => ({ matches: false, addEventListener() {}, removeEventListener() {} }),
    opener: shape.opener ? {} : null,
  } as Record<string, unknown>;
  view.parent = shape.framed ? {} : view;
  if (shape.native) view.nativeInterface = {};
  return view as unknown as Window;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const teamsHost = { context: { app: 'Teams', embedded: true } } as unknown as Host;
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('framingOf', () => {
  it.each([
    [{ framed: true }, 'framed'],
    [{ native: true }, 'framed'],
    [{ opener: true }, 'popup'],
    [{}, 'top-level'],
  ] as const)('calls %o %s', (shape, framing) => {
    expect(framingOf(fakeView(shape))).toBe(framing);
  });
});

describe('detectHost', () => {
  it('knows a plain browser tab at once, without asking teams-js', async () => {
    const connect = vi.fn();
    const host = await detectHost({ view: fakeView({}), connect, timers: manualTimers().timers });
    expect(host.context.app).toBe('Browser');
    expect(connect).not.toHaveBeenCalled();
  });

  it('keeps waiting for a slow host in a frame, says it is slow, and never turns into a browser tab', async () => {
    const answer = deferred<Host>();
    const clock = manualTimers();
    const onSlow = vi.fn();
    let result: Host | undefined;
    const framed = fakeView({ framed: true });
    void detectHost({ view: framed, connect: () => answer.promise, timers: clock.timers, slowAfterMs: 10_000, onSlow }).then((host) => (result = host));

    clock.advance(5_000); // the old code gave up here and ran as a web page
    await settle();
    expect(result).toBeUndefined();
    expect(onSlow).not.toHaveBeenCalled();

    clock.advance(5_000);
    expect(onSlow).toHaveBeenCalledTimes(1);
    clock.advance(60_000);
    await settle();
    expect(result).toBeUndefined();

    answer.resolve(teamsHost);
    await settle();
    expect(result).toBe(teamsHost);
    expect(clock.pendingCount()).toBe(0);
  });

  it('does not call a host that answers quickly slow', async () => {
    const clock = manualTimers();
    const onSlow = vi.fn();
    const connect = () => Promise.resolve(teamsHost);
    const host = await detectHost({ view: fakeView({ framed: true }), connect, timers: clock.timers, onSlow });
    clock.advance(60_000);
    expect(host).toBe(teamsHost);
    expect(onSlow).not.toHaveBeenCalled();
  });

  it('waits for the host in a mobile webview too', async () => {
    const answer = deferred<Host>();
    const clock = manualTimers();
    const detected = detectHost({ view: fakeView({ native: true }), connect: () => answer.promise, timers: clock.timers });
    clock.advance(30_000);
    answer.resolve(teamsHost);
    await expect(detected).resolves.toBe(teamsHost);
  });

  it('reports a framed page whose host fails, rather than asking a person in Teams to sign in as in a browser', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const detected = detectHost({
      view: fakeView({ framed: true }),
      connect: () => Promise.reject(new Error('Initialization Failed')),
      timers: manualTimers().timers,
    });
    await expect(detected).rejects.toThrow('Initialization Failed');
  });

  it('runs a window opened by another page as a web page when no host answers in time', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const clock = manualTimers();
    const never = () => new Promise<Host>(() => {});
    const detected = detectHost({ view: fakeView({ opener: true }), connect: never, timers: clock.timers, popupTimeoutMs: 5_000 });
    clock.advance(5_000);
    expect((await detected).context.app).toBe('Browser');
  });

  it('uses the host that answers a window it opened', async () => {
    const clock = manualTimers();
    const host = await detectHost({ view: fakeView({ opener: true }), connect: () => Promise.resolve(teamsHost), timers: clock.timers });
    expect(host).toBe(teamsHost);
    expect(clock.pendingCount()).toBe(0);
  });
});
