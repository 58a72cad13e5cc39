/**
 * Booking a pair's sessions in Microsoft 365, as the executive (the organiser):
 * 1. look for the pair's series already in the organiser's calendar (a single-value extended
 *    property names the pair), so a retry, a double click or a second tab never books twice;
 * 2. create the pair workspace in the organiser's OneDrive (never overwriting one);
 * 3. share it with the partner only and create one event series with a Teams meeting, the partner as attendee, and a `transactionId`
 *    that makes a retried create return the first one
 *    (https://learn.microsoft.com/graph/api/resources/event, transactionId);
 * 4. check again that the pair has one series (two tabs racing with different times), keeping the
 *    oldest;
 * 5. put the app's tab in the meeting chat, pointing at the workspace, where permissions allow.
 * Then reschedule, skip one occurrence, end the pairing, and the partner's reply.
 */
import { DateTime } from 'luxon';
import { invitationBody, invitationSubject } from '@/domain/booking/invitation';
import { newWorkspace } from '@/domain/booking/workspace';
import { hashText } from '@/domain/random/seeded-random';
import { endedSeries, type SeriesShape } from '@/domain/scheduling/recurrence';
import { newLiveKey } from '../agenda/live-crypto';
import type { BatchItem, GraphClient } from '../graph/graph-client';
import { errorFromAnswer, GraphAnswerError, GraphPermissionError, GraphRequestError, readAnswer } from '../graph/graph-errors';
import { ianaZone, windowsZone } from '../graph/time-zones';
import { consentedPermissionSet } from '../config/resource-specific-permissions';
import type { z } from 'zod';
import { chatTabsSchema, myCopiesSchema, occurrencesSchema, onlineMeetingsSchema, seriesEventSchema, seriesEventsSchema, teamsAppsSchema, workspaceItemSchema } from './booking-answers';
import { CALENDAR_SCOPES } from './schedule-reader';

export const WORKSPACE_SCOPES = ['Files.ReadWrite'] as const;
const MEETING_LOOKUP_SCOPES = ['OnlineMeetings.Read', 'AppCatalog.Read.All'] as const;
/**
 * Installing the app in a chat with its resource-specific permissions needs a `...AndConsent...`
 * variant (https://learn.microsoft.com/graph/api/chat-post-installedapps: the others cannot install
 * apps that require consent to RSC). Adding a tab allows TeamsTab.Create, but listing the chat's tabs
 * (to not add ours twice) does not (https://learn.microsoft.com/graph/api/chat-post-tabs,
 * https://learn.microsoft.com/graph/api/chat-list-tabs): TeamsTab.ReadWriteSelfForChat allows both,
 * for the app's own tabs only.
 */
const CHAT_TAB_SCOPES = ['TeamsAppInstallation.ReadWriteAndConsentSelfForChat', 'TeamsTab.ReadWriteSelfForChat'] as const;

/** The named property that marks a pair's series (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties). */
export const PAIR_PROPERTY_ID = 'String {6b3b9f0e-2f4c-4e8a-9a43-1f0d6c2b7e51} Name ReverseMentoringPair';
export const WORKSPACE_FOLDER = 'Reverse mentoring';

/**
 * One of the pair as booking needs them: their directory id, the name the invitation uses, and
 * where mail reaches them.
 */
export interface BookingPerson {
  readonly id: string;
  readonly displayName: string;
  /**
   * The SMTP address attendees and sharing invitations are addressed to: the person's `mail`, their
   * user principal name only when they have none (mailboxAddressOf). A UPN that is not an address
   * reaches nobody (https://learn.microsoft.com/graph/api/driveitem-invite,
   * https://learn.microsoft.com/graph/api/user-post-events).
   */
  readonly mail: string;
}

/**
 * Everything needed to book a pair: who organises and who attends, the series' times, and what the
 * invitation and the meeting chat's tab say.
 */
export interface BookingRequest {
  readonly organiser: BookingPerson;
  readonly partner: BookingPerson;
  readonly series: SeriesShape;
  readonly programmeName: string;
  /** The programme's code of conduct template for the pair's workspace (empty: the built-in one). */
  readonly codeOfConduct?: string;
  /** The app as the meeting chat's tab names it; the tenant, for the install link. */
  readonly app: { readonly teamsAppId: string; readonly origin: string; readonly tabName: string; readonly tenantId?: string };
}

/**
 * A pair's event series as the organiser's calendar has it, with the Teams join link and the
 * partner's reply (as Graph spells it, e.g. `accepted`).
 */
export interface SeriesInfo {
  readonly id: string;
  readonly iCalUId: string;
  readonly joinUrl: string | undefined;
  readonly webLink: string | undefined;
  readonly createdDateTime: string;
  readonly partnerResponse: string | undefined;
  /** The first occurrence's start, UTC ISO (what a booking record keeps); undefined if Graph gave none. */
  readonly start: string | undefined;
}

/**
 * The pair workspace file in the organiser's OneDrive: its item and drive ids, and the link people
 * open it with.
 */
export interface WorkspaceInfo {
  readonly id: string;
  readonly driveId: string;
  readonly webUrl: string;
}

/**
 * Whether the meeting chat got the app's tab, or why not and a link that opens Teams' install
 * dialog for the app, where "Add to a meeting" is one click
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application).
 */
export type ChatTabOutcome = { readonly kind: 'added' } | { readonly kind: 'manual'; readonly reason: string; readonly installLink: string };

/** Teams' install dialog for the app: the catalogue id for an organisation's app, else the manifest id. */
export function installLink(app: BookingRequest['app'], catalogId?: string): string {
  const tenant = app.tenantId && app.tenantId !== 'organizations' ? `?tenantId=${encodeURIComponent(app.tenantId)}` : '';
  return `https://teams.microsoft.com/l/app/${encodeURIComponent(catalogId ?? app.teamsAppId)}${tenant}`;
}

/** What booking did: the series, the workspace, and whether the meeting chat got the app's tab. */
export interface BookingResult {
  readonly series: SeriesInfo;
  readonly workspace: WorkspaceInfo;
  readonly chatTab: ChatTabOutcome;
  /** True when the series already existed (a retry, another tab). */
  readonly existed: boolean;
}

/** The key that names a pair in the organiser's calendar and in their OneDrive. */
export const pairKeyOf = (organiserId: string, partnerId: string) => `${organiserId}:${partnerId}`;

/** A transactionId stable across retries of the same booking: the pair and the first start. */
function transactionIdOf(pairKey: string, firstStart: string): string {
  const text = `${pairKey}|${firstStart}`;
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `rm-${hex(hashText(text))}${hex(hashText(text, 0x01000193, 2246822507))}`;
}

/** Graph's start and end of a series' first occurrence, in the series' zone (Windows name). */
export function eventTimes(series: SeriesShape) {
  const start = DateTime.fromISO(series.start, { zone: series.timeZone });
  const zone = windowsZone(series.timeZone);
  return {
    start: { dateTime: start.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: zone },
    end: { dateTime: start.plus({ minutes: series.minutes }).toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: zone },
  };
}

function seriesInfo(event: z.output<typeof seriesEventSchema>, partnerMail: string | undefined): SeriesInfo {
  const partner = event.attendees?.find((a) => a.emailAddress?.address?.toLowerCase() === partnerMail?.toLowerCase());
  return {
    id: event.id,
    iCalUId: event.iCalUId,
    joinUrl: event.onlineMeeting?.joinUrl ?? undefined,
    webLink: event.webLink ?? undefined,
    createdDateTime: event.createdDateTime,
    partnerResponse: partner?.status?.response ?? undefined,
    start: event.start ? utcOf(event.start) : undefined,
  };
}

/** A Graph dateTimeTimeZone as a UTC ISO instant (reads answer in UTC unless asked otherwise). */
const utcOf = (at: { dateTime: string; timeZone: string }) =>
  DateTime.fromISO(at.dateTime, { zone: ianaZone(at.timeZone) ?? 'utc' })
    .toUTC()
    .toISO({ suppressMilliseconds: true })!;

const SERIES_SELECT = 'id,iCalUId,createdDateTime,webLink,onlineMeeting,attendees,start';

/** The pair's series in the organiser's calendar, oldest first. */
export async function findSeries(client: GraphClient, pairKey: string, partnerMail?: string): Promise<SeriesInfo[]> {
  const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${PAIR_PROPERTY_ID}' and ep/value eq '${pairKey.replace(/'/g, "''")}')`;
  const page = readAnswer(
    seriesEventsSchema,
    await client.get(`/me/events?$filter=${encodeURIComponent(filter)}&$select=${SERIES_SELECT}&$top=10`, CALENDAR_SCOPES),
    'looking for the pair’s sessions in your calendar',
  );
  return page.value.map((e) => seriesInfo(e, partnerMail)).sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime) || a.id.localeCompare(b.id));
}

/**
 * The organiser's OneDrive has never been opened, so it does not exist yet and the pair workspace
 * could not be created there: the message says what to do.
 */
export class OneDriveNotReadyError extends GraphRequestError {
  override readonly name = 'OneDriveNotReadyError';
  constructor(requestId: string | undefined) {
    super(
      'Your OneDrive is not set up yet, so the pair’s workspace could not be created in it. Open OneDrive once ' +
        '(from office.com or the Microsoft 365 app), wait a minute, then book again. Nothing was booked.',
      404,
      'driveNotProvisioned',
      requestId,
      undefined,
    );
  }
}

/** Waits between tries while a first-time OneDrive is being provisioned: bounded, about 35 s in all. */
export const DRIVE_PROVISIONING_WAITS_MS = [5_000, 10_000, 20_000] as const;

/**
 * The pair workspace: created once in the organiser's OneDrive, never overwritten. A OneDrive that
 * was never opened answers 404 ("User's mysite not found."; Graph's pages do not document the error,
 * so any 404 to this PUT, which creates missing folders itself, is taken to mean it). `GET /me/drive`
 * provisions a licensed user's OneDrive (https://learn.microsoft.com/graph/api/drive-get), which takes
 * a while; the creation is tried again a few times, then the organiser is told what to do.
 */
async function ensureWorkspace(client: GraphClient, request: BookingRequest, pairKey: string): Promise<WorkspaceInfo> {
  const path = `/me/drive/root:/${encodeURIComponent(WORKSPACE_FOLDER)}/${encodeURIComponent(`pair-${request.partner.id}.json`)}`;
  const info = (answer: unknown): WorkspaceInfo => {
    const item = readAnswer(workspaceItemSchema, answer, 'creating the pair’s workspace in your OneDrive');
    return { id: item.id, driveId: item.parentReference.driveId, webUrl: item.webUrl };
  };
  const document = newWorkspace({ pairKey, executiveId: request.organiser.id, mentorId: request.partner.id }, request.codeOfConduct, await newLiveKey());
  for (let attempt = 0; ; attempt++) {
    try {
      // conflictBehavior goes in the URL (OneDrive/onedrive-api-docs#981); "fail" keeps an existing workspace.
      const item = await client.write('PUT', `${path}:/content?@microsoft.graph.conflictBehavior=fail`, WORKSPACE_SCOPES, JSON.stringify(document), {
        'Content-Type': 'application/json',
      });
      return info(item);
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 409) return info(await client.get(path, WORKSPACE_SCOPES));
      if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
      const wait = DRIVE_PROVISIONING_WAITS_MS[attempt];
      if (wait === undefined) throw new OneDriveNotReadyError(error.requestId);
      if (attempt === 0) {
        try {
          await client.get('/me/drive', WORKSPACE_SCOPES);
        } catch {
          // Still being provisioned, or not allowed: the next try says which.
        }
      }
      await client.wait(wait);
    }
  }
}

/** Sharing the workspace with the partner only: a specific-people link that needs sign-in. */
function shareRequest(workspace: WorkspaceInfo, partner: BookingPerson): BatchItem {
  return {
    id: 'share',
    method: 'POST',
    url: `/me/drive/items/${encodeURIComponent(workspace.id)}/invite`,
    body: {
      recipients: [{ email: partner.mail }],
      roles: ['write'],
      requireSignIn: true,
      // The meeting invitation carries the link; no second email.
      sendInvitation: false,
    },
  };
}

function createRequest(request: BookingRequest, pairKey: string, workspace: WorkspaceInfo): BatchItem {
  const invitation = {
    executiveName: request.organiser.displayName,
    mentorName: request.partner.displayName,
    programmeName: request.programmeName,
    workspaceUrl: workspace.webUrl,
  };
  return {
    id: 'create',
    method: 'POST',
    url: '/me/events',
    body: {
      subject: invitationSubject(invitation),
      body: { contentType: 'HTML', content: invitationBody(invitation) },
      ...eventTimes(request.series),
      recurrence: request.series.recurrence,
      attendees: [{ emailAddress: { address: request.partner.mail, name: request.partner.displayName }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: true,
      showAs: 'busy',
      transactionId: transactionIdOf(pairKey, request.series.start),
      singleValueExtendedProperties: [{ id: PAIR_PROPERTY_ID, value: pairKey }],
    },
  };
}

/**
 * Shares the workspace and, when the pair has no series yet, creates it: one $batch (retried as a
 * whole after a lost answer, which the invite and the transactionId make safe).
 */
async function shareAndCreate(client: GraphClient, request: BookingRequest, pairKey: string, workspace: WorkspaceInfo, create: boolean): Promise<SeriesInfo | undefined> {
  const items = [shareRequest(workspace, request.partner), ...(create ? [createRequest(request, pairKey, workspace)] : [])];
  const scopes = [...CALENDAR_SCOPES, ...WORKSPACE_SCOPES];
  const answers = await client.batch(items, scopes);
  for (const answer of answers) if (answer.status >= 400) throw errorFromAnswer(answer, answer.id === 'share' ? WORKSPACE_SCOPES : CALENDAR_SCOPES);
  const created = answers.find((a) => a.id === 'create');
  return created ? seriesInfo(readAnswer(seriesEventSchema, created.body, 'creating the pair’s sessions in your calendar'), request.partner.mail) : undefined;
}

/**
 * The app's tab in the meeting chat, pointing at the workspace. Installing an app in a chat and
 * adding a tab need permissions an admin grants; without them, or if anything else stops it, the
 * pair gets the reason and adds the app from the meeting themselves.
 */
export async function addChatTab(client: GraphClient, joinUrl: string | undefined, workspace: WorkspaceInfo, app: BookingRequest['app']): Promise<ChatTabOutcome> {
  const manual = (reason: string, catalogId?: string): ChatTabOutcome => ({ kind: 'manual', reason, installLink: installLink(app, catalogId) });
  if (!joinUrl) return manual('The series has no Teams meeting yet.');
  try {
    const [meeting, catalog] = await client.batch(
      [
        { id: 'meeting', url: `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`)}` },
        { id: 'catalog', url: `/appCatalogs/teamsApps?$filter=${encodeURIComponent(`externalId eq '${app.teamsAppId}'`)}` },
      ],
      MEETING_LOOKUP_SCOPES,
    );
    // An error answer finds nothing; an unexpected success answer ends below as a tab left to the pair.
    const threadId = meeting?.status === 200 ? readAnswer(onlineMeetingsSchema, meeting.body, 'looking up the Teams meeting').value[0]?.chatInfo?.threadId : undefined;
    const catalogId = catalog?.status === 200 ? readAnswer(teamsAppsSchema, catalog.body, 'looking up the app in your organisation’s catalogue').value[0]?.id : undefined;
    if (meeting?.status === 403 || catalog?.status === 403) return manual('The app may not look up meetings or the app catalogue in your organisation.', catalogId);
    if (!threadId) return manual('The meeting chat could not be found yet.', catalogId);
    if (!catalogId) return manual('The app is not in your organisation\u2019s app catalogue.');
    const chat = `/chats/${encodeURIComponent(threadId)}`;
    const bind = `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogId}`;
    const contentUrl = `${app.origin}/meeting-tab/?workspace=${encodeURIComponent(`${workspace.driveId}/${workspace.id}`)}`;
    const tab = { displayName: app.tabName, 'teamsApp@odata.bind': bind, configuration: { entityId: 'pair-workspace', contentUrl, websiteUrl: workspace.webUrl } };
    // The install answers 201 when done (chat-post-installedapps); the tab runs only after it
    // succeeded (dependsOn: otherwise 424), since a tab needs its app installed (chat-post-tabs).
    const [install, added] = await client.batch(
      [
        { id: 'install', method: 'POST', url: `${chat}/installedApps`, body: { 'teamsApp@odata.bind': bind, consentedPermissionSet: consentedPermissionSet() } },
        { id: 'tab', method: 'POST', url: `${chat}/tabs`, body: tab, dependsOn: ['install'] },
      ],
      CHAT_TAB_SCOPES,
    );
    if (added?.status === 201) return { kind: 'added' };
    if (install?.status === 403 || added?.status === 403) return manual('Your organisation has not allowed the app to add itself to meeting chats.', catalogId);
    if (install?.status === 409) {
      // Installed before (a retry): add the tab unless it is already there.
      const tabs = readAnswer(chatTabsSchema, await client.get(`${chat}/tabs`, CHAT_TAB_SCOPES), 'reading the meeting chat’s tabs');
      if (tabs.value.some((t) => t.configuration?.entityId === 'pair-workspace')) return { kind: 'added' };
      await client.write('POST', `${chat}/tabs`, CHAT_TAB_SCOPES, tab);
      return { kind: 'added' };
    }
    return manual('Teams did not accept the tab.', catalogId);
  } catch (error) {
    if (error instanceof GraphPermissionError) return manual('Your organisation has not granted the permissions to add the app to meeting chats.');
    // The sessions are booked; only the tab is left to the pair.
    if (error instanceof GraphAnswerError) return manual('Teams answered in a way the app did not expect, so the tab was not added.');
    throw error;
  }
}

/** Books the pair's series, or finds the one already booked; see the module comment for the steps. */
export async function bookSeries(client: GraphClient, request: BookingRequest): Promise<BookingResult> {
  const pairKey = pairKeyOf(request.organiser.id, request.partner.id);
  const existing = await findSeries(client, pairKey, request.partner.mail);
  const workspace = await ensureWorkspace(client, request, pairKey);
  const created = await shareAndCreate(client, request, pairKey, workspace, existing.length === 0);
  let series = existing[0];
  if (!series) {
    // Two tabs may have booked different times at once: keep the oldest series, remove the others.
    const all = await findSeries(client, pairKey, request.partner.mail);
    series = all[0] ?? created;
    for (const extra of all.slice(1)) await client.write('DELETE', `/me/events/${encodeURIComponent(extra.id)}`, CALENDAR_SCOPES);
  }
  if (!series) throw new GraphRequestError('Graph did not return the new series; try again.', 502, 'MissingSeries', undefined, undefined);
  const chatTab = await addChatTab(client, series.joinUrl, workspace, request.app);
  return { series, workspace, chatTab, existed: existing.length > 0 };
}

/** The series' state in the organiser's calendar, or undefined when it is gone. */
export async function readSeries(client: GraphClient, seriesId: string, partnerMail: string): Promise<SeriesInfo | undefined> {
  try {
    const event = await client.get(`/me/events/${encodeURIComponent(seriesId)}?$select=${SERIES_SELECT}`, CALENDAR_SCOPES);
    return seriesInfo(readAnswer(seriesEventSchema, event, 'reading the pair’s sessions in your calendar'), partnerMail);
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return undefined;
    throw error;
  }
}

/** Moves the whole series (new weekday, time or start); Outlook asks the partner again. */
export async function rescheduleSeries(client: GraphClient, seriesId: string, series: SeriesShape): Promise<void> {
  await client.write('PATCH', `/me/events/${encodeURIComponent(seriesId)}`, CALENDAR_SCOPES, { ...eventTimes(series), recurrence: series.recurrence });
}

/** The series' occurrences (id and UTC start) in a window, e.g. the next few sessions. */
export async function listOccurrences(client: GraphClient, seriesId: string, from: Date, to: Date): Promise<{ id: string; start: string }[]> {
  const query = `startDateTime=${from.toISOString()}&endDateTime=${to.toISOString()}&$select=id,start`;
  const page = readAnswer(
    occurrencesSchema,
    await client.get(`/me/events/${encodeURIComponent(seriesId)}/instances?${query}`, CALENDAR_SCOPES),
    'reading the next sessions in your calendar',
  );
  return page.value.map((o) => ({
    id: o.id,
    start: DateTime.fromISO(o.start.dateTime, { zone: ianaZone(o.start.timeZone) ?? 'utc' })
      .toUTC()
      .toISO({ suppressMilliseconds: true })!,
  }));
}

/** Skips one session: cancels that occurrence for both, with a note. */
export async function skipOccurrence(client: GraphClient, occurrenceId: string, comment: string): Promise<void> {
  await client.write('POST', `/me/events/${encodeURIComponent(occurrenceId)}/cancel`, CALENDAR_SCOPES, { comment });
}

/**
 * Ends the pairing: future sessions go from both calendars; past ones stay as history (the series
 * now ends on `today`'s eve). A series that has not started yet is cancelled outright.
 */
export async function endSeries(client: GraphClient, seriesId: string, series: SeriesShape, today: string): Promise<void> {
  const yesterday = DateTime.fromISO(today).minus({ days: 1 }).toISODate()!;
  if (yesterday < series.recurrence.range.startDate) {
    await client.write('POST', `/me/events/${encodeURIComponent(seriesId)}/cancel`, CALENDAR_SCOPES, { comment: 'The pairing has ended.' });
    return;
  }
  await client.write('PATCH', `/me/events/${encodeURIComponent(seriesId)}`, CALENDAR_SCOPES, { recurrence: endedSeries(series, yesterday).recurrence });
}

/** The partner's copy of the series in their own calendar (found by its iCalUId), their reply so far, and the Teams join link. */
export async function findMyCopy(client: GraphClient, iCalUId: string): Promise<{ id: string; response: string; joinUrl?: string } | undefined> {
  const page = readAnswer(
    myCopiesSchema,
    await client.get(`/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId.replace(/'/g, "''")}'`)}&$select=id,responseStatus,onlineMeeting`, CALENDAR_SCOPES),
    'looking for the sessions in your calendar',
  );
  const copy = page.value[0];
  if (!copy) return undefined;
  const joinUrl = copy.onlineMeeting?.joinUrl ?? undefined;
  return { id: copy.id, response: copy.responseStatus?.response ?? 'none', ...(joinUrl ? { joinUrl } : {}) };
}

/** The partner accepts or declines the series. */
export async function respondToSeries(client: GraphClient, eventId: string, accept: boolean, comment?: string): Promise<void> {
  await client.write('POST', `/me/events/${encodeURIComponent(eventId)}/${accept ? 'accept' : 'decline'}`, CALENDAR_SCOPES, {
    sendResponse: true,
    ...(comment ? { comment } : {}),
  });
}
