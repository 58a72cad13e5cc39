// @vitest-environment jsdom
import { renderWithServices } from '@/demo/testing/render-with-services';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { RequestsCard } from './requests-card';

afterEach(cleanup);

const users = generateDemoTenant({ size: 300 });
const [margaret, , aisha] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, (typeof DEMO_PEOPLE)[number]];

function open(graph: FakeGraph) {
  renderWithServices(<RequestsCard />, graph, aisha, { timeZone: 'Africa/Lagos' });
}

describe('the requests card', () => {
  it('shows the reverse mentor what the executive wants to learn, in their own words too', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...extensions.get(margaret.id)![PROFILE_EXTENSION], asked: aisha.id } });
    open(new FakeGraph({ users, extensions }));

    const requests = await screen.findByRole('list', { name: 'Requests waiting for your answer' }, { timeout: 60_000 });
    const request = within(requests).getByRole('listitem');
    within(request).getByText('Margaret Lindqvist');
    within(request).getByText('Wants to learn about generative AI, social media and younger customers.');
    within(request).getByText(/^In their words: “I want to use AI tools myself/);
    expect(within(request).getByRole('button', { name: 'Accept Margaret Lindqvist' })).toBeDefined();
  }, 120_000);

  it('once Margaret’s pairing with Aisha ended, Aisha mentors nobody and can accept someone new', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    const own = (id: string) => extensions.get(id)![PROFILE_EXTENSION]!;
    const ended = {
      with: aisha.id,
      start: '2026-10-05T09:00:00.000Z',
      zone: 'Europe/Stockholm',
      everyWeeks: 2,
      weeks: 26,
      minutes: 45,
      uid: 'uid-1',
      workspace: 'https://contoso-my.sharepoint.com/personal/x/Documents/pair.json',
      ended: '2026-11-20',
    };
    extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...own(margaret.id), asked: aisha.id, bookings: [ended] } });
    extensions.set(aisha.id, { [PROFILE_EXTENSION]: { ...own(aisha.id), accepted: [margaret.id], load: 1 } });
    // Someone else asks Aisha.
    const [next] = [...extensions].find(([id, e]) => id !== margaret.id && (e[PROFILE_EXTENSION] as { wantsToLearn?: unknown }).wantsToLearn)!;
    extensions.set(next, { [PROFILE_EXTENSION]: { ...own(next), asked: aisha.id } });
    open(new FakeGraph({ users, extensions }));

    const requests = await screen.findByRole('list', { name: 'Requests waiting for your answer' }, { timeout: 60_000 });
    const accept = within(requests).getByRole('button', { name: /^Accept / });
    expect(accept.hasAttribute('disabled')).toBe(false);
    expect(within(requests).queryByRole('button', { name: 'Accept Margaret Lindqvist' })).toBeNull();
    expect(screen.queryByText(/You mentor/)).toBeNull();
    expect(screen.queryByText(/at your capacity/)).toBeNull();
  }, 120_000);

  it('a mentor at capacity is not told that executives can ask them', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    const own = (id: string) => extensions.get(id)![PROFILE_EXTENSION]!;
    extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...own(margaret.id), asked: aisha.id } });
    extensions.set(aisha.id, { [PROFILE_EXTENSION]: { ...own(aisha.id), mentor: { capacity: 1, canTeach: [] }, accepted: [margaret.id], load: 1 } });
    open(new FakeGraph({ users, extensions }));

    await screen.findByText(/You mentor Margaret Lindqvist \(1 of 1\)/, undefined, { timeout: 60_000 });
    expect(screen.queryByText(/can ask you/)).toBeNull();
    screen.getByText('No requests waiting for you. You are at your capacity of 1, so executives are not offered you; raise it in your profile to mentor more.');
  }, 120_000);
});
