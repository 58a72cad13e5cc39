// @vitest-environment jsdom
import { renderWithServices } from '@/demo/testing/render-with-services';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { readMyProfile } from '@/services/profile/profile-store';
import { useProgramme } from '@/context/programme-context';
import { SuggestionsCard } from './suggestions-card';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { clientOf } from '@/demo/testing/render-with-services';
import { saveProgrammeSettings } from '@/application/programme/programme-settings';
import { bookingRecord } from '@/demo/testing/booking-record';
import type { BookingRecord } from '@/domain/booking/pair-schedule';

afterEach(cleanup);

// Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const users = generateDemoTenant({ size: 300 });
const [margaret, , aisha] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, (typeof DEMO_PEOPLE)[number]];

/** Says when the programme's matcher is there, so a test knows the card has all it will get. */
function MatcherReady() {
  return useProgramme().matcher ? <p>matcher ready</p> : null;
}

function open(graph: FakeGraph) {
  return renderWithServices(<SuggestionsCard />, graph, margaret, { timeZone: 'Europe/Stockholm' });
}

describe('the suggestions card', () => {
  it('suggests Aisha until Margaret’s series with her has ended; then never again; asking someone else is saved', async () => {
    const extensions = generateDemoProfiles(users);
    open(new FakeGraph({ users, extensions }));
    await screen.findByRole('button', { name: 'Ask to pair with Aisha Bello' }, { timeout: 60_000 });
    cleanup();

    const own = extensions.get(margaret.id)![PROFILE_EXTENSION]!;
    const ended = bookingRecord({ with: aisha.id, start: '2025-01-06T09:00:00.000Z', ended: '2025-06-30' });
    extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...own, bookings: [ended] } });
    const client = open(new FakeGraph({ users, extensions }));
    const ask = await screen.findAllByRole('button', { name: /^Ask to pair with / }, { timeout: 60_000 });
    expect(ask.map((b) => b.getAttribute('aria-label'))).not.toContain('Ask to pair with Aisha Bello');

    const name = ask[0]!.getAttribute('aria-label')!.replace('Ask to pair with ', '');
    act(() => ask[0]!.click());
    await screen.findByText(`You asked ${name} to pair. Waiting for their answer.`);
    // The request is in Margaret's profile, and her booking record is kept.
    expect(await readMyProfile(client, margaret.id)).toMatchObject({ asked: expect.any(String), bookings: [ended] });
  }, 120_000);

  it('says when pairs are made again while the round’s matching is closed, and asks no one until then', async () => {
    const extensions = generateDemoProfiles(users);
    const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
    graph.waitFor(seedDemoProgrammeStore(graph, extensions));
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const rounds = [
      { name: 'Spring', start: day(-60), matchUntil: day(-30), end: day(30), targetSessions: 6 },
      { name: 'Autumn', start: day(40), matchUntil: day(60), end: day(200), targetSessions: 6 },
    ];
    const packaged = { levelGap: 1, cadenceWeeks: 2, sessionMinutes: 45, durationMonths: 6, codeOfConduct: '', evaluation: '', rounds: [] };
    await saveProgrammeSettings(clientOf(graph, DEMO_PEOPLE[3]!), { ownerGroupId: DEMO_OWNER_GROUP_ID, me: DEMO_PEOPLE[3]!.id }, { ...packaged, rounds }, packaged, undefined);
    open(graph);
    await screen.findByText(/^Pairs are not being made just now: matching closed on .*\. Autumn opens on .*\.$/, undefined, { timeout: 60_000 });
    const ask = await screen.findAllByRole('button', { name: /^Ask to pair with / }, { timeout: 60_000 });
    expect(ask.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
  }, 120_000);

  /** The demo tenant with Margaret having asked Aisha, Aisha having accepted, and Margaret's bookings as given. */
  function paired(bookings: readonly BookingRecord[]) {
    const extensions = generateDemoProfiles(users);
    const own = (id: string) => extensions.get(id)![PROFILE_EXTENSION]!;
    extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...own(margaret.id), asked: aisha.id, ...(bookings.length ? { bookings } : {}) } });
    extensions.set(aisha.id, { [PROFILE_EXTENSION]: { ...own(aisha.id), accepted: [margaret.id], load: 1 } });
    return new FakeGraph({ users, extensions });
  }
  const series = (change: Partial<BookingRecord> = {}) => bookingRecord({ with: aisha.id, start: new Date(Date.now() - 14 * 86_400_000).toISOString(), ...change });

  it('after the pairing ended, suggests others (never Aisha) instead of "accepted", and lets Margaret ask someone new', async () => {
    open(paired([series({ ended: new Date().toISOString().slice(0, 10) })]));
    const ask = await screen.findAllByRole('button', { name: /^Ask to pair with / }, { timeout: 60_000 });
    expect(ask.map((b) => b.getAttribute('aria-label'))).not.toContain('Ask to pair with Aisha Bello');
    expect(screen.queryByText(/Aisha Bello accepted/)).toBeNull();
    screen.getByText(/^Ready for a new reverse mentor\?/);
    const name = ask[0]!.getAttribute('aria-label')!.replace('Ask to pair with ', '');
    act(() => ask[0]!.click());
    await screen.findByText(`You asked ${name} to pair. Waiting for their answer.`);
  }, 120_000);

  it('says Aisha accepted until the sessions are booked, then leaves her to the pairing card', async () => {
    open(paired([]));
    await screen.findByText('Aisha Bello accepted. Book your sessions below.', undefined, { timeout: 60_000 });
    cleanup();
    // Once booked, the pairing card leads with Aisha and the sessions: this card would only repeat her.
    renderWithServices(
      <>
        <SuggestionsCard />
        <MatcherReady />
      </>,
      paired([series()]),
      margaret,
      { timeZone: 'Europe/Stockholm' },
    );
    await screen.findByText('matcher ready', undefined, { timeout: 60_000 });
    expect(screen.queryByRole('heading', { name: 'Your reverse mentor' })).toBeNull();
    expect(screen.queryByText(/Aisha Bello/)).toBeNull();
  }, 120_000);

  it('answers "why not" about someone on the page of suggestions: they are there already', async () => {
    open(new FakeGraph({ users, extensions: generateDemoProfiles(users) }));
    const list = await screen.findByRole('list', { name: 'Suggested reverse mentors' }, { timeout: 60_000 });
    within(list).getByRole('button', { name: 'Ask to pair with Aisha Bello' });
    const lookUp = screen.getByRole('combobox', { name: /Why not someone else/ });
    act(() => {
      fireEvent.change(lookUp, { target: { value: 'Aisha' } });
    });
    act(() => {
      fireEvent.keyDown(lookUp, { key: 'ArrowDown' });
    });
    const option = await screen.findByRole('option', { name: /^Aisha Bello/ });
    act(() => {
      fireEvent.click(option);
    });
    await screen.findByText('Aisha Bello is already among your suggestions.');
  }, 120_000);

  it('"why not" says when nobody matches, when only the first 8 are listed, and brings the answer into view', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    open(new FakeGraph({ users, extensions: generateDemoProfiles(users) }));
    await screen.findByRole('list', { name: 'Suggested reverse mentors' }, { timeout: 60_000 });
    const lookUp = await screen.findByRole('combobox', { name: /Why not someone else/ }, { timeout: 60_000 });
    const type = (value: string) =>
      act(() => {
        fireEvent.change(lookUp, { target: { value } });
      });

    type('Qxzv');
    expect(screen.getByRole('status').textContent).toBe('Nobody in your organisation matches “Qxzv”.');
    type('an');
    expect(screen.getByRole('status').textContent).toBe('Showing the first 8; type more of the name.');
    act(() => {
      fireEvent.keyDown(lookUp, { key: 'ArrowDown' });
    });
    expect(screen.getAllByRole('option')).toHaveLength(8);

    type('Aisha');
    act(() => {
      fireEvent.keyDown(lookUp, { key: 'ArrowDown' });
    });
    act(() => {
      fireEvent.click(screen.getByRole('option', { name: /^Aisha Bello/ }));
    });
    expect(screen.getByRole('status').textContent).toBe('Aisha Bello is already among your suggestions.');
    expect(scrolled).toHaveBeenCalled();
  }, 120_000);
});
