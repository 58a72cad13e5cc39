import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import type { BookingRecord } from '@/domain/booking/pair-schedule';
import { loadDirectory } from '@/services/graph/directory-loader';
import { GraphClient } from '@/services/graph/graph-client';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { isActive } from '@/services/graph/directory-person';
import { openProgramme, pastPairsOf, readProgrammeProfiles, seriesEnded } from './open-programme';
import { suggestFor } from './suggest';
import { bookingRecord } from '@/demo/testing/booking-record';

const users = generateDemoTenant({ size: 400 });
const [margaret, , aisha] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, (typeof DEMO_PEOPLE)[number]];
const NOW = Date.parse('2026-11-23T09:00:00Z');

/** The demo tenant in the fake Graph, with Margaret's profile changed by `margaretProfile`. */
function tenant(margaretProfile: (profile: Record<string, unknown>) => Record<string, unknown> = (p) => p) {
  const extensions = generateDemoProfiles(users);
  const own = extensions.get(margaret.id)![PROFILE_EXTENSION]!;
  extensions.set(margaret.id, { [PROFILE_EXTENSION]: margaretProfile(own) });
  const graph = new FakeGraph({ users, extensions });
  const client = new GraphClient({ identity: createDemoIdentity(margaret), fetch: graph.fetch, sleep: () => Promise.resolve() });
  return { graph, client };
}

async function open(margaretProfile?: (profile: Record<string, unknown>) => Record<string, unknown>) {
  const { client } = tenant(margaretProfile);
  const snapshot = await loadDirectory(client);
  return openProgramme({ client, snapshot, levelGap: 1, now: () => NOW });
}

const booking = (partner: string, change: Partial<BookingRecord> = {}): BookingRecord => bookingRecord({ with: partner, uid: `uid-${partner}`, ...change });

describe('opening the programme', () => {
  it('builds the org model, reads everyone’s profiles (naming the damaged ones) and suggests reverse mentors', async () => {
    const programme = await open();
    expect(programme.model.people.length).toBe(programme.people.size);
    expect(programme.list.some((p) => p.personId === margaret.id)).toBe(true);
    expect(programme.damaged.length).toBeGreaterThan(0);
    const { suggestions } = suggestFor(programme.matcher, margaret.id, { size: 3, offset: 0 });
    expect(suggestions.map((s) => s.mentorId)).toContain(aisha.id);
  });

  it('never suggests a reverse mentor again to an executive whose series with them ended (the repeat rule fires)', async () => {
    const ended = await open((p) => ({ ...p, bookings: [booking(aisha.id, { ended: '2026-09-01' })] }));
    const page = suggestFor(ended.matcher, margaret.id, { size: 50, offset: 0 });
    expect(page.suggestions.map((s) => s.mentorId)).not.toContain(aisha.id);
    expect(ended.matcher.whyNot(margaret.id, aisha.id).map((w) => w.code)).toEqual(['past-pair']);
    // Nor in the programme-wide proposal.
    const proposal = ended.matcher.assignProgramme({});
    expect(proposal.pairs.some((p) => p.menteeId === margaret.id && p.mentorId === aisha.id)).toBe(false);
  });

  it('counts a series that ran its weeks as ended, and a running one as a current pair, not a past one', async () => {
    const over = await open((p) => ({ ...p, bookings: [booking(aisha.id, { start: '2026-01-05T10:00:00.000Z', weeks: 12 })] }));
    expect(over.matcher.whyNot(margaret.id, aisha.id).map((w) => w.code)).toEqual(['past-pair']);
    const running = await open((p) => ({ ...p, bookings: [booking(aisha.id)] }));
    expect(running.matcher.whyNot(margaret.id, aisha.id)).toEqual([]);
  });

  it('reads "now" from the injected clock only', () => {
    const record = booking(aisha.id, { start: '2026-01-05T10:00:00.000Z', weeks: 12 });
    expect(seriesEnded(record, Date.parse('2026-03-29T09:00:00Z'))).toBe(false);
    expect(seriesEnded(record, Date.parse('2026-03-30T10:00:00Z'))).toBe(true);
    const profile = { personId: margaret.id, languages: ['en'], timeZone: 'UTC', load: 0, updated: 'x', bookings: [record] };
    expect(pastPairsOf([profile], Date.parse('2026-02-01T00:00:00Z'))).toEqual([]);
    expect(pastPairsOf([profile], Date.parse('2026-06-01T00:00:00Z'))).toEqual([[margaret.id, aisha.id]]);
  });

  it('applies the programme owner’s exclusions when given them', async () => {
    const { client } = tenant();
    const snapshot = await loadDirectory(client);
    const programme = await openProgramme({ client, snapshot, levelGap: 1, now: () => NOW, exclusions: [[margaret.id, aisha.id]] });
    expect(programme.matcher.whyNot(margaret.id, aisha.id).map((w) => w.code)).toEqual(['excluded']);
  });
});

describe('readProgrammeProfiles', () => {
  it('reads only the participants when their list is given', async () => {
    const { graph, client } = tenant();
    const snapshot = await loadDirectory(client);
    const participants = [margaret.id, aisha.id].map((personId) => ({ personId, profileUpdated: '2026-01-01T09:00:00.000Z' }));
    const before = graph.stats.operations;
    const { list } = await readProgrammeProfiles(client, snapshot, undefined, undefined, participants);
    expect(graph.stats.operations - before).toBe(2);
    expect(list.map((p) => p.personId).sort()).toEqual([margaret.id, aisha.id].sort());
    const opened = await openProgramme({ client, snapshot, levelGap: 1, now: () => NOW, participants });
    expect(opened.list).toHaveLength(2);
    expect(opened.matcher.suggestionsFor(margaret.id, 3).suggestions.map((s) => s.mentorId)).toEqual([aisha.id]);
  });

  it('tells how many people were read, of how many, as the batches come in', async () => {
    const { client } = tenant();
    const snapshot = await loadDirectory(client);
    const total = snapshot.people.filter(isActive).length;
    const heard: [number, number][] = [];
    const { list } = await readProgrammeProfiles(client, snapshot, undefined, (read, of) => heard.push([read, of]));
    expect(list.length).toBeGreaterThan(0);
    expect(heard.length).toBeGreaterThan(1);
    expect(heard.every(([, of]) => of === total)).toBe(true);
    expect(heard.map(([read]) => read)).toEqual([...heard.map(([read]) => read)].sort((a, b) => a - b));
    expect(heard.at(-1)).toEqual([total, total]);
  });
});
