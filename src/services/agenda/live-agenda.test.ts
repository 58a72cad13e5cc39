import { EventEmitter } from 'node:events';
import { PresenceState } from '@microsoft/live-share';
import { describe, expect, it } from 'vitest';
import { liveAgendaOver, sealParticipant, type Every, type LiveObjects, type Participant } from './live-agenda';
import { LiveSeal, newLiveKey } from './live-crypto';

/**
 * Live Share's presence as its 1.x source has it (LivePresence, LivePresenceUser): each client
 * sends its presence every `liveRuntime.objectManager.updateInterval` ms (default 10 000); a remote
 * user not heard from for `expirationPeriod` seconds (default 20) is `PresenceState.offline` when
 * asked (`user.state`), and no event says so. The clock is the test's.
 */
class FakePresence extends EventEmitter {
  expirationPeriod = 20;
  readonly liveRuntime = { objectManager: { updateInterval: 10_000 } };
  readonly users: { data: { sealed?: unknown }; lastUpdate: number; local: boolean; readonly state: PresenceState }[] = [];
  constructor(private readonly clock: { now: number }) {
    super();
  }
  private user(data: { sealed?: unknown }, local: boolean) {
    const { clock } = this;
    const expiration = () => this.expirationPeriod * 1000;
    return {
      data,
      local,
      lastUpdate: clock.now,
      get state() {
        return !this.local && clock.now - this.lastUpdate > expiration() ? PresenceState.offline : PresenceState.online;
      },
    };
  }
  initialize(data: { sealed?: unknown }) {
    this.users.push(this.user(data, true));
    this.emit('presenceChanged');
    return Promise.resolve();
  }
  remote(data: { sealed?: unknown }) {
    const user = this.user(data, false);
    this.users.push(user);
    this.emit('presenceChanged');
    return user;
  }
  getUsers(filter?: PresenceState) {
    return filter ? this.users.filter((u) => u.state === filter) : this.users;
  }
}

function liveWithFakes(seal: LiveSeal, clock: { now: number }) {
  const ticks: (() => void)[] = [];
  const every: Every = (_ms, tick) => {
    ticks.push(tick);
    return () => ticks.splice(ticks.indexOf(tick), 1);
  };
  const presence = new FakePresence(clock);
  const container = Object.assign(new EventEmitter(), { connectionState: 2, dispose: () => undefined });
  const states = Object.assign(new EventEmitter(), { [Symbol.iterator]: () => new Map().entries(), get: () => undefined, set: () => undefined });
  const timer = Object.assign(new EventEmitter(), { initialize: () => Promise.resolve() });
  const objects = { container, states, presence, timer } as unknown as LiveObjects;
  const live = liveAgendaOver(objects, { client: 'm-panel', person: 'margaret', name: 'Margaret', seal, every });
  return { live, presence, tick: () => ticks.forEach((t) => t()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('who is here now', () => {
  it('follows Live Share presence: a partner who went offline is gone within a few seconds, and one still sending stays', async () => {
    const seal = await LiveSeal.fromKey(await newLiveKey());
    const clock = { now: 0 };
    const { live, presence, tick } = liveWithFakes(seal, clock);
    const seen: Participant[][] = [];
    live.onParticipants((people) => seen.push(people));
    await settle();
    const diego = presence.remote({ sealed: await sealParticipant(seal, { person: 'diego', name: 'Diego' }) });
    await settle();
    expect(live.participants().map((p) => p.person)).toEqual(['diego', 'margaret']);

    // Diego's client keeps sending its presence at the interval the adapter set: he stays here.
    const interval = presence.liveRuntime.objectManager.updateInterval;
    for (let t = 0; t < 30_000; t += interval) {
      clock.now = t;
      diego.lastUpdate = t;
      tick();
    }
    expect(live.participants().map((p) => p.person)).toEqual(['diego', 'margaret']);

    // Then his network drops: nothing more comes. Within 5 s he is no longer shown as here.
    const last = diego.lastUpdate;
    for (let t = last; t <= last + 5_000; t += 500) {
      clock.now = t;
      tick();
    }
    expect(live.participants().map((p) => p.person)).toEqual(['margaret']);
    expect(seen.at(-1)!.map((p) => p.person)).toEqual(['margaret']);
    live.dispose();
  });

  it('shows no one whose presence does not open with the pair’s key', async () => {
    const seal = await LiveSeal.fromKey(await newLiveKey());
    const other = await LiveSeal.fromKey(await newLiveKey());
    const { live, presence } = liveWithFakes(seal, { now: 0 });
    await settle();
    presence.remote({ sealed: await sealParticipant(other, { person: 'mallory', name: 'Diego' }) });
    presence.remote({ sealed: { iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAA' } });
    presence.remote({});
    await settle();
    expect(live.participants().map((p) => p.person)).toEqual(['margaret']);
    live.dispose();
  });
});
