import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import type { BookingRecord } from '@/domain/booking/pair-schedule';
import { GraphClient } from '@/services/graph/graph-client';
import { readMyProfile } from '@/services/profile/profile-store';
import { optOut, saveMyChoices, updateMyProfile } from './my-profile';

const users = generateDemoTenant({ size: 60 });
const margaret = DEMO_PEOPLE[0]!;
const NOW = Date.parse('2026-11-23T09:00:00Z');
const client = () => new GraphClient({ identity: createDemoIdentity(margaret), fetch: new FakeGraph({ users }).fetch, sleep: () => Promise.resolve() });
const booking: BookingRecord = {
  with: DEMO_PEOPLE[2]!.id,
  start: '2026-10-05T09:00:00.000Z',
  zone: 'Europe/Stockholm',
  everyWeeks: 2,
  weeks: 26,
  minutes: 45,
  uid: 'uid-1',
  workspace: 'https://contoso-my.sharepoint.com/personal/x/Documents/pair.json',
};

describe('my profile', () => {
  it('opts in from the person’s choices, in their time zone, marked updated by the clock', async () => {
    const graph = client();
    const saved = await saveMyChoices(
      graph,
      margaret.id,
      undefined,
      { mentee: { wantsToLearn: ['gaming'] }, learnInOwnWords: '  <b>games</b> ', teachInOwnWords: 'not a mentor', languages: ['en'] },
      { timeZone: 'Europe/Stockholm', now: NOW },
    );
    expect(saved).toEqual({
      personId: margaret.id,
      mentee: { wantsToLearn: ['gaming'] },
      learnInOwnWords: '<b>games</b>',
      languages: ['en'],
      timeZone: 'Europe/Stockholm',
      load: 0,
      updated: '2026-11-23T09:00:00.000Z',
    });
    expect(await readMyProfile(graph, margaret.id)).toEqual(saved);
  });

  it('keeps what the programme recorded (request, booked series) when the person edits their choices', async () => {
    const graph = client();
    const first = await saveMyChoices(graph, margaret.id, undefined, { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'] }, { timeZone: 'UTC', now: NOW });
    const booked = await updateMyProfile(graph, first, { asked: booking.with, bookings: [booking] }, NOW);
    const edited = await saveMyChoices(graph, margaret.id, booked, { mentee: { wantsToLearn: ['social-media'] }, languages: ['en', 'sv'] }, { timeZone: 'UTC', now: NOW + 1000 });
    expect(edited).toMatchObject({ asked: booking.with, bookings: [booking], languages: ['en', 'sv'] });
    expect(await readMyProfile(graph, margaret.id)).toEqual(edited);
  });

  it('changes some fields (undefined removes one), refuses before opting in, and opts out', async () => {
    const graph = client();
    await expect(updateMyProfile(graph, undefined, { asked: 'x' }, NOW)).rejects.toThrow('Opt in first.');
    const first = await saveMyChoices(graph, margaret.id, undefined, { mentee: { wantsToLearn: ['gaming'] }, languages: ['en'] }, { timeZone: 'UTC', now: NOW });
    const asked = await updateMyProfile(graph, first, { asked: booking.with }, NOW);
    const cleared = await updateMyProfile(graph, asked, { asked: undefined }, NOW);
    expect('asked' in cleared).toBe(false);
    await optOut(graph);
    expect(await readMyProfile(graph, margaret.id)).toBeUndefined();
  });
});
