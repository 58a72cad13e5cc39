/**
 * Busy patterns for the demo tenant's calendars, the same every time for the same person:
 * executives' weeks are mostly booked (leadership meetings, one-to-ones, board days out of the
 * office), juniors' much less (a stand-up, a team meeting, some training). Recurring meetings are
 * real series; one-off meetings fill a window of two years from mid-2026. No clock is read.
 */
import { DateTime } from 'luxon';
import { hashText, seededRandom } from '@/domain/random/seeded-random';
import type { Weekday } from '@/domain/scheduling/slots';
import type { DemoUser } from './demo-tenant';
import type { SeedEvent } from './fake-calendar';

const SENIOR = /chief|president|vice|\bvp\b|director|head of|general counsel|managing/i;
const ONE_OFF_FROM = '2026-06-01';
const ONE_OFF_WEEKS = 104;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The calendar a demo person starts with. */
export function demoCalendarSeed(user: DemoUser): SeedEvent[] {
  const random = seededRandom(hashText(user.id));
  const hours = user.mailboxSettings.workingHours;
  const zone = hours.timeZone.name;
  const days = hours.daysOfWeek as Weekday[];
  const dayStart = minutes(hours.startTime);
  const dayEnd = minutes(hours.endTime);
  const senior = SENIOR.test(user.jobTitle ?? '');
  const events: SeedEvent[] = [];
  const local = (date: DateTime, minute: number) => date.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
  const firstWorkingDay = DateTime.fromISO('2026-01-05', { zone });

  const weekly = (subject: string, day: Weekday, startMinute: number, length: number, showAs: SeedEvent['showAs'] = 'busy', interval = 1) => {
    if (!days.includes(day) || startMinute + length > dayEnd) return;
    const date = firstWorkingDay.plus({ days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(day) });
    events.push({
      subject,
      start: { dateTime: local(date, startMinute), timeZone: zone },
      end: { dateTime: local(date, startMinute + length), timeZone: zone },
      recurrence: { pattern: { type: 'weekly', interval, daysOfWeek: [day], firstDayOfWeek: 'monday' }, range: { type: 'noEnd', startDate: date.toISODate()! } },
      showAs,
      isAllDay: false,
    });
  };

  // Everyone: a short stand-up on each working day.
  for (const day of days) weekly('Team stand-up', day, dayStart + (senior ? 0 : 30), 15);
  if (senior) {
    weekly('Leadership team', days[0]!, dayStart + 60, 120);
    weekly('One-to-ones', days[1]!, dayStart + 60, 180);
    weekly('One-to-ones', days[3]!, dayStart + 240, 120);
    weekly('Portfolio review', days[2]!, dayEnd - 120, 90, 'busy', 2);
  } else {
    weekly('Team meeting', days[2]!, dayStart + 300, 60);
    weekly('Learning hour', days[4] ?? days[0]!, dayEnd - 90, 60, 'tentative');
  }

  // One-off meetings: executives fill most of each day, juniors a little.
  const perDay = senior ? 4 : 1;
  const from = DateTime.fromISO(ONE_OFF_FROM, { zone });
  for (let d = 0; d < ONE_OFF_WEEKS * 7; d++) {
    const date = from.plus({ days: d });
    const weekday = date.toFormat('cccc').toLowerCase() as Weekday;
    if (!days.includes(weekday)) continue;
    // Now and then a whole day out of the office: a board day, an offsite, leave.
    if (random() < (senior ? 0.03 : 0.02)) {
      events.push({
        subject: senior ? 'Board day' : 'Annual leave',
        start: { dateTime: date.toFormat("yyyy-MM-dd'T'00:00:00"), timeZone: zone },
        end: { dateTime: date.plus({ days: 1 }).toFormat("yyyy-MM-dd'T'00:00:00"), timeZone: zone },
        recurrence: null,
        showAs: 'oof',
        isAllDay: true,
      });
      continue;
    }
    const count = Math.floor(random() * (perDay + 1)) + (senior ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const length = [30, 45, 60, 90][Math.floor(random() * 4)]!;
      const start = dayStart + Math.floor((random() * (dayEnd - dayStart - length)) / 15) * 15;
      events.push({
        subject: senior ? 'Meeting' : 'Project sync',
        start: { dateTime: local(date, start), timeZone: zone },
        end: { dateTime: local(date, start + length), timeZone: zone },
        recurrence: null,
        showAs: random() < 0.15 ? 'tentative' : 'busy',
        isAllDay: false,
      });
    }
  }
  return events;
}
