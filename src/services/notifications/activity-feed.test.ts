import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { GraphPermissionError } from '@/services/graph/graph-errors';
import { personalTabLink, sendActivityNotification, type ActivityNotification } from './activity-feed';

const users = generateDemoTenant({ size: 60 });
const [margaret, , aisha] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const APP = { teamsAppId: '5b7e2c1a-9d3f-4e6b-8a21-0c4d7f9e3b12', tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' };

function setUp(scopes?: (asked: readonly string[]) => readonly string[]) {
  const graph = new FakeGraph({ users });
  const identity = createDemoIdentity(margaret);
  const client = new GraphClient({
    identity: scopes ? { getAccessToken: (asked, options) => identity.getAccessToken(scopes(asked), options) } : identity,
    fetch: graph.fetch,
    sleep: () => Promise.resolve(),
  });
  return { graph, client };
}

const notification = (webUrl = personalTabLink(APP, 'requests')): ActivityNotification => ({
  recipientId: aisha.id,
  activityType: 'pairRequested',
  topic: 'Reverse mentoring',
  webUrl,
  previewText: 'Open Reverse mentoring to accept or decline.',
});

describe('the personal tab deep link', () => {
  it('opens the home tab with the place in its context, as Teams reads it back (subEntityId → page.subPageId)', () => {
    const link = new URL(personalTabLink(APP, 'requests'));
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP.teamsAppId}/home`);
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'requests' });
    expect(link.searchParams.get('tenantId')).toBe(APP.tenantId);
    expect(personalTabLink({ teamsAppId: APP.teamsAppId }, 'booking')).not.toContain('tenantId');
  });
});

describe('sending an activity-feed notification', () => {
  it('posts the documented body to the recipient’s teamwork, which Teams accepts (204)', async () => {
    const { graph, client } = setUp();
    await sendActivityNotification(client, notification());
    expect(graph.activityFeed.sent()).toEqual([
      {
        senderId: margaret.id,
        recipientId: aisha.id,
        activityType: 'pairRequested',
        topic: { source: 'text', value: 'Reverse mentoring', webUrl: personalTabLink(APP, 'requests') },
        previewText: 'Open Reverse mentoring to accept or decline.',
        templateParameters: [],
      },
    ]);
  });

  it('is refused as a permission error without TeamsActivity.Send', async () => {
    const { graph, client } = setUp((asked) => asked.filter((s) => s !== 'TeamsActivity.Send'));
    await expect(sendActivityNotification(client, notification())).rejects.toBeInstanceOf(GraphPermissionError);
    await expect(sendActivityNotification(client, notification())).rejects.toThrow(/TeamsActivity\.Send/);
    expect(graph.activityFeed.sent()).toEqual([]);
  });

  it('never sends a link out of Teams or one too long for Teams, and says so in words', async () => {
    const { graph, client } = setUp();
    await expect(sendActivityNotification(client, notification('https://contoso.example/x'))).rejects.toThrow(/can only link into Teams/);
    await expect(sendActivityNotification(client, notification(`https://teams.microsoft.com/${'x'.repeat(1100)}`))).rejects.toThrow(/at most 1024 characters/);
    expect(graph.activityFeed.sent()).toEqual([]);
  });
});
