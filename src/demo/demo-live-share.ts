/**
 * Live Share in the demo: Live Share's `TestLiveShareHost` against the local Fluid service that
 * `npm start` runs (tinylicious, port 7070), with the meeting's container id kept in this browser's
 * local storage so every frame of the dev host joins the same container. A Web Lock makes the
 * first frame create the container and the others wait for its id.
 */
import type { ILiveShareClientOptions } from '@microsoft/live-share';
import { joinLiveAgenda, type LiveAgenda } from '@/services/agenda/live-agenda';
import type { LiveWho } from '@/services/agenda/live-host';
import { DEMO_CONTAINER_PREFIX } from './dev-host-protocol';

/** The local Fluid service `npm start` runs for the demo. */
export const DEMO_FLUID_ENDPOINT = 'http://localhost:7070';

/**
 * Joins the meeting's agenda through the local Fluid service (demo and tests). Inside the dev host
 * (`framed`), teams-js's `LiveShareHost.create()` is asked first, so a host the dev host plays
 * without Live Share (Outlook) refuses as the real one does.
 */
export async function joinInDemo(meetingKey: string, who: LiveWho, options: { framed: boolean }): Promise<LiveAgenda> {
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
