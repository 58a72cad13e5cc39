/**
 * The fake Graph's Teams activity feed, pinned to "userTeamwork: sendActivityNotification" and "Send
 * activity feed notifications to users in Microsoft Teams" (its requirements and FAQ). Cases follow
 * the pages' examples; where they are silent the fake is the stricter (fake-activity-feed.ts).
 */
import { expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import type { ActivityType } from '@/services/config/activity-types';
import { describeOperation, docUser, expectGraphError, fakeGraph, send } from './support';

const [margaret, diego, aisha] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const users = [margaret, diego, aisha].map((p) => docUser({ id: p.id, displayName: p.displayName, userPrincipalName: p.userPrincipalName! }));
/** The pages' example types, as their manifest declares them. */
const DECLARED: readonly ActivityType[] = [
  { type: 'taskCreated', description: 'Task Created Activity', templateText: '{actor} created task {taskId} for you' },
  { type: 'deploymentApprovalRequired', description: 'Deployment requires your approval', templateText: '{actor} created a new deployment {deploymentId}' },
];
const SCOPES = ['TeamsActivity.Send'];
/** Example 2 of the page: a custom (text) topic. */
const example2 = {
  topic: {
    source: 'text',
    value: 'Deployment Approvals Channel',
    webUrl: 'https://teams.microsoft.com/l/message/19:448cfd2ac2a7490a9084a9ed14cttr78c@thread.skype/1605223780000?tenantId=c8b1bf45-3834-4ecf-971a-b4c755ee677d',
  },
  activityType: 'deploymentApprovalRequired',
  previewText: { content: 'New deployment requires your approval' },
  templateParameters: [{ name: 'deploymentId', value: '6788662' }],
};

function setUp(options: { installed?: (id: string) => boolean } = {}) {
  // The pages' examples use their own manifest's types.
  return fakeGraph({ users, activityTypes: DECLARED, ...(options.installed ? { appInstalledFor: (u) => options.installed!(u.id) } : {}) });
}
const notify = (graph: ReturnType<typeof setUp>, body: unknown, options: { to?: string; scopes?: string[] } = {}) =>
  send(graph, `/users/${options.to ?? diego.id}/teamwork/sendActivityNotification`, { as: margaret.id, scopes: options.scopes ?? SCOPES, method: 'POST', body });

describeOperation('send activity notification to a user', () => {
  it('sends example 2 (text topic, Teams web URL): 204 No Content, and the recipient has it', async () => {
    const graph = setUp();
    const reply = await notify(graph, example2);
    expect(reply.status).toBe(204);
    expect(reply.body).toEqual({});
    expect(graph.activityFeed.sent()).toEqual([
      {
        senderId: margaret.id,
        recipientId: diego.id,
        activityType: 'deploymentApprovalRequired',
        topic: example2.topic,
        previewText: 'New deployment requires your approval',
        templateParameters: [{ name: 'deploymentId', value: '6788662' }],
      },
    ]);
  });

  it('tells the demo of each notification it accepts, and of none it refuses', async () => {
    const told: string[] = [];
    const graph = fakeGraph({ users, activityTypes: DECLARED, onActivitySent: (a) => told.push(`${a.senderId}→${a.recipientId} ${a.activityType}`) });
    await notify(graph, example2);
    await notify(graph, { ...example2, activityType: 'undeclared' });
    expect(told).toEqual([`${margaret.id}→${diego.id} deploymentApprovalRequired`]);
  });

  it('sends example 1 (an entityUrl topic naming the recipient’s installation)', async () => {
    const graph = setUp();
    const body = {
      topic: { source: 'entityUrl', value: `https://graph.microsoft.com/v1.0/users/${diego.id}/teamwork/installedApps/abc` },
      activityType: 'taskCreated',
      previewText: { content: 'New Task Created' },
      templateParameters: [{ name: 'taskId', value: 'Task 12322' }],
    };
    expect((await notify(graph, body)).status).toBe(204);
  });

  it('needs TeamsActivity.Send: 403 without it, and when the tenant has not consented', async () => {
    const graph = setUp();
    expectGraphError(await notify(graph, example2, { scopes: ['User.Read', 'Chat.ReadWrite'] }), 403, 'Forbidden');
    graph.setFaults({ activityFeedDenied: true });
    expectGraphError(await notify(graph, example2), 403, 'Forbidden');
    expect(graph.activityFeed.sent()).toEqual([]);
  });

  it('refuses an activity type the manifest does not declare (400), but takes the reserved systemDefault with its text', async () => {
    const graph = setUp();
    expectGraphError(await notify(graph, { ...example2, activityType: 'somethingElse' }), 400, 'BadRequest');
    const free = { ...example2, activityType: 'systemDefault', templateParameters: [{ name: 'systemDefaultText', value: 'You need to take a short break' }] };
    expect((await notify(graph, free)).status).toBe(204);
    expectGraphError(await notify(graph, { ...free, templateParameters: [] }), 400, 'BadRequest');
  });

  it('refuses a text topic without a Teams web URL, or with one over 1,024 characters', async () => {
    const graph = setUp();
    expectGraphError(await notify(graph, { ...example2, topic: { source: 'text', value: 'x' } }), 400, 'BadRequest');
    expectGraphError(await notify(graph, { ...example2, topic: { ...example2.topic, webUrl: 'https://contoso.example/x' } }), 400, 'BadRequest');
    expectGraphError(await notify(graph, { ...example2, topic: { ...example2.topic, webUrl: `https://teams.microsoft.com/l/${'x'.repeat(1020)}` } }), 400, 'BadRequest');
    expectGraphError(await notify(graph, { ...example2, topic: { source: 'entityUrl', value: 'https://graph.microsoft.com/v1.0/me' } }), 400, 'BadRequest');
  });

  it('refuses a body without its parts: topic, activityType, previewText, the template’s parameters, no others', async () => {
    const graph = setUp();
    const without = (key: string) => Object.fromEntries(Object.entries(example2).filter(([k]) => k !== key));
    for (const key of ['topic', 'activityType', 'previewText', 'templateParameters']) expectGraphError(await notify(graph, without(key)), 400, 'BadRequest');
    expectGraphError(await notify(graph, { ...example2, templateParameters: [...example2.templateParameters, { name: 'other', value: '1' }] }), 400, 'BadRequest');
    expectGraphError(await notify(graph, { ...example2, recipient: { userId: diego.id } }), 400, 'BadRequest');
    expectGraphError(await notify(graph, { ...example2, chainId: 'one' }), 400, 'BadRequest');
    expect((await notify(graph, { ...example2, chainId: 7 })).status).toBe(204);
  });

  it('refuses a recipient without the app installed (403), oneself (400) and someone not in the directory (404)', async () => {
    const graph = setUp({ installed: (id) => id !== aisha.id });
    expectGraphError(await notify(graph, example2, { to: aisha.id }), 403, 'Forbidden');
    expectGraphError(await notify(graph, example2, { to: margaret.id }), 400, 'BadRequest');
    expectGraphError(await notify(graph, example2, { to: '00000000-0000-4000-8000-00000000dead' }), 404, 'NotFound');
    expect(graph.activityFeed.sent()).toEqual([]);
  });
});
