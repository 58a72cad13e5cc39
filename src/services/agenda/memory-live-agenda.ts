/**
 * An in-memory stand-in for Live Share: participants of one hub see each other's published
 * agendas, presence and timer, and a participant can be disconnected (what it publishes meanwhile
 * is delivered on reconnect, as Fluid resubmits pending ops). For unit tests of everything above
 * the live adapter.
 */
import type { AgendaDoc } from '@/domain/agenda/agenda';
import { Listeners, type LiveAgenda, type LiveConnection, type Participant, type TimerState } from './live-agenda';

export class MemoryLiveHub {
  private readonly members = new Set<MemoryLiveAgenda>();
  /** The last state each client published, for late joiners. */
  readonly states = new Map<string, AgendaDoc>();
  timer: TimerState | undefined;

  join(client: string, person: string, name: string): MemoryLiveAgenda {
    const member = new MemoryLiveAgenda(this, client, { person, name });
    this.members.add(member);
    for (const [from, doc] of this.states) if (from !== client) queueMicrotask(() => member.deliver(doc));
    this.presenceChanged();
    return member;
  }

  leave(member: MemoryLiveAgenda): void {
    this.members.delete(member);
    this.presenceChanged();
  }

  broadcast(from: MemoryLiveAgenda, doc: AgendaDoc): void {
    this.states.set(from.client, doc);
    for (const member of this.members) if (member !== from && member.connection() === 'connected') queueMicrotask(() => member.deliver(doc));
  }

  setTimer(state: TimerState): void {
    this.timer = state;
    for (const member of this.members) member.timerChanged(state);
  }

  presenceChanged(): void {
    for (const member of this.members) member.presenceChanged();
  }

  online(): Participant[] {
    const people = new Map<string, Participant>();
    for (const m of this.members) if (m.connection() === 'connected') people.set(m.me.person, m.me);
    return [...people.values()];
  }
}

export class MemoryLiveAgenda implements LiveAgenda {
  private state: LiveConnection = 'connected';
  private unsent: AgendaDoc | undefined;
  private readonly remote = new Listeners<AgendaDoc>();
  private readonly people = new Listeners<Participant[]>();
  private readonly connectionListeners = new Listeners<LiveConnection>();
  private readonly timerListeners = new Listeners<TimerState | undefined>();

  constructor(
    private readonly hub: MemoryLiveHub,
    readonly client: string,
    readonly me: Participant,
  ) {}

  deliver(doc: AgendaDoc) {
    if (this.state === 'connected') this.remote.emit(doc);
  }
  presenceChanged() {
    this.people.emit(this.participants());
  }
  timerChanged(state: TimerState) {
    if (this.state === 'connected') this.timerListeners.emit(state);
  }

  publish(doc: AgendaDoc): void {
    if (this.state === 'connected') this.hub.broadcast(this, doc);
    else this.unsent = doc;
  }
  onRemote(listener: (doc: AgendaDoc) => void) {
    return this.remote.add(listener);
  }
  participants() {
    return this.hub.online();
  }
  onParticipants(listener: (people: Participant[]) => void) {
    return this.people.add(listener);
  }
  connection() {
    return this.state;
  }
  onConnection(listener: (state: LiveConnection) => void) {
    return this.connectionListeners.add(listener);
  }
  timer() {
    return this.hub.timer;
  }
  startTimer(durationMs: number) {
    this.hub.setTimer({ running: true, durationMs, remainingMs: durationMs, at: Date.now() });
  }
  pauseTimer() {
    const t = this.hub.timer;
    if (t) this.hub.setTimer({ ...t, running: false, remainingMs: Math.max(0, t.remainingMs - (Date.now() - t.at)), at: Date.now() });
  }
  resumeTimer() {
    const t = this.hub.timer;
    if (t) this.hub.setTimer({ ...t, running: true, at: Date.now() });
  }
  onTimer(listener: (state: TimerState | undefined) => void) {
    return this.timerListeners.add(listener);
  }
  disconnect() {
    this.state = 'disconnected';
    this.connectionListeners.emit('disconnected');
    this.hub.presenceChanged();
  }
  reconnect() {
    this.state = 'connected';
    this.connectionListeners.emit('connected');
    this.hub.presenceChanged();
    // What others published meanwhile, then what we wrote offline.
    for (const [from, doc] of this.hub.states) if (from !== this.client) this.remote.emit(doc);
    if (this.unsent) this.hub.broadcast(this, this.unsent);
    this.unsent = undefined;
  }
  dispose() {
    this.hub.leave(this);
  }
}
