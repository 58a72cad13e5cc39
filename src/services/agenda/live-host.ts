/**
 * Where Live Share runs. Inside Teams, Teams' own `LiveShareHost` (teams-js ≥ 2.23, created after
 * initialise); in the demo, Live Share's `TestLiveShareHost` against the local Fluid service that
 * `npm start` runs (tinylicious, port 7070), with the meeting's container id kept in this browser's
 * local storage so every frame of the dev host joins the same container. A Web Lock makes the
 * first frame create the container and the others wait for its id.
 */
import type { ILiveShareClientOptions, ILiveShareHost } from '@microsoft/live-share';
// eslint-disable-next-line no-restricted-imports -- moves to the composition root (issue 12)
import { DEMO_CONTAINER_PREFIX } from '@/demo/dev-host-protocol';
import { joinLiveAgenda, type LiveAgenda } from './live-agenda';
import type { LiveSeal } from './live-crypto';

export const DEMO_FLUID_ENDPOINT = 'http://localhost:7070';

interface Who {
  readonly client: string;
  readonly person: string;
  readonly name: string;
  /** The pair's key: nothing goes over Live Share unsealed. */
  readonly seal: LiveSeal;
}

/**
 * The host's own answer to "has this surface Live Share?" (teams-js `liveShare.isSupported()`: the
 * runtime's `interactive` capability in a `meetingStage`, `sidePanel` or `content` frame). Throws
 * where teams-js was not initialised or in another frame; `liveShareAvailable` (live-support.ts)
 * counts that as no.
 * https://learn.microsoft.com/javascript/api/@microsoft/teams-js/livesharehost
 */
export async function hostOffersLiveShare(): Promise<() => boolean> {
  const { liveShare } = await import('@microsoft/teams-js');
  return () => liveShare.isSupported();
}

/**
 * Joins the meeting's agenda through Teams' Live Share host. `LiveShareHost.create()` throws where
 * the host has no Live Share, and joining can fail (a meeting tab outside the call): the caller
 * keeps the saved agenda either way.
 */
export async function joinInTeams(who: Who): Promise<LiveAgenda> {
  const { LiveShareHost } = await import('@microsoft/teams-js');
  return joinLiveAgenda({ host: LiveShareHost.create() as unknown as ILiveShareHost, ...who });
}

/**
 * Joins the meeting's agenda through the local Fluid service (demo and tests). Inside the dev host
 * (`framed`), teams-js's `LiveShareHost.create()` is asked first, so a host the dev host plays
 * without Live Share (Outlook) refuses as the real one does.
 */
export async function joinInDemo(meetingKey: string, who: Who, options: { framed: boolean }): Promise<LiveAgenda> {
  if (options.framed) (await import('@microsoft/teams-js')).LiveShareHost.create();
  const [{ TestLiveShareHost }, { InsecureTokenProvider }] = await Promise.all([import('@microsoft/live-share'), import('@fluidframework/test-client-utils')]);
  const key = `${DEMO_CONTAINER_PREFIX}${meetingKey}`;
  // Azure's client wants a user with a name (an AzureUser), not only an id.
  const user = { id: who.client, name: who.name };
  const connection: ILiveShareClientOptions['connection'] = {
    type: 'local',
    endpoint: DEMO_FLUID_ENDPOINT,
    tokenProvider: new InsecureTokenProvider('', user),
  };
  const join = () =>
    joinLiveAgenda({
      host: TestLiveShareHost.create(
        () => localStorage.getItem(key) ?? undefined,
        (id) => localStorage.setItem(key, id),
      ),
      connection,
      ...who,
    });
  const attempt = async () => {
    try {
      return await join();
    } catch (error) {
      // A container of an earlier run of the local service: start a new one.
      if (!localStorage.getItem(key)) throw error;
      localStorage.removeItem(key);
      return join();
    }
  };
  return navigator.locks ? navigator.locks.request(key, attempt) : attempt();
}
