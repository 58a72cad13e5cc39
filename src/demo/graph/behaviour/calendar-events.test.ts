/**
 * The pair's series in Outlook: creating, reading, moving, skipping, ending and answering events,
 * each pinned to its page. Where a page is silent the fake is strict, and the test says so.
 */
import { expect, it } from 'vitest';
import { describeOperation, docUser, expectGraphError, fakeGraph, send } from './support';

const organiser = docUser({ id: '00000000-0000-4000-8000-000000000001', displayName: 'Organiser', mail: 'organiser@contoso.com', userPrincipalName: 'organiser@contoso.com' });
const partner = docUser({ id: '00000000-0000-4000-8000-000000000002', displayName: 'Partner', mail: 'partner@contoso.com', userPrincipalName: 'partner@contoso.com' });
const RW = ['Calendars.ReadWrite'];
const PAIR_PROPERTY = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name PairKey';

/** A weekly series on Mondays, 09:00 Pacific, as the page's recurring example creates one. */
const series = (extra: Record<string, unknown> = {}) => ({
  subject: 'Let’s go for lunch',
  body: { contentType: 'HTML', content: 'Does noon time work for you?' },
  start: { dateTime: '2026-03-02T09:00:00', timeZone: 'Pacific Standard Time' },
  end: { dateTime: '2026-03-02T09:30:00', timeZone: 'Pacific Standard Time' },
  recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, range: { type: 'endDate', startDate: '2026-03-02', endDate: '2026-03-30' } },
  attendees: [{ emailAddress: { address: partner.mail, name: partner.displayName }, type: 'required' }],
  isOnlineMeeting: true,
  singleValueExtendedProperties: [{ id: PAIR_PROPERTY, value: 'pair-1' }],
  ...extra,
});

async function booked(extra: Record<string, unknown> = {}) {
  const graph = fakeGraph({ users: [organiser, partner] });
  const created = await send(graph, '/me/events', { as: organiser.id, scopes: RW, method: 'POST', body: series(extra) });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const copies = await send(graph, `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${created.body.iCalUId as string}'`)}`, { as: partner.id, scopes: RW });
  return { graph, id, copyId: copies.body.value![0]!.id as string, created };
}

describeOperation('create event', () => {
  it('answers 201 with the event, in the zone it was given, with its Teams meeting', async () => {
    const { created } = await booked();
    expect(created.body).toMatchObject({
      subject: 'Let’s go for lunch',
      start: { dateTime: '2026-03-02T09:00:00', timeZone: 'Pacific Standard Time' },
      type: 'seriesMaster',
      isOrganizer: true,
      isOnlineMeeting: true,
      onlineMeeting: { joinUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//) },
    });
  });

  it('returns the event already created for a transactionId sent again, instead of a second one', async () => {
    const { graph, id } = await booked({ transactionId: 'rm-1' });
    const again = await send(graph, '/me/events', { as: organiser.id, scopes: RW, method: 'POST', body: series({ transactionId: 'rm-1' }) });
    expect(again.body.id).toBe(id);
    expect(graph.calendars.eventsOf(organiser.id)).toHaveLength(1);
  });

  it('needs start and end with a known time zone, end after start (the page is silent on which properties are required: the fake requires these)', async () => {
    const graph = fakeGraph({ users: [organiser, partner] });
    const post = (body: unknown) => send(graph, '/me/events', { as: organiser.id, scopes: RW, method: 'POST', body });
    expectGraphError(await post({ subject: 'No times' }), 400, 'ErrorInvalidRequest');
    expectGraphError(await post(series({ start: { dateTime: '2026-03-02T09:00:00', timeZone: 'Mars/Olympus' } })), 400, 'TimeZoneNotSupportedException');
    expectGraphError(await post(series({ end: { dateTime: '2026-03-02T08:00:00', timeZone: 'Pacific Standard Time' } })), 400, 'ErrorInvalidRequest');
  });

  it('validates a patterned recurrence (https://learn.microsoft.com/graph/api/resources/patternedrecurrence): weekly needs daysOfWeek, an interval, a range', async () => {
    const graph = fakeGraph({ users: [organiser, partner] });
    const post = (recurrence: unknown) => send(graph, '/me/events', { as: organiser.id, scopes: RW, method: 'POST', body: series({ recurrence }) });
    expectGraphError(await post({ pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-02' } }), 400, 'ErrorInvalidRecurrence');
    expectGraphError(await post({ pattern: { type: 'weekly', interval: 0, daysOfWeek: ['monday'] }, range: { type: 'noEnd', startDate: '2026-03-02' } }), 400, 'ErrorInvalidRecurrence');
    expectGraphError(await post({ pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] } }), 400, 'ErrorInvalidRequest');
  });

  it('needs Calendars.ReadWrite', async () => {
    const graph = fakeGraph({ users: [organiser] });
    expectGraphError(await send(graph, '/me/events', { as: organiser.id, scopes: ['Calendars.Read'], method: 'POST', body: series() }), 403, 'ErrorAccessDenied');
  });
});

describeOperation('list events', () => {
  it('filters by a single-value extended property, and gives times in UTC without Prefer: outlook.timezone', async () => {
    const { graph, id } = await booked();
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${PAIR_PROPERTY}' and ep/value eq 'pair-1')`;
    const reply = await send(graph, `/me/events?$filter=${encodeURIComponent(filter)}&$select=id,start`, { as: organiser.id, scopes: RW });
    expect(reply.body.value).toEqual([{ id, start: { dateTime: '2026-03-02T17:00:00.0000000', timeZone: 'UTC' } }]);
  });

  it('refuses a $filter the fake does not implement rather than ignoring it', async () => {
    const { graph } = await booked();
    expectGraphError(await send(graph, `/me/events?$filter=${encodeURIComponent("subject eq 'x'")}`, { as: organiser.id, scopes: RW }), 400, 'ErrorInvalidUrlQueryFilter');
  });
});

describeOperation('get event', () => {
  it('gives times in the Prefer: outlook.timezone zone, and 404 for an id it does not hold', async () => {
    const { graph, id } = await booked();
    const reply = await send(graph, `/me/events/${id}?$select=start`, { as: organiser.id, scopes: RW, headers: { Prefer: 'outlook.timezone="W. Europe Standard Time"' } });
    expect(reply.body.start).toEqual({ dateTime: '2026-03-02T18:00:00.0000000', timeZone: 'W. Europe Standard Time' });
    expectGraphError(await send(graph, '/me/events/nope', { as: organiser.id, scopes: RW }), 404, 'ErrorItemNotFound');
  });
});

describeOperation('update event', () => {
  it('answers 200 with the changed event; only the organiser changes a meeting; transactionId cannot change', async () => {
    const { graph, id, copyId } = await booked({ transactionId: 'rm-2' });
    const moved = await send(graph, `/me/events/${id}`, { as: organiser.id, scopes: RW, method: 'PATCH', body: { subject: 'Moved' } });
    expect(moved.status).toBe(200);
    expect(moved.body.subject).toBe('Moved');
    expectGraphError(await send(graph, `/me/events/${copyId}`, { as: partner.id, scopes: RW, method: 'PATCH', body: { subject: 'Mine' } }), 403, 'ErrorAccessDenied');
    expectGraphError(await send(graph, `/me/events/${id}`, { as: organiser.id, scopes: RW, method: 'PATCH', body: { transactionId: 'other' } }), 400, 'ErrorInvalidRequest');
  });
});

describeOperation('delete event', () => {
  it('answers 204 No Content, then 404', async () => {
    const { graph, id } = await booked();
    const deleted = await send(graph, `/me/events/${id}`, { as: organiser.id, scopes: RW, method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expectGraphError(await send(graph, `/me/events/${id}`, { as: organiser.id, scopes: RW }), 404, 'ErrorItemNotFound');
  });
});

describeOperation('list event instances', () => {
  it('answers the page’s example shape: occurrences in the window, type occurrence, seriesMasterId, times in UTC', async () => {
    const { graph, id } = await booked();
    const reply = await send(graph, `/me/events/${id}/instances?startDateTime=2026-03-08T00:00:00.0000000&endDateTime=2026-03-24T00:00:00.0000000&$select=id,start,type,seriesMasterId`, {
      as: organiser.id,
      scopes: RW,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.value!.map((o) => [o.type, o.seriesMasterId, (o.start as { dateTime: string }).dateTime, (o.start as { timeZone: string }).timeZone])).toEqual([
      ['occurrence', id, '2026-03-09T16:00:00.0000000', 'UTC'],
      ['occurrence', id, '2026-03-16T16:00:00.0000000', 'UTC'],
      ['occurrence', id, '2026-03-23T16:00:00.0000000', 'UTC'],
    ]);
  });

  it('requires both startDateTime and endDateTime', async () => {
    const { graph, id } = await booked();
    expectGraphError(await send(graph, `/me/events/${id}/instances?startDateTime=2026-03-08T00:00:00`, { as: organiser.id, scopes: RW }), 400, 'ErrorInvalidParameter');
  });
});

describeOperation('cancel event', () => {
  it('answers 202 Accepted to the organiser cancelling one occurrence, with a comment', async () => {
    const { graph, id } = await booked();
    const [first] = (await send(graph, `/me/events/${id}/instances?startDateTime=2026-03-09T00:00:00&endDateTime=2026-03-10T00:00:00`, { as: organiser.id, scopes: RW })).body.value!;
    const reply = await send(graph, `/me/events/${first!.id as string}/cancel`, { as: organiser.id, scopes: RW, method: 'POST', body: { comment: 'Skipping this week.' } });
    expect(reply.status).toBe(202);
    expect((await send(graph, `/me/events/${id}/instances?startDateTime=2026-03-09T00:00:00&endDateTime=2026-03-10T00:00:00`, { as: organiser.id, scopes: RW })).body.value).toEqual([]);
  });

  it('answers an attendee 400 ("You need to be an organizer to cancel a meeting"), and refuses parameters it does not take', async () => {
    const { graph, id, copyId } = await booked();
    expectGraphError(await send(graph, `/me/events/${copyId}/cancel`, { as: partner.id, scopes: RW, method: 'POST', body: { comment: 'x' } }), 400, 'ErrorAccessDenied');
    expectGraphError(await send(graph, `/me/events/${id}/cancel`, { as: organiser.id, scopes: RW, method: 'POST', body: { reason: 'x' } }), 400, 'RequestBodyRead');
    expectGraphError(await send(graph, `/me/events/${id}/cancel`, { as: organiser.id, scopes: RW, method: 'POST', body: { comment: 42 } }), 400, 'RequestBodyRead');
  });
});

describeOperation('accept event', () => {
  it('answers 202 Accepted to the attendee (comment, sendResponse), and the organiser sees the answer', async () => {
    const { graph, id, copyId } = await booked();
    const reply = await send(graph, `/me/events/${copyId}/accept`, { as: partner.id, scopes: RW, method: 'POST', body: { comment: 'comment-value', sendResponse: true } });
    expect(reply.status).toBe(202);
    const organisers = await send(graph, `/me/events/${id}?$select=attendees`, { as: organiser.id, scopes: RW });
    expect(organisers.body.attendees).toMatchObject([{ status: { response: 'accepted' } }]);
  });

  it('refuses the organiser answering their own meeting, and a sendResponse that is not a boolean', async () => {
    const { graph, id, copyId } = await booked();
    expectGraphError(await send(graph, `/me/events/${id}/accept`, { as: organiser.id, scopes: RW, method: 'POST', body: { sendResponse: true } }), 400, 'ErrorInvalidRequest');
    expectGraphError(await send(graph, `/me/events/${copyId}/accept`, { as: partner.id, scopes: RW, method: 'POST', body: { sendResponse: 'yes' } }), 400, 'RequestBodyRead');
  });
});

describeOperation('decline event', () => {
  it('answers 202 Accepted, and refuses parameters decline does not take', async () => {
    const { graph, copyId } = await booked();
    expectGraphError(await send(graph, `/me/events/${copyId}/decline`, { as: partner.id, scopes: RW, method: 'POST', body: { reply: 'no' } }), 400, 'RequestBodyRead');
    const reply = await send(graph, `/me/events/${copyId}/decline`, { as: partner.id, scopes: RW, method: 'POST', body: { comment: 'Sorry', sendResponse: true } });
    expect(reply.status).toBe(202);
  });
});
