// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clientOf, renderWithServices } from '@/demo/testing/render-with-services';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { readSentPairs, sendProposal } from '@/application/programme/sent-proposals';
import { openProgrammeStore } from '@/services/programme/programme-store';
import { ProposalsCard } from './proposals-card';

afterEach(cleanup);

const users = generateDemoTenant({ size: 300 });
type Person = (typeof DEMO_PEOPLE)[number];
const [margaret, , aisha, priya] = DEMO_PEOPLE as unknown as [Person, Person, Person, Person];
const NOW = Date.parse('2026-11-23T09:00:00Z');

/** Priya has sent Margaret with Aisha (pinned, for what they teach). */
async function sent() {
  const extensions = generateDemoProfiles(users);
  const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
  graph.waitFor(seedDemoProgrammeStore(graph, extensions));
  const store = await openProgrammeStore(clientOf(graph, priya), DEMO_OWNER_GROUP_ID);
  const proposal = {
    pairs: [{ menteeId: margaret.id, mentorId: aisha.id, score: 0.8, pinned: true, reasons: [{ code: 'pinned' as const }, { code: 'teaches' as const, topics: [] }] }],
    unmatched: [],
  };
  await sendProposal(store, priya.id, proposal, [], { now: NOW });
  return { graph, store };
}

describe('the programme proposes', () => {
  it('shows the executive her proposed reverse mentor with reasons worded for her; accepting says what comes next', async () => {
    const { graph, store } = await sent();
    renderWithServices(<ProposalsCard />, graph, margaret);
    const card = await screen.findByRole('list', { name: 'Pairs proposed to you' }, { timeout: 60_000 });
    within(card).getByText('Aisha Bello');
    const why = within(card).getByRole('list', { name: 'Why the programme proposes Aisha Bello' });
    within(why).getByText('Pinned by the programme owner');
    within(why).getByText('Can teach generative AI, social media and younger customers, which you want to learn');
    fireEvent.click(within(card).getByRole('button', { name: 'Accept pairing with Aisha Bello' }));
    await within(card).findByText(/^You accepted\. Waiting for Aisha Bello to answer/, undefined, { timeout: 30_000 });
    expect(within(card).queryByRole('button', { name: /^Accept/ })).toBeNull();
    expect((await readSentPairs(store)).pairs[0]).toMatchObject({ executive: 'accepted', mentor: 'waiting' });
  }, 120_000);

  it('the reverse mentor reads the reasons as hers; declining asks first, then the pair is declined', async () => {
    const { graph, store } = await sent();
    renderWithServices(<ProposalsCard />, graph, aisha, { timeZone: 'Africa/Lagos' });
    const card = await screen.findByRole('list', { name: 'Pairs proposed to you' }, { timeout: 60_000 });
    within(card).getByText('As the executive you would mentor:');
    within(card).getByText('You can teach generative AI, social media and younger customers, which Margaret Lindqvist wants to learn');
    fireEvent.click(within(card).getByRole('button', { name: 'Decline pairing with Margaret Lindqvist' }));
    const question = within(card).getByRole('group', { name: 'Decline pairing with Margaret Lindqvist?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Keep the proposal' }));
    expect(within(card).queryByRole('group', { name: /^Decline pairing with/ })).toBeNull();
    expect((await readSentPairs(store)).pairs[0]!.mentor).toBe('waiting');

    fireEvent.click(within(card).getByRole('button', { name: 'Decline pairing with Margaret Lindqvist' }));
    fireEvent.click(within(within(card).getByRole('group', { name: 'Decline pairing with Margaret Lindqvist?' })).getByRole('button', { name: 'Yes, decline' }));
    await within(card).findByText(/^You declined\. The programme will not propose you and Margaret Lindqvist again/, undefined, { timeout: 30_000 });
    expect((await readSentPairs(store)).pairs[0]).toMatchObject({ mentor: 'declined', state: 'declined' });
  }, 120_000);

  it('shows nothing to someone nobody proposed anything to', async () => {
    const { graph } = await sent();
    renderWithServices(
      <>
        <ProposalsCard />
        <p>rendered</p>
      </>,
      graph,
      priya,
    );
    await screen.findByText('rendered');
    expect(screen.queryByText('The programme proposes')).toBeNull();
  });
});
