import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { demoCalendarSeed } from '@/demo/graph/demo-calendars';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import type { PairPerson } from './booking-ports';
import { findPairSlots, typedStart } from './pair-slots';

const users = generateDemoTenant({ size: 300 });
const [margaret, diego] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const userOf = (id: string) => users.find((u) => u.id === id)!;
const pairPerson = (id: string): PairPerson => ({ id, displayName: userOf(id).displayName, address: userOf(id).mail!, zone: userOf(id).mailboxSettings.timeZone });
const cadence = { everyWeeks: 2, weeks: 26, minutes: 45 };
const now = () => new Date('2026-11-23T09:00:00Z');
const ports = () => {
  const graph = new FakeGraph({ users, calendarSeed: demoCalendarSeed, now });
  const client = new GraphClient({ identity: createDemoIdentity(margaret), fetch: graph.fetch, sleep: () => Promise.resolve() });
  return { graph: () => Promise.resolve(client), now };
};

describe('the times that suit a pair', () => {
  it('suggests weekly slots from tomorrow (in the organiser’s zone, by the injected clock), in the organiser’s zone', async () => {
    const organiser = pairPerson(margaret.id);
    const found = await findPairSlots(ports(), organiser, pairPerson(diego.id), cadence);
    expect(found.slots.length).toBeGreaterThan(0);
    expect(found.organiserZone).toBe(organiser.zone);
    expect(found.partnerUnreadable).toBeUndefined();
    for (const slot of found.slots) expect(slot.occurrences[0]! >= '2026-11-24').toBe(true);
  });

  it('fits the organiser alone, and says why, when the partner’s calendar cannot be read', async () => {
    const stranger: PairPerson = { id: 'x', displayName: 'Someone Else', address: 'someone@fabrikam.example', zone: 'Europe/Paris' };
    const found = await findPairSlots(ports(), pairPerson(margaret.id), stranger, cadence);
    expect(found.partnerUnreadable).toEqual(expect.any(String));
    expect(found.slots.length).toBeGreaterThan(0);
  });

  it('names whose calendar could not be read when it is the organiser’s', async () => {
    const stranger: PairPerson = { id: 'x', displayName: 'Someone Else', address: 'someone@fabrikam.example', zone: 'Europe/Paris' };
    await expect(findPairSlots(ports(), stranger, pairPerson(diego.id), cadence)).rejects.toThrow(/^Someone Else’s calendar could not be read/);
  });
});

describe('a time a person types', () => {
  it('is read in their zone, as a UTC start, only when it is ahead of the clock', () => {
    expect(typedStart({ now }, '2026-12-01T16:30', 'Europe/Paris')).toBe('2026-12-01T15:30:00Z');
    expect(typedStart({ now }, '2026-11-23T09:30', 'Europe/Paris')).toBeUndefined();
    expect(typedStart({ now }, '', 'Europe/Paris')).toBeUndefined();
    expect(typedStart({ now }, 'not a time', 'Europe/Paris')).toBeUndefined();
  });
});
