import { describe, expect, it } from 'vitest';
import {
  chatTabsSchema,
  myCopiesSchema,
  occurrencesSchema,
  onlineMeetingsSchema,
  scheduleSchema,
  seriesEventSchema,
  seriesEventsSchema,
  teamsAppsSchema,
  workspaceItemSchema,
} from './booking-answers';
import { seriesMeetingEventsSchema } from './series-meetings';

/** Response 3 on https://learn.microsoft.com/graph/api/user-post-events (a recurring event; body shortened). */
const DOCUMENTED_SERIES = {
  '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('919717da-0460-4cca-a6be-d25382429896')/events/$entity",
  '@odata.etag': 'W/"+T8RDneHMkKe2BGYEaQZ4wAA5a9Acw=="',
  id: 'AAMkADQwMD',
  createdDateTime: '2017-10-07T04:59:12.9698856Z',
  lastModifiedDateTime: '2017-10-07T04:59:13.8136423Z',
  iCalUId: '040000008200E00074C5B7101A82E0080000000028CEBE04293FD3010000000000000000100000009F85AB8AF8ED4D4FAC777FA89954BDB7',
  subject: "Let's go for lunch",
  isOrganizer: true,
  seriesMasterId: null,
  showAs: 'busy',
  type: 'seriesMaster',
  webLink: 'https://outlook.office365.com/owa/?itemid=AAMkADQwMD&exvsurl=1&path=/calendar/item',
  onlineMeetingUrl: null,
  responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
  start: { dateTime: '2017-09-04T12:00:00.0000000', timeZone: 'Pacific Standard Time' },
  end: { dateTime: '2017-09-04T14:00:00.0000000', timeZone: 'Pacific Standard Time' },
  recurrence: {
    pattern: { type: 'weekly', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday', index: 'first' },
    range: { type: 'endDate', startDate: '2017-09-04', endDate: '2017-12-31', recurrenceTimeZone: 'Pacific Standard Time', numberOfOccurrences: 0 },
  },
  attendees: [{ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'Adele Vance', address: 'AdeleV@contoso.onmicrosoft.com' } }],
  organizer: { emailAddress: { name: 'Alex Wilber', address: 'AlexW@contoso.onmicrosoft.com' } },
  OnlineMeeting: null,
};

/** The answer on https://learn.microsoft.com/graph/api/event-list-instances (two of its four occurrences). */
const DOCUMENTED_INSTANCES = {
  '@odata.context':
    "https://graph.microsoft.com/v1.0/$metadata#users('bb8775a4-4d8c-42cf-a1d4-4d58c2bb668f')/events('AAMkAGUzYRgWAAA%3D')/instances(subject,bodyPreview,seriesMasterId,type,recurrence,start,end)",
  value: [
    {
      '@odata.etag': 'W/"x3IAvB5fbUWf4XNcBFLNUwAAKuA3yQ=="',
      id: 'AAMkAGUzYAgI1sE1TatAAEYAAAAAlNFb2CNPe0ucP9you',
      subject: 'Review strategy for Q3',
      bodyPreview: 'Changing meeting from 4/15 to 4/16.',
      seriesMasterId: 'AAMkAGUzYRgWAAA=',
      type: 'exception',
      recurrence: null,
      start: { dateTime: '2019-04-16T20:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2019-04-16T21:00:00.0000000', timeZone: 'UTC' },
    },
    {
      '@odata.etag': 'W/"x3IAvB5fbUWf4XNcBFLNUwAAKuA3yQ=="',
      id: 'AAMkAGUzYAgI1ru1JMcAAEYAAAAAlNFb2CNPe0ucP9you',
      subject: 'Review strategy for Q3',
      bodyPreview: '',
      seriesMasterId: 'AAMkAGUzYRgWAAA=',
      type: 'occurrence',
      recurrence: null,
      start: { dateTime: '2019-04-08T20:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2019-04-08T21:00:00.0000000', timeZone: 'UTC' },
    },
  ],
};

/** The answer on https://learn.microsoft.com/graph/api/driveitem-post-children (a driveItem in a drive folder). */
const DOCUMENTED_DRIVE_ITEM = {
  createdBy: { user: { id: 'efee1b77-fb3b-4f65-99d6-274c11914d12', displayName: 'Ryan Gregg' } },
  createdDateTime: '2016-03-21T20:01:37Z',
  cTag: '"c:{86EB4C8E-D20D-46B9-AD41-23B8868DDA8A},0"',
  eTag: '"{86EB4C8E-D20D-46B9-AD41-23B8868DDA8A},1"',
  folder: { childCount: 0 },
  id: '01NKDM7HMOJTVYMDOSXFDK2QJDXCDI3WUK',
  lastModifiedBy: { user: { id: 'efee1b77-fb3b-4f65-99d6-274c11914d12', displayName: 'Ryan Gregg' } },
  lastModifiedDateTime: '2016-03-21T20:01:37Z',
  name: 'Graph Project Files',
  parentReference: { driveId: 'b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7', id: '01NKDM7HN6Y2GOVW7725BZO354PWSELRRZ', path: '/drive/root:' },
  size: 0,
  webUrl: 'https://contoso-my.sharepoint.com/personal/rgregg_contoso_com/Documents/Graph%20Project%20Files',
};

/** Example 3 on https://learn.microsoft.com/graph/api/onlinemeeting-get (by joinWebUrl; shortened), with chatInfo as example 1 shows it. */
const DOCUMENTED_MEETINGS = {
  value: [
    {
      id: 'dc17674c-81d9-4adb-bfb2-8f6a442e4622_19:meeting_MGQ4MDQyNTEtNTQVkODYxODYzMmY2@thread.v2',
      creationDateTime: '2020-09-29T22:35:33.1594516Z',
      startDateTime: '2020-09-29T22:35:31.389759Z',
      endDateTime: '2020-09-29T23:35:31.389759Z',
      joinWebUrl:
        'https://teams.microsoft.com/l/meetup-join/19%3ameeting_MGQ4MDQyNTEtNTQ2NS00YjQxLTlkMYzMmY2%40thread.v2/0?context=%7b%22Tid%22%3a%22909c6581-5130-43e9-882cde37%22%2c%22Oid%22%3a%22dc17674c-81d9-4adb-bfb2-8f6a442e4622%22%7d',
      subject: null,
      isEntryExitAnnounced: true,
      allowedPresenters: 'everyone',
      videoTeleconferenceId: '(redacted)',
      chatInfo: { '@odata.type': '#microsoft.graph.chatInfo', threadId: '19:cbee7c1c860e465cebf7bee0d@thread.skype', messageId: '153367081' },
      participants: { organizer: { upn: '(redacted)', role: 'presenter', identity: { user: { id: 'dc17674c-81d9-4adb-bf442e4622', displayName: null } } }, attendees: [] },
      lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
      joinMeetingIdSettings: { isPasscodeRequired: false, joinMeetingId: '1234567890', passcode: null },
    },
  ],
};

/** Example 3 on https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps (by the manifest id). */
const DOCUMENTED_APPS = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#appCatalogs/teamsApps',
  value: [{ id: '22f73bbe-f67a-4dea-bd54-54cac718cb2b', externalId: 'cf1ba4c7-f94e-4d80-ba90-5594b641a8ee', displayName: 'YPA', distributionMethod: 'organization' }],
};

/** Example 2 on https://learn.microsoft.com/graph/api/chat-list-tabs (a tab whose entityId is null). */
const DOCUMENTED_TABS = {
  '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#chats('19%3Ad65713bc498c4a428c71ef9353e6ce20%40thread.v2')/tabs(teamsApp())",
  '@odata.count': 1,
  value: [
    {
      id: '1f7b40e5-ecdf-40cb-b02e-e785cf71c0e9',
      displayName: 'Website2',
      teamsAppId: null,
      sortOrderIndex: '10000100',
      messageId: '1607411851584',
      configuration: { entityId: null, contentUrl: 'https://www.bing.com', removeUrl: null, websiteUrl: 'https://www.bing.com', dateAdded: '2020-12-08T07:17:29.748Z' },
      teamsApp: { id: 'com.microsoft.teamspace.tab.web', externalId: null, displayName: 'Website', distributionMethod: 'store' },
    },
  ],
};

/** The second schedule in the answer on https://learn.microsoft.com/graph/api/calendar-getschedule (items shortened). */
const DOCUMENTED_SCHEDULE = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)',
  value: [
    {
      scheduleId: 'meganb@contoso.onmicrosoft.com',
      availabilityView: '200220010',
      scheduleItems: [
        {
          status: 'busy',
          start: { dateTime: '2019-03-15T08:30:00.0000000', timeZone: 'Pacific Standard Time' },
          end: { dateTime: '2019-03-15T09:30:00.0000000', timeZone: 'Pacific Standard Time' },
        },
        {
          status: 'tentative',
          start: { dateTime: '2019-03-15T12:00:00.0000000', timeZone: 'Pacific Standard Time' },
          end: { dateTime: '2019-03-15T13:00:00.0000000', timeZone: 'Pacific Standard Time' },
        },
      ],
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: {
          '@odata.type': '#microsoft.graph.customTimeZone',
          bias: 480,
          name: 'Customized Time Zone',
          standardOffset: { time: '02:00:00.0000000', dayOccurrence: 1, dayOfWeek: 'sunday', month: 11, year: 0 },
          daylightOffset: { daylightBias: -60, time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 3, year: 0 },
        },
      },
    },
  ],
};

const without = (object: object, key: string) => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

describe("booking's Graph answers", () => {
  it('accept the documented examples', () => {
    expect(seriesEventSchema.safeParse(DOCUMENTED_SERIES).success).toBe(true);
    expect(seriesEventsSchema.safeParse({ value: [DOCUMENTED_SERIES] }).success).toBe(true);
    expect(myCopiesSchema.safeParse({ value: [DOCUMENTED_SERIES] }).success).toBe(true);
    expect(occurrencesSchema.safeParse(DOCUMENTED_INSTANCES).success).toBe(true);
    expect(workspaceItemSchema.safeParse(DOCUMENTED_DRIVE_ITEM).success).toBe(true);
    expect(onlineMeetingsSchema.parse(DOCUMENTED_MEETINGS).value[0]?.chatInfo?.threadId).toBe('19:cbee7c1c860e465cebf7bee0d@thread.skype');
    expect(teamsAppsSchema.parse(DOCUMENTED_APPS).value[0]?.id).toBe('22f73bbe-f67a-4dea-bd54-54cac718cb2b');
    expect(chatTabsSchema.safeParse(DOCUMENTED_TABS).success).toBe(true);
    expect(scheduleSchema.safeParse(DOCUMENTED_SCHEDULE).success).toBe(true);
    expect(seriesMeetingEventsSchema.safeParse({ value: [{ ...DOCUMENTED_SERIES, onlineMeeting: { joinUrl: DOCUMENTED_MEETINGS.value[0]!.joinWebUrl } }] }).success).toBe(true);
    // Nothing found is an empty list, and an event created without a Teams meeting has none.
    expect(onlineMeetingsSchema.safeParse({ value: [] }).success).toBe(true);
    expect(seriesEventSchema.parse({ ...DOCUMENTED_SERIES, onlineMeeting: null }).onlineMeeting).toBeNull();
  });

  it('reject malformed answers', () => {
    expect(seriesEventSchema.safeParse(without(DOCUMENTED_SERIES, 'iCalUId')).success).toBe(false);
    expect(seriesEventSchema.safeParse({ ...DOCUMENTED_SERIES, attendees: {} }).success).toBe(false);
    expect(seriesEventsSchema.safeParse(DOCUMENTED_SERIES).success).toBe(false);
    expect(myCopiesSchema.safeParse({ value: [{ responseStatus: { response: 'accepted' } }] }).success).toBe(false);
    expect(occurrencesSchema.safeParse({ value: [{ id: 'a', start: '2019-04-16T20:30:00Z' }] }).success).toBe(false);
    // The upload's own documented answer is shortened: without parentReference and webUrl it is not enough to book with.
    expect(workspaceItemSchema.safeParse({ id: '0123456789abc', name: 'FileB.txt', size: 35, file: {} }).success).toBe(false);
    expect(onlineMeetingsSchema.safeParse({ value: [{ chatInfo: { threadId: 19 } }] }).success).toBe(false);
    expect(teamsAppsSchema.safeParse({ value: [{ externalId: 'cf1ba4c7-f94e-4d80-ba90-5594b641a8ee' }] }).success).toBe(false);
    expect(chatTabsSchema.safeParse({ tabs: [] }).success).toBe(false);
    expect(seriesMeetingEventsSchema.safeParse({ value: [{ ...DOCUMENTED_SERIES, onlineMeeting: { joinUrl: 42 } }] }).success).toBe(false);
    expect(scheduleSchema.safeParse({ value: [{ ...DOCUMENTED_SCHEDULE.value[0], scheduleItems: [{ status: 'busy' }] }] }).success).toBe(false);
  });
});
