/**
 * The shapes of Graph's answers booking reads: events, occurrences, the workspace's driveItem, the
 * meeting, the app catalogue and the chat's tabs. Each schema requires what booking reads and
 * ignores the properties Graph adds over time; see each one's page for Graph's own example.
 */
import { z } from 'zod';

/** A list answer: `value` holds the items (https://learn.microsoft.com/graph/paging). */
const listOf = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item) });

/**
 * The pair's series as booking selects it (`id,iCalUId,createdDateTime,webLink,onlineMeeting,attendees,start`):
 * https://learn.microsoft.com/graph/api/resources/event, https://learn.microsoft.com/graph/api/event-get,
 * and the created event that POST /me/events answers (https://learn.microsoft.com/graph/api/user-post-events).
 */
export const seriesEventSchema = z.object({
  id: z.string().min(1),
  iCalUId: z.string().min(1),
  createdDateTime: z.string().min(1),
  webLink: z.string().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
  /** The first occurrence's start, which a booking record keeps. */
  start: z.object({ dateTime: z.string().min(1), timeZone: z.string().min(1) }).nullish(),
  attendees: z
    .array(
      z.object({
        emailAddress: z.object({ address: z.string().nullish() }).nullish(),
        status: z.object({ response: z.string().nullish() }).nullish(),
      }),
    )
    .nullish(),
});

/** The pair's series found by its extended property (https://learn.microsoft.com/graph/api/user-list-events). */
export const seriesEventsSchema = listOf(seriesEventSchema);

/** A date and time with its zone, as events carry them (https://learn.microsoft.com/graph/api/resources/datetimetimezone). */
const dateTimeTimeZone = z.object({ dateTime: z.string().min(1), timeZone: z.string().min(1) });

/** The series' occurrences in a window, `$select=id,start` (https://learn.microsoft.com/graph/api/event-list-instances). */
export const occurrencesSchema = listOf(z.object({ id: z.string().min(1), start: dateTimeTimeZone }));

/** The partner's copy of the series found by iCalUId, `$select=id,responseStatus,onlineMeeting` (https://learn.microsoft.com/graph/api/user-list-events). */
export const myCopiesSchema = listOf(
  z.object({
    id: z.string().min(1),
    responseStatus: z.object({ response: z.string().nullish() }).nullish(),
    onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
  }),
);

/**
 * The workspace file's driveItem, as the upload answers it and as GET answers it: booking keeps its
 * id, its drive and its web address (https://learn.microsoft.com/graph/api/driveitem-put-content,
 * https://learn.microsoft.com/graph/api/driveitem-get, https://learn.microsoft.com/graph/api/resources/driveitem).
 */
export const workspaceItemSchema = z.object({
  id: z.string().min(1),
  webUrl: z.string().min(1),
  parentReference: z.object({ driveId: z.string().min(1) }),
});

/**
 * The meeting found by its join URL (`/me/onlineMeetings?$filter=JoinWebUrl eq '…'`): its chat's
 * thread id, where the tab goes (https://learn.microsoft.com/graph/api/onlinemeeting-get, example 3).
 */
export const onlineMeetingsSchema = listOf(z.object({ chatInfo: z.object({ threadId: z.string().nullish() }).nullish() }));

/**
 * The organisation's app catalogue filtered by the app's manifest id (`externalId`): the catalogue
 * id to install (https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps, example 3).
 */
export const teamsAppsSchema = listOf(z.object({ id: z.string().min(1) }));

/** The chat's tabs: whether the pair's tab is there already (https://learn.microsoft.com/graph/api/chat-list-tabs). */
export const chatTabsSchema = listOf(z.object({ configuration: z.object({ entityId: z.string().nullish() }).nullish() }));

const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * getSchedule's answer: each mailbox's free/busy items, working hours, or why it could not be read
 * (https://learn.microsoft.com/graph/api/calendar-getschedule, https://learn.microsoft.com/graph/api/resources/scheduleinformation).
 */
export const scheduleSchema = listOf(
  z.object({
    scheduleId: z.string(),
    scheduleItems: z
      .array(
        z.object({
          status: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']),
          start: dateTimeTimeZone,
          end: dateTimeTimeZone,
        }),
      )
      .optional(),
    workingHours: z
      .object({
        daysOfWeek: z.array(weekday),
        startTime: z.string(),
        endTime: z.string(),
        timeZone: z.object({ name: z.string() }).optional(),
      })
      .optional(),
    error: z.object({ message: z.string().optional(), responseCode: z.string().optional() }).nullish(),
  }),
);
