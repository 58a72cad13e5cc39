import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, type DemoPerson } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { loadDirectory, type DirectorySnapshot } from '@/services/graph/directory-loader';
import { GraphClient } from '@/services/graph/graph-client';
import { updateMyProfile } from './my-profile';
import { mentorLoadsOf, openProgramme } from './open-programme';
import { answerRequest, askToPair, atCapacity, myMentees, myRequest, requestsWaitingFor, withdrawRequest } from './requests';
import { suggestFor } from './suggest';
import { openStore, storeParticipants } from './programme-store-setup';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { bookingRecord } from '@/demo/testing/booking-record';

const users = generateDemoTenant({ size: 400 });
const [margaret, diego, aisha] = DEMO_PEOPLE as [DemoPerson, DemoPerson, DemoPerson];
const NOW = Date.parse('2026-11-23T09:00:00Z');

async function tenant() {
  const graph = new FakeGraph({ users, extensions: generateDemoProfiles(users) });
  const clientOf = (person: DemoPerson) => new GraphClient({ identity: createDemoIdentity(person), fetch: graph.fetch, sleep: () => Promise.resolve() });
  const snapshot: DirectorySnapshot = await loadDirectory(clientOf(margaret));
  /** Opens the programme as this person, as their client would: fresh profiles from Graph. */
  const as = async (person: DemoPerson) => {
    const client = clientOf(person);
    const programme = await openProgramme({ client, snapshot, levelGap: 1, now: () => NOW });
    return { client, programme, me: programme.list.find((p) => p.personId === person.id) };
  };
  return { as };
}

describe('asking a reverse mentor to pair, and answering', () => {
  it('an executive asks; the reverse mentor sees the request and accepts; the executive sees it accepted', async () => {
    const { as } = await tenant();
    const exec = await as(margaret);
    expect(myRequest(exec.me, exec.programme.list, NOW)).toEqual({ kind: 'none' });
    const asked = await askToPair(exec.client, exec.me, aisha.id, { matcher: exec.programme.matcher, now: NOW });
    expect(myRequest(asked, exec.programme.list, NOW)).toEqual({ kind: 'pending', mentorId: aisha.id });

    const mentor = await as(aisha);
    expect(requestsWaitingFor(mentor.me, mentor.programme.list, NOW)).toEqual([margaret.id]);
    const answered = await answerRequest(mentor.client, mentor.me, margaret.id, true, { profiles: mentor.programme.list, now: NOW });
    expect(answered).toMatchObject({ accepted: [margaret.id], load: 1, updated: new Date(NOW).toISOString() });

    const again = await as(margaret);
    expect(myRequest(again.me, again.programme.list, NOW)).toEqual({ kind: 'accepted', mentorId: aisha.id });
    // Aisha (capacity 1) is now full: nobody else may ask her.
    const later = await as(aisha);
    expect(requestsWaitingFor(later.me, later.programme.list, NOW)).toEqual([]);
  });

  it('a declined executive is told so, and the reverse mentor who declined is left out of their suggestions', async () => {
    const { as } = await tenant();
    const exec = await as(margaret);
    await askToPair(exec.client, exec.me, aisha.id, { matcher: exec.programme.matcher, now: NOW });
    const mentor = await as(aisha);
    await answerRequest(mentor.client, mentor.me, margaret.id, false, { profiles: mentor.programme.list, now: NOW });
    const again = await as(margaret);
    const request = myRequest(again.me, again.programme.list, NOW);
    expect(request).toEqual({ kind: 'declined', mentorId: aisha.id });
    const page = suggestFor(again.programme.matcher, margaret.id, { size: 50, offset: 0, request });
    expect(page.suggestions.map((s) => s.mentorId)).not.toContain(aisha.id);
  });

  it('withdraws a request', async () => {
    const { as } = await tenant();
    const exec = await as(margaret);
    const asked = await askToPair(exec.client, exec.me, aisha.id, { matcher: exec.programme.matcher, now: NOW });
    const withdrawn = await withdrawRequest(exec.client, asked, NOW);
    expect(withdrawn.asked).toBeUndefined();
    expect(requestsWaitingFor((await as(aisha)).me, (await as(aisha)).programme.list, NOW)).toEqual([]);
  });

  it('refuses to ask someone the programme rules do not allow, and to accept beyond capacity', async () => {
    const { as } = await tenant();
    const exec = await as(margaret);
    // Margaret herself is no reverse mentor.
    await expect(askToPair(exec.client, exec.me, margaret.id, { matcher: exec.programme.matcher, now: NOW })).rejects.toThrow(/programme rules/);
    // Outside a round's matching window nobody is asked, whatever the screen offered.
    const closed = [{ name: 'Spring', start: '2020-01-01', matchUntil: '2020-01-31', end: '2020-06-30', targetSessions: 6 }];
    await expect(askToPair(exec.client, exec.me, aisha.id, { matcher: exec.programme.matcher, now: NOW, rounds: closed })).rejects.toThrow(/^Pairs are not being made just now/);
    const mentor = await as(diego);
    const full = { ...mentor.me!, accepted: ['a', 'b'] };
    await expect(answerRequest(mentor.client, full, margaret.id, true, { profiles: mentor.programme.list, now: NOW })).rejects.toThrow(/capacity of 2/);
  });

  it('an ended pairing frees the reverse mentor’s place, in their own view and in everyone’s matcher, and lets the executive ask someone new', async () => {
    const { as } = await tenant();
    const exec = await as(margaret);
    await askToPair(exec.client, exec.me, aisha.id, { matcher: exec.programme.matcher, now: NOW });
    const mentor = await as(aisha);
    await answerRequest(mentor.client, mentor.me, margaret.id, true, { profiles: mentor.programme.list, now: NOW });

    // Another executive's client sees Aisha (capacity 1) full while the pairing runs.
    const running = await as(diego);
    expect(mentorLoadsOf(running.programme.list, NOW).get(aisha.id)).toBe(1);
    const other = running.programme.matcher.mentees.find((id) => id !== margaret.id && running.programme.matcher.whyNot(id, aisha.id).some((r) => r.code === 'at-capacity'));
    expect(other).toBeDefined();

    // Margaret ends the pairing: her booking record says so.
    const booked = (await as(margaret)).me!;
    const record = bookingRecord({ with: aisha.id });
    await updateMyProfile(exec.client, booked, { bookings: [{ ...record, ended: '2026-11-22' }] }, NOW);

    // Aisha mentors nobody now, is not full, and nobody's matcher counts her as taken.
    const after = await as(aisha);
    expect(after.me!.accepted).toEqual([margaret.id]);
    expect(myMentees(after.me, after.programme.list, NOW)).toEqual([]);
    expect(atCapacity(after.me, after.programme.list, NOW)).toBe(false);
    expect(requestsWaitingFor(after.me, after.programme.list, NOW)).toEqual([]);
    const elsewhere = await as(diego);
    expect(mentorLoadsOf(elsewhere.programme.list, NOW).get(aisha.id)).toBe(0);
    expect(elsewhere.programme.matcher.whyNot(other!, aisha.id).map((r) => r.code)).not.toContain('at-capacity');

    // Margaret's request has ended; Aisha is a past pair; she can ask someone new.
    const again = await as(margaret);
    const request = myRequest(again.me, again.programme.list, NOW);
    expect(request).toEqual({ kind: 'ended', mentorId: aisha.id });
    const page = suggestFor(again.programme.matcher, margaret.id, { size: 3, offset: 0, request });
    expect(page.suggestions.map((s) => s.mentorId)).not.toContain(aisha.id);
    const next = page.suggestions[0]!.mentorId;
    const asked = await askToPair(again.client, again.me, next, { matcher: again.programme.matcher, now: NOW });
    expect(myRequest(asked, again.programme.list, NOW)).toEqual({ kind: 'pending', mentorId: next });

    // Aisha can accept someone new; her stored load counts only the current pair.
    const accepted = await answerRequest(after.client, after.me, other!, true, { profiles: after.programme.list, now: NOW });
    expect(accepted).toMatchObject({ accepted: [margaret.id, other], load: 1 });
  });
});

describe('a request through the programme store', () => {
  it('reaches the reverse mentor, whose app reads only the participant list’s copies of profiles', async () => {
    const extensions = generateDemoProfiles(users);
    const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
    graph.waitFor(seedDemoProgrammeStore(graph, extensions));
    const clientOf = (person: DemoPerson) => new GraphClient({ identity: createDemoIdentity(person), fetch: graph.fetch, sleep: () => Promise.resolve() });
    const snapshot = await loadDirectory(clientOf(margaret));
    const problems: string[] = [];
    const as = async (person: DemoPerson) => {
      const client = clientOf(person);
      const listed = await storeParticipants(client, DEMO_OWNER_GROUP_ID, { me: person.id });
      if (!('participants' in listed)) throw listed.unavailable;
      const { participants } = listed;
      const programme = await openProgramme({ client, snapshot, levelGap: 1, now: () => NOW, participants });
      const participation = { store: () => openStore(client, DEMO_OWNER_GROUP_ID), onProblem: (message: string) => problems.push(message) };
      return { client, programme, participation, me: programme.list.find((p) => p.personId === person.id) };
    };
    const exec = await as(margaret);
    await askToPair(exec.client, exec.me, aisha.id, { matcher: exec.programme.matcher, now: NOW, participation: exec.participation });
    const mentor = await as(aisha);
    expect(requestsWaitingFor(mentor.me, mentor.programme.list, NOW)).toEqual([margaret.id]);
    await answerRequest(mentor.client, mentor.me, margaret.id, true, { profiles: mentor.programme.list, now: NOW, participation: mentor.participation });
    const again = await as(margaret);
    expect(myRequest(again.me, again.programme.list, NOW)).toEqual({ kind: 'accepted', mentorId: aisha.id });
    expect(problems).toEqual([]);
  });
});
