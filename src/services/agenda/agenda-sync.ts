/**
 * One participant's copy of the pair's agenda, kept in step three ways: with the other participant
 * live (a {@link LiveAgenda}), with the pair workspace file (saved in the background, merged on a
 * conflict), and with this device (only while something is not saved, so edits made offline survive
 * a closed tab; deleted once saved). Every incoming copy is merged, never applied over the local
 * one, so no edit is lost. An edit is applied, published and saved before the device copy is
 * written, so a full device (quota exceeded) loses nothing: the offline copy is only off.
 */
import { emptyAgenda, mergeAgendas, type AgendaDoc, type Editor } from '@/domain/agenda/agenda';
import type { DeviceCopy } from './device-copy';
import type { LiveAgenda, LiveConnection, Participant, TimerState } from './live-agenda';
import type { StoredWorkspace } from './workspace-store';

/**
 * Where the workspace copy stands, for the save indicator: still loading, saving, saved, edits not
 * saved yet, or the last load or save failed (`offline`).
 */
export type SaveStatus = 'loading' | 'saving' | 'saved' | 'unsaved' | 'offline';

/** What the agenda surface shows: the merged agenda, how saving and live editing stand, and who is here. */
export interface AgendaSyncState {
  readonly doc: AgendaDoc;
  readonly save: SaveStatus;
  /** Why the last load or save failed, in words; undefined once one succeeds. */
  readonly problem?: string | undefined;
  /**
   * Live editing with the other participant: `off` until a live session is attached,
   * `unavailable` where this host has no Live Share (Outlook, the Microsoft 365 app, some mobile
   * and out-of-call surfaces) or joining it failed; the agenda is then saved to the workspace only.
   */
  readonly live: LiveConnection | 'off' | 'unavailable';
  readonly participants: readonly Participant[];
  readonly timer?: TimerState;
  /** What could not be read of a damaged workspace file (see {@link AgendaSync.repair}); undefined when it read whole. */
  readonly damaged?: readonly string[] | undefined;
  /**
   * `off` when this device could not keep the unsaved edits (its storage is full): edits still
   * apply, go live and save to the workspace, but would not survive closing the tab while offline.
   */
  readonly deviceCopy: 'on' | 'off';
}

/**
 * How an {@link AgendaSync} reads and writes the workspace and this device's copy, and how long it
 * waits before saving.
 */
export interface AgendaSyncOptions {
  readonly editor: Editor;
  readonly load: () => Promise<StoredWorkspace>;
  readonly save: (doc: AgendaDoc, last: StoredWorkspace) => Promise<StoredWorkspace>;
  /** This device's copy of unsaved edits: written while something is unsaved, cleared once all is saved. */
  readonly cache?: DeviceCopy;
  /** Wait after an edit before saving, so typing saves once. */
  readonly saveDelayMs?: number;
  /** Wait before trying a failed save again. */
  readonly retryDelayMs?: number;
}

/**
 * Keeps one participant's agenda merged with the live session, the workspace file and this device,
 * and tells subscribers each time its state changes.
 */
export class AgendaSync {
  private state: AgendaSyncState;
  private stored: StoredWorkspace | undefined;
  private live: LiveAgenda | undefined;
  private readonly listeners = new Set<(state: AgendaSyncState) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private dirty = false;
  private disposed = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly options: AgendaSyncOptions) {
    let copy: AgendaDoc | undefined;
    try {
      copy = options.cache?.read();
    } catch {
      copy = undefined;
    }
    this.state = { doc: copy ?? emptyAgenda(), save: 'loading', live: 'off', participants: [], deviceCopy: 'on' };
  }

  get current(): AgendaSyncState {
    return this.state;
  }

  subscribe(listener: (state: AgendaSyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(change: Partial<AgendaSyncState>) {
    this.state = { ...this.state, ...change };
    for (const listener of [...this.listeners]) listener(this.state);
  }

  /** Reads the workspace and merges it with this device's copy; saves if the copy had more. */
  async start(): Promise<void> {
    try {
      this.stored = await this.options.load();
      const doc = mergeAgendas(this.state.doc, this.stored.document.agenda);
      const ahead = JSON.stringify(doc) !== JSON.stringify(this.stored.document.agenda);
      this.set({ doc, save: ahead ? 'unsaved' : 'saved', problem: undefined, damaged: this.stored.dropped });
      if (ahead) this.scheduleSave(0);
      else this.forgetDeviceCopy();
      this.live?.publish(doc);
    } catch (error) {
      this.set({ save: 'offline', problem: error instanceof Error ? error.message : String(error) });
      this.timer = setTimeout(() => void this.start(), this.options.retryDelayMs ?? 5000);
    }
  }

  /** Takes the live session: publishes this copy, merges what others publish. */
  attachLive(live: LiveAgenda): void {
    this.live = live;
    this.unsubscribe.push(
      live.onRemote((doc) => this.merge(doc)),
      live.onParticipants((participants) => this.set({ participants })),
      live.onConnection((state) => {
        this.set({ live: state });
        // Back online: what we wrote meanwhile goes out, and to the file.
        if (state === 'connected') {
          live.publish(this.state.doc);
          if (this.state.save !== 'saved') this.scheduleSave(0);
        }
      }),
      live.onTimer((timer) => this.set(timer ? { timer } : {})),
    );
    const timer = live.timer();
    this.set({ live: live.connection(), participants: live.participants(), ...(timer ? { timer } : {}) });
    live.publish(this.state.doc);
  }

  /**
   * Live editing is not available on this surface: the agenda stays as loaded, editable, and saved
   * to the workspace as before. Not retried; opening the surface again tries again.
   */
  liveUnavailable(): void {
    if (this.disposed || this.live) return;
    this.set({ live: 'unavailable' });
  }

  /** An edit by this participant. */
  edit(change: (doc: AgendaDoc, editor: Editor) => AgendaDoc): void {
    const doc = change(this.state.doc, this.options.editor);
    if (doc === this.state.doc) return;
    // Applied, published and on its way to the workspace first; then kept on the device.
    this.set({ doc, save: this.state.save === 'offline' ? 'offline' : 'unsaved' });
    this.live?.publish(doc);
    this.scheduleSave(this.options.saveDelayMs ?? 1000);
    this.keepOnDevice(doc);
  }

  /** Keeps the unsaved state on the device; a device that refuses it (full) turns the offline copy off, losing nothing. */
  private keepOnDevice(doc: AgendaDoc) {
    if (!this.options.cache) return;
    try {
      this.options.cache.write(doc);
      if (this.state.deviceCopy === 'off') this.set({ deviceCopy: 'on' });
    } catch {
      if (this.state.deviceCopy === 'on') this.set({ deviceCopy: 'off' });
    }
  }

  /** Everything is saved: nothing of the agenda stays on the device. */
  private forgetDeviceCopy() {
    try {
      this.options.cache?.clear();
    } catch {
      // Storage that cannot even delete: nothing more to do.
    }
  }

  private merge(remote: AgendaDoc) {
    const doc = mergeAgendas(this.state.doc, remote);
    if (JSON.stringify(doc) === JSON.stringify(this.state.doc)) return;
    this.set({ doc, save: this.state.save === 'saved' ? 'unsaved' : this.state.save });
    this.scheduleSave(this.options.saveDelayMs ?? 1000);
    this.keepOnDevice(doc);
  }

  private scheduleSave(delay: number) {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /** Saves now (after any save under way), merging with what is stored. */
  async flush(): Promise<void> {
    if (this.saving) {
      this.dirty = true;
      await this.saving;
      if (!this.dirty) return;
    }
    if (!this.stored) return this.start();
    this.dirty = false;
    this.saving = (async () => {
      const sent = this.state.doc;
      this.set({ save: 'saving' });
      try {
        this.stored = await this.options.save(sent, this.stored!);
        // What the other participant saved comes back in the merge.
        const doc = mergeAgendas(this.state.doc, this.stored.document.agenda);
        const behind = JSON.stringify(doc) !== JSON.stringify(this.stored.document.agenda);
        this.set({ doc, save: behind ? 'unsaved' : 'saved', problem: undefined, damaged: this.stored.dropped });
        if (JSON.stringify(doc) !== JSON.stringify(sent)) this.live?.publish(doc);
        if (behind) this.scheduleSave(this.options.saveDelayMs ?? 1000);
        else this.forgetDeviceCopy();
      } catch (error) {
        this.set({ save: 'offline', problem: error instanceof Error ? error.message : String(error) });
        this.scheduleSave(this.options.retryDelayMs ?? 5000);
      }
    })();
    try {
      await this.saving;
    } finally {
      this.saving = undefined;
    }
    if (this.dirty) await this.flush();
  }

  /** Repairs a damaged workspace file: saves what could be read of it (with this copy's edits) over it. */
  repair(): Promise<void> {
    return this.flush();
  }

  /** The shared timer for the item being discussed (only while live). */
  startTimer(durationMs: number): void {
    this.live?.startTimer(durationMs);
  }
  pauseTimer(): void {
    this.live?.pauseTimer();
  }
  resumeTimer(): void {
    this.live?.resumeTimer();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const off of this.unsubscribe) off();
    this.live?.dispose();
  }
}
