// @vitest-environment jsdom
import { clientOf, renderWithServices } from '@/demo/testing/render-with-services';
import { manualRefresh } from '@/demo/testing/manual-refresh';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { bookPairing } from '@/application/booking/pair-booking';
import { profileRecords } from '@/application/booking/profile-records';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { PersonalTab } from './personal-tab';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { readMyProfile } from '@/services/profile/profile-store';

afterEach(cleanup);

const users = generateDemoTenant({ size: 300 });
const [margaret, diego] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number]];
const ORIGIN = 'https://mentoring.example';
const APP = { teamsAppId: '11111111-2222-4333-8444-555555555555', origin: ORIGIN, tabName: 'Pair workspace' };

/** Margaret asked Diego and he accepted; the fake Graph has everyone's profiles. */
function pairedGraph() {
  const extensions = new Map(generateDemoProfiles(users));
  const profileOf = (id: string) => extensions.get(id)![PROFILE_EXTENSION]!;
  extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...profileOf(margaret.id), asked: diego.id } });
  extensions.set(diego.id, { [PROFILE_EXTENSION]: { ...profileOf(diego.id), accepted: [margaret.id], load: 1 } });
  return new FakeGraph({ users, extensions, catalog: new Map([[APP.teamsAppId, 'Reverse mentoring']]) });
}

/** Margaret books the series with Diego, starting in three days on the hour. */
async function book(graph: FakeGraph) {
  const client = clientOf(graph, margaret);
  const mine = await readMyProfile(client, margaret.id);
  if (!mine || 'damaged' in mine) throw new Error('Margaret has no profile');
  const now = () => new Date();
  const person = (id: string, zone: string) => ({ id, displayName: users.find((u) => u.id === id)!.displayName, address: users.find((u) => u.id === id)!.mail!, zone });
  const start = new Date(Math.ceil((Date.now() + 3 * 86_400_000) / 3_600_000) * 3_600_000).toISOString();
  return bookPairing(
    { graph: () => Promise.resolve(client), now, records: profileRecords(client, now, mine) },
    {
      pair: { me: person(margaret.id, 'Europe/Stockholm'), mentor: person(diego.id, 'America/Mexico_City'), cadence: { everyWeeks: 2, weeks: 26, minutes: 45 } },
      start,
      zone: 'Europe/Stockholm',
      programme: { name: 'Reverse mentoring' },
      app: APP,
    },
  );
}

function openHome(graph: FakeGraph, person: (typeof DEMO_PEOPLE)[number]) {
  renderWithServices(<PersonalTab refresh={manualRefresh().schedule} />, graph, person, {
    timeZone: 'Europe/Stockholm',
    teamsApp: { teamsAppId: APP.teamsAppId, origin: ORIGIN },
    programme: false,
  });
}

describe('the personal tab’s home', () => {
  it('leads with a paired executive’s pairing: the partner, the next session, Join and Prepare', async () => {
    const graph = pairedGraph();
    const booked = await book(graph);
    openHome(graph, margaret);

    const pair = await screen.findByRole('group', { name: 'With Diego Hernández' }, { timeout: 60_000 });
    const mentoring = screen.getByRole('region', { name: 'Your mentoring' });
    expect(within(mentoring).getAllByRole('heading', { level: 2 })[0]!.textContent).toBe('Your pairing');
    within(pair).getByText('Diego Hernández');
    within(pair).getByText(/Graduate Software Engineer/);
    within(pair).getByText(/there$/);
    // Diego's own words, which he wrote on opting in.
    within(pair).getByText('In their words');
    within(pair).getByText('“I build AI side projects and play competitively.”');

    const join = await within(pair).findByRole('link', { name: 'Join' }, { timeout: 30_000 });
    expect(join.getAttribute('href')).toBe(booked.series.joinUrl);
    within(pair).getByText(/^Next session:/);
    const prepare = within(pair).getByRole('link', { name: 'Prepare' });
    expect(prepare.getAttribute('href')).toBe(`${ORIGIN}/meeting-tab/?workspace=${encodeURIComponent(booked.record.ref!)}`);

    // The programme and its privacy note: one quiet line with a link, no cards.
    expect(screen.queryByRole('heading', { name: 'Your privacy' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Privacy' }).getAttribute('href')).toBe(`${ORIGIN}/privacy.html`);
  }, 120_000);

  it('shows the mentor the same pairing from their side, with the invitation to answer', async () => {
    const graph = pairedGraph();
    const booked = await book(graph);
    openHome(graph, diego);

    const pair = await screen.findByRole('group', { name: 'With Margaret Lindqvist' }, { timeout: 60_000 });
    within(pair).getByText(/^Wants to learn about generative AI, social media and younger customers/);
    const join = await within(pair).findByRole('link', { name: 'Join' }, { timeout: 30_000 });
    expect(join.getAttribute('href')).toBe(booked.series.joinUrl);
    within(pair).getByText('Accept or decline the invitation to your sessions with Margaret Lindqvist below.');

    // Accepting below answers what was waiting.
    act(() => screen.getByRole('button', { name: 'Accept the invitation' }).click());
    await waitFor(() => expect(within(pair).queryByText(/^Accept or decline the invitation/)).toBeNull(), { timeout: 30_000 });
  }, 120_000);

  it('leads with suggestions for an executive without a pair', async () => {
    openHome(new FakeGraph({ users, extensions: generateDemoProfiles(users) }), margaret);
    await screen.findByRole('list', { name: 'Suggested reverse mentors' }, { timeout: 60_000 });
    expect(screen.queryByRole('heading', { name: 'Your pairing' })).toBeNull();
    const mentoring = screen.getByRole('region', { name: 'Your mentoring' });
    expect(within(mentoring).getAllByRole('heading', { level: 2 })[0]!.textContent).toBe('Suggested reverse mentors');
  }, 120_000);

  it('says once, in place of every card, which permission an admin must grant, and tries again once they have', async () => {
    const graph = new FakeGraph({ users, extensions: generateDemoProfiles(users), faults: { missingConsent: true } });
    openHome(graph, margaret);
    await screen.findByText('Your admin needs to allow this app', {}, { timeout: 60_000 });
    expect(screen.getAllByText(/needs the Microsoft Graph permission User\.Read\.All/)).toHaveLength(1);
    expect(screen.getAllByText(/Teams admin centre/)).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);
    // No card is left waiting for a load that will not come.
    expect(screen.queryByRole('region', { name: 'Your mentoring' })).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/Finding reverse mentors|Reading who has opted in|Reading your organisation/)).toBeNull();

    graph.setFaults({ missingConsent: false });
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    await screen.findByRole('list', { name: 'Suggested reverse mentors' }, { timeout: 60_000 });
    expect(screen.queryByText('Your admin needs to allow this app')).toBeNull();
  }, 120_000);
});
