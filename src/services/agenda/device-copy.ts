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
import { keys, LEGACY_DEVICE_ID, LEGACY_PREFIX, PREFIX, type DeviceStorage } from './device-owner';

export { clearAgendaDeviceData, forgetAgendaCopiesOfOthers, type DeviceStorage } from './device-owner';

/** One surface's copy of a workspace's unsaved edits. */
export interface DeviceCopy {
  /** Every copy this person left on the device for the workspace, merged; undefined if none. */
  read(): AgendaDoc | undefined;
  /** Keeps this surface's unsaved state; throws as Storage does (e.g. QuotaExceededError). */
  write(doc: AgendaDoc): void;
  /** All is saved: deletes this surface's copy and the copies it adopted when it read. */
  clear(): void;
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
