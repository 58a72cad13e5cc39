import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { readMyProfile, saveMyProfile } from '@/services/profile/profile-store';
import type { BookingPorts, PairPerson } from './booking-ports';
import {
  acceptOwnTime,
  answerInvitation,
  DECLINE_COMMENT,
  findInvitation,
  LEAVE_COMMENT,
  declineToLeave,
  mentorSchedule,
  mentorUpcomingSessions,
  proposeTime,
  type MentorPair,
} from './mentor-booking';
import { bookPairing, findPairSeries, moveSeries } from './pair-booking';
import type { MyProfile } from '@/application/programme/my-profile';
import { profileRecords } from './profile-records';

const users = generateDemoTenant({ size: 300 });
const [margaret, diego] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const pairPerson = (id: string, zone: string): PairPerson => {
  const u = users.find((x) => x.id === id)!;
  return { id, displayName: u.displayName, address: u.mail!, zone };
};
const executive = pairPerson(margaret.id, 'Europe/London');
const mentor = pairPerson(diego.id, 'America/Mexico_City');
const pair: MentorPair = { me: mentor, executive };
const APP = { teamsAppId: 'none', origin: 'https://rm.contoso.example', tabName: 'Pair workspace' };

/** Margaret and Diego on one fake Graph, each with their own ports; Margaret has booked when `booked`. */
async function pairOnGraph(options: { booked: boolean }) {
  const clock = { now: new Date('2026-12-01T09:00:00Z') };
  const graph = new FakeGraph({ users, now: () => clock.now });
  const now = () => clock.now;
  const clientOf = (who: (typeof DEMO_PEOPLE)[number]) => new GraphClient({ identity: createDemoIdentity(who), fetch: graph.fetch, sleep: () => Promise.resolve() });
  const portsOf = async (who: (typeof DEMO_PEOPLE)[number], profile: MyProfile) => {
    const client = clientOf(who);
    await saveMyProfile(client, profile);
    const records = profileRecords(client, now, { personId: who.id, ...profile });
    return { client, records, ports: { graph: () => Promise.resolve(client), now, records } satisfies BookingPorts };
  };
  const base = { languages: ['en'], load: 0, updated: '2026-11-30T00:00:00Z' };
  const exec = await portsOf(margaret, { ...base, timeZone: 'Europe/London', mentee: { wantsToLearn: ['gaming'] }, asked: diego.id });
  const mine = await portsOf(diego, { ...base, timeZone: 'America/Mexico_City', mentor: { capacity: 2, canTeach: ['gaming'] }, accepted: [margaret.id], load: 1 });
  if (options.booked) {
    await bookPairing(exec.ports, {
      pair: { me: executive, mentor, cadence: { everyWeeks: 2, weeks: 26, minutes: 45 } },
      start: '2027-01-05T15:00:00Z',
      zone: 'Europe/London',
      programme: { name: 'Reverse mentoring' },
      app: APP,
    });
  }
  return { graph, clock, exec, mentor: mine };
}

describe('the reverse mentor’s sessions', () => {
  it('suggests a time before booking; the suggestion shows while it is ahead of the clock, and the executive sees it', async () => {
    const { clock, exec, mentor: m } = await pairOnGraph({ booked: false });
    expect(mentorSchedule(m.ports, pair, undefined)).toEqual({ schedule: { kind: 'unbooked' } });
    await proposeTime(m.ports, pair, '2027-01-06T16:00:00Z');
    const stored = await readMyProfile(m.client, diego.id);
    expect(stored && !('damaged' in stored) && stored.proposals).toEqual([{ with: margaret.id, start: '2027-01-06T16:00:00Z' }]);
    expect(mentorSchedule(m.ports, pair, undefined)).toEqual({ schedule: { kind: 'unbooked', proposal: '2027-01-06T16:00:00Z' }, suggested: '2027-01-06T16:00:00Z' });
    expect(exec.records.current()?.bookings).toBeUndefined();
    clock.now = new Date('2027-01-07T00:00:00Z');
    expect(mentorSchedule(m.ports, pair, undefined)).toEqual({ schedule: { kind: 'unbooked' } });
  });

  it('finds the invitation by the record’s uid, and declines it with a note', async () => {
    const { graph, exec, mentor: m } = await pairOnGraph({ booked: true });
    const bookings = exec.records.current()?.bookings;
    const { schedule } = mentorSchedule(m.ports, pair, bookings);
    expect(schedule.kind).toBe('booked');
    if (schedule.kind !== 'booked') return;
    const invitation = await findInvitation(m.ports, schedule.booking.uid);
    expect(invitation).toMatchObject({ response: 'notResponded' });
    if (invitation === 'none') return;
    expect(await answerInvitation(m.ports, invitation, false)).toEqual({ ...invitation, response: 'declined' });
    const organiserCopy = graph.calendars.eventsOf(margaret.id).find((e) => e.iCalUId === schedule.booking.uid)!;
    expect(organiserCopy.attendees[0]!.status.response).toBe('declined');
    expect(await findInvitation(m.ports, schedule.booking.uid)).toMatchObject({ response: 'declined' });
    expect(DECLINE_COMMENT).toContain('propose another');
    expect(await findInvitation(m.ports, 'not-a-series')).toBe('none');
  });

  it('declines the series to leave the pairing, with why, and never twice', async () => {
    const { graph, exec, mentor: m } = await pairOnGraph({ booked: true });
    const { schedule } = mentorSchedule(m.ports, pair, exec.records.current()?.bookings);
    if (schedule.kind !== 'booked') throw new Error('not booked');
    const invitation = await findInvitation(m.ports, schedule.booking.uid);
    const declined = await declineToLeave(m.ports, invitation);
    expect(declined).toMatchObject({ response: 'declined' });
    const organiserCopy = () => graph.calendars.eventsOf(margaret.id).find((e) => e.iCalUId === schedule.booking.uid)!;
    expect(organiserCopy().attendees[0]!.status.response).toBe('declined');
    // Tried again (the answer could not be withdrawn): the copy is declined already, Graph is not asked again.
    let calls = 0;
    const counted = { graph: () => ((calls += 1), m.ports.graph()) };
    expect(await declineToLeave(counted, declined)).toBe(declined);
    expect(await declineToLeave(counted, 'none')).toBe('none');
    expect(calls).toBe(0);
    expect(LEAVE_COMMENT).toMatch(/left our reverse-mentoring pairing/);
  });

  it('accepts the invitation', async () => {
    const { exec, mentor: m } = await pairOnGraph({ booked: true });
    const uid = exec.records.current()!.bookings![0]!.uid;
    const invitation = await findInvitation(m.ports, uid);
    if (invitation === 'none') throw new Error('no invitation');
    await answerInvitation(m.ports, invitation, true);
    expect(await findInvitation(m.ports, uid)).toMatchObject({ response: 'accepted' });
  });

  it('finds the Teams join link and the next sessions in the mentor’s own copy of the series', async () => {
    const { graph, exec, mentor: m } = await pairOnGraph({ booked: true });
    const uid = exec.records.current()!.bookings![0]!.uid;
    const invitation = await findInvitation(m.ports, uid);
    const organiserCopy = graph.calendars.eventsOf(margaret.id).find((e) => e.iCalUId === uid)!;
    expect(invitation).toMatchObject({ joinUrl: organiserCopy.onlineMeeting!.joinUrl });
    const sessions = await mentorUpcomingSessions(m.ports, invitation);
    expect(sessions[0]?.start).toBe('2027-01-05T15:00:00Z');
    expect(await mentorUpcomingSessions(m.ports, 'none')).toEqual([]);
  });

  it('once the executive moves the series to the mentor’s proposed time, the mentor is not asked to accept it again', async () => {
    const { graph, exec, mentor: m } = await pairOnGraph({ booked: true });
    const proposed = '2027-01-06T16:00:00Z';
    await proposeTime(m.ports, pair, proposed);
    const booked = exec.records.current()!.bookings![0]!;
    const executivePair = { me: executive, mentor, cadence: { everyWeeks: 2, weeks: 26, minutes: 45 } };
    const series = await findPairSeries(exec.ports, { me: { id: margaret.id }, mentor: { id: diego.id, address: mentor.address } }, booked);
    await moveSeries(exec.ports, executivePair, booked, series, proposed, 'Europe/London');
    const moved = exec.records.current()!.bookings![0]!;

    const invitation = await findInvitation(m.ports, moved.uid);
    expect(invitation).not.toMatchObject({ response: 'accepted' });
    const settled = await acceptOwnTime(m.ports, pair, moved, invitation);
    expect(settled).toMatchObject({ agreed: true, invitation: { response: 'accepted' } });
    const organiserCopy = graph.calendars.eventsOf(margaret.id).find((e) => e.iCalUId === moved.uid)!;
    expect(organiserCopy.attendees[0]!.status.response).toBe('accepted');
  });

  it('leaves the invitation to the mentor when the time is not theirs, or when they answered it themselves', async () => {
    const { exec, mentor: m } = await pairOnGraph({ booked: true });
    const booked = exec.records.current()!.bookings![0]!;
    const invitation = await findInvitation(m.ports, booked.uid);
    // Not their time: nothing is answered for them.
    expect(await acceptOwnTime(m.ports, pair, booked, invitation)).toEqual({ invitation, agreed: false });
    // Their time, but they declined it themselves (in Outlook, say): the decline stands.
    await proposeTime(m.ports, pair, booked.start);
    if (invitation === 'none') throw new Error('no invitation');
    const declined = await answerInvitation(m.ports, invitation, false);
    expect(await acceptOwnTime(m.ports, pair, booked, declined)).toEqual({ invitation: declined, agreed: true });
    expect(await findInvitation(m.ports, booked.uid)).toMatchObject({ response: 'declined' });
  });
});
