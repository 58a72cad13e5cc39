/**
 * The live side of the shared agenda during a meeting, behind a small interface with two
 * implementations: Live Share (this file; `LiveShareHost` in Teams, `TestLiveShareHost` against the
 * local Fluid service in the demo and tests) and an in-memory hub (memory-live-agenda.ts) for unit
 * tests. Each client publishes its whole agenda state under its own key of a SharedMap; every
 * client merges what the others publish (a CRDT merge, so the order Fluid delivers in does not
 * matter and a late joiner catches up from the map). Presence and the item timer are Live Share's
 * own LivePresence and LiveTimer. https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/teams-live-share-capabilities
 */
import { LivePresence, LiveShareClient, LiveTimer, PresenceState, type ILiveShareClientOptions, type ILiveShareHost, type ITimerConfig } from '@microsoft/live-share';
import { ConnectionState, SharedMap, type IFluidContainer } from 'fluid-framework';
import type { AgendaDoc } from '@/domain/agenda/agenda';
import { parseAgenda } from './agenda-schema';

export type LiveConnection = 'connecting' | 'connected' | 'disconnected';

export interface Participant {
  readonly person: string;
  readonly name: string;
}

/** The timer for the item being discussed, as every participant sees it. */
export interface TimerState {
  readonly running: boolean;
  readonly durationMs: number;
  /** Time left when `at` (epoch ms) was measured. */
  readonly remainingMs: number;
  readonly at: number;
}

/** One participant's live session of a pair's agenda. */
export interface LiveAgenda {
  /** Shares this client's whole agenda state with the others. */
  publish(doc: AgendaDoc): void;
  /** Called with each agenda another client published (already validated). */
  onRemote(listener: (doc: AgendaDoc) => void): () => void;
  participants(): Participant[];
  onParticipants(listener: (people: Participant[]) => void): () => void;
  connection(): LiveConnection;
  onConnection(listener: (state: LiveConnection) => void): () => void;
  timer(): TimerState | undefined;
  startTimer(durationMs: number): void;
  pauseTimer(): void;
  resumeTimer(): void;
  onTimer(listener: (state: TimerState | undefined) => void): () => void;
  /** Drops and restores the connection (what a lost network does). */
  disconnect(): void;
  reconnect(): void;
  dispose(): void;
}

/** Minimal listener sets, so each implementation notifies the same way. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(value: T): void {
    for (const listener of [...this.set]) listener(value);
  }
}

const SCHEMA = { initialObjects: { states: SharedMap, presence: LivePresence, timer: LiveTimer } };

export interface JoinOptions {
  readonly host: ILiveShareHost;
  /** The local Fluid service for the demo and tests; in Teams the host says where to connect. */
  readonly connection?: ILiveShareClientOptions['connection'];
  /** This device's client id (stable across reloads) and the person. */
  readonly client: string;
  readonly person: string;
  readonly name: string;
}

/** Joins the meeting's Live Share container and the pair's agenda in it. */
export async function joinLiveAgenda(options: JoinOptions): Promise<LiveAgenda> {
  const client = new LiveShareClient(options.host, options.connection ? { connection: options.connection } : {});
  const { container } = await client.joinContainer(SCHEMA);
  const { states, presence, timer } = container.initialObjects as { states: SharedMap; presence: LivePresence<Participant>; timer: LiveTimer };
  return new LiveShareAgenda(container, states, presence, timer, options);
}

class LiveShareAgenda implements LiveAgenda {
  private readonly remote = new Listeners<AgendaDoc>();
  private readonly people = new Listeners<Participant[]>();
  private readonly connectionListeners = new Listeners<LiveConnection>();
  private readonly timerListeners = new Listeners<TimerState | undefined>();
  private timerState: TimerState | undefined;
  private readonly key: string;

  constructor(
    private readonly container: IFluidContainer,
    private readonly states: SharedMap,
    private readonly presence: LivePresence<Participant>,
    private readonly liveTimer: LiveTimer,
    options: JoinOptions,
  ) {
    this.key = `agenda:${options.client}`;
    states.on('valueChanged', (changed: { key: string }, local: boolean) => {
      if (local || changed.key === this.key) return;
      this.receive(states.get(changed.key));
    });
    container.on('connected', () => this.connectionListeners.emit('connected'));
    container.on('disconnected', () => this.connectionListeners.emit('disconnected'));
    presence.on('presenceChanged', () => this.people.emit(this.participants()));
    // The config says where the timer stood when it changed; count down locally from there.
    const onTimer = (config: ITimerConfig) => {
      this.timerState = { running: config.running, durationMs: config.duration, remainingMs: Math.max(0, config.duration - config.position), at: Date.now() };
      this.timerListeners.emit(this.timerState);
    };
    liveTimer.on('started', onTimer);
    liveTimer.on('played', onTimer);
    liveTimer.on('paused', onTimer);
    liveTimer.on('finished', (config: ITimerConfig) => onTimer({ ...config, running: false, position: config.duration }));
    // Ticks carry the time left as the shared clock sees it: right for someone who joined mid-item too.
    liveTimer.tickRate = 1000;
    liveTimer.on('onTick', (remainingMs: number) => {
      const previous = this.timerState;
      if (previous?.running && Math.abs(previous.remainingMs - (Date.now() - previous.at) - remainingMs) < 900) return;
      this.timerState = { running: true, durationMs: previous?.durationMs ?? remainingMs, remainingMs, at: Date.now() };
      this.timerListeners.emit(this.timerState);
    });
    void presence.initialize({ person: options.person, name: options.name }, PresenceState.online);
    void liveTimer.initialize();
    // What others published before we joined.
    for (const [key, value] of states) if (key !== this.key) this.receive(value);
  }

  private receive(value: unknown) {
    if (typeof value !== 'string') return;
    try {
      this.remote.emit(parseAgenda(JSON.parse(value), 'An agenda from another participant'));
    } catch {
      // A malformed state from another client is ignored; its next valid state will merge.
    }
  }

  publish(doc: AgendaDoc): void {
    this.states.set(this.key, JSON.stringify(doc));
  }
  onRemote(listener: (doc: AgendaDoc) => void) {
    return this.remote.add(listener);
  }
  participants(): Participant[] {
    const seen = new Map<string, Participant>();
    for (const user of this.presence.getUsers(PresenceState.online)) {
      const data = user.data;
      if (data?.person && !seen.has(data.person)) seen.set(data.person, { person: data.person, name: data.name });
    }
    return [...seen.values()];
  }
  onParticipants(listener: (people: Participant[]) => void) {
    return this.people.add(listener);
  }
  connection(): LiveConnection {
    const state = this.container.connectionState;
    return state === ConnectionState.Connected ? 'connected' : state === ConnectionState.Disconnected ? 'disconnected' : 'connecting';
  }
  onConnection(listener: (state: LiveConnection) => void) {
    return this.connectionListeners.add(listener);
  }
  timer() {
    return this.timerState;
  }
  startTimer(durationMs: number) {
    void this.liveTimer.start(durationMs);
  }
  pauseTimer() {
    void this.liveTimer.pause();
  }
  resumeTimer() {
    void this.liveTimer.play();
  }
  onTimer(listener: (state: TimerState | undefined) => void) {
    return this.timerListeners.add(listener);
  }
  disconnect() {
    this.container.disconnect();
  }
  reconnect() {
    this.container.connect();
  }
  dispose() {
    this.container.dispose();
  }
}
