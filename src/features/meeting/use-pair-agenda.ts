import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useServices } from '@/components/services-context';
import type { AgendaDoc, Editor } from '@/domain/agenda/agenda';
import { sessionOn, type BookingRecord } from '@/domain/booking/pair-schedule';
import { parseAgenda } from '@/services/agenda/agenda-schema';
import { AgendaSync, type AgendaSyncState } from '@/services/agenda/agenda-sync';
import { parseWorkspaceRef, readWorkspace, saveAgenda, type WorkspaceRef } from '@/services/agenda/workspace-store';
import { NETWORK_CHANNEL } from '@/services/graph/fake/fault-presets';
import type { GraphClient } from '@/services/graph/graph-client';
import { readMyProfile, readProfiles } from '@/services/profile/profile-store';

/** The two people of a pair, by role. */
export interface PairPeople {
  readonly executive: { readonly id: string; readonly name: string };
  readonly mentor: { readonly id: string; readonly name: string };
}

export type PairAgenda =
  | { readonly status: 'resolving' }
  | { readonly status: 'unlinked' }
  | { readonly status: 'failed'; readonly message: string }
  | {
      readonly status: 'ready';
      readonly sync: AgendaSync;
      readonly people: PairPeople;
      readonly me: string;
      /** The session this meeting is (a UTC date). */
      readonly session: string;
      readonly booking: BookingRecord | undefined;
    };

/** This person's id on this device for agenda edits: stable across reloads, different per browser and person. */
function deviceClient(person: string): string {
  const key = 'agenda-device-id';
  let id = localStorage.getItem(key);
  if (!id) localStorage.setItem(key, (id = crypto.randomUUID().slice(0, 8)));
  return `${person}:${id}`;
}

/** The pair this person's meeting belongs to: from the tab's link, else their booking. */
async function resolvePair(client: GraphClient, me: string, linked: WorkspaceRef | undefined) {
  const mine = await readMyProfile(client, me);
  const own = mine && !('damaged' in mine) ? mine : undefined;
  const candidates: { booking: BookingRecord; executiveId: string }[] = [];
  for (const booking of own?.bookings ?? []) if (!booking.ended) candidates.push({ booking, executiveId: me });
  if (own?.accepted?.length) {
    const { profiles } = await readProfiles(client, own.accepted);
    for (const p of profiles) for (const booking of p.bookings ?? []) if (booking.with === me && !booking.ended) candidates.push({ booking, executiveId: p.personId });
  }
  const byRef = linked && candidates.find((c) => c.booking.ref === `${linked.driveId}/${linked.itemId}`);
  const chosen = byRef ?? candidates.find((c) => c.booking.ref);
  const ref = linked ?? parseWorkspaceRef(chosen?.booking.ref);
  if (!ref) return undefined;
  return { ref, booking: chosen?.booking, executiveId: chosen?.executiveId, mentorId: chosen ? (chosen.executiveId === me ? chosen.booking.with : me) : undefined };
}

async function nameOf(client: GraphClient, id: string): Promise<string> {
  try {
    return (await client.get<{ displayName?: string }>(`/users/${encodeURIComponent(id)}?$select=id,displayName`, ['User.Read.All'])).displayName ?? 'Your partner';
  } catch {
    return 'Your partner';
  }
}

/**
 * The pair agenda of the meeting this tab is in: the saved agenda first (from the pair workspace),
 * then live with the other participant once Live Share has loaded, after first paint.
 */
export function usePairAgenda(options: { live: boolean }): PairAgenda {
  const { graph, user, config, host } = useServices();
  const [state, setState] = useState<PairAgenda>({ status: 'resolving' });

  useEffect(() => {
    let current = true;
    let sync: AgendaSync | undefined;
    let channel: BroadcastChannel | undefined;
    void (async () => {
      try {
        const client = await graph();
        const linked = parseWorkspaceRef(new URLSearchParams(window.location.search).get('workspace'));
        const pair = await resolvePair(client, user.id, linked);
        if (!current) return;
        if (!pair) return setState({ status: 'unlinked' });
        const stored = await readWorkspace(client, pair.ref);
        const executiveId = pair.executiveId ?? stored.document.pair.executiveId;
        const mentorId = pair.mentorId ?? stored.document.pair.mentorId;
        const partnerId = executiveId === user.id ? mentorId : executiveId;
        const partnerName = await nameOf(client, partnerId);
        const myName = user.displayName ?? 'You';
        const editor: Editor = { client: deviceClient(user.id), person: user.id };
        const cacheKey = `agenda-cache:${pair.ref.driveId}/${pair.ref.itemId}`;
        // The first load is the read above; a later one (after going offline) reads again.
        let first: typeof stored | undefined = stored;
        sync = new AgendaSync({
          editor,
          load: async () => {
            const ready = first;
            first = undefined;
            return ready ?? readWorkspace(client, pair.ref);
          },
          save: (doc, last) => saveAgenda(client, pair.ref, doc, last),
          cache: {
            read: () => {
              try {
                const raw = localStorage.getItem(cacheKey);
                return raw ? parseAgenda(JSON.parse(raw)) : undefined;
              } catch {
                return undefined;
              }
            },
            write: (doc: AgendaDoc) => localStorage.setItem(cacheKey, JSON.stringify(doc)),
          },
        });
        await sync.start();
        if (!current) return sync.dispose();
        const today = new Date().toISOString().slice(0, 10);
        setState({
          status: 'ready',
          sync,
          me: user.id,
          session: pair.booking ? sessionOn(pair.booking, today) : today,
          booking: pair.booking,
          people: {
            executive: { id: executiveId, name: executiveId === user.id ? myName : partnerName },
            mentor: { id: mentorId, name: mentorId === user.id ? myName : partnerName },
          },
        });
        if (!options.live) return;
        // Live Share and Fluid load after the saved agenda is on screen.
        const who = { client: editor.client, person: user.id, name: myName };
        const meetingKey = host.context.meetingId ?? host.context.chatId ?? `${pair.ref.driveId}/${pair.ref.itemId}`;
        const liveHost = await import('@/services/agenda/live-host');
        const live = config.mode === 'demo' ? await liveHost.joinInDemo(meetingKey, who) : await liveHost.joinInTeams(who);
        if (!current) return live.dispose();
        sync.attachLive(live);
        if (config.mode === 'demo' && typeof BroadcastChannel !== 'undefined') {
          // The dev host's network switch for this person: drop Live Share and Graph together.
          const { browserFakeGraph } = await import('@/services/graph/fake/browser-fake-graph');
          channel = new BroadcastChannel(NETWORK_CHANNEL);
          channel.onmessage = (event: MessageEvent<{ person?: string; offline?: boolean }>) => {
            if (event.data.person !== user.id) return;
            browserFakeGraph().setFaults({ offline: event.data.offline === true });
            if (event.data.offline) live.disconnect();
            else live.reconnect();
          };
        }
      } catch (error) {
        if (current) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      current = false;
      channel?.close();
      sync?.dispose();
    };
  }, [graph, user.id, user.displayName, config.mode, host.context.meetingId, host.context.chatId, options.live]);

  return state;
}

const NO_SYNC: AgendaSyncState | undefined = undefined;

/** The current state of an agenda sync, re-rendering on every change, and a way to edit. */
export function useAgendaSync(sync: AgendaSync | undefined) {
  const subscribe = useCallback((notify: () => void) => sync?.subscribe(notify) ?? (() => undefined), [sync]);
  const state = useSyncExternalStore(subscribe, () => sync?.current ?? NO_SYNC);
  const edit = useCallback((change: (doc: AgendaDoc, editor: Editor) => AgendaDoc) => sync?.edit(change), [sync]);
  return { state, edit };
}
