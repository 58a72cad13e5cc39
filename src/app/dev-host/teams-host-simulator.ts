/**
 * The host side of the teams-js message protocol, enough to run this app's surfaces outside Teams:
 * initialize, getContext, theme changes, and the configuration page's validity and save.
 *
 * teams-js (2.x) posts `{ id, uuidAsString, func, args }` to `window.parent`; the host answers
 * `{ id, uuidAsString, args }` and pushes events as `{ func, args }`. Read from the teams-js sources
 * (internal/communication.js, internal/appHelpers.js, public/pages/config.js).
 */

import type { TabConfig } from '@/services/host/host';

export type SimulatedHostName = 'Teams' | 'Outlook';
export type SimulatedTheme = 'default' | 'dark' | 'contrast';
export type SimulatedFrameContext = 'content' | 'sidePanel' | 'meetingStage' | 'settings';

/** What one framed surface is told about itself. */
export interface FrameSpec {
  readonly frameContext: SimulatedFrameContext;
  readonly hostName: SimulatedHostName;
  readonly theme: SimulatedTheme;
  readonly locale: string;
  readonly user: { readonly id: string; readonly displayName: string; readonly userPrincipalName: string; readonly tenantId: string };
  readonly entityId?: string;
  /** The place a deep link asked for (teams-js gives it as `context.page.subPageId`). */
  readonly subEntityId?: string;
  readonly chatId?: string;
  readonly meetingId?: string;
}

/** What the dev host hears from its frames. */
export interface SimulatorEvents {
  onValidityChange?(frame: HTMLIFrameElement, valid: boolean): void;
  onTabSaved?(frame: HTMLIFrameElement, config: TabConfig): void;
  onSaveFailed?(frame: HTMLIFrameElement, reason: string): void;
  onReady?(frame: HTMLIFrameElement): void;
  onLog?(entry: string): void;
}

interface RequestMessage {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly func: string;
  readonly args?: unknown[];
}

const SDK_VERSION = '2.58.0';

/** The capabilities the dev host offers (teams-js runtime config, API version 4). */
const RUNTIME_CONFIG = {
  apiVersion: 4,
  isLegacyTeams: false,
  supports: {
    app: {},
    appEntity: {},
    pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
    teamsCore: {},
    meeting: {},
    interactive: {},
    sharing: {},
    stageView: {},
  },
};

/**
 * The runtime a host offers. Playing Outlook, the dev host leaves out `interactive` (Live Share), as
 * Outlook does: there teams-js's `liveShare.isSupported()` is false and `LiveShareHost.create()` throws.
 */
export function runtimeConfigFor(hostName: SimulatedHostName): { readonly supports: Readonly<Record<string, object>> } {
  if (hostName === 'Teams') return RUNTIME_CONFIG;
  return { ...RUNTIME_CONFIG, supports: Object.fromEntries(Object.entries(RUNTIME_CONFIG.supports).filter(([name]) => name !== 'interactive')) };
}

function isRequest(data: unknown): data is RequestMessage {
  return typeof data === 'object' && data !== null && typeof (data as RequestMessage).id === 'number' && typeof (data as RequestMessage).func === 'string';
}

/** Builds the legacy (v1) context object that teams-js turns into `app.Context`. */
export function legacyContext(spec: FrameSpec, sessionId: string): Record<string, unknown> {
  return {
    locale: spec.locale,
    theme: spec.theme,
    hostName: spec.hostName,
    hostClientType: 'web',
    frameContext: spec.frameContext,
    entityId: spec.entityId,
    ...(spec.subEntityId ? { subEntityId: spec.subEntityId } : {}),
    userObjectId: spec.user.id,
    userDisplayName: spec.user.displayName,
    userPrincipalName: spec.user.userPrincipalName,
    loginHint: spec.user.userPrincipalName,
    tid: spec.user.tenantId,
    appSessionId: sessionId,
    sessionId,
    chatId: spec.chatId,
    meetingId: spec.meetingId,
    isFullScreen: false,
  };
}

/** How the simulated host behaves beyond the protocol. */
export interface SimulatorOptions {
  /** Answers `initialize` this late, as a slow client does (the app must keep waiting, not become a web page). */
  readonly initializeDelayMs?: number;
}

/** Answers teams-js messages from registered frames as Teams would. */
export class TeamsHostSimulator {
  private readonly frames = new Map<HTMLIFrameElement, () => FrameSpec>();
  private readonly savedConfig = new Map<HTMLIFrameElement, TabConfig>();

  constructor(
    private readonly view: Window,
    private readonly events: SimulatorEvents = {},
    private readonly options: SimulatorOptions = {},
  ) {}

  /** Starts listening to the frames; returns the function that stops it. */
  listen(): () => void {
    this.view.addEventListener('message', this.onMessage);
    return () => this.view.removeEventListener('message', this.onMessage);
  }

  /** Starts answering a frame; `spec` is read at each request so it can change. */
  register(frame: HTMLIFrameElement, spec: () => FrameSpec): () => void {
    this.frames.set(frame, spec);
    return () => {
      this.frames.delete(frame);
      this.savedConfig.delete(frame);
    };
  }

  /** Tells every frame the theme changed, as Teams does when the user switches theme. */
  changeTheme(theme: SimulatedTheme): void {
    for (const frame of this.frames.keys()) this.post(frame, { func: 'themeChange', args: [theme] });
  }

  /** Presses the configuration dialog's Save button. */
  save(frame: HTMLIFrameElement): void {
    this.post(frame, { func: 'settings.save', args: [{}] });
  }

  private post(frame: HTMLIFrameElement, message: unknown) {
    frame.contentWindow?.postMessage(message, this.view.location.origin);
  }

  private readonly onMessage = (event: MessageEvent) => {
    if (event.origin !== this.view.location.origin || !isRequest(event.data)) return;
    const frame = [...this.frames.keys()].find((f) => f.contentWindow === event.source);
    const spec = frame && this.frames.get(frame);
    if (!frame || !spec) return;
    const request = event.data;
    const reply = (args: unknown[]) => frame.contentWindow?.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, event.origin);
    this.handle(frame, spec(), request, reply);
  };

  private handle(frame: HTMLIFrameElement, spec: FrameSpec, request: RequestMessage, reply: (args: unknown[]) => void) {
    const args = request.args ?? [];
    switch (request.func) {
      case 'initialize': {
        const answer = () => reply([spec.frameContext, 'web', JSON.stringify(runtimeConfigFor(spec.hostName)), SDK_VERSION]);
        if (this.options.initializeDelayMs) this.view.setTimeout(answer, this.options.initializeDelayMs);
        else answer();
        return;
      }
      case 'getContext':
        return reply([legacyContext(spec, `dev-host-${spec.user.id}`)]);
      case 'appInitialization.appLoaded':
      case 'registerHandler':
        return;
      case 'appInitialization.success':
        return this.events.onReady?.(frame);
      case 'appInitialization.failure':
      case 'appInitialization.expectedFailure':
        return this.events.onLog?.(`App reported a failure: ${String(args[1] ?? args[0])}`);
      case 'settings.setValidityState':
        return this.events.onValidityChange?.(frame, args[0] === true);
      case 'settings.setSettings':
        this.savedConfig.set(frame, args[0] as TabConfig);
        return reply([true]);
      case 'settings.getSettings':
        return reply([this.savedConfig.get(frame) ?? {}]);
      case 'settings.save.success': {
        const config = this.savedConfig.get(frame);
        if (config) this.events.onTabSaved?.(frame, config);
        else this.events.onSaveFailed?.(frame, 'The page reported success without calling setConfig.');
        return;
      }
      case 'settings.save.failure':
        return this.events.onSaveFailed?.(frame, String(args[0] ?? 'The page could not save.'));
      default:
        this.events.onLog?.(`The dev host does not implement "${request.func}"`);
        return reply([{ errorCode: 501, message: `${request.func} is not supported by the dev host` }]);
    }
  }
}
