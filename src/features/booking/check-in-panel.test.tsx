// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { clientOf, renderWithServices } from '@/demo/testing/render-with-services';
import { everyRecord } from '@/application/programme/check-ins';
import { OWN_EVALUATION } from '@/application/programme/evaluation-statements';
import { openProgrammeStore } from '@/services/programme/programme-store';
import type { BookingRecord } from '@/domain/booking/pair-schedule';
import { AfterSessions } from './check-in-panel';
import { useCheckIns } from './use-check-ins';

afterEach(cleanup);
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const users = generateDemoTenant({ size: 200 });
const [margaret, diego, , priya] = DEMO_PEOPLE as unknown as [(typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number], unknown, (typeof DEMO_PEOPLE)[number]];
const NOW = Date.parse('2026-11-24T09:00:00Z');
const booking: BookingRecord = {
  with: diego.id,
  start: '2026-11-09T15:00:00Z',
  zone: 'Europe/London',
  everyWeeks: 2,
  weeks: 26,
  minutes: 45,
  uid: 'uid',
  workspace: 'https://x.example/w',
};
const person = (p: (typeof DEMO_PEOPLE)[number]) => ({ id: p.id, displayName: p.displayName, address: p.userPrincipalName ?? p.id, zone: 'Europe/London' });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

/** Diego's pairing with Margaret, with his records read as the booking card reads them. */
function Pairing() {
  return <AfterSessions booking={booking} me={person(diego)} partner={person(margaret)} records={useCheckIns()} />;
}

async function tenant() {
  const extensions = generateDemoProfiles(users);
  const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
  graph.waitFor(seedDemoProgrammeStore(graph, extensions));
  return graph;
}

describe('the check-in after a session', () => {
  it('asks for the evaluation at the start once, with the programme’s statements, and keeps it for the owners', async () => {
    const graph = await tenant();
    renderWithServices(<Pairing />, graph, diego);
    const form = await screen.findByRole('group', { name: 'Evaluation at the start' }, { timeout: 30_000 });
    const save = within(form).getByRole('button', { name: 'Save evaluation' });
    const statements = OWN_EVALUATION.map((statement) => within(form).getByRole('group', { name: statement }));
    fireEvent.click(within(within(form).getByRole('group', { name: 'How far along are you with your own goals?' })).getByRole('button', { name: '2 of 5' }));
    for (const statement of statements.slice(1)) fireEvent.click(within(statement).getByRole('button', { name: '4 of 5' }));
    // Every line is rated before it saves.
    expect((save as HTMLButtonElement).disabled).toBe(true);
    within(form).getByText('Rate each line to save.');
    fireEvent.click(within(statements[0]!).getByRole('button', { name: '5 of 5' }));
    expect((save as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Evaluation at the start' })).toBeNull(), { timeout: 30_000 });
    const owner = await everyRecord(await openProgrammeStore(clientOf(graph, priya), DEMO_OWNER_GROUP_ID));
    expect(owner.evaluations).toMatchObject([
      { by: diego.id, with: margaret.id, stage: 'start', goals: 2, answers: OWN_EVALUATION.map((statement, i) => ({ statement, value: i === 0 ? 5 : 4 })) },
    ]);
  });

  it('asks about the latest session, counts the line to the owners as it is typed, refuses one too long, and saves for the owners only', async () => {
    const graph = await tenant();
    renderWithServices(<Pairing />, graph, diego);
    const panel = await screen.findByRole('group', { name: 'Check in for the session on 23 Nov 2026' }, { timeout: 30_000 });
    within(panel).getByText(/Margaret Lindqvist does not\./);
    const save = within(panel).getByRole('button', { name: 'Save check-in' });
    expect((save as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(panel).getByRole('button', { name: 'We met' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Useful: 4 of 5' }));
    const line = within(panel).getByRole('textbox', { name: /A line to the programme owners/ });
    fireEvent.change(line, { target: { value: 'x'.repeat(281) } });
    within(panel).getByText(/^281 \/ 280 characters\./);
    within(panel).getByText('Shorten it to 280 characters to save.');
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(line, { target: { value: 'A good start.' } });
    within(panel).getByText(/^13 \/ 280 characters\./);
    fireEvent.click(save);

    await screen.findByText('Thank you: you checked in for the session on 23 Nov 2026 (you met, useful 4 of 5).', undefined, { timeout: 30_000 });
    const owner = await everyRecord(await openProgrammeStore(clientOf(graph, priya), DEMO_OWNER_GROUP_ID));
    expect(owner.checkIns).toMatchObject([{ by: diego.id, with: margaret.id, session: '2026-11-23', outcome: 'held', pulse: 4, note: 'A good start.' }]);

    // Changing it shows what was recorded, and records again.
    fireEvent.click(screen.getByRole('button', { name: 'Change' }));
    const again = await screen.findByRole('group', { name: 'Check in for the session on 23 Nov 2026' });
    expect((within(again).getByRole('textbox', { name: /A line to the programme owners/ }) as HTMLTextAreaElement).value).toBe('A good start.');
    fireEvent.click(within(again).getByRole('button', { name: 'It was cancelled' }));
    fireEvent.click(within(again).getByRole('radio', { name: 'I did' }));
    fireEvent.click(within(again).getByRole('button', { name: 'Save check-in' }));
    await screen.findByText('Thank you: you checked in for the session on 23 Nov 2026 (it was cancelled).', undefined, { timeout: 30_000 });
    const later = await everyRecord(await openProgrammeStore(clientOf(graph, priya), DEMO_OWNER_GROUP_ID));
    expect(later.checkIns.at(-1)).toMatchObject({ outcome: 'cancelled', cancelledBy: diego.id });
    expect(later.checkIns.at(-1)).not.toHaveProperty('pulse');
  });
});
