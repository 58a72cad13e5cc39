// @vitest-environment jsdom
import { renderWithServices } from '@/demo/testing/render-with-services';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant, type DemoUser } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { PROGRAMME_LISTS } from '@/services/programme/programme-store';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { decide, openOwnerDecisions, withPin } from '@/application/programme/proposal';
import { inThreadProposalRunner } from '@/application/programme/proposal-run';
import { PROPOSAL_FAILED, type ProposalInput, type ProposalRunner } from '@/application/programme/proposal-runner';
import type { ProgrammeAssignment } from '@/domain/matching/engine';
import { ProgrammeView } from './programme-view';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const users = generateDemoTenant({ size: 300 });
const priya = DEMO_PEOPLE[3]!;

function open(graph: FakeGraph, fetch: typeof graph.fetch = graph.fetch, proposalRunner?: ProposalRunner) {
  renderWithServices(<ProgrammeView />, graph, priya, { fetch, programmeOwner: true, ...(proposalRunner ? { proposalRunner } : {}) });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pairLabel = (button: HTMLElement, verb: string) => button.getAttribute('aria-label')!.replace(new RegExp(`^${verb} `), '');
/** The demo tenant with its programme store (the owners' group's site and lists). */
function tenantGraph(people: readonly DemoUser[], extensions = generateDemoProfiles(people)) {
  const graph = new FakeGraph({ users: people, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
  graph.waitFor(seedDemoProgrammeStore(graph, extensions));
  return graph;
}
/** What the programme store's decisions list holds now (its last entry). */
const savedDecisions = (graph: FakeGraph) => {
  const items = graph.lists.snapshot()[0]?.lists.find((l) => l.displayName === PROGRAMME_LISTS.decisions)?.items ?? [];
  return JSON.parse(String(items.at(-1)?.fields.Data ?? '{}')) as { pins?: unknown[]; exclusions?: unknown[] };
};
const savedExclusions = (graph: FakeGraph) => savedDecisions(graph).exclusions ?? [];

async function runMatching() {
  await screen.findByRole('button', { name: 'Run matching' }, { timeout: 60_000 }).then((b) => act(() => b.click()));
  await screen.findByRole('table', { name: 'Proposed pairs' });
}

describe('the programme view', () => {
  it('keeps what an owner types in the settings while the programme is still loading', async () => {
    const graph = tenantGraph(users);
    // The directory is held back: the programme cannot load until the settings are being edited.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fetch: typeof graph.fetch = async (input, init) => {
      const { pathname } = new URL(new Request(input, init).url);
      if (/\/users(\/delta)?$/.test(pathname)) await held;
      return graph.fetch(input, init);
    };
    open(graph, fetch);
    await screen.findByText(/^Reading the programme/, undefined, { timeout: 60_000 });
    await waitFor(() => expect(screen.queryByText('Reading the programme settings…')).toBeNull(), { timeout: 60_000 });
    const weeks = () => screen.getByRole('spinbutton', { name: /^Weeks between sessions/ }) as HTMLInputElement;
    fireEvent.change(weeks(), { target: { value: '3' } });
    release();
    await screen.findByRole('button', { name: 'Run matching' }, { timeout: 60_000 });
    expect(weeks().value).toBe('3');
  });

  it('keeps the owners’ pins and exclusions through a reload, in the programme store', async () => {
    const graph = tenantGraph(users);
    open(graph);
    await screen.findByRole('button', { name: 'Run matching' }, { timeout: 60_000 }).then((b) => act(() => b.click()));
    await screen.findByRole('table', { name: 'Proposed pairs' });

    const pin = screen.getAllByRole('button', { name: /^Pin / })[0]!;
    const pinned = pairLabel(pin, 'Pin');
    act(() => pin.click());
    await screen.findByRole('button', { name: `Unpin ${pinned}` });
    const exclude = screen.getAllByRole('button', { name: /^Exclude / })[1]!;
    const excluded = pairLabel(exclude, 'Exclude');
    act(() => exclude.click());
    await waitFor(() => expect(screen.queryByRole('button', { name: `Exclude ${excluded}` })).toBeNull());
    await waitFor(() => expect(savedExclusions(graph)).toHaveLength(1));

    // A reload: a new client reads the decisions back.
    cleanup();
    open(graph);
    await screen.findByRole('button', { name: 'Run matching' }, { timeout: 60_000 }).then((b) => act(() => b.click()));
    await screen.findByRole('button', { name: `Unpin ${pinned}` });
    expect(screen.queryByRole('button', { name: `Exclude ${excluded}` })).toBeNull();
  }, 120_000);

  it('lists exclusions and pins, each with a way back, and offers Undo after excluding', async () => {
    const graph = tenantGraph(users);
    open(graph);
    await runMatching();

    const pin = screen.getAllByRole('button', { name: /^Pin / })[0]!;
    const pinned = pairLabel(pin, 'Pin');
    act(() => pin.click());
    await screen.findByText(new RegExp(`^Pinned ${escape(pinned)}`));
    const pinnedList = screen.getByRole('list', { name: 'Pinned pairs' });
    expect(within(pinnedList).getByText(pinned)).toBeTruthy();

    // Exclude: the note says so (the pin's note is gone) and offers Undo; the pair is listed as excluded.
    const excluded = pairLabel(screen.getAllByRole('button', { name: /^Exclude / })[1]!, 'Exclude');
    act(() => screen.getByRole('button', { name: `Exclude ${excluded}` }).click());
    await screen.findByText(new RegExp(`^Excluded ${escape(excluded)}`));
    expect(screen.queryByText(new RegExp(`^Pinned ${escape(pinned)}`))).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Excluded pairs' })).getByText(excluded)).toBeTruthy();
    await waitFor(() => expect(savedExclusions(graph)).toHaveLength(1));

    // Undo: the pair is proposed again, and nothing stays excluded, in the view or the owner's file.
    act(() => screen.getByRole('button', { name: 'Undo' }).click());
    await screen.findByRole('button', { name: `Exclude ${excluded}` });
    expect(screen.queryByRole('list', { name: 'Excluded pairs' })).toBeNull();
    await waitFor(() => expect(savedExclusions(graph)).toHaveLength(0));

    // Excluded again, then allowed again from the list.
    act(() => screen.getByRole('button', { name: `Exclude ${excluded}` }).click());
    const allow = await screen.findByRole('button', { name: `Allow again ${excluded.replace(' with ', ' and ')}` });
    act(() => allow.click());
    await screen.findByRole('button', { name: `Exclude ${excluded}` });
    await waitFor(() => expect(savedExclusions(graph)).toHaveLength(0));

    // The pin is undone from its list too.
    act(() =>
      within(screen.getByRole('list', { name: 'Pinned pairs' }))
        .getByRole('button', { name: /^Unpin / })
        .click(),
    );
    await screen.findByRole('button', { name: `Pin ${pinned}` });
    expect(screen.queryByRole('list', { name: 'Pinned pairs' })).toBeNull();
  }, 120_000);

  it('runs matching through the services’ runner: a new run or leaving cancels the one under way, a failed run is said in words', async () => {
    const graph = new FakeGraph({ users, extensions: generateDemoProfiles(users) });
    const runs: { input: ProposalInput; signal: AbortSignal; resolve: (p: ProgrammeAssignment) => void; reject: (e: unknown) => void }[] = [];
    const runner: ProposalRunner = (input, signal) => new Promise((resolve, reject) => runs.push({ input, signal: signal!, resolve, reject }));
    open(graph, graph.fetch, runner);
    const button = () => screen.getByRole('button', { name: /^Run (matching|again)$/ });
    await screen.findByRole('button', { name: 'Run matching' }, { timeout: 60_000 }).then((b) => act(() => b.click()));
    await waitFor(() => expect(runs).toHaveLength(1));
    expect(screen.getByText('Matching everyone who opted in…')).toBeTruthy();

    act(() => button().click());
    await waitFor(() => expect(runs).toHaveLength(2));
    expect(runs[0]!.signal.aborted).toBe(true);
    await act(async () => runs[1]!.reject(new TypeError("Cannot read properties of undefined (reading 'id') at runProposal (proposal-run.ts:12:3)")));
    await screen.findByText(PROPOSAL_FAILED);
    expect(document.body.textContent).not.toMatch(/Cannot read properties|proposal-run\.ts/);
    expect(screen.queryByText('Matching everyone who opted in…')).toBeNull();

    act(() => button().click());
    await waitFor(() => expect(runs).toHaveLength(3));
    const proposal = await inThreadProposalRunner(runs[2]!.input);
    await act(async () => runs[2]!.resolve(proposal));
    await screen.findByRole('table', { name: 'Proposed pairs' });
    expect(screen.queryByText(PROPOSAL_FAILED)).toBeNull();

    act(() => button().click());
    await waitFor(() => expect(runs).toHaveLength(4));
    expect(runs[3]!.signal.aborted).toBe(false);
    cleanup();
    expect(runs[3]!.signal.aborted).toBe(true);
  }, 120_000);

  it('words a failure to read the pins and exclusions, without the network’s own message', async () => {
    const graph = tenantGraph(users);
    const failing: typeof graph.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return /\/lists\/[^/?]+\/items\?/.test(url) ? Promise.reject(new TypeError('Failed to fetch')) : graph.fetch(input, init);
    };
    open(graph, failing);
    const problem = await screen.findByText(/pins and exclusions could not be read/, {}, { timeout: 60_000 });
    expect(problem.textContent).toMatch(/Check your connection, then reload this tab\.$/);
    expect(document.body.textContent).not.toMatch(/Failed to fetch|Could not reach Microsoft Graph/);
  }, 120_000);

  it('offers the owner the first-run set-up when the store’s lists are not there yet, and then keeps decisions there', async () => {
    const graph = new FakeGraph({ users, extensions: generateDemoProfiles(users), groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
    open(graph);
    const setUp = await screen.findByRole('button', { name: 'Set up the programme store' }, { timeout: 60_000 });
    expect(document.body.textContent).toMatch(/not been set up yet/);
    act(() => setUp.click());
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Set up the programme store' })).toBeNull());
    expect(
      graph.lists
        .snapshot()[0]!
        .lists.map((l) => l.displayName)
        .sort(),
    ).toEqual(Object.values(PROGRAMME_LISTS).sort());
    await runMatching();
    act(() => screen.getAllByRole('button', { name: /^Exclude / })[0]!.click());
    await waitFor(() => expect(savedExclusions(graph)).toHaveLength(1));
  }, 120_000);

  it('tells namesakes apart in the table, the list of those not matched and the CSV', async () => {
    const profiles = generateDemoProfiles(users);
    const taken = JSON.stringify([...profiles.values()]);
    const executives = users.filter((u) => (profiles.get(u.id)?.[PROFILE_EXTENSION] as { wantsToLearn?: unknown } | undefined)?.wantsToLearn && !taken.includes(u.id));
    const first = executives[0]!;
    const second = executives.find((u) => u.id !== first.id && u.jobTitle !== first.jobTitle)!;
    const renamed: DemoUser[] = users.map((u) => (u.id === second.id ? { ...u, displayName: first.displayName } : u));
    const graph = tenantGraph(renamed, profiles);
    let csv: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => ((csv = blob as Blob), 'blob:csv'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    open(graph);
    await runMatching();

    const name = escape(first.displayName);
    const shown = document.body.textContent ?? '';
    const labels = new Set(shown.match(new RegExp(`${name} \\([^)]*\\)`, 'g')));
    expect(labels.size).toBe(2);
    expect(shown).not.toMatch(new RegExp(`${name}(?! \\()`));

    act(() => screen.getByRole('button', { name: 'Export CSV' }).click());
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(csv!);
    });
    expect([...labels].some((label) => text.includes(label))).toBe(true);
    expect(text).not.toMatch(new RegExp(`${name}(?! \\()`));
  }, 120_000);

  it('keeps a pin another tab saved when swapping', async () => {
    const graph = tenantGraph(users);
    open(graph);
    await runMatching();

    // Another tab of the same owner pins a pair this tab has not read.
    const other = new GraphClient({ identity: createDemoIdentity(priya), fetch: graph.fetch, sleep: () => Promise.resolve() });
    await decide(other, await openOwnerDecisions(other, { ownerGroupId: DEMO_OWNER_GROUP_ID, me: priya.id }), (d) => withPin(d, ['elsewhere-executive', 'elsewhere-mentor']));

    const boxes = () => screen.getAllByRole('checkbox');
    for (let i = 1; i < boxes().length && !screen.queryByText(/^Swapped and pinned/); i++) {
      act(() => boxes()[0]!.click());
      act(() => boxes()[i]!.click());
      act(() => screen.getByRole('button', { name: 'Swap mentors of the two selected' }).click());
      for (const box of boxes()) if ((box as HTMLInputElement).checked) act(() => box.click());
    }
    await screen.findByText(/^Swapped and pinned/);
    await waitFor(() => {
      const saved = savedDecisions(graph) as { pins: string[][] };
      expect(saved.pins).toHaveLength(3);
      expect(saved.pins).toContainEqual(['elsewhere-executive', 'elsewhere-mentor']);
    });
  }, 120_000);
});
