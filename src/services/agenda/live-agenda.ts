/**
 * The live side of the shared agenda during a meeting, behind a small interface with two
 * implementations: Live Share (this file; `LiveShareHost` in Teams, `TestLiveShareHost` against the
 * local Fluid service in the demo and tests) and an in-memory hub (memory-live-agenda.ts) for unit
 * tests. Each client publishes its whole agenda state under its own key of a SharedMap; every
 * client merges what the others publish (a CRDT merge, so the order Fluid delivers in does not
 * matter and a late joiner catches up from the map). Presence and the item timer are Live Share's
 * own LivePresence and LiveTimer. https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/teams-live-share-capabilities
 *
 * Anyone in the meeting can join its container, so every agenda state and every presence (it
 * carries names) is sealed with the pair's key (live-crypto.ts) and bound to the slot it is
 * published under; what does not open is ignored. The timer carries only durations and stays plain.
 *
 * Presence follows Live Share's: each client sends its presence again every `updateInterval`
 * (Live Share's default 10 s) and a user not heard from for `expirationPeriod` (default 20 s) is
 * `PresenceState.offline` — but no event says so, and with the defaults a partner who left showed
 * as here for up to 20 s. So presence is sent every {@link PRESENCE_UPDATE_MS}, expires after
 * {@link PRESENCE_EXPIRATION_S}, and the list of who is here is looked at again every second.
 * https://learn.microsoft.com/javascript/api/@microsoft/live-share/livepresence
 */
import { LivePresence, LiveShareClient, LiveTimer, PresenceState, type ILiveShareClientOptions, type ILiveShareHost, type ITimerConfig } from '@microsoft/live-share';
import { ConnectionState, SharedMap, type IFluidContainer } from 'fluid-framework';
import { z } from 'zod';
import type { AgendaDoc } from '@/domain/agenda/agenda';
import { parseAgenda } from './agenda-schema';
import type { LiveSeal } from './live-crypto';

/** How often each client sends its presence again (Live Share's `objectManager.updateInterval`, ms). */
export const PRESENCE_UPDATE_MS = 1_500;
/** Seconds without a presence update before Live Share counts a user offline (`expirationPeriod`). */
export const PRESENCE_EXPIRATION_S = 4;
/** How often who is here is looked at again (expiry raises no event). */
export const PRESENCE_CHECK_MS = 1_000;

/** How this client's link to the meeting's Fluid container stands, as Fluid reports it. */
export type LiveConnection = 'connecting' | 'connected' | 'disconnected';

/** Someone here on the pair's agenda now: their person id and the name shown beside it. */
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

const participantSchema = z.object({ person: z.string().min(1).max(80), name: z.string().max(256) });

/** An agenda, sealed for its slot. */
export async function sealAgenda(seal: LiveSeal, doc: AgendaDoc, slot: string) {
  return seal.seal(JSON.stringify(doc), slot);
}

/** The agenda in a value published under this slot; undefined for anything that does not open or is not an agenda. */
export async function openAgenda(seal: LiveSeal, value: unknown, slot: string): Promise<AgendaDoc | undefined> {
  const text = await seal.open(value, slot);
  if (text === undefined) return undefined;
  try {
    return parseAgenda(JSON.parse(text), 'An agenda from another participant');
  } catch {
    // Sealed with the pair's key but not an agenda: ignored, as a stranger's would be.
    return undefined;
  }
}

export const PRESENCE_SLOT = 'presence';

/** A participant, sealed (presence carries names). */
export async function sealParticipant(seal: LiveSeal, me: Participant) {
  return seal.seal(JSON.stringify(me), PRESENCE_SLOT);
}

/** The participant in a presence value; undefined for anything that does not open. */
export async function openParticipant(seal: LiveSeal, value: unknown): Promise<Participant | undefined> {
  const text = await seal.open(value, PRESENCE_SLOT);
  if (text === undefined) return undefined;
  try {
    const parsed = participantSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `tick` every `ms` until the returned function is called (injected in tests). */
export type Every = (ms: number, tick: () => void) => () => void;
const every: Every = (ms, tick) => {
  const handle = setInterval(tick, ms);
  return () => clearInterval(handle);
};

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

/** What joining needs: the host to reach Live Share through, who this client is, and the pair's key. */
export interface JoinOptions {
  readonly host: ILiveShareHost;
  /** The local Fluid service for the demo and tests; in Teams the host says where to connect. */
  readonly connection?: ILiveShareClientOptions['connection'];
  /** This surface's replica id, and the person. */
  readonly client: string;
  readonly person: string;
  readonly name: string;
  /** The pair's key: everything this client publishes is sealed with it. */
  readonly seal: LiveSeal;
  /** For tests: the clock that re-checks presence. */
  readonly every?: Every;
}

/** Joins the meeting's Live Share container and the pair's agenda in it. */
export async function joinLiveAgenda(options: JoinOptions): Promise<LiveAgenda> {
  const client = new LiveShareClient(options.host, options.connection ? { connection: options.connection } : {});
  const { container } = await client.joinContainer(SCHEMA);
  const { states, presence, timer } = container.initialObjects as { states: SharedMap; presence: LivePresence<PresenceData>; timer: LiveTimer };
  return new LiveShareAgenda(container, states, presence, timer, options);
}

/** What a client's presence carries: its participant, sealed. */
interface PresenceData {
  readonly sealed?: unknown;
}

/** The objects of a joined container, for tests that stand in for Fluid. */
export interface LiveObjects {
  readonly container: IFluidContainer;
  readonly states: SharedMap;
  readonly presence: LivePresence<PresenceData>;
  readonly timer: LiveTimer;
}

/** The live agenda over a container's objects (what {@link joinLiveAgenda} returns); for tests with stand-ins. */
export function liveAgendaOver(objects: LiveObjects, options: Omit<JoinOptions, 'host' | 'connection'>): LiveAgenda {
  return new LiveShareAgenda(objects.container, objects.states, objects.presence, objects.timer, options);
}

class LiveShareAgenda implements LiveAgenda {
  private readonly remote = new Listeners<AgendaDoc>();
  private readonly people = new Listeners<Participant[]>();
  private readonly connectionListeners = new Listeners<LiveConnection>();
  private readonly timerListeners = new Listeners<TimerState | undefined>();
  private timerState: TimerState | undefined;
  private readonly key: string;
  private readonly seal: LiveSeal;
  /** Publishing in order: sealing is asynchronous, and the last state published must be the last set. */
  private publishing: Promise<void> = Promise.resolve();
  /** Presence values opened so far (sealed value as JSON → who, or null when it does not open). */
  private readonly opened = new Map<string, Participant | null>();
  private lastPeople = '[]';
  private readonly stopChecking: () => void;
  private disposed = false;

  constructor(
    private readonly container: IFluidContainer,
    private readonly states: SharedMap,
    private readonly presence: LivePresence<PresenceData>,
    private readonly liveTimer: LiveTimer,
    options: Omit<JoinOptions, 'host' | 'connection'>,
  ) {
    this.key = `agenda:${options.client}`;
    this.seal = options.seal;
    states.on('valueChanged', (changed: { key: string }, local: boolean) => {
      if (local || changed.key === this.key) return;
      void this.receive(changed.key, states.get(changed.key));
    });
    // Presence is sent often and expires soon, so a partner who left is gone within a few seconds.
    // Set before anything initialises: Live Share starts its update timer with the first object.
    const runtime = (presence as unknown as { liveRuntime?: { objectManager?: { updateInterval: number }; canSendBackgroundUpdates?: boolean } }).liveRuntime;
    if (runtime?.objectManager) runtime.objectManager.updateInterval = PRESENCE_UPDATE_MS;
    // While the network is gone, the background presence updates have nowhere to go (Fluid logs
    // each as an error): they pause until the container is connected again.
    container.on('connected', () => {
      if (runtime) runtime.canSendBackgroundUpdates = true;
      this.connectionListeners.emit('connected');
    });
    container.on('disconnected', () => {
      if (runtime) runtime.canSendBackgroundUpdates = false;
      this.connectionListeners.emit('disconnected');
    });
    presence.expirationPeriod = PRESENCE_EXPIRATION_S;
    presence.on('presenceChanged', () => void this.peopleChanged());
    // Expiry raises no event: look again every second.
    this.stopChecking = (options.every ?? every)(PRESENCE_CHECK_MS, () => this.emitPeople());
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
    void sealParticipant(this.seal, { person: options.person, name: options.name }).then((sealed) => {
      if (!this.disposed) void presence.initialize({ sealed }, PresenceState.online);
    });
    void liveTimer.initialize();
    // What others published before we joined.
    for (const [key, value] of states) if (key !== this.key) void this.receive(key, value);
  }

  private async receive(slot: string, value: unknown) {
    // Only what opens with the pair's key for this slot: a stranger's, a tampered or a moved value is ignored.
    const doc = await openAgenda(this.seal, value, slot);
    if (doc && !this.disposed) this.remote.emit(doc);
  }

  /** Opens presence values not seen yet, then tells who is here. */
  private async peopleChanged() {
    for (const user of this.presence.getUsers()) {
      const sealed = user.data?.sealed;
      const id = JSON.stringify(sealed ?? null);
      if (!this.opened.has(id)) this.opened.set(id, (await openParticipant(this.seal, sealed)) ?? null);
    }
    this.emitPeople();
  }

  private emitPeople() {
    if (this.disposed) return;
    const people = this.participants();
    const now = JSON.stringify(people);
    if (now === this.lastPeople) return;
    this.lastPeople = now;
    this.people.emit(people);
  }

  publish(doc: AgendaDoc): void {
    this.publishing = this.publishing
      .then(async () => {
        const sealed = await sealAgenda(this.seal, doc, this.key);
        if (!this.disposed) this.states.set(this.key, sealed);
      })
      // A state that could not be sealed is not sent (never in clear); the next one is.
      .catch(() => undefined);
  }
  onRemote(listener: (doc: AgendaDoc) => void) {
    return this.remote.add(listener);
  }
  participants(): Participant[] {
    const seen = new Map<string, Participant>();
    for (const user of this.presence.getUsers(PresenceState.online)) {
      const who = this.opened.get(JSON.stringify(user.data?.sealed ?? null));
      if (who && !seen.has(who.person)) seen.set(who.person, who);
    }
    return [...seen.values()].sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
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
    this.disposed = true;
    this.stopChecking();
    this.container.dispose();
  }
}
