/**
 * Both people's free/busy and working hours from Graph's getSchedule
 * (https://learn.microsoft.com/graph/api/calendar-getschedule), turned into the domain's
 * Availability. getSchedule takes at most 62 days per request (ErrorTimeIntervalTooBig,
 * microsoftgraph/microsoft-graph-docs#19703), so a six-month horizon is a few windows sent as one
 * $batch. Without a `Prefer: outlook.timezone` header the times come back in UTC.
 */
import type { Availability } from '@/domain/scheduling/slots';
import type { GraphClient } from '../graph/graph-client';
import { errorFromAnswer, readAnswer } from '../graph/graph-errors';
import { ianaZone, windowsZone } from '../graph/time-zones';
import { scheduleSchema } from './booking-answers';

export const CALENDAR_SCOPES = ['Calendars.ReadWrite'] as const;
const WINDOW_DAYS = 56;

/** Outlook's default working week, for a mailbox that has not set one (or cannot be read). */
export const DEFAULT_WORKING_HOURS: Availability['workingHours'] = {
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  start: '08:00',
  end: '17:00',
};

/** One person's calendar as far as it could be read. */
export type PersonSchedule =
  | { readonly kind: 'read'; readonly availability: Availability }
  /** Their free/busy cannot be read (another organisation, no mailbox): why, in Graph's words. */
  | { readonly kind: 'unreadable'; readonly code: string; readonly message: string };

/**
 * The IANA zone for a mailbox's working hours. Windows names are coarser than IANA ones (one
 * Windows zone covers Berlin and Stockholm), so the person's own IANA zone wins when it is the same
 * Windows zone; a custom or unknown zone falls back to it too.
 */
function zoneOf(name: string | undefined, fallback: string): string {
  if (!name) return fallback;
  if (windowsZone(fallback) === name || fallback === name) return fallback;
  return ianaZone(name) ?? fallback;
}

/** Graph's UTC "2019-03-15T12:00:00.0000000" as an ISO instant. */
const utc = (dateTime: string) => `${dateTime.slice(0, 19)}Z`;

/**
 * Free/busy of each address from `from` for `weeks` weeks. Addresses are SMTP addresses (a person's
 * `mail`, see mailboxAddressOf): getSchedule answers an address it cannot resolve with an `error`
 * in that schedule's entry, which comes back as `unreadable`. `fallbackZone` is used when a mailbox's
 * working hours name a custom time zone that has no IANA equivalent.
 */
export async function readSchedules(
  client: GraphClient,
  people: readonly { readonly address: string; readonly fallbackZone: string }[],
  from: Date,
  weeks: number,
  signal?: AbortSignal,
): Promise<Map<string, PersonSchedule>> {
  const end = from.getTime() + weeks * 7 * 86_400_000;
  const windows: { start: string; end: string }[] = [];
  for (let t = from.getTime(); t < end; t += WINDOW_DAYS * 86_400_000) {
    windows.push({ start: new Date(t).toISOString().slice(0, 19), end: new Date(Math.min(end, t + WINDOW_DAYS * 86_400_000)).toISOString().slice(0, 19) });
  }
  const answers = await client.batch(
    windows.map((w, k) => ({
      id: String(k),
      method: 'POST' as const,
      url: '/me/calendar/getSchedule',
      body: {
        schedules: people.map((p) => p.address),
        startTime: { dateTime: w.start, timeZone: 'UTC' },
        endTime: { dateTime: w.end, timeZone: 'UTC' },
        availabilityViewInterval: 60,
      },
    })),
    CALENDAR_SCOPES,
    signal,
  );
  const result = new Map<string, PersonSchedule>();
  const busy = new Map<string, { start: string; end: string; tentative?: boolean }[]>();
  for (const answer of answers) {
    if (answer.status !== 200) throw errorFromAnswer(answer, CALENDAR_SCOPES);
    for (const info of readAnswer(scheduleSchema, answer.body, 'reading free/busy times').value) {
      const person = people.find((p) => p.address.toLowerCase() === info.scheduleId.toLowerCase());
      if (!person) continue;
      if (info.error) {
        result.set(person.address, { kind: 'unreadable', code: info.error.responseCode ?? 'unknown', message: info.error.message ?? 'Free/busy could not be read.' });
        continue;
      }
      if (result.get(person.address)?.kind === 'unreadable') continue;
      const list = busy.get(person.address) ?? [];
      busy.set(person.address, list);
      for (const item of info.scheduleItems ?? []) {
        if (item.status === 'free' || item.status === 'workingElsewhere') continue;
        list.push({ start: utc(item.start.dateTime), end: utc(item.end.dateTime), ...(item.status === 'tentative' ? { tentative: true } : {}) });
      }
      const hours = info.workingHours;
      result.set(person.address, {
        kind: 'read',
        availability: {
          timeZone: zoneOf(hours?.timeZone?.name, person.fallbackZone),
          workingHours: hours ? { days: hours.daysOfWeek, start: hours.startTime.slice(0, 5), end: hours.endTime.slice(0, 5) } : DEFAULT_WORKING_HOURS,
          busy: list,
        },
      });
    }
  }
  return result;
}
