/**
 * Graph names time zones the Windows way ("W. Europe Standard Time") in working hours and often in
 * events; the browser and Luxon use IANA names ("Europe/Berlin"). windows-iana maps between them
 * (the CLDR table); a name that is already IANA passes through.
 */
import { DateTime } from 'luxon';
import { findIana, findWindows } from 'windows-iana';

/** An IANA zone for a Windows or IANA name, or undefined for an unknown or custom zone. */
export function ianaZone(name: string): string | undefined {
  if (name && DateTime.local().setZone(name).isValid) return name;
  return findIana(name)?.[0];
}

/** The Windows name for an IANA zone (what Graph itself writes), or the IANA name when Windows has none. */
export function windowsZone(iana: string): string {
  return findWindows(iana)?.[0] ?? iana;
}
