/**
 * The Live Share adapter against the real thing: two clients of one container on the local Fluid
 * service that the browser tests' global setup runs (tinylicious, port 7070), as the demo runs it.
 * It needs no browser; it sits with the browser tests for that service.
 */
import { InsecureTokenProvider } from '@fluidframework/test-client-utils';
import { TestLiveShareHost } from '@microsoft/live-share';
import { describe, expect, it } from 'vitest';
import { addItem, emptyAgenda, liveItems, mergeAgendas, valueOf, type AgendaDoc } from '../src/domain/agenda/agenda';
import { joinLiveAgenda, type LiveAgenda } from '../src/services/agenda/live-agenda';
import { LiveSeal, newLiveKey } from '../src/services/agenda/live-crypto';

async function pair() {
  let containerId: string | undefined;
  const seal = await LiveSeal.fromKey(await newLiveKey());
  const join = (client: string, person: string, key = seal) => {
    const user = { id: client, name: person };
    return joinLiveAgenda({
      host: TestLiveShareHost.create(
        () => containerId,
        (id) => {
          containerId = id;
        },
      ),
      connection: { type: 'local', endpoint: 'http://localhost:7070', tokenProvider: new InsecureTokenProvider('', user) },
      client,
      person,
      name: person,
      seal: key,
    });
  };
  const a = await join('contract-a', 'margaret');
  const b = await join('contract-b', 'diego');
  return [a, b, join] as const;
}

/** Resolves with the first remote agenda that satisfies the check. */
const received = (live: LiveAgenda, check: (doc: AgendaDoc) => boolean) =>
  new Promise<AgendaDoc>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Nothing arrived in time')), 10_000);
    const off = live.onRemote((doc) => {
      if (!check(doc)) return;
      clearTimeout(timer);
      off();
      resolve(doc);
    });
  });

describe('Live Share, two clients on the local Fluid service', () => {
  it('carries one client’s agenda to the other, shows who is here, and catches up after a disconnect', async () => {
    const [a, b] = await pair();
    try {
      const editor = { client: 'contract-a', person: 'margaret' };
      const first = addItem(emptyAgenda(), editor, { id: 'x', text: 'Generative AI', session: '2027-01-05' });
      const arriving = received(b, (doc) => 'x' in doc.items);
      a.publish(first);
      expect(valueOf((await arriving).items.x!.text)).toBe('Generative AI');
      await expect
        .poll(
          () =>
            b
              .participants()
              .map((p) => p.person)
              .sort(),
          { timeout: 10_000 },
        )
        .toEqual(['diego', 'margaret']);

      // B drops; A writes meanwhile; B comes back and gets it.
      b.disconnect();
      await expect.poll(() => b.connection(), { timeout: 10_000 }).toBe('disconnected');
      const second = addItem(first, editor, { id: 'y', text: 'Short video', session: '2027-01-05' });
      const catchingUp = received(b, (doc) => 'y' in doc.items);
      a.publish(second);
      b.reconnect();
      const merged = mergeAgendas(emptyAgenda(), await catchingUp);
      expect(liveItems(merged).map((i) => i.id)).toEqual(['x', 'y']);
    } finally {
      a.dispose();
      b.dispose();
    }
  }, 60_000);

  it('seals what goes over it: someone else in the meeting, without the pair’s key, reads only ciphertext and cannot inject', async () => {
    const [a, b, join] = await pair();
    const stranger = await join('contract-x', 'mallory', await LiveSeal.fromKey(await newLiveKey()));
    try {
      const heard: AgendaDoc[] = [];
      stranger.onRemote((doc) => heard.push(doc));
      const fromStranger: AgendaDoc[] = [];
      b.onRemote((doc) => {
        if ('evil' in doc.items) fromStranger.push(doc);
      });
      // The stranger publishes first; then A: B gets A's item and never the stranger's.
      stranger.publish(addItem(emptyAgenda(), { client: 'contract-x', person: 'mallory' }, { id: 'evil', text: 'Injected', session: '2027-01-05' }));
      const arriving = received(b, (doc) => 'secret' in doc.items);
      a.publish(addItem(emptyAgenda(), { client: 'contract-a', person: 'margaret' }, { id: 'secret', text: 'Only for the pair', session: '2027-01-05' }));
      await arriving;
      // The pair see each other here, never the stranger; the stranger sees only itself.
      await expect
        .poll(
          () =>
            b
              .participants()
              .map((p) => p.person)
              .sort(),
          { timeout: 10_000 },
        )
        .toEqual(['diego', 'margaret']);
      await expect.poll(() => stranger.participants().map((p) => p.person), { timeout: 10_000 }).toEqual(['mallory']);
      expect(heard).toEqual([]);
      expect(fromStranger).toEqual([]);
    } finally {
      stranger.dispose();
      a.dispose();
      b.dispose();
    }
  }, 60_000);
});
