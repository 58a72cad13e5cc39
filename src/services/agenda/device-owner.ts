/**
 * Whose agenda copies a device holds, and forgetting them: what the shell runs when someone signs
 * in, before anything is shown. Apart from device-copy.ts, which reads the copies, so sign-in loads
 * no agenda reader.
 */

/** The part of Web Storage the copies use (localStorage in the browser). */
export type DeviceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Each surface's copy of unsaved edits: `agenda-unsaved:<person>:<workspace>:<surface>`. */
export const PREFIX = 'agenda-unsaved:';
/** Before copies were per surface and unsaved only: the whole agenda per workspace, and a device id. */
export const LEGACY_PREFIX = 'agenda-cache:';
/** The device id of those legacy copies. */
export const LEGACY_DEVICE_ID = 'agenda-device-id';
/** The person whose copies this device holds (tenant mode: one account per browser profile). */
const OWNER_KEY = 'agenda-device-person';

/** Every key the storage holds. */
export function keys(storage: DeviceStorage): string[] {
  const all: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) all.push(key);
  }
  return all;
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
