// @vitest-environment jsdom
import { clientOf, renderWithServices } from '@/demo/testing/render-with-services';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { readProgrammeSettings, saveProgrammeSettings } from '@/application/programme/programme-settings';
import { PROGRAMME_LISTS } from '@/services/programme/programme-store';
import { ProgrammeSettingsForm } from './programme-settings-form';

afterEach(cleanup);

const users = generateDemoTenant({ size: 40 });
const priya = DEMO_PEOPLE[3]!;
/** What renderWithServices packages: a level gap of 1, the other rules as the package's defaults. */
const PACKAGED = { levelGap: 1, cadenceWeeks: 2, sessionMinutes: 45, durationMonths: 6, codeOfConduct: '', evaluation: '', rounds: [] };
const place = { ownerGroupId: DEMO_OWNER_GROUP_ID, me: priya.id };

function tenantGraph() {
  const graph = new FakeGraph({ users, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
  graph.waitFor(seedDemoProgrammeStore(graph, new Map()));
  return graph;
}
const open = (graph: FakeGraph) => renderWithServices(<ProgrammeSettingsForm />, graph, priya, { programmeOwner: true, programme: false });
const field = (name: string) => screen.getByRole('spinbutton', { name: new RegExp(`^${name}`) });
const codeOfConduct = () => screen.getByRole('textbox', { name: /Code of conduct/ });
const save = () => screen.getByRole('button', { name: 'Save settings' });
/** Waits until the store's settings are read (Save needs the entry's ETag). */
const settled = () => waitFor(() => expect(screen.queryByText('Reading the programme settings…')).toBeNull());
const storedSettings = (graph: FakeGraph) => {
  const items = graph.lists.snapshot()[0]?.lists.find((l) => l.displayName === PROGRAMME_LISTS.settings)?.items ?? [];
  // The owners' keys for sealed pair records are entries of their own there (pair-records.ts).
  return items.filter((item) => item.fields.Title !== 'owner key').map((item) => JSON.parse(String(item.fields.Data)) as Record<string, unknown>);
};

describe('the programme settings form', () => {
  it('shows the packaged values at once, then the owners’, with each range and the packaged value', async () => {
    const graph = tenantGraph();
    await saveProgrammeSettings(clientOf(graph, priya), place, { ...PACKAGED, cadenceWeeks: 3 }, PACKAGED, undefined);
    open(graph);
    expect(field('Weeks between sessions')).toHaveProperty('value', '2');
    await waitFor(() => expect(field('Weeks between sessions')).toHaveProperty('value', '3'));
    expect(screen.getByText(/How often a pair meets\. 1 to 8; packaged: 2\./)).toBeDefined();
    expect(screen.getByText(/Existing pairs keep their booked series/)).toBeDefined();
    expect(screen.queryByText(/\byou\b/i)).toBeNull();
  });

  it('starts the first round, says where its days do not make sense, and saves it for everyone', async () => {
    const graph = tenantGraph();
    open(graph);
    await settled();
    fireEvent.click(screen.getByRole('button', { name: 'Start the first round' }));
    const round = screen.getByRole('listitem', { name: 'Round 1' });
    const today = new Date().toISOString().slice(0, 10);
    expect(within(round).getByLabelText('First day')).toHaveProperty('value', today);
    const closes = within(round).getByLabelText('Matching closes');
    const matchUntil = (closes as HTMLInputElement).value;
    fireEvent.change(closes, { target: { value: '2099-01-01' } });
    expect(screen.getByText('Round 1: matching must close on or after its first day and on or before its last.')).toBeDefined();
    expect(save()).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Open the next round' })).toHaveProperty('disabled', true);
    fireEvent.change(closes, { target: { value: matchUntil } });
    // A day cleared while typing is said wrong where it is typed; the round stays to edit.
    const last = within(round).getByLabelText('Last day') as HTMLInputElement;
    const end = last.value;
    fireEvent.change(last, { target: { value: '' } });
    expect(screen.getByText('Round 1: each of its days must be a date.')).toBeDefined();
    fireEvent.change(within(screen.getByRole('listitem', { name: 'Round 1' })).getByLabelText('Last day'), { target: { value: end } });
    fireEvent.change(within(round).getByLabelText('Name'), { target: { value: 'Spring cohort' } });
    fireEvent.click(save());
    await screen.findByText(/^Saved\./);
    expect(storedSettings(graph)).toEqual([{ rounds: [expect.objectContaining({ name: 'Spring cohort', start: today, matchUntil, targetSessions: 6 })] }]);
  });

  it('counts the code of conduct’s characters as they are typed and stops at 1,000', async () => {
    open(tenantGraph());
    await settled();
    expect(screen.getByText('0 of 1,000 characters')).toBeDefined();
    fireEvent.change(codeOfConduct(), { target: { value: 'Be kind.' } });
    expect(screen.getByText('8 of 1,000 characters')).toBeDefined();
    expect(codeOfConduct().getAttribute('maxlength')).toBe('1000');
    // A paste past the limit keeps the first 1,000 characters.
    fireEvent.change(codeOfConduct(), { target: { value: 'x'.repeat(1200) } });
    expect(codeOfConduct()).toHaveProperty('value', 'x'.repeat(1000));
    expect(screen.getByText('1,000 of 1,000 characters')).toBeDefined();
  });

  it('counts the evaluation’s statements and their length as they are typed, says what is too many or too long, and saves them', async () => {
    const graph = tenantGraph();
    open(graph);
    await settled();
    const evaluation = screen.getByRole('textbox', { name: /Evaluation statements/ });
    expect(screen.getByText('0 of 5 statements; the longest 0 of 140 characters')).toBeDefined();
    fireEvent.change(evaluation, { target: { value: Array.from({ length: 6 }, (_, i) => `Statement ${i + 1}`).join('\n') } });
    expect(screen.getByText('6 of 5 statements; the longest 11 of 140 characters')).toBeDefined();
    expect(screen.getByText('The evaluation has at most 5 statements, one per line.')).toBeDefined();
    expect(save()).toHaveProperty('disabled', true);
    fireEvent.change(evaluation, { target: { value: `I learnt something new.\n${'y'.repeat(141)}` } });
    expect(screen.getByText('Each evaluation statement must be at most 140 characters.')).toBeDefined();
    fireEvent.change(evaluation, { target: { value: 'I learnt something new.\nI would do it again.' } });
    expect(save()).toHaveProperty('disabled', false);
    fireEvent.click(save());
    await waitFor(() => expect(storedSettings(graph)).toEqual([{ evaluation: 'I learnt something new.\nI would do it again.' }]));
  });

  it('says a value out of range is wrong where it is typed, and does not let it be saved', async () => {
    const graph = tenantGraph();
    open(graph);
    await settled();
    fireEvent.change(field('Level gap'), { target: { value: '7' } });
    expect(screen.getByText('Level gap must be a whole number from 1 to 6.')).toBeDefined();
    expect(save()).toHaveProperty('disabled', true);
    fireEvent.change(field('Level gap'), { target: { value: '3' } });
    expect(screen.queryByText(/Level gap must be/)).toBeNull();
    expect(save()).toHaveProperty('disabled', false);
    expect(storedSettings(graph)).toEqual([]);
  });

  it('saves what differs from the package for everyone, and Cancel puts the form back', async () => {
    const graph = tenantGraph();
    open(graph);
    await settled();
    expect(save()).toHaveProperty('disabled', true);
    fireEvent.change(field('Session length'), { target: { value: '60' } });
    act(() => screen.getByRole('button', { name: 'Cancel' }).click());
    expect(field('Session length')).toHaveProperty('value', '45');

    fireEvent.change(field('Session length'), { target: { value: '60' } });
    fireEvent.change(codeOfConduct(), { target: { value: 'What is said here stays here.' } });
    act(() => save().click());
    await screen.findByText(/^Saved\. New suggestions and bookings follow these settings\./);
    expect(storedSettings(graph)).toEqual([{ sessionMinutes: 60, codeOfConduct: 'What is said here stays here.' }]);
    expect((await readProgrammeSettings(clientOf(graph, DEMO_PEOPLE[0]!), place, PACKAGED)).rules).toMatchObject({ sessionMinutes: 60 });
    expect(field('Session length')).toHaveProperty('value', '60');
  });

  it('shows another owner’s newer settings and says so, never overwriting them', async () => {
    const graph = tenantGraph();
    const first = await saveProgrammeSettings(clientOf(graph, priya), place, { ...PACKAGED, cadenceWeeks: 3 }, PACKAGED, undefined);
    open(graph);
    await waitFor(() => expect(field('Weeks between sessions')).toHaveProperty('value', '3'));
    // Another owner (here Priya's other tab) saves in between.
    await saveProgrammeSettings(clientOf(graph, priya), place, { ...PACKAGED, cadenceWeeks: 4 }, PACKAGED, first.entry);

    fireEvent.change(field('Session length'), { target: { value: '30' } });
    act(() => save().click());
    await screen.findByText(/Another programme owner changed the settings after this form was opened/);
    expect(field('Weeks between sessions')).toHaveProperty('value', '4');
    expect(field('Session length')).toHaveProperty('value', '45');
    expect(storedSettings(graph)).toEqual([{ cadenceWeeks: 4 }]);
  });
});
