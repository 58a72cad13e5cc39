// @vitest-environment jsdom
import { renderWithServices } from '@/demo/testing/render-with-services';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { manualRefresh } from '@/demo/testing/manual-refresh';
import { clientOf } from '@/demo/testing/render-with-services';
import { TeamsNotice } from '@/components/teams-notice';
import { readMyProfile } from '@/services/profile/profile-store';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { RequestsCard } from './requests-card';
import { bookingRecord } from '@/demo/testing/booking-record';

afterEach(cleanup);

const users = generateDemoTenant({ size: 300 });
const [margaret, , aisha] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, (typeof DEMO_PEOPLE)[number]];

function open(graph: FakeGraph) {
  renderWithServices(<RequestsCard />, graph, aisha, { timeZone: 'Africa/Lagos' });
}

describe('the requests card', () => {
  it('shows the reverse mentor what the executive wants to learn, in their own words too, and what they hope from it', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...extensions.get(margaret.id)![PROFILE_EXTENSION], asked: aisha.id } });
    open(new FakeGraph({ users, extensions }));

    const requests = await screen.findByRole('list', { name: 'Requests waiting for your answer' }, { timeout: 60_000 });
    const request = within(requests).getByRole('listitem');
    within(request).getByText('Margaret Lindqvist');
    within(request).getByText('Wants to learn about generative AI, social media and younger customers.');
    within(request).getByText('In their words');
    within(request).getByText(/^“I want to use AI tools myself/);
    within(request).getByText('What they hope to get from the programme');
    within(request).getByText(/^“To stop nodding along in AI discussions/);
    expect(within(request).getByRole('button', { name: 'Accept Margaret Lindqvist' })).toBeDefined();
  }, 120_000);

  it('once Margaret’s pairing with Aisha ended, Aisha mentors nobody and can accept someone new', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    const own = (id: string) => extensions.get(id)![PROFILE_EXTENSION]!;
    const ended = bookingRecord({ with: aisha.id, ended: '2026-11-20' });
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

describe('the requests card, told in Teams and kept fresh', () => {
  it('has no button to check: a new request shows on its own while the tab is shown, not while hidden, and at once when shown again', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    const graph = new FakeGraph({ users, extensions });
    const refresh = manualRefresh();
    renderWithServices(<RequestsCard />, graph, aisha, { timeZone: 'Africa/Lagos', refresh: refresh.schedule });
    await screen.findByText('No requests waiting for you. Executives who fit your profile can ask you.', undefined, { timeout: 60_000 });
    expect(screen.queryByRole('button', { name: /Check for new requests/ })).toBeNull();
    // The interval starts once the profiles are all read (the text may show from an earlier stage).
    await waitFor(() => expect(refresh.running()).toBe(true), { timeout: 60_000 });

    // Margaret asks while Aisha's tab is hidden: nothing is read until it is shown again.
    refresh.show(false);
    expect(refresh.running()).toBe(false);
    graph.replaceExtensions(margaret.id, { [PROFILE_EXTENSION]: { ...extensions.get(margaret.id)![PROFILE_EXTENSION], asked: aisha.id } });
    const read = graph.stats.httpRequests;
    refresh.tick();
    expect(graph.stats.httpRequests).toBe(read);
    refresh.show(true);
    const requests = await screen.findByRole('list', { name: 'Requests waiting for your answer' }, { timeout: 60_000 });
    within(requests).getByText('Margaret Lindqvist');

    // Withdrawn later: the next tick shows it, and the card never went away while it read.
    graph.replaceExtensions(margaret.id, { [PROFILE_EXTENSION]: { ...extensions.get(margaret.id)![PROFILE_EXTENSION] } });
    act(() => refresh.tick());
    screen.getByRole('heading', { name: 'Requests to pair' });
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Requests waiting for your answer' })).toBeNull(), { timeout: 60_000 });
  }, 120_000);

  it('an answer Teams will not pass on is still saved, the executive told nothing, and the tab says so once, quietly', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...extensions.get(margaret.id)![PROFILE_EXTENSION], asked: aisha.id } });
    const graph = new FakeGraph({ users, extensions, faults: { activityFeedDenied: true } });
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    renderWithServices(
      <>
        <TeamsNotice />
        <RequestsCard />
      </>,
      graph,
      aisha,
      { timeZone: 'Africa/Lagos', subPageId: 'requests' },
    );
    const requests = await screen.findByRole('list', { name: 'Requests waiting for your answer' }, { timeout: 60_000 });
    // Opened from the notification: the card is brought into view.
    await waitFor(() => expect(scrolled.map((e) => e.getAttribute('data-place'))).toEqual(['requests']));

    within(requests).getByRole('button', { name: 'Accept Margaret Lindqvist' }).click();
    await screen.findByText(/You mentor Margaret Lindqvist/, undefined, { timeout: 60_000 });
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toMatch(/^People are not told in Teams/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(graph.activityFeed.sent()).toEqual([]);
    const saved = await readMyProfile(clientOf(graph, aisha), aisha.id);
    expect(saved && !('damaged' in saved) && saved.accepted).toEqual([margaret.id]);
    expect(screen.getAllByRole('status')).toHaveLength(1);
  }, 120_000);

  it('an answer tells the executive in Teams, with a link that opens their card', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...extensions.get(margaret.id)![PROFILE_EXTENSION], asked: aisha.id } });
    const graph = new FakeGraph({ users, extensions });
    renderWithServices(<RequestsCard />, graph, aisha, { timeZone: 'Africa/Lagos', teamsApp: { teamsAppId: 'app-id', origin: 'https://mentoring.example' } });
    const requests = await screen.findByRole('list', { name: 'Requests waiting for your answer' }, { timeout: 60_000 });
    within(requests).getByRole('button', { name: 'Decline Margaret Lindqvist' }).click();
    await waitFor(() => expect(graph.activityFeed.sent()).toHaveLength(1), { timeout: 60_000 });
    expect(graph.activityFeed.sent()[0]).toMatchObject({ senderId: aisha.id, recipientId: margaret.id, activityType: 'requestDeclined' });
    expect(graph.activityFeed.sent()[0]!.topic.webUrl).toBe(`https://teams.microsoft.com/l/entity/app-id/home?context=${encodeURIComponent('{"subEntityId":"suggestions"}')}`);
  }, 120_000);

  it('a tick while the profiles are still being read waits for that read rather than starting again', async () => {
    const extensions = new Map(generateDemoProfiles(users));
    const graph = new FakeGraph({ users, extensions });
    const refresh = manualRefresh();
    // Profile reads ($batch of extensions) wait while the gate is shut, as a slow read of a large tenant would.
    let release = () => {};
    let gate: Promise<void> | undefined;
    let batches = 0;
    const fetch: FakeGraph['fetch'] = async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.endsWith('/$batch') && (await request.clone().text()).includes('/extensions/')) {
        batches++;
        await gate;
      }
      return graph.fetch(request);
    };
    renderWithServices(<RequestsCard />, graph, aisha, { timeZone: 'Africa/Lagos', refresh: refresh.schedule, fetch });
    await screen.findByText('No requests waiting for you. Executives who fit your profile can ask you.', undefined, { timeout: 60_000 });
    const asks = (asked: boolean) =>
      graph.replaceExtensions(margaret.id, { [PROFILE_EXTENSION]: { ...extensions.get(margaret.id)![PROFILE_EXTENSION], ...(asked ? { asked: aisha.id } : {}) } });
    const list = () => screen.queryByRole('list', { name: 'Requests waiting for your answer' });

    // What one read of the profiles costs.
    const before = batches;
    asks(true);
    act(() => refresh.tick());
    await waitFor(() => expect(list()).not.toBeNull(), { timeout: 60_000 });
    const oneRead = batches - before;

    // A slow read: ticks during it start nothing more.
    const start = batches;
    gate = new Promise((resolve) => (release = resolve));
    asks(false);
    act(() => refresh.tick());
    await waitFor(() => expect(batches).toBeGreaterThan(start), { timeout: 60_000 });
    act(() => refresh.tick());
    act(() => refresh.tick());
    gate = undefined;
    release();
    await waitFor(() => expect(list()).toBeNull(), { timeout: 60_000 });
    expect(batches - start).toBe(oneRead);
  }, 120_000);
});
