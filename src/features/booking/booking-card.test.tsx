// @vitest-environment jsdom
import { renderWithServices } from '@/demo/testing/render-with-services';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { BookingCard } from './booking-card';

afterEach(cleanup);

// Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const users = generateDemoTenant({ size: 300 });
const [margaret, , aisha] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, (typeof DEMO_PEOPLE)[number]];

/** Margaret and Aisha paired (she asked, Aisha accepted, with a time of her own when given), nothing booked yet. */
function paired(aishaSuggests?: string) {
  const extensions = new Map(generateDemoProfiles(users));
  const own = (id: string) => extensions.get(id)![PROFILE_EXTENSION]!;
  extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...own(margaret.id), asked: aisha.id } });
  const proposals = aishaSuggests ? { proposals: [{ with: margaret.id, start: aishaSuggests }] } : {};
  extensions.set(aisha.id, { [PROFILE_EXTENSION]: { ...own(aisha.id), accepted: [margaret.id], load: 1, ...proposals } });
  return new FakeGraph({ users, extensions, catalog: new Map([['app', 'Reverse mentoring']]) });
}

describe('the booking card', () => {
  it('asks before skipping a session, then says which one was skipped and when the next one is', async () => {
    const graph = paired();
    renderWithServices(<BookingCard />, graph, margaret);

    const times = await screen.findByRole('list', { name: 'Suggested times' }, { timeout: 60_000 });
    // The programme's length in the words the home and meeting cards use too.
    screen.getByText(/^Pick a recurring time: every 2 weeks, 45 minutes, for 6 months\./);
    fireEvent.click(within(times).getAllByRole('button')[0]!);
    fireEvent.click(await screen.findByRole('button', { name: 'Skip a session' }, { timeout: 60_000 }));
    const sessions = await screen.findByRole('list', { name: 'Next sessions' }, { timeout: 60_000 });
    const [first, second] = within(sessions).getAllByRole('button');
    const firstLabel = first!.getAttribute('aria-label')!;
    const secondDate = second!.getAttribute('aria-label')!.replace('Skip the session on ', '');
    fireEvent.click(first!);

    // Nothing is cancelled until the person says so; "Keep it" leaves the session alone.
    screen.getByText(/cannot be brought back/);
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByText(/cannot be brought back/)).toBeNull();
    expect(screen.getByRole('button', { name: firstLabel })).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: firstLabel }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, skip it' }));
    await screen.findByText(/^You skipped the session on/, undefined, { timeout: 60_000 });
    expect(screen.queryByRole('button', { name: firstLabel })).toBeNull();
    // The summary names the next real session, not the skipped first one.
    screen.getByText(new RegExp(`Next session: ${secondDate}\\.`));
  }, 120_000);

  it('when Margaret books the time Aisha suggested, Aisha is not asked to accept it again', async () => {
    const week = new Date(Date.now() + 7 * 86_400_000);
    week.setUTCHours(15, 0, 0, 0);
    const graph = paired(week.toISOString());
    renderWithServices(<BookingCard />, graph, margaret);
    fireEvent.click(await screen.findByRole('button', { name: 'Book this time' }, { timeout: 60_000 }));
    await screen.findByText('Waiting for Aisha Bello to accept the invitation.', undefined, { timeout: 60_000 });
    cleanup();

    renderWithServices(<BookingCard />, graph, aisha, { timeZone: 'Africa/Lagos' });
    await screen.findByText('Margaret Lindqvist agreed to the time you proposed; it is accepted in your calendar.', undefined, { timeout: 60_000 });
    expect(screen.queryByRole('button', { name: 'Accept the invitation' })).toBeNull();
    cleanup();

    renderWithServices(<BookingCard />, graph, margaret);
    await screen.findByText('Aisha Bello accepted the invitation.', undefined, { timeout: 60_000 });
  }, 120_000);
});
