// @vitest-environment jsdom
import { renderWithServices } from '@/demo/testing/render-with-services';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { clientOf } from '@/demo/testing/render-with-services';
import { openProgrammeStore, readParticipants } from '@/services/programme/programme-store';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { openParticipants } from '@/application/programme/open-records';
import { ProfileCard } from './profile-card';

afterEach(cleanup);

// Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const users = generateDemoTenant({ size: 300 });
const [margaret, , aisha] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, (typeof DEMO_PEOPLE)[number]];

describe('the profile card', () => {
  it('opting out offers Undo, which stores the whole profile again, the request to pair included', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    const before = { ...extensions.get(margaret.id)![PROFILE_EXTENSION]!, asked: aisha.id };
    extensions.set(margaret.id, { [PROFILE_EXTENSION]: before });
    const stored = new Map<string, Record<string, unknown> | undefined>();
    const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS, onExtensionChange: (id, _name, properties) => stored.set(id, properties) });
    graph.waitFor(seedDemoProgrammeStore(graph, extensions));
    renderWithServices(<ProfileCard />, graph, margaret);

    fireEvent.click(await screen.findByRole('button', { name: 'Opt out' }, { timeout: 60_000 }));
    await screen.findByText(/^You opted out/, undefined, { timeout: 60_000 });
    expect(stored.get(margaret.id)).toBeUndefined();
    expect(stored.has(margaret.id)).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByRole('button', { name: 'Opt out' }, { timeout: 60_000 });
    expect(screen.queryByText(/^You opted out/)).toBeNull();
    // What she published is back in her extension; whom she asked is back in her entry, sealed (the store keeps it, not the extension).
    const { asked, load, ...published } = before as Record<string, unknown>;
    expect(stored.get(margaret.id)).toEqual(published);
    const entries = (await readParticipants(await openProgrammeStore(clientOf(graph, margaret), DEMO_OWNER_GROUP_ID))).participants.filter((p) => p.personId === margaret.id);
    expect(JSON.stringify(entries)).not.toContain(String(asked));
    const [entry] = await openParticipants(clientOf(graph, margaret), margaret.id, entries);
    expect(entry?.profile).toMatchObject({ asked, load });
  }, 120_000);

  it('keeps every character typed past the limit, says by how much it is over where it is typed, and saves once it fits', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    const stored = new Map<string, Record<string, unknown> | undefined>();
    const graph = new FakeGraph({ users, extensions, onExtensionChange: (id, _name, properties) => stored.set(id, properties) });
    renderWithServices(<ProfileCard />, graph, margaret);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }, { timeout: 60_000 }));

    const hope = (await screen.findByRole('textbox', { name: /What do you hope to get from the programme/ }, { timeout: 60_000 })) as HTMLTextAreaElement;
    const long = `${'To learn how our youngest customers choose, '.repeat(5)}and more.`;
    fireEvent.change(hope, { target: { value: long } });
    expect(hope.value).toBe(long);
    screen.getByText(`${long.length} of 200 characters: shorten it by ${long.length - 200} to save.`);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(hope, { target: { value: long.slice(0, 200) } });
    screen.getByText('200 of 200 characters. Shown to the reverse mentors you ask and to yours.');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Edit' }, { timeout: 60_000 });
    expect(stored.get(margaret.id)).toMatchObject({ hope: long.slice(0, 200) });
  }, 120_000);

  it('pauses until a day it checks where it is typed, says so on the card, keeps it where the programme reads it, and resumes', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
    graph.waitFor(seedDemoProgrammeStore(graph, extensions));
    renderWithServices(<ProfileCard />, graph, margaret);
    const entry = async () =>
      (await readParticipants(await openProgrammeStore(clientOf(graph, margaret), DEMO_OWNER_GROUP_ID))).participants.find((p) => p.personId === margaret.id)?.profile;

    fireEvent.click(await screen.findByRole('button', { name: 'Pause' }, { timeout: 60_000 }));
    const day = (await screen.findByLabelText('Back on')) as HTMLInputElement;
    const today = new Date().toISOString().slice(0, 10);
    fireEvent.change(day, { target: { value: today } });
    screen.getByText('Choose a day after today.');
    expect((screen.getByRole('button', { name: 'Pause until then' }) as HTMLButtonElement).disabled).toBe(true);

    const back = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    fireEvent.change(day, { target: { value: back } });
    fireEvent.click(screen.getByRole('button', { name: 'Pause until then' }));
    await screen.findByText(/^You have paused taking part until/, undefined, { timeout: 60_000 });
    expect(await entry()).toMatchObject({ pausedUntil: back });

    fireEvent.click(screen.getByRole('button', { name: 'Resume now' }));
    await screen.findByRole('button', { name: 'Pause' }, { timeout: 60_000 });
    expect(await entry()).not.toHaveProperty('pausedUntil');
  }, 120_000);
});
