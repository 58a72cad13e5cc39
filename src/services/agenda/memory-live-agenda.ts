/**
 * An in-memory stand-in for Live Share: participants of one hub see each other's published
 * agendas, presence and timer, and a participant can be disconnected (what it publishes meanwhile
 * is delivered on reconnect, as Fluid resubmits pending ops). For unit tests of everything above
 * the live adapter.
 *
 * As in a meeting's Live Share container, what the hub carries is what anyone in the meeting can
 * read and write: each member seals its agenda and presence with its key (live-crypto.ts), and
 * opens what others publish with it; a member with another key (a stranger in the call) sees only
 * ciphertext, and what it publishes or {@link MemoryLiveHub.inject}s is ignored by the pair.
 */
import type { AgendaDoc } from '@/domain/agenda/agenda';
import { Listeners, openAgenda, openParticipant, sealAgenda, sealParticipant, type LiveAgenda, type LiveConnection, type Participant, type TimerState } from './live-agenda';
import type { LiveSeal } from './live-crypto';

/** One meeting's stand-in container: the members who joined it and the sealed values published in it. */
export class MemoryLiveHub {
  private readonly members = new Set<MemoryLiveAgenda>();
  /** The last value published under each slot (`agenda:<client>`), sealed: what anyone in the meeting can read. */
  readonly states = new Map<string, unknown>();
  timer: TimerState | undefined;

  join(client: string, person: string, name: string, seal: LiveSeal): MemoryLiveAgenda {
    const member = new MemoryLiveAgenda(this, client, { person, name }, seal);
    this.members.add(member);
    for (const [slot, value] of this.states) if (slot !== member.slot) void member.deliver(slot, value);
    void member.announce();
    return member;
  }

  leave(member: MemoryLiveAgenda): void {
    this.members.delete(member);
    this.presenceChanged();
  }

  /** Anyone in the meeting writing a value under any slot. */
  inject(slot: string, value: unknown): void {
    this.states.set(slot, value);
    for (const member of this.members) if (member.slot !== slot && member.connection() === 'connected') void member.deliver(slot, value);
  }

  setTimer(state: TimerState): void {
    this.timer = state;
    for (const member of this.members) member.timerChanged(state);
  }

  presenceChanged(): void {
    for (const member of this.members) void member.presenceChanged();
  }

  /** The sealed presence of everyone connected. */
  online(): unknown[] {
    return [...this.members].filter((m) => m.connection() === 'connected' && m.presence !== undefined).map((m) => m.presence);
  }
}

/** One member's live agenda on a {@link MemoryLiveHub}, which a test can disconnect and reconnect. */
export class MemoryLiveAgenda implements LiveAgenda {
  private state: LiveConnection = 'connected';
  private unsent: unknown;
  private publishing: Promise<void> = Promise.resolve();
  /** This member's presence, sealed. */
  presence: unknown;
  private people: Participant[] = [];
  private readonly remote = new Listeners<AgendaDoc>();
  private readonly peopleListeners = new Listeners<Participant[]>();
  private readonly connectionListeners = new Listeners<LiveConnection>();
  private readonly timerListeners = new Listeners<TimerState | undefined>();
  readonly slot: string;

  constructor(
    private readonly hub: MemoryLiveHub,
    readonly client: string,
    readonly me: Participant,
    private readonly seal: LiveSeal,
  ) {
    this.slot = `agenda:${client}`;
  }

  async announce() {
    this.presence = await sealParticipant(this.seal, this.me);
    this.hub.presenceChanged();
  }
  async deliver(slot: string, value: unknown) {
    const doc = await openAgenda(this.seal, value, slot);
    if (doc && this.state === 'connected') this.remote.emit(doc);
  }
  async presenceChanged() {
    const people = new Map<string, Participant>();
    for (const sealed of this.hub.online()) {
      const who = await openParticipant(this.seal, sealed);
      if (who) people.set(who.person, who);
    }
    this.people = [...people.values()].sort((a, b) => (a.person < b.person ? -1 : 1));
    this.peopleListeners.emit(this.people);
  }
  timerChanged(state: TimerState) {
    if (this.state === 'connected') this.timerListeners.emit(state);
  }

  publish(doc: AgendaDoc): void {
    this.publishing = this.publishing
      .then(async () => {
        const value = await sealAgenda(this.seal, doc, this.slot);
        if (this.state === 'connected') this.hub.inject(this.slot, value);
        else this.unsent = value;
      })
      .catch(() => undefined);
  }
  onRemote(listener: (doc: AgendaDoc) => void) {
    return this.remote.add(listener);
  }
  participants() {
    return this.people;
  }
  onParticipants(listener: (people: Participant[]) => void) {
    return this.peopleListeners.add(listener);
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
    for (const [slot, value] of this.hub.states) if (slot !== this.slot) void this.deliver(slot, value);
    if (this.unsent !== undefined) this.hub.inject(this.slot, this.unsent);
    this.unsent = undefined;
  }
  dispose() {
    this.hub.leave(this);
  }
}
