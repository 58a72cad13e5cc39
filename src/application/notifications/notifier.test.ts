/**
 * The five actions that tell someone in Teams, run as each person would against the fake Graph:
 * what each sends (the recipient's URL, the body with its declared activity type and its deep link),
 * and that an action succeeds when Teams will not let the app tell anyone, saying so once.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, type DemoPerson } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { ACTIVITY_TYPES } from '@/services/config/activity-types';
import { loadDirectory, type DirectorySnapshot } from '@/services/graph/directory-loader';
import { GraphClient } from '@/services/graph/graph-client';
import { personalTabLink } from '@/services/notifications/activity-feed';
import { openProgramme } from '@/application/programme/open-programme';
import { answerRequest, askToPair } from '@/application/programme/requests';
import { bookPairing } from '@/application/booking/pair-booking';
import { proposeTime } from '@/application/booking/mentor-booking';
import { profileRecords } from '@/application/booking/profile-records';
import type { BookingPorts, PairPerson } from '@/application/booking/booking-ports';
import { activityFeedNotifier, NOT_TOLD_IN_TEAMS, NOTIFICATIONS, notifyProposal, type NotificationKind } from './notifier';

const users = generateDemoTenant({ size: 400 });
const [margaret, diego, aisha] = DEMO_PEOPLE as [DemoPerson, DemoPerson, DemoPerson];
const NOW = Date.parse('2026-11-23T09:00:00Z');
const APP = { teamsAppId: '5b7e2c1a-9d3f-4e6b-8a21-0c4d7f9e3b12', tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' };
const PROGRAMME = 'Reverse mentoring';

async function tenant(options: { withoutPermission?: boolean } = {}) {
  const graph = new FakeGraph({ users, extensions: generateDemoProfiles(users), now: () => new Date(NOW) });
  const clientOf = (person: DemoPerson) => {
    const identity = createDemoIdentity(person);
    return new GraphClient({
      identity: options.withoutPermission
        ? {
            getAccessToken: (scopes, o) =>
              identity.getAccessToken(
                scopes.filter((s) => s !== 'TeamsActivity.Send'),
                o,
              ),
          }
        : identity,
      fetch: graph.fetch,
      sleep: () => Promise.resolve(),
    });
  };
  const snapshot: DirectorySnapshot = await loadDirectory(clientOf(margaret));
  const as = async (person: DemoPerson) => {
    const client = clientOf(person);
    const programme = await openProgramme({ client, snapshot, levelGap: 1, now: () => NOW });
    // What this person's tab shows, once per tab.
    const notices: string[] = [];
    const notifier = activityFeedNotifier({ graph: () => Promise.resolve(client), app: APP, programmeName: PROGRAMME, onNotice: (m) => notices.push(m) });
    return { client, programme, notifier, notices, me: programme.list.find((p) => p.personId === person.id) };
  };
  return { graph, as };
}

/** What Teams receives for one kind, from `sender` to `recipient`. */
const expected = (kind: NotificationKind, sender: DemoPerson, recipient: DemoPerson) => ({
  senderId: sender.id,
  recipientId: recipient.id,
  activityType: NOTIFICATIONS[kind].activityType,
  topic: { source: 'text', value: PROGRAMME, webUrl: personalTabLink(APP, NOTIFICATIONS[kind].place) },
  previewText: NOTIFICATIONS[kind].preview,
  templateParameters: [],
});

const pairPerson = (id: string, zone: string): PairPerson => {
  const u = users.find((x) => x.id === id)!;
  return { id, displayName: u.displayName, address: u.mail!, zone };
};

describe('telling people in Teams', () => {
  it('a request tells the reverse mentor, and their answer tells the executive, each opening the card that shows it', async () => {
    const { graph, as } = await tenant();
    const exec = await as(margaret);
    await askToPair(exec.client, exec.me, aisha.id, { matcher: exec.programme.matcher, now: NOW, notifier: exec.notifier });
    expect(graph.activityFeed.sent()).toEqual([expected('request', margaret, aisha)]);
    expect(new URL(graph.activityFeed.sent()[0]!.topic.webUrl!).searchParams.get('context')).toBe('{"subEntityId":"requests"}');

    const mentor = await as(aisha);
    await answerRequest(mentor.client, mentor.me, margaret.id, true, { profiles: mentor.programme.list, now: NOW, notifier: mentor.notifier });
    expect(graph.activityFeed.sent().slice(1)).toEqual([expected('accepted', aisha, margaret)]);
    expect([...exec.notices, ...mentor.notices]).toEqual([]);
  });

  it('a decline tells the executive, opening their suggestions', async () => {
    const { graph, as } = await tenant();
    const exec = await as(margaret);
    await askToPair(exec.client, exec.me, aisha.id, { matcher: exec.programme.matcher, now: NOW });
    const mentor = await as(aisha);
    await answerRequest(mentor.client, mentor.me, margaret.id, false, { profiles: mentor.programme.list, now: NOW, notifier: mentor.notifier });
    expect(graph.activityFeed.sent()).toEqual([expected('declined', aisha, margaret)]);
    expect(graph.activityFeed.sent()[0]!.topic.webUrl).toContain(encodeURIComponent('"suggestions"'));
  });

  it('a booking tells the mentor once (not again when the same series is booked again); a proposed time tells the executive', async () => {
    const { graph, as } = await tenant();
    const exec = await as(margaret);
    const now = () => new Date(NOW);
    const execPorts: BookingPorts = { graph: () => Promise.resolve(exec.client), now, records: profileRecords(exec.client, now, exec.me!), notifier: exec.notifier };
    const input = {
      pair: { me: pairPerson(margaret.id, 'Europe/London'), mentor: pairPerson(diego.id, 'America/Mexico_City'), cadence: { everyWeeks: 2, weeks: 26, minutes: 45 } },
      start: '2027-01-05T15:00:00Z',
      zone: 'Europe/London',
      programme: { name: PROGRAMME },
      app: { teamsAppId: APP.teamsAppId, origin: 'https://rm.contoso.example', tabName: 'Pair workspace' },
    };
    await bookPairing(execPorts, input);
    await bookPairing(execPorts, input);
    expect(graph.activityFeed.sent()).toEqual([expected('booked', margaret, diego)]);

    const mentor = await as(diego);
    const mentorPorts = { records: profileRecords(mentor.client, now, mentor.me!), notifier: mentor.notifier };
    await proposeTime(mentorPorts, { me: pairPerson(diego.id, 'America/Mexico_City'), executive: pairPerson(margaret.id, 'Europe/London') }, '2027-01-07T16:00:00Z');
    expect(graph.activityFeed.sent().slice(1)).toEqual([expected('timeProposed', diego, margaret)]);
  });

  it('a proposal from the owners tells each of the two', async () => {
    const { graph, as } = await tenant();
    const owner = await as(DEMO_PEOPLE[3]!);
    expect(await notifyProposal(owner.notifier, { executiveId: margaret.id, mentorId: aisha.id })).toEqual(['sent', 'sent']);
    expect(graph.activityFeed.sent()).toEqual([expected('proposal', DEMO_PEOPLE[3]!, margaret), expected('proposal', DEMO_PEOPLE[3]!, aisha)]);
  });

  it('without TeamsActivity.Send the fake refuses, every action still succeeds, and the person is told once', async () => {
    const { graph, as } = await tenant({ withoutPermission: true });
    const exec = await as(margaret);
    const asked = await askToPair(exec.client, exec.me, aisha.id, { matcher: exec.programme.matcher, now: NOW, notifier: exec.notifier });
    expect(asked.asked).toBe(aisha.id);
    const mentor = await as(aisha);
    const answered = await answerRequest(mentor.client, mentor.me, margaret.id, true, { profiles: mentor.programme.list, now: NOW, notifier: mentor.notifier });
    expect(answered.accepted).toEqual([margaret.id]);
    const declined = await answerRequest(mentor.client, answered, margaret.id, false, { profiles: mentor.programme.list, now: NOW, notifier: mentor.notifier });
    expect(declined.declined).toEqual([margaret.id]);
    expect(await exec.notifier.notify('proposal', aisha.id)).toBe('notAllowed');
    expect(graph.activityFeed.sent()).toEqual([]);
    // Each tab says it once, however many actions it took.
    expect(exec.notices).toEqual([NOT_TOLD_IN_TEAMS]);
    expect(mentor.notices).toEqual([NOT_TOLD_IN_TEAMS]);
  });

  it('stops asking once consent itself is refused, so the person is not asked to consent at every action', async () => {
    const graph = new FakeGraph({ users });
    let asked = 0;
    const client = new GraphClient({
      identity: {
        getAccessToken: (scopes) => {
          if (scopes.includes('TeamsActivity.Send')) {
            asked++;
            return Promise.reject(Object.assign(new Error('AADSTS65001: consent required'), { errorCode: 'consent_required' }));
          }
          return createDemoIdentity(margaret).getAccessToken(scopes);
        },
      },
      fetch: graph.fetch,
      sleep: () => Promise.resolve(),
    });
    const notices: string[] = [];
    const notifier = activityFeedNotifier({ graph: () => Promise.resolve(client), app: APP, programmeName: PROGRAMME, onNotice: (m) => notices.push(m) });
    expect(await notifier.notify('request', aisha.id)).toBe('notAllowed');
    expect(await notifier.notify('booked', diego.id)).toBe('notAllowed');
    expect(asked).toBe(1);
    expect(notices).toEqual([NOT_TOLD_IN_TEAMS]);
  });

  it('sends only activity types the manifest declares', () => {
    const declared = new Set<string>(ACTIVITY_TYPES.map((t) => t.type));
    for (const { activityType } of Object.values(NOTIFICATIONS)) expect(declared.has(activityType), activityType).toBe(true);
  });
});
