import { PERSON_KEY_FILE } from '@/services/programme/person-key';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { loadDirectory } from '@/services/graph/directory-loader';
import { GraphClient } from '@/services/graph/graph-client';
import { openProgramme } from './open-programme';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { PROGRAMME_LISTS } from '@/services/programme/programme-store';
import { GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import {
  alreadyPairedOf,
  decide,
  describeDecisionsFailure,
  isPinned,
  openOwnerDecisions,
  programmeFigures,
  proposeProgramme,
  withExclusion,
  withPin,
  withSwap,
  withoutExclusion,
  withoutPin,
} from './proposal';
import { bookingRecord } from '@/demo/testing/booking-record';

const users = generateDemoTenant({ size: 400 });
const priya = DEMO_PEOPLE[3]!;
const NOW = Date.parse('2026-11-23T09:00:00Z');

async function tenant() {
  const extensions = generateDemoProfiles(users);
  const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
  await seedDemoProgrammeStore(graph, extensions);
  const snapshot = await loadDirectory(new GraphClient({ identity: createDemoIdentity(priya), fetch: graph.fetch, sleep: () => Promise.resolve() }));
  /** Priya's client as after a reload: the owners' decisions from the programme store, then the programme with the exclusions. */
  const reload = async () => {
    const client = new GraphClient({ identity: createDemoIdentity(priya), fetch: graph.fetch, sleep: () => Promise.resolve() });
    const stored = await openOwnerDecisions(client, { ownerGroupId: DEMO_OWNER_GROUP_ID, me: priya.id });
    const programme = await openProgramme({ client, snapshot, levelGap: 1, now: () => NOW, exclusions: stored.decisions.exclusions });
    return { client, stored, programme };
  };
  return { graph, reload };
}

describe('the programme proposal', () => {
  it('proposes pairs for everyone without a reverse mentor, with figures', async () => {
    const { reload } = await tenant();
    const { programme, stored } = await reload();
    const proposal = proposeProgramme(programme.matcher, programme.list, stored.decisions, NOW);
    expect(proposal.pairs.length).toBeGreaterThan(3);
    const figures = programmeFigures(proposal, programme.matcher, programme.people, programme.list, NOW);
    expect(figures.executives).toBe(programme.matcher.mentees.length);
    expect(figures.matched).toBeGreaterThan(0);
    expect(figures.averageFit).toBeGreaterThan(0);
  });

  it('keeps the owners’ pins and exclusions across a reload, and honours them', async () => {
    const { reload, graph } = await tenant();
    const first = await reload();
    const proposal = proposeProgramme(first.programme.matcher, first.programme.list, first.stored.decisions, NOW);
    const [kept, dropped] = proposal.pairs.map((p) => [p.menteeId, p.mentorId] as const);
    const stored = await decide(first.client, first.stored, (d) => withPin(d, kept!));
    await decide(first.client, stored, (d) => withExclusion(d, dropped!));

    const second = await reload();
    expect(second.stored.decisions).toEqual({ pins: [kept], exclusions: [dropped] });
    const again = proposeProgramme(second.programme.matcher, second.programme.list, second.stored.decisions, NOW);
    expect(again.pairs.find((p) => p.menteeId === kept![0])).toMatchObject({ mentorId: kept![1], pinned: true });
    expect(again.pairs.some((p) => p.menteeId === dropped![0] && p.mentorId === dropped![1])).toBe(false);
    expect(second.programme.matcher.whyNot(dropped![0], dropped![1]).map((w) => w.code)).toContain('excluded');
    // Stored in the programme store's decisions list, one entry by Priya; nothing in anyone's OneDrive but pairing keys.
    const decisions = graph.lists.snapshot()[0]!.lists.find((l) => l.displayName === PROGRAMME_LISTS.decisions)!;
    expect(decisions.items.map((i) => [i.createdBy, i.lastModifiedBy])).toEqual([[priya.id, priya.id]]);
    expect(graph.drives.snapshot().filter((f) => f.path !== `Apps/Reverse mentoring/${PERSON_KEY_FILE}`)).toEqual([]);
  });

  it('pins, unpins, excludes (which unpins) and swaps as plain changes to the decisions', () => {
    const none = { pins: [], exclusions: [] };
    const pinned = withPin(withPin(none, ['e1', 'm1']), ['e1', 'm1']);
    expect(pinned.pins).toEqual([['e1', 'm1']]);
    expect(isPinned(pinned, ['e1', 'm1'])).toBe(true);
    expect(withoutPin(pinned, ['e1', 'm1']).pins).toEqual([]);
    expect(withExclusion(pinned, ['e1', 'm1'])).toEqual({ pins: [], exclusions: [['e1', 'm1']] });
    expect(
      withSwap(
        {
          pins: [
            ['e1', 'm1'],
            ['e3', 'm3'],
          ],
          exclusions: [],
        },
        ['e1', 'm1'],
        ['e2', 'm2'],
      ).pins,
    ).toEqual([
      ['e3', 'm3'],
      ['e1', 'm2'],
      ['e2', 'm1'],
    ]);
  });

  it('allows an excluded pair again, leaving the other decisions', () => {
    const decisions = { pins: [['e2', 'm2']] as const, exclusions: [['e1', 'm1'] as const, ['e3', 'm3'] as const] };
    expect(withoutExclusion(decisions, ['e1', 'm1'])).toEqual({ pins: [['e2', 'm2']], exclusions: [['e3', 'm3']] });
    expect(withoutExclusion(decisions, ['e9', 'm9'])).toEqual(decisions);
  });

  it('words a failure to read or save the decisions, never with the network’s own words', () => {
    const offline = new GraphRequestError('Could not reach Microsoft Graph: Failed to fetch', 503, 'NetworkError', undefined, undefined);
    for (const when of ['read', 'save'] as const) {
      const words = describeDecisionsFailure(offline, when);
      expect(words).not.toMatch(/Failed to fetch|Microsoft Graph/);
      expect(words).toMatch(/Check your connection/);
      expect(describeDecisionsFailure(new TypeError('boom'), when)).not.toMatch(/boom/);
    }
    expect(describeDecisionsFailure(offline, 'read')).toMatch(/could not be read.*reload this tab/);
    expect(describeDecisionsFailure(offline, 'save')).toMatch(/could not be saved.*make the change again/);
    const permission = new GraphPermissionError(['Sites.Selected'], 403, 'accessDenied', undefined);
    expect(describeDecisionsFailure(permission, 'read')).toBe(permission.message);
    const missing = new GraphRequestError(
      'The programme’s lists have not been set up yet: a programme owner sets them up once from the programme view.',
      404,
      'ProgrammeStoreMissing',
      undefined,
      undefined,
    );
    expect(describeDecisionsFailure(missing, 'read')).toMatch(/sets them up once/);
  });
});

describe('who the proposal leaves out', () => {
  const record = (withId: string, ended?: string) => bookingRecord({ with: withId, uid: `uid-${withId}`, ...(ended ? { ended } : {}) });
  const profiles = [
    { personId: 'mentor', mentor: { capacity: 2, canTeach: [] }, accepted: ['ended', 'running'] },
    { personId: 'ended', mentee: { wantsToLearn: [] }, asked: 'mentor', bookings: [record('mentor', '2026-11-01')] },
    { personId: 'running', mentee: { wantsToLearn: [] }, asked: 'mentor', bookings: [record('mentor')] },
  ] as unknown as Parameters<typeof alreadyPairedOf>[0];

  it('proposes again an executive whose pairing ended, and leaves out one whose pairing runs', () => {
    expect([...alreadyPairedOf(profiles, NOW)]).toEqual(['running']);
  });
});
