/** The meeting behind an event: "Get onlineMeeting" by its join URL. */
import { expect, it } from 'vitest';
import { describeOperation, docUser, expectGraphError, fakeGraph, send } from './support';

const organiser = docUser({ id: '00000000-0000-4000-8000-000000000001', displayName: 'Organiser', mail: 'organiser@contoso.com', userPrincipalName: 'organiser@contoso.com' });
const stranger = docUser({ id: '00000000-0000-4000-8000-000000000002', displayName: 'Stranger', mail: 'stranger@contoso.com', userPrincipalName: 'stranger@contoso.com' });

async function meeting() {
  const graph = fakeGraph({ users: [organiser, stranger] });
  const created = await send(graph, '/me/events', {
    as: organiser.id,
    scopes: ['Calendars.ReadWrite'],
    method: 'POST',
    body: { subject: 'Pair', start: { dateTime: '2026-03-03T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-03T10:30:00', timeZone: 'UTC' }, isOnlineMeeting: true },
  });
  return { graph, joinUrl: (created.body.onlineMeeting as { joinUrl: string }).joinUrl };
}
const byJoinUrl = (joinUrl: string) => `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`;

describeOperation('find online meeting by join URL', () => {
  it('finds the meeting with its chat thread, as example 2 ("retrieve an online meeting by joinWebUrl") answers', async () => {
    const { graph, joinUrl } = await meeting();
    const reply = await send(graph, byJoinUrl(joinUrl), { as: organiser.id, scopes: ['OnlineMeetings.Read'] });
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([
      expect.objectContaining({ joinWebUrl: joinUrl, subject: 'Pair', chatInfo: expect.objectContaining({ threadId: expect.stringMatching(/^19:meeting_.*@thread\.v2$/) }) }),
    ]);
  });

  it('finds nothing for someone not in the meeting (delegated: the user’s own meetings only)', async () => {
    const { graph, joinUrl } = await meeting();
    expect((await send(graph, byJoinUrl(joinUrl), { as: stranger.id, scopes: ['OnlineMeetings.Read'] })).body.value).toEqual([]);
  });

  it('needs the JoinWebUrl filter and OnlineMeetings.Read', async () => {
    const { graph, joinUrl } = await meeting();
    expectGraphError(await send(graph, '/me/onlineMeetings', { as: organiser.id, scopes: ['OnlineMeetings.Read'] }), 400, 'BadRequest');
    expectGraphError(await send(graph, byJoinUrl(joinUrl), { as: organiser.id, scopes: ['User.Read'] }), 403, 'Forbidden');
  });
});
