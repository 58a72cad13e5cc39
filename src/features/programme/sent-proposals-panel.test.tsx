// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clientOf, renderWithServices } from '@/demo/testing/render-with-services';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant, type DemoUser } from '@/demo/graph/demo-tenant';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { answerMyProposal, readSentPairs } from '@/application/programme/sent-proposals';
import { openProgrammeStore } from '@/services/programme/programme-store';
import { manualRefresh } from '@/demo/testing/manual-refresh';
import { ProgrammeView } from './programme-view';

afterEach(cleanup);

const users = generateDemoTenant({ size: 300 });
const priya = DEMO_PEOPLE[3]!;

function tenantGraph() {
  const extensions = generateDemoProfiles(users);
  const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
  graph.waitFor(seedDemoProgrammeStore(graph, extensions));
  return graph;
}

/** Someone of the tenant declines the pair proposed to them, from their own client. */
async function decline(graph: FakeGraph, personId: string, proposalId: string) {
  const user = users.find((u) => u.id === personId) as DemoUser;
  const person = { ...priya, id: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName };
  const client = clientOf(graph, person);
  const store = await openProgrammeStore(client, DEMO_OWNER_GROUP_ID);
  await answerMyProposal(client, store, undefined, proposalId, 'declined', { profiles: [], now: Date.now(), meId: personId });
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const pairsInTable = () =>
  rowsOf(screen.getByRole('table', { name: 'Proposed pairs' })).map((row) =>
    within(row)
      .getByRole('checkbox')
      .getAttribute('aria-label')!
      .replace(/^Select /, ''),
  );

describe('sending the proposal', () => {
  it('sends after a confirmation naming pairs and people, shows both answers by name, and runs again for the declined executive without their declined mentor', async () => {
    const graph = tenantGraph();
    const refresh = manualRefresh();
    renderWithServices(<ProgrammeView refresh={refresh.schedule} />, graph, priya, { programmeOwner: true });
    await screen.findByRole('button', { name: 'Run matching' }, { timeout: 60_000 }).then((b) => act(() => b.click()));
    await screen.findByRole('table', { name: 'Proposed pairs' });
    const proposed = pairsInTable();

    const send = screen.getByRole('button', { name: `Send ${proposed.length} pairs` });
    act(() => send.click());
    const question = await screen.findByRole('group', { name: new RegExp(`^Send ${proposed.length} pairs to \\d+ people\\?$`) });
    const confirm = within(question).getByRole('button', { name: `Send ${proposed.length} pairs` });
    act(() => confirm.click());
    await screen.findByText(new RegExp(`^Sent ${proposed.length} pairs\\.`), undefined, { timeout: 30_000 });

    const store = await openProgrammeStore(clientOf(graph, priya), DEMO_OWNER_GROUP_ID);
    const sent = (await readSentPairs(store)).pairs;
    expect(sent).toHaveLength(proposed.length);
    const list = screen.getByRole('list', { name: 'Sent pairs' });
    expect(within(list).getAllByText('Waiting')).toHaveLength(proposed.length);
    expect(screen.getByRole('status').textContent).toMatch(/^Still waiting for /);

    // One executive declines; the answer arrives on its own (no button to check).
    expect(screen.queryByRole('button', { name: 'Check for answers' })).toBeNull();
    const [first] = sent;
    await decline(graph, first!.proposal.executiveId, first!.proposal.id);
    act(() => refresh.tick());
    const executive = users.find((u) => u.id === first!.proposal.executiveId)!.displayName;
    await within(list).findByText(new RegExp(`^${executive} declined; .* has not answered yet\\.$`));
    expect(list.textContent).not.toMatch(/\byou\b/i);

    act(() => screen.getByRole('button', { name: 'Run again for those declined' }).click());
    const mentor = users.find((u) => u.id === first!.proposal.mentorId)!.displayName;
    await waitFor(() => expect(pairsInTable().some((p) => p.startsWith(`${executive} and `))).toBe(true));
    const again = pairsInTable();
    expect(again).not.toContain(`${executive} and ${mentor}`);
    // Only the declined executive (and anyone never sent) is proposed: the others wait for answers.
    for (const p of sent.slice(1)) expect(again.some((a) => a.startsWith(`${users.find((u) => u.id === p.proposal.executiveId)!.displayName} and `))).toBe(false);
  }, 180_000);
});
