import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useServices } from '@/context/services-context';
import type { AgendaDoc, Editor } from '@/domain/agenda/agenda';
import type { AgendaSync, AgendaSyncState } from '@/services/agenda/agenda-sync';
import { parseWorkspaceRef } from '@/services/agenda/workspace-store';
import { openPairAgenda, type PairAgenda } from '@/application/meeting/open-pair-agenda';

/** The surface's clock: the one place the meeting tab reads the time. */
const systemClock = () => new Date();

/**
 * The pair agenda of the meeting this tab is in: the saved agenda first (from the pair workspace),
 * then live with the other participant once Live Share has loaded, after first paint.
 */
export function usePairAgenda(options: { live: boolean }): PairAgenda {
  const { graph, user, host, joinLive, watchNetwork, programmeGroupId } = useServices();
  const [state, setState] = useState<PairAgenda>({ status: 'resolving' });
  // Bumped by "Try again" on a failure: opens the agenda afresh.
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setState({ status: 'resolving' });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    let current = true;
    let sync: AgendaSync | undefined;
    let stopWatching: (() => void) | undefined;
    void (async () => {
      const live = await openPairAgenda({
        graph,
        programmeGroupId,
        me: { id: user.id, displayName: user.displayName },
        linked: parseWorkspaceRef(new URLSearchParams(window.location.search).get('workspace')),
        // The meeting chat's thread id (teams-js `context.chat.id`) names the meeting, to match against the pair's series.
        meeting: { chatId: host.context.chatId },
        storage: localStorage,
        now: systemClock,
        newSurfaceId: () => crypto.randomUUID().replaceAll('-', '').slice(0, 12),
        meetingKey: host.context.meetingId ?? host.context.chatId,
        ...(options.live
          ? {
              joinLive,
              onLiveFailure: (error) => console.warn('Live editing is not available on this surface; the agenda is saved to the workspace only.', error),
            }
          : {}),
        onState: (next) => {
          if (next.status === 'ready') sync = next.sync;
          setState(next.status === 'failed' ? { ...next, retry } : next);
        },
        isCurrent: () => current,
      });
      // A network switch for this person (the dev host's): Live Share drops with Graph.
      if (live && current) stopWatching = watchNetwork(user.id, (offline) => (offline ? live.disconnect() : live.reconnect()));
    })();
    return () => {
      current = false;
      stopWatching?.();
      sync?.dispose();
    };
  }, [graph, programmeGroupId, user.id, user.displayName, host.context, joinLive, watchNetwork, options.live, attempt, retry]);

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
