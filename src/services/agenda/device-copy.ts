/**
 * What of a pair's agenda stays on the device: only edits not yet saved to the pair workspace, so
 * that they survive a closed tab or a lost network; nothing once they are saved, and nothing after
 * sign-out or when another account signs in (a shared machine keeps no one's notes).
 *
 * Each open surface (side panel, chat tab, stage, another window) is its own replica and keeps its
 * own copy, under its own key, so two surfaces of one person never overwrite each other's copy.
 * Opening a surface merges every copy this person left for the workspace (a CRDT merge, so
 * nothing is lost); once what it adopted is saved, the adopted copies are deleted, unless their
 * surface has written to them since (it is still open and deletes its own).
 */
import { mergeAgendas, type AgendaDoc } from '@/domain/agenda/agenda';
import { parseAgenda } from './agenda-schema';

/** The part of Web Storage the copies use (localStorage in the browser). */
export type DeviceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'agenda-unsaved:';
/** Before copies were per surface and unsaved only: the whole agenda per workspace, and a device id. */
const LEGACY_PREFIX = 'agenda-cache:';
const LEGACY_DEVICE_ID = 'agenda-device-id';
/** The person whose copies this device holds (tenant mode: one account per browser profile). */
const OWNER_KEY = 'agenda-device-person';

/** One surface's copy of a workspace's unsaved edits. */
export interface DeviceCopy {
  /** Every copy this person left on the device for the workspace, merged; undefined if none. */
  read(): AgendaDoc | undefined;
  /** Keeps this surface's unsaved state; throws as Storage does (e.g. QuotaExceededError). */
  write(doc: AgendaDoc): void;
  /** All is saved: deletes this surface's copy and the copies it adopted when it read. */
  clear(): void;
}

function keys(storage: DeviceStorage): string[] {
  const all: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) all.push(key);
  }
  return all;
}

/** This surface's copy of one workspace for one person. */
export function deviceCopy(storage: DeviceStorage, person: string, workspace: string, surface: string): DeviceCopy {
  const base = `${PREFIX}${person}:${workspace}:`;
  const own = `${base}${surface}`;
  const legacy = `${LEGACY_PREFIX}${workspace}`;
  /** What was adopted at read, as it read then. */
  const adopted = new Map<string, string>();
  return {
    read() {
      let doc: AgendaDoc | undefined;
      for (const key of keys(storage)) {
        if (!(key.startsWith(base) || key === legacy)) continue;
        const raw = storage.getItem(key);
        if (raw === null) continue;
        adopted.set(key, raw);
        try {
          const copy = parseAgenda(JSON.parse(raw), 'An unsaved copy on this device');
          doc = doc ? mergeAgendas(doc, copy) : copy;
        } catch {
          // A damaged copy is not merged; the next save does not delete it, so it can be looked at.
          adopted.delete(key);
        }
      }
      return doc;
    },
    write(doc) {
      storage.setItem(own, JSON.stringify(doc));
    },
    clear() {
      storage.removeItem(own);
      for (const [key, raw] of adopted) if (key !== own && storage.getItem(key) === raw) storage.removeItem(key);
      adopted.clear();
      storage.removeItem(LEGACY_DEVICE_ID);
    },
  };
}

/**
 * Forgets every agenda copy on this device: for sign-out. The app has no sign-out of its own (the
 * host signs people out); the shell calls {@link forgetAgendaCopiesOfOthers} when it learns who is
 * signed in, which clears them when the account changed.
 */
export function clearAgendaDeviceData(storage: DeviceStorage): void {
  for (const key of keys(storage)) {
    if (key.startsWith(PREFIX) || key.startsWith(LEGACY_PREFIX) || key === LEGACY_DEVICE_ID || key === OWNER_KEY) storage.removeItem(key);
  }
}

/**
 * Called when a person is signed in: if the device holds another account's agenda copies (a shared
 * machine, a different account), they are cleared before anything is shown; then the device's
 * copies belong to this person.
 */
export function forgetAgendaCopiesOfOthers(storage: DeviceStorage, person: string): void {
  const owner = storage.getItem(OWNER_KEY);
  if (owner !== null && owner !== person) clearAgendaDeviceData(storage);
  // Copies carry their person too: anyone else's (written before the owner was recorded) go.
  for (const key of keys(storage)) if (key.startsWith(PREFIX) && !key.startsWith(`${PREFIX}${person}:`)) storage.removeItem(key);
  try {
    storage.setItem(OWNER_KEY, person);
  } catch {
    // A full device: the copies are per person anyway.
  }
}
