/**
 * The fake Graph's calendars: events with recurrence, meeting copies in attendees' calendars,
 * responses, cancellations, `transactionId`, single-value extended properties, and `getSchedule`.
 * Behaviour follows Graph v1.0 (pages cited where it matters):
 * - https://learn.microsoft.com/graph/api/user-post-events: `transactionId` makes a retried create
 *   return the event already created instead of a second one.
 * - https://learn.microsoft.com/graph/api/event-cancel: only the organiser cancels; cancelling an
 *   occurrence cancels that one, cancelling the master cancels the series.
 * - https://learn.microsoft.com/graph/api/event-list-instances: occurrences in a window.
 * - https://learn.microsoft.com/graph/api/calendar-getschedule: free/busy and working hours
 *   (Windows time-zone names), at most 62 days per request (ErrorTimeIntervalTooBig,
 *   microsoftgraph/microsoft-graph-docs#19703).
 * - https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get: filtering events
 *   by a single-value extended property.
 */
import { DateTime } from 'luxon';
import { occurrencesBetween, type SeriesShape, type WeeklyRecurrence } from '@/domain/scheduling/recurrence';
import { ianaZone, windowsZone } from '@/services/graph/time-zones';
import type { DemoUser } from './demo-tenant';

export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

interface Attendee {
  readonly emailAddress: { readonly address: string; readonly name: string };
  readonly type: 'required' | 'optional' | 'resource';
  status: { response: ResponseType; time: string };
}

type ResponseType = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

/** An event as one mailbox holds it. */
export interface StoredEvent {
  readonly id: string;
  readonly iCalUId: string;
  readonly ownerId: string;
  readonly organizerId: string;
  subject: string;
  body: { contentType: 'html' | 'text'; content: string };
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  recurrence: WeeklyRecurrence | null;
  showAs: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';
  isAllDay: boolean;
  attendees: Attendee[];
  responseStatus: { response: ResponseType; time: string };
  isOnlineMeeting: boolean;
  onlineMeeting: { joinUrl: string } | null;
  readonly transactionId: string | null;
  singleValueExtendedProperties: { id: string; value: string }[];
  /** Original UTC starts of cancelled occurrences. */
  cancelled: string[];
  readonly createdDateTime: string;
  lastModifiedDateTime: string;
}

/** An event the demo tenant starts with (a person's own, no attendees). */
export type SeedEvent = Pick<StoredEvent, 'subject' | 'start' | 'end' | 'recurrence' | 'showAs' | 'isAllDay'>;

export interface CalendarContext {
  readonly user: (id: string) => DemoUser | undefined;
  /** The user whose SMTP address (mail or a proxy address) this is, case-insensitive; a user principal name that is none of them finds nobody. */
  readonly userByAddress: (address: string) => DemoUser | undefined;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Told when a Teams meeting is created for an event (to give it a chat). */
  readonly onOnlineMeeting: (meeting: { joinUrl: string; organizerId: string; attendeeIds: string[]; subject: string }) => void;
  readonly seed?: (user: DemoUser) => readonly SeedEvent[];
  readonly onChange?: () => void;
}

export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  /** A binary body (a photo), sent as it is with the content type its headers give; base64 inside a $batch. */
  readonly bytes?: Uint8Array<ArrayBuffer>;
  readonly headers?: Record<string, string>;
}
type ErrorAnswer = (status: number, code: string, message: string) => Answer;

const MAX_SCHEDULE_DAYS = 62;
const DEFAULT_EVENTS_PAGE = 10;

function utcOf(value: DateTimeTimeZone): number {
  const zone = ianaZone(value.timeZone) ?? 'utc';
  return DateTime.fromISO(value.dateTime, { zone }).toMillis();
}

function localIso(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS0000");
}

export class FakeCalendars {
  private readonly mailboxes = new Map<string, Map<string, StoredEvent>>();
  private readonly seeded = new Set<string>();

  constructor(private readonly context: CalendarContext) {}

  /** User-made events (not the seeded ones), for keeping the demo's state. */
  snapshot(): StoredEvent[] {
    return [...this.mailboxes.values()].flatMap((m) => [...m.values()]).filter((e) => !e.id.startsWith('seed-'));
  }

  restore(events: readonly StoredEvent[]): void {
    for (const mailbox of this.mailboxes.values()) {
      for (const id of [...mailbox.keys()]) if (!id.startsWith('seed-')) mailbox.delete(id);
    }
    for (const event of events) this.mailbox(event.ownerId).set(event.id, structuredClone(event));
  }

  /** Every event in a mailbox (seeded ones included), for tests. */
  eventsOf(userId: string): StoredEvent[] {
    return [...this.mailbox(userId).values()];
  }

  handle(method: string, path: string, url: URL, body: unknown, auth: { oid: string; scopes: Set<string> }, error: ErrorAnswer, headers: Record<string, string> = {}): Answer | undefined {
    const match = /^\/(?:me|users\/([^/]+))\/(calendar\/getSchedule|events)(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(path);
    if (!match) return undefined;
    const owner = match[1] ? decodeURIComponent(match[1]) : auth.oid;
    if (owner !== auth.oid) return error(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    const write = method !== 'GET';
    const allowed = auth.scopes.has('Calendars.ReadWrite') || (!write && auth.scopes.has('Calendars.Read'));
    // getSchedule is a POST that only reads.
    if (!allowed && !(match[2] === 'calendar/getSchedule' && auth.scopes.has('Calendars.Read'))) {
      return error(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    if (match[2] === 'calendar/getSchedule') return method === 'POST' ? this.getSchedule(body, error) : error(405, 'ErrorInvalidRequest', 'Use POST.');
    const id = match[3] ? decodeURIComponent(match[3]) : undefined;
    const action = match[4];
    // Reads give start and end in the Prefer: outlook.timezone zone, "If not specified, those time
    // values are returned in UTC" (https://learn.microsoft.com/graph/api/event-list-instances).
    const zone = /outlook\.timezone="([^"]+)"/.exec(headers.prefer ?? '')?.[1] ?? 'UTC';
    if (!ianaZone(zone)) return error(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`);
    if (!id) {
      if (method === 'GET') return this.list(owner, url, error, zone);
      if (method === 'POST') return this.create(owner, body, error);
      return error(405, 'ErrorInvalidRequest', `The method ${method} is not allowed here.`);
    }
    if (action === 'instances' && method === 'GET') return this.instances(owner, id, url, error, zone);
    if ((action === 'cancel' || action === 'accept' || action === 'decline' || action === 'tentativelyAccept') && method === 'POST') {
      const refused = actionParameters(action, body, error);
      if (refused) return refused;
      return action === 'cancel' ? this.cancel(owner, id, error) : this.respond(owner, id, action, error);
    }
    if (action) return error(400, 'ErrorInvalidRequest', `Unsupported segment '${action}'.`);
    if (method === 'GET') {
      const event = this.find(owner, id);
      return event ? { status: 200, body: this.shape(event.master, url, event.occurrence, zone) } : error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    }
    if (method === 'PATCH') return this.update(owner, id, body, error);
    if (method === 'DELETE') return this.remove(owner, id, error);
    return error(405, 'ErrorInvalidRequest', `The method ${method} is not allowed here.`);
  }

  private mailbox(userId: string): Map<string, StoredEvent> {
    let mailbox = this.mailboxes.get(userId);
    if (!mailbox) this.mailboxes.set(userId, (mailbox = new Map()));
    if (!this.seeded.has(userId)) {
      this.seeded.add(userId);
      const user = this.context.user(userId);
      const stamp = '2026-01-01T00:00:00Z';
      (user && this.context.seed ? this.context.seed(user) : []).forEach((seed, k) => {
        const id = `seed-${userId}-${k}`;
        mailbox.set(id, {
          ...seed,
          id,
          iCalUId: id,
          ownerId: userId,
          organizerId: userId,
          body: { contentType: 'text', content: '' },
          attendees: [],
          responseStatus: { response: 'organizer', time: stamp },
          isOnlineMeeting: false,
          onlineMeeting: null,
          transactionId: null,
          singleValueExtendedProperties: [],
          cancelled: [],
          createdDateTime: stamp,
          lastModifiedDateTime: stamp,
        });
      });
    }
    return mailbox;
  }

  /** The series (or single event) and, for an occurrence id, which occurrence. */
  private find(owner: string, id: string): { master: StoredEvent; occurrence?: string } | undefined {
    const mailbox = this.mailbox(owner);
    const direct = mailbox.get(id);
    if (direct) return { master: direct };
    const occurrence = /^(.+)_occ_(\d{8}T\d{4}Z)$/.exec(id);
    if (!occurrence) return undefined;
    const master = mailbox.get(occurrence[1]!);
    if (!master?.recurrence) return undefined;
    const start = DateTime.fromFormat(occurrence[2]!, "yyyyMMdd'T'HHmm'Z'", { zone: 'utc' }).toISO({ suppressMilliseconds: true })!;
    const at = Date.parse(start);
    const exists = occurrencesBetween(this.seriesOf(master), new Date(at).toISOString(), new Date(at + 60_000).toISOString(), new Set(master.cancelled)).length > 0;
    return exists ? { master, occurrence: start } : undefined;
  }

  private seriesOf(event: StoredEvent): SeriesShape {
    const zone = ianaZone(event.start.timeZone) ?? 'utc';
    const start = DateTime.fromISO(event.start.dateTime, { zone });
    const minutes = Math.round((utcOf(event.end) - utcOf(event.start)) / 60_000);
    return { start: start.toFormat("yyyy-MM-dd'T'HH:mm"), timeZone: zone, minutes, recurrence: event.recurrence! };
  }

  /** Start instants (ms) of an event's occurrences overlapping [from, to). */
  private spans(event: StoredEvent, from: number, to: number): { start: number; end: number }[] {
    const length = utcOf(event.end) - utcOf(event.start);
    if (!event.recurrence) {
      const start = utcOf(event.start);
      return start < to && start + length > from ? [{ start, end: start + length }] : [];
    }
    return occurrencesBetween(this.seriesOf(event), new Date(from - length).toISOString(), new Date(to).toISOString(), new Set(event.cancelled))
      .map((o) => Date.parse(o))
      .filter((start) => start + length > from)
      .map((start) => ({ start, end: start + length }));
  }

  /** The event as Graph answers it; `display` is the zone reads give times in (writes: the event's own). */
  private shape(event: StoredEvent, url: URL, occurrence?: string, display?: string): Record<string, unknown> {
    const length = utcOf(event.end) - utcOf(event.start);
    const zone = ianaZone(event.start.timeZone) ?? 'utc';
    const inZone = (ms: number) => ({ dateTime: localIso(ms, ianaZone(display!) ?? 'utc'), timeZone: display! });
    const first = occurrence ? Date.parse(occurrence) : utcOf(event.start);
    const full: Record<string, unknown> = {
      id: occurrence ? `${event.id}_occ_${DateTime.fromISO(occurrence, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmm'Z'")}` : event.id,
      iCalUId: event.iCalUId,
      createdDateTime: event.createdDateTime,
      lastModifiedDateTime: event.lastModifiedDateTime,
      subject: event.subject,
      body: event.body,
      bodyPreview: event.body.content
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 255),
      start: display ? inZone(first) : occurrence ? { dateTime: localIso(first, zone), timeZone: event.start.timeZone } : event.start,
      end: display ? inZone(first + length) : occurrence ? { dateTime: localIso(first + length, zone), timeZone: event.end.timeZone } : event.end,
      recurrence: occurrence ? null : event.recurrence,
      type: occurrence ? 'occurrence' : event.recurrence ? 'seriesMaster' : 'singleInstance',
      seriesMasterId: occurrence ? event.id : null,
      showAs: event.showAs,
      isAllDay: event.isAllDay,
      isCancelled: false,
      isOrganizer: event.organizerId === event.ownerId,
      organizer: { emailAddress: this.addressOf(event.organizerId) },
      attendees: event.attendees,
      responseStatus: event.responseStatus,
      isOnlineMeeting: event.isOnlineMeeting,
      onlineMeetingProvider: event.isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
      onlineMeeting: event.onlineMeeting,
      webLink: `https://outlook.office365.com/calendar/item/${encodeURIComponent(event.id)}`,
      ...(event.transactionId ? { transactionId: event.transactionId } : {}),
    };
    const select = url.searchParams
      .get('$select')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const shaped = select ? Object.fromEntries(Object.entries(full).filter(([k]) => k === 'id' || select.includes(k))) : full;
    const expand = url.searchParams.get('$expand');
    if (expand?.startsWith('singleValueExtendedProperties')) {
      const wanted = /id eq '([^']+)'/.exec(expand)?.[1];
      shaped.singleValueExtendedProperties = event.singleValueExtendedProperties.filter((p) => !wanted || p.id.toLowerCase() === wanted.toLowerCase());
    }
    return shaped;
  }

  private addressOf(userId: string) {
    const user = this.context.user(userId);
    return { name: user?.displayName ?? 'Unknown', address: user?.mail ?? user?.userPrincipalName ?? 'unknown@invalid' };
  }

  private list(owner: string, url: URL, error: ErrorAnswer, zone: string): Answer {
    const filter = url.searchParams.get('$filter');
    let test: (event: StoredEvent) => boolean = () => true;
    if (filter) {
      const property = /^singleValueExtendedProperties\/Any\(ep:\s*ep\/id eq '((?:[^']|'')+)' and ep\/value eq '((?:[^']|'')*)'\)$/i.exec(filter.trim());
      const uid = /^iCalUId eq '((?:[^']|'')+)'$/i.exec(filter.trim());
      if (property) {
        const [id, value] = [property[1]!.replace(/''/g, "'").toLowerCase(), property[2]!.replace(/''/g, "'")];
        test = (e) => e.singleValueExtendedProperties.some((p) => p.id.toLowerCase() === id && p.value === value);
      } else if (uid) {
        const wanted = uid[1]!.replace(/''/g, "'");
        test = (e) => e.iCalUId === wanted;
      } else {
        return error(400, 'ErrorInvalidUrlQueryFilter', `The fake Graph does not support this $filter: ${filter}`);
      }
    }
    const all = [...this.mailbox(owner).values()].filter(test).sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime) || a.id.localeCompare(b.id));
    const top = Number(url.searchParams.get('$top') ?? DEFAULT_EVENTS_PAGE);
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const page = all.slice(skip, skip + top);
    const next = new URL(url);
    next.searchParams.set('$skip', String(skip + top));
    return {
      status: 200,
      body: { value: page.map((e) => this.shape(e, url, undefined, zone)), ...(skip + top < all.length ? { '@odata.nextLink': next.toString() } : {}) },
    };
  }

  private validTimes(value: Record<string, unknown>, error: ErrorAnswer): Answer | { start: DateTimeTimeZone; end: DateTimeTimeZone } {
    const start = value.start as DateTimeTimeZone | undefined;
    const end = value.end as DateTimeTimeZone | undefined;
    for (const t of [start, end]) {
      if (!t || typeof t.dateTime !== 'string' || typeof t.timeZone !== 'string') return error(400, 'ErrorInvalidRequest', 'start and end need a dateTime and a timeZone.');
      if (!ianaZone(t.timeZone))
        return error(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${t.timeZone}'.`);
      if (!DateTime.fromISO(t.dateTime).isValid) return error(400, 'ErrorInvalidRequest', `Cannot convert the literal '${t.dateTime}' to the expected type 'Edm.DateTime'.`);
    }
    if (utcOf(end!) <= utcOf(start!)) return error(400, 'ErrorInvalidRequest', 'The end of the event must be after its start.');
    return { start: start!, end: end! };
  }

  private validRecurrence(value: unknown, error: ErrorAnswer): Answer | WeeklyRecurrence | null {
    if (value === undefined || value === null) return null;
    const r = value as WeeklyRecurrence;
    if (!r.pattern || !r.range || typeof r.range.startDate !== 'string') return error(400, 'ErrorInvalidRequest', 'A recurrence needs a pattern and a range with a startDate.');
    if (r.pattern.type !== 'weekly' && r.pattern.type !== 'daily')
      return error(400, 'ErrorInvalidRequest', `The fake Graph supports weekly and daily recurrence, not '${String(r.pattern.type)}'.`);
    if (!Number.isInteger(r.pattern.interval) || r.pattern.interval < 1 || r.pattern.interval > 99)
      return error(400, 'ErrorInvalidRecurrence', 'The recurrence interval must be between 1 and 99.');
    if (r.pattern.type === 'weekly' && !r.pattern.daysOfWeek?.length) return error(400, 'ErrorInvalidRecurrence', 'A weekly recurrence needs daysOfWeek.');
    if (r.range.type === 'endDate' && (!r.range.endDate || r.range.endDate < r.range.startDate))
      return error(400, 'ErrorInvalidRecurrence', 'The recurrence end date must not be before its start date.');
    return structuredClone(r);
  }

  private create(owner: string, body: unknown, error: ErrorAnswer): Answer {
    const value = body as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object') return error(400, 'ErrorInvalidRequest', 'The body is not a JSON object.');
    const mailbox = this.mailbox(owner);
    const transactionId = typeof value.transactionId === 'string' ? value.transactionId : null;
    if (transactionId) {
      const earlier = [...mailbox.values()].find((e) => e.transactionId === transactionId);
      if (earlier) return { status: 201, body: this.shape(earlier, new URL('https://graph.microsoft.com/v1.0/me/events')) };
    }
    const times = this.validTimes(value, error);
    if ('status' in times) return times;
    const recurrence = this.validRecurrence(value.recurrence, error);
    if (recurrence && 'status' in recurrence) return recurrence;
    const now = this.context.now().toISOString();
    const attendeesIn = Array.isArray(value.attendees) ? (value.attendees as Attendee[]) : [];
    const attendees: Attendee[] = attendeesIn.map((a) => ({
      emailAddress: { address: String(a.emailAddress?.address ?? ''), name: String(a.emailAddress?.name ?? a.emailAddress?.address ?? '') },
      type: a.type ?? 'required',
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
    }));
    const id = this.context.newId();
    const iCalUId = `040000008200E00074C5B7101A82E008${id.replace(/-/g, '').toUpperCase()}`;
    const body_ = value.body as { contentType?: string; content?: string } | undefined;
    const isOnlineMeeting = value.isOnlineMeeting === true;
    const onlineMeeting = isOnlineMeeting
      ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id.replace(/-/g, '')}%40thread.v2/0?context=%7b%22Tid%22%3a%22fake%22%7d` }
      : null;
    const event: StoredEvent = {
      id,
      iCalUId,
      ownerId: owner,
      organizerId: owner,
      subject: String(value.subject ?? ''),
      body: { contentType: body_?.contentType?.toLowerCase() === 'html' ? 'html' : 'text', content: String(body_?.content ?? '') },
      start: times.start,
      end: times.end,
      recurrence,
      showAs: 'busy',
      isAllDay: value.isAllDay === true,
      attendees,
      responseStatus: { response: 'organizer', time: now },
      isOnlineMeeting,
      onlineMeeting,
      transactionId,
      singleValueExtendedProperties: Array.isArray(value.singleValueExtendedProperties)
        ? (value.singleValueExtendedProperties as { id: string; value: string }[]).map((p) => ({ id: String(p.id), value: String(p.value) }))
        : [],
      cancelled: [],
      createdDateTime: now,
      lastModifiedDateTime: now,
    };
    mailbox.set(id, event);
    // Exchange puts a copy in each attendee's calendar, with the same iCalUId and no response yet.
    const attendeeIds: string[] = [];
    for (const attendee of attendees) {
      const user = this.context.userByAddress(attendee.emailAddress.address);
      if (!user || user.id === owner) continue;
      attendeeIds.push(user.id);
      this.mailbox(user.id).set(`${id}-copy-${user.id}`, this.copyFor(event, user.id));
    }
    if (onlineMeeting) this.context.onOnlineMeeting({ joinUrl: onlineMeeting.joinUrl, organizerId: owner, attendeeIds, subject: event.subject });
    this.context.onChange?.();
    return { status: 201, body: this.shape(event, new URL('https://graph.microsoft.com/v1.0/me/events')) };
  }

  private copyFor(event: StoredEvent, userId: string): StoredEvent {
    return {
      ...structuredClone(event),
      id: `${event.id}-copy-${userId}`,
      ownerId: userId,
      responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' },
      transactionId: null,
      singleValueExtendedProperties: [],
    };
  }

  /** The organiser's event and every attendee copy (same iCalUId). */
  private everyCopy(event: StoredEvent): StoredEvent[] {
    const copies: StoredEvent[] = [];
    for (const mailbox of this.mailboxes.values()) for (const e of mailbox.values()) if (e.iCalUId === event.iCalUId) copies.push(e);
    return copies;
  }

  private update(owner: string, id: string, body: unknown, error: ErrorAnswer): Answer {
    const found = this.find(owner, id);
    if (!found || found.occurrence)
      return found ? error(400, 'ErrorInvalidRequest', 'The fake Graph updates whole series only.') : error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const event = found.master;
    if (event.organizerId !== owner) return error(403, 'ErrorAccessDenied', 'Only the organizer can change the meeting.');
    const value = (body ?? {}) as Record<string, unknown>;
    if ('transactionId' in value && value.transactionId !== event.transactionId) return error(400, 'ErrorInvalidRequest', 'transactionId cannot be changed.');
    let timesChanged = false;
    if ('start' in value || 'end' in value) {
      const times = this.validTimes({ start: value.start ?? event.start, end: value.end ?? event.end }, error);
      if ('status' in times) return times;
      timesChanged = true;
      Object.assign(event, times);
    }
    if ('recurrence' in value) {
      const recurrence = this.validRecurrence(value.recurrence, error);
      if (recurrence && 'status' in recurrence) return recurrence;
      // Only shortening or lengthening the series keeps its cancelled occurrences and the replies.
      const sameSeries = JSON.stringify(recurrence?.pattern) === JSON.stringify(event.recurrence?.pattern) && recurrence?.range.startDate === event.recurrence?.range.startDate;
      event.recurrence = recurrence;
      if (!sameSeries) timesChanged = true;
    }
    if (typeof value.subject === 'string') event.subject = value.subject;
    if (value.body && typeof value.body === 'object') event.body = { contentType: 'html', content: String((value.body as { content?: unknown }).content ?? '') };
    event.lastModifiedDateTime = this.context.now().toISOString();
    if (timesChanged) {
      // A new time asks every attendee again.
      for (const attendee of event.attendees) attendee.status = { response: 'none', time: '0001-01-01T00:00:00Z' };
      event.cancelled = [];
    }
    for (const copy of this.everyCopy(event)) {
      if (copy === event) continue;
      Object.assign(copy, {
        subject: event.subject,
        body: event.body,
        start: event.start,
        end: event.end,
        recurrence: structuredClone(event.recurrence),
        cancelled: [...event.cancelled],
        attendees: structuredClone(event.attendees),
        lastModifiedDateTime: event.lastModifiedDateTime,
        ...(timesChanged ? { responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' } } : {}),
      });
    }
    this.context.onChange?.();
    return { status: 200, body: this.shape(event, new URL('https://graph.microsoft.com/v1.0/me/events')) };
  }

  private remove(owner: string, id: string, error: ErrorAnswer): Answer {
    const found = this.find(owner, id);
    if (!found || found.occurrence)
      return found ? error(400, 'ErrorInvalidRequest', 'Delete an occurrence with cancel.') : error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    // The organiser deleting a meeting cancels it for everyone; an attendee deletes only their copy.
    const targets = found.master.organizerId === owner ? this.everyCopy(found.master) : [found.master];
    for (const e of targets) this.mailboxes.get(e.ownerId)?.delete(e.id);
    this.context.onChange?.();
    return { status: 204 };
  }

  private cancel(owner: string, id: string, error: ErrorAnswer): Answer {
    const found = this.find(owner, id);
    if (!found) return error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (found.master.organizerId !== owner) return error(400, 'ErrorAccessDenied', 'Your request can\u2019t be completed. You need to be an organizer to cancel a meeting.');
    if (!found.occurrence) {
      this.remove(owner, found.master.id, error);
      return { status: 202 };
    }
    for (const e of this.everyCopy(found.master)) if (!e.cancelled.includes(found.occurrence)) e.cancelled.push(found.occurrence);
    this.context.onChange?.();
    return { status: 202 };
  }

  private respond(owner: string, id: string, action: string, error: ErrorAnswer): Answer {
    const found = this.find(owner, id);
    if (!found) return error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const event = found.master;
    if (event.organizerId === owner) return error(400, 'ErrorInvalidRequest', 'The organizer cannot respond to their own meeting.');
    const response: ResponseType = action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'tentativelyAccepted';
    const time = this.context.now().toISOString();
    event.responseStatus = { response, time };
    for (const copy of this.everyCopy(event)) {
      for (const attendee of copy.attendees) {
        if (this.context.userByAddress(attendee.emailAddress.address)?.id === owner) attendee.status = { response, time };
      }
    }
    this.context.onChange?.();
    return { status: 202 };
  }

  private instances(owner: string, id: string, url: URL, error: ErrorAnswer, zone: string): Answer {
    const found = this.find(owner, id);
    if (!found || found.occurrence) return error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const from = url.searchParams.get('startDateTime');
    const to = url.searchParams.get('endDateTime');
    if (!from || !to || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
      return error(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
    }
    const event = found.master;
    const starts = event.recurrence ? this.spans(event, Date.parse(from), Date.parse(to)).map((s) => new Date(s.start).toISOString().replace('.000', '')) : [];
    return { status: 200, body: { value: starts.map((start) => this.shape(event, url, start, zone)) } };
  }

  private getSchedule(body: unknown, error: ErrorAnswer): Answer {
    const value = (body ?? {}) as { schedules?: unknown; startTime?: DateTimeTimeZone; endTime?: DateTimeTimeZone; availabilityViewInterval?: unknown };
    if (!Array.isArray(value.schedules) || value.schedules.length === 0 || !value.startTime || !value.endTime) {
      return error(400, 'ErrorInvalidRequest', 'schedules, startTime and endTime are required.');
    }
    const from = utcOf(value.startTime);
    const to = utcOf(value.endTime);
    if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return error(400, 'ErrorInvalidRequest', 'endTime must be after startTime.');
    const days = Math.ceil((to - from) / 86_400_000);
    if (days > MAX_SCHEDULE_DAYS) {
      return error(
        400,
        'ErrorTimeIntervalTooBig',
        `The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The allowed limit = ${MAX_SCHEDULE_DAYS} days; the actual limit = ${days} days.`,
      );
    }
    const interval = Number(value.availabilityViewInterval ?? 30);
    if (!Number.isInteger(interval) || interval < 5 || interval > 1440) return error(400, 'ErrorInvalidRequest', 'availabilityViewInterval must be between 5 and 1440.');
    const rank = { free: 0, workingElsewhere: 0, tentative: 1, busy: 2, oof: 3 } as const;
    return {
      status: 200,
      body: {
        value: (value.schedules as unknown[]).map((address) => {
          const scheduleId = String(address);
          const user = this.context.userByAddress(scheduleId);
          if (!user || user.userType === 'Guest') {
            return {
              scheduleId,
              availabilityView: '',
              scheduleItems: [],
              error: user
                ? { message: 'The mailbox is in another organisation and its free/busy cannot be read.', responseCode: 'ErrorProxyRequestProcessingFailed' }
                : { message: 'The recipient was not found.', responseCode: 'ErrorMailRecipientNotFound' },
            };
          }
          const items = [...this.mailbox(user.id).values()]
            .filter((e) => e.showAs !== 'free' && e.responseStatus.response !== 'declined')
            .flatMap((e) => this.spans(e, from, to).map((span) => ({ ...span, status: e.showAs })))
            .sort((a, b) => a.start - b.start);
          const slots = Math.ceil((to - from) / (interval * 60_000));
          let view = '';
          for (let k = 0; k < slots; k++) {
            const s = from + k * interval * 60_000;
            const e = s + interval * 60_000;
            view += String(items.filter((i) => i.start < e && i.end > s).reduce((max, i) => Math.max(max, rank[i.status]), 0));
          }
          const hours = user.mailboxSettings.workingHours;
          return {
            scheduleId,
            availabilityView: view,
            scheduleItems: items.map((i) => ({
              isPrivate: false,
              status: i.status,
              start: { dateTime: localIso(i.start, 'utc'), timeZone: 'UTC' },
              end: { dateTime: localIso(i.end, 'utc'), timeZone: 'UTC' },
            })),
            workingHours: {
              daysOfWeek: hours.daysOfWeek,
              startTime: `${hours.startTime.slice(0, 5)}:00.0000000`,
              endTime: `${hours.endTime.slice(0, 5)}:00.0000000`,
              timeZone: { name: windowsZone(hours.timeZone.name) },
            },
          };
        }),
      },
    };
  }
}

/**
 * The parameters each event action takes (its page: event-cancel, event-accept, event-decline,
 * event-tentativelyaccept), all optional; anything else, or a wrong type, is refused as OData
 * refuses an unknown action parameter (the pages are silent on it: the stricter choice).
 */
const ACTION_PARAMETERS: Record<string, Record<string, 'string' | 'boolean' | 'object'>> = {
  cancel: { comment: 'string' },
  accept: { comment: 'string', sendResponse: 'boolean' },
  decline: { comment: 'string', sendResponse: 'boolean', proposedNewTime: 'object' },
  tentativelyAccept: { comment: 'string', sendResponse: 'boolean', proposedNewTime: 'object' },
};

function actionParameters(action: string, body: unknown, error: ErrorAnswer): Answer | undefined {
  if (body === undefined) return undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return error(400, 'RequestBodyRead', 'The request body is not a JSON object.');
  const allowed = ACTION_PARAMETERS[action]!;
  for (const [name, value] of Object.entries(body)) {
    if (!(name in allowed)) return error(400, 'RequestBodyRead', `The parameter '${name}' in the request payload is not a valid parameter for the operation '${action}'.`);
    if (typeof value !== allowed[name]) return error(400, 'RequestBodyRead', `The parameter '${name}' of the operation '${action}' must be a ${allowed[name]}.`);
  }
  return undefined;
}
