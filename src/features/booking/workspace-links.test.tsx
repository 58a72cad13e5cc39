// @vitest-environment jsdom
import { renderWithServices } from '@/demo/testing/render-with-services';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { PROFILE_EXTENSION } from '@/services/profile/profile-extension';
import { BookingCard } from './booking-card';

afterEach(cleanup);

const users = generateDemoTenant({ size: 300 });
const [margaret, , aisha] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, (typeof DEMO_PEOPLE)[number]];
const APP_VIEW = 'https://mentoring.example/meeting-tab/?workspace=drive-1%2Fitem-1';
const FILE = 'https://contoso-my.sharepoint.com/personal/x/Documents/pair.json';

function pairedWith(booking: Record<string, unknown>) {
  const extensions = new Map(generateDemoProfiles(users));
  const own = (id: string) => extensions.get(id)![PROFILE_EXTENSION]!;
  const record = { with: aisha.id, zone: 'Europe/Stockholm', everyWeeks: 2, minutes: 45, uid: 'uid-1', workspace: FILE, ref: 'drive-1/item-1', ...booking };
  extensions.set(margaret.id, { [PROFILE_EXTENSION]: { ...own(margaret.id), asked: aisha.id, bookings: [record] } });
  extensions.set(aisha.id, { [PROFILE_EXTENSION]: { ...own(aisha.id), accepted: [margaret.id], load: 1 } });
  return new FakeGraph({ users, extensions });
}

describe('the booking card’s links to the pair workspace', () => {
  it('opens the app’s own view of the pair, never the workspace’s JSON file, while the pairing runs', async () => {
    const start = new Date(Date.now() - 7 * 86_400_000).toISOString().replace(/\.\d+Z$/, '.000Z');
    renderWithServices(<BookingCard />, pairedWith({ start, weeks: 26 }), margaret);
    const link = await screen.findByRole('link', { name: 'Open the pair workspace' }, { timeout: 60_000 });
    expect(link.getAttribute('href')).toBe(APP_VIEW);
    expect(document.querySelector(`a[href="${FILE}"]`)).toBeNull();
  }, 120_000);

  it('and after it ended', async () => {
    renderWithServices(<BookingCard />, pairedWith({ start: '2026-01-05T09:00:00.000Z', weeks: 4, ended: '2026-02-02' }), margaret);
    const link = await screen.findByRole('link', { name: 'pair workspace' }, { timeout: 60_000 });
    expect(link.getAttribute('href')).toBe(APP_VIEW);
    expect(document.querySelector(`a[href="${FILE}"]`)).toBeNull();
  }, 120_000);
});
