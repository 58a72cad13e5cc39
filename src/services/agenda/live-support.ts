/**
 * Whether a surface can have live editing (Live Share), decided from what the host says before
 * anything is created, so a host without it never sees a failing call:
 *
 * - Live Share is a Teams feature: Outlook and the Microsoft 365 app do not offer it
 *   (https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/teams-live-share-overview).
 * - teams-js creates a `LiveShareHost` only in the `meetingStage`, `sidePanel` and `content` frames,
 *   and only when the host's runtime has the `interactive` capability: `liveShare.isSupported()`
 *   says so, and throws before `app.initialize()` has completed or in another frame; where it is
 *   false, `LiveShareHost.create()` throws "LiveShareHost Not supported" (teams-js 2.x,
 *   public/liveShareHost.js; https://learn.microsoft.com/javascript/api/@microsoft/teams-js/livesharehost).
 * - Live Share in `content` frames (meeting chat and details tabs) runs on Teams desktop and web
 *   only, not on Teams mobile
 *   (https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/teams-live-share-capabilities).
 *
 * A surface that passes can still fail to join (a meeting tab opened outside the call, a network
 * that drops): the caller treats that failure the same way.
 */
import type { HostContext } from '../host/host';

const LIVE_FRAMES: ReadonlySet<string> = new Set(['sidePanel', 'meetingStage', 'content']);
const MOBILE_CLIENTS: ReadonlySet<string> = new Set(['android', 'ios', 'ipados', 'visionOS']);

/**
 * True when this surface may try to join Live Share.
 *
 * @param context what the host said about this surface.
 * @param interactive the host's own answer (teams-js `liveShare.isSupported()`); a throw counts as no.
 */
export function liveShareAvailable(context: Pick<HostContext, 'app' | 'frameContext' | 'clientType'>, interactive: () => boolean): boolean {
  if (context.app !== 'Teams') return false;
  if (!LIVE_FRAMES.has(context.frameContext)) return false;
  if (context.frameContext === 'content' && MOBILE_CLIENTS.has(context.clientType)) return false;
  try {
    return interactive() === true;
  } catch {
    return false;
  }
}
