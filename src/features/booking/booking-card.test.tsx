// @vitest-environment jsdom
import { renderWithServices } from '@/demo/testing/render-with-services';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { clientOf } from '@/demo/testing/render-with-services';
import { saveProgrammeSettings } from '@/application/programme/programme-settings';
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
function paired(aishaSuggests?: string, withStore = false) {
  const extensions = new Map(generateDemoProfiles(users));
  const own = (id: string) => extensions.get(id)![PROFILE_EXTENSION]!;
  extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...own(margaret.id), asked: aisha.id } });
  const proposals = aishaSuggests ? { proposals: [{ with: margaret.id, start: aishaSuggests }] } : {};
  extensions.set(aisha.id, { [PROFILE_EXTENSION]: { ...own(aisha.id), accepted: [margaret.id], load: 1, ...proposals } });
  const store = withStore ? { groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS } : {};
  const graph = new FakeGraph({ users, extensions, catalog: new Map([['app', 'Reverse mentoring']]), ...store });
  if (withStore) graph.waitFor(seedDemoProgrammeStore(graph, extensions));
  return graph;
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

  it('books at the rhythm and with the code of conduct the programme owners set', async () => {
    const graph = paired(undefined, true);
    const priya = DEMO_PEOPLE[3]!;
    const packaged = { levelGap: 1, cadenceWeeks: 2, sessionMinutes: 45, durationMonths: 6, codeOfConduct: '', evaluation: '', rounds: [] };
    const owners = { ...packaged, cadenceWeeks: 3, sessionMinutes: 60, codeOfConduct: 'What is said here stays here.' };
    await saveProgrammeSettings(clientOf(graph, priya), { ownerGroupId: DEMO_OWNER_GROUP_ID, me: priya.id }, owners, packaged, undefined);
    renderWithServices(<BookingCard />, graph, margaret);

    // The owners' rhythm is read before the times are searched for with it.
    await screen.findByText(/^Pick a recurring time: every 3 weeks, 60 minutes, for 6 months\./, undefined, { timeout: 60_000 });
    const times = await screen.findByRole('list', { name: 'Suggested times' }, { timeout: 60_000 });
    fireEvent.click(within(times).getAllByRole('button')[0]!);
    await screen.findByRole('button', { name: 'Skip a session' }, { timeout: 60_000 });
    const { events, files } = graph.state();
    const series = events.find((e) => e.ownerId === margaret.id && e.recurrence);
    expect(series?.recurrence).toMatchObject({ pattern: { interval: 3 } });
    expect(Date.parse(series!.end.dateTime) - Date.parse(series!.start.dateTime)).toBe(60 * 60_000);
    expect(files.find((f) => f.ownerId === margaret.id && !f.path.startsWith('Apps/'))?.content).toContain('What is said here stays here.');
  }, 120_000);

  it('counts a skipped session for the programme; a reverse mentor leaves with a reason for the owners, and the executive is asked to end the series', async () => {
    const graph = paired(undefined, true);
    const listItems = (name: string) => graph.lists.snapshot()[0]?.lists.find((l) => l.displayName === name)?.items ?? [];
    renderWithServices(<BookingCard />, graph, margaret);
    const times = await screen.findByRole('list', { name: 'Suggested times' }, { timeout: 60_000 });
    fireEvent.click(within(times).getAllByRole('button')[0]!);
    fireEvent.click(await screen.findByRole('button', { name: 'Skip a session' }, { timeout: 60_000 }));
    const sessions = await screen.findByRole('list', { name: 'Next sessions' }, { timeout: 60_000 });
    fireEvent.click(within(sessions).getAllByRole('button')[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, skip it' }));
    await screen.findByText(/^You skipped the session on/, undefined, { timeout: 60_000 });
    // The skip is Margaret's check-in for that session: who and when in the clear, what sealed.
    await waitFor(() => expect(listItems('Programme check-ins').filter((i) => i.fields.PersonId === margaret.id)).toHaveLength(1));
    cleanup();

    renderWithServices(<BookingCard />, graph, aisha, { timeZone: 'Africa/Lagos' });
    const leave = (await screen.findByRole('button', { name: 'Leave the pairing' }, { timeout: 60_000 })) as HTMLButtonElement;
    // Not before Aisha's copy of the series is found: leaving declines it.
    await waitFor(() => expect(leave.disabled).toBe(false), { timeout: 60_000 });
    fireEvent.click(leave);
    const asked = screen.getByRole('group', { name: 'Leave your pairing with Margaret Lindqvist?' });
    fireEvent.change(within(asked).getByRole('textbox'), { target: { value: 'I am changing teams.' } });
    fireEvent.click(within(asked).getByRole('button', { name: 'Yes, leave the pairing' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Leave the pairing' })).toBeNull(), { timeout: 60_000 });
    // Margaret's calendar hears that Aisha declined the series.
    const organisers = graph.calendars.eventsOf(margaret.id).filter((e) => e.recurrence);
    expect(organisers.map((e) => e.attendees[0]!.status.response)).toEqual(['declined']);
    expect(listItems('Programme check-ins').filter((i) => i.fields.PersonId === aisha.id)).toHaveLength(1);
    expect(JSON.stringify(listItems('Programme check-ins'))).not.toContain('changing teams');
    cleanup();

    renderWithServices(<BookingCard />, graph, margaret);
    await screen.findByText(/^Aisha Bello has left the pairing\./, undefined, { timeout: 60_000 });
    expect(screen.getByRole('button', { name: 'End the pairing' })).toBeDefined();
  }, 120_000);

  it('offers a new time when no session has been recorded for twice the rhythm', async () => {
    const graph = paired(undefined, true);
    renderWithServices(<BookingCard />, graph, margaret);
    const times = await screen.findByRole('list', { name: 'Suggested times' }, { timeout: 60_000 });
    fireEvent.click(within(times).getAllByRole('button')[0]!);
    await screen.findByRole('button', { name: 'Skip a session' }, { timeout: 60_000 });
    expect(screen.queryByText(/has been recorded for a while/)).toBeNull();
    cleanup();

    // Seven weeks on, nothing recorded: the card says so and offers the times that suit both.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 7 * 7 * 86_400_000);
      renderWithServices(<BookingCard />, graph, margaret);
      await screen.findByText(/^No session with Aisha Bello has been recorded for a while\./, undefined, { timeout: 60_000 });
      fireEvent.click(screen.getByRole('button', { name: 'Pick a new time' }));
      await screen.findByRole('list', { name: 'Suggested times' }, { timeout: 60_000 });
    } finally {
      vi.useRealTimers();
    }
  }, 120_000);
});
