/**
 * Where Live Share runs inside Teams: Teams' own `LiveShareHost` (teams-js ≥ 2.23, created after
 * initialise). The demo's local Fluid service is the demo's (src/demo/demo-live-share.ts); the
 * composition root (src/app/composition) chooses between them.
 */
import type { ILiveShareHost } from '@microsoft/live-share';
import { joinLiveAgenda, type LiveAgenda } from './live-agenda';
import type { LiveSeal } from './live-crypto';

/** Who joins a meeting's live agenda: this surface's replica id, the person, their name, and the pair's key. */
export interface LiveWho {
  readonly client: string;
  readonly person: string;
  readonly name: string;
  /** The pair's key: nothing goes over Live Share unsealed. */
  readonly seal: LiveSeal;
}

/**
 * Joins a meeting's live agenda where this surface can have one. Resolves undefined where the host
 * has no Live Share (checked before anything is created); a throw means joining failed.
 */
export type JoinLive = (meetingKey: string, who: LiveWho) => Promise<LiveAgenda | undefined>;

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
export async function joinInTeams(who: LiveWho): Promise<LiveAgenda> {
  const { LiveShareHost } = await import('@microsoft/teams-js');
  return joinLiveAgenda({ host: LiveShareHost.create() as unknown as ILiveShareHost, ...who });
}
