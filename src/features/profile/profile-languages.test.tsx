// @vitest-environment jsdom
import { renderWithServices } from '@/demo/testing/render-with-services';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { DEMO_GROUPS, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { ProfileCard } from './profile-card';

afterEach(cleanup);

const users = generateDemoTenant({ size: 300 });
const [margaret] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number]];

/** Margaret's profile card on the demo tenant with these profiles (and its programme store); returns what she writes. */
function openCard(extensions: ReturnType<typeof generateDemoProfiles>): Record<string, unknown>[] {
  const written: Record<string, unknown>[] = [];
  const graph = new FakeGraph({
    users,
    extensions,
    groups: DEMO_GROUPS,
    siteGrants: DEMO_SITE_GRANTS,
    onExtensionChange: (_user, _name, properties) => void (properties && written.push(properties)),
  });
  graph.waitFor(seedDemoProgrammeStore(graph, extensions));
  renderWithServices(<ProfileCard />, graph, margaret);
  return written;
}

describe('the profile form’s languages', () => {
  it('offers real languages by name, and keeps stored free text visible as not recognised until removed', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...extensions.get(margaret.id)![PROFILE_EXTENSION], languages: ['en', 'pt-BR', 'Spanglish'] } });
    const written = openCard(extensions);

    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }, { timeout: 60_000 }));
    const chosen = await screen.findByLabelText('Languages chosen', undefined, { timeout: 10_000 });
    within(chosen).getByText('English');
    within(chosen).getByText('Portuguese');
    const unrecognised = screen.getByRole('list', { name: 'Not recognised as languages' });
    within(unrecognised).getByText('“Spanglish”: not recognised');
    expect(screen.queryByRole('textbox', { name: /Language codes/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Remove “Spanglish”' }));
    expect(screen.queryByRole('list', { name: 'Not recognised as languages' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(written).not.toEqual([]), { timeout: 10_000 });
    expect(written.at(-1)?.languages).toEqual(['en', 'pt']);
  }, 120_000);

  it('starts a new profile with the person’s own language, and finds a language by its name', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    extensions.delete(margaret.id);
    const written = openCard(extensions);

    fireEvent.click(await screen.findByRole('button', { name: 'Opt in' }, { timeout: 60_000 }));
    const chosen = await screen.findByLabelText('Languages chosen', undefined, { timeout: 10_000 });
    within(chosen).getByText('English');
    fireEvent.click(screen.getByRole('checkbox', { name: 'I would like a reverse mentor' }));
    const input = screen.getByRole('combobox', { name: /Languages you can mentor/ });
    act(() => {
      fireEvent.change(input, { target: { value: 'yor' } });
    });
    act(() => {
      fireEvent.keyDown(input, { key: 'ArrowDown' });
    });
    fireEvent.click(await screen.findByRole('menuitemcheckbox', { name: /Yoruba/ }));
    within(chosen).getByText('Yoruba');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(written).not.toEqual([]), { timeout: 10_000 });
    expect(written.at(-1)?.languages).toEqual(expect.arrayContaining(['en', 'yo']));
  }, 120_000);
});
