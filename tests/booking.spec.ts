import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import type { FakeGraphState } from '../src/demo/graph/fake-graph';
import { DEMO_STATE_KEY } from '../src/demo/dev-host-protocol';
import { launchBrowser, openPage, personalTabAs, seriousViolations } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const [MARGARET, , AISHA, PRIYA] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, (typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number]];
const REASON = 'We found our rhythm hard to keep across time zones.';
// Aisha signs in as a.bello@contoso.onmicrosoft.com, which is no mail address: she is invited at her mail.
const AISHA_MAIL = 'aisha.bello@contoso.example';
if (AISHA.userPrincipalName === AISHA_MAIL) throw new Error('the demo should keep a person whose UPN is not their mail');

/** What the demo's fake Graph holds for the pair: the series in each calendar, the workspace, the chat tabs. */
async function pairState(page: Page) {
  const state = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as FakeGraphState | null, DEMO_STATE_KEY);
  const events = state?.events ?? [];
  const organiser = events.filter((e) => e.ownerId === MARGARET.id && e.attendees.some((a) => a.emailAddress.address === AISHA_MAIL));
  const partner = events.filter((e) => e.ownerId === AISHA.id && e.organizerId === MARGARET.id);
  return {
    organiser,
    partner,
    // Not the people's pairing keys in their app folders.
    files: (state?.files ?? []).filter((f) => !f.path.startsWith('Apps/')),
    tabs: Object.values(state?.chats.tabs ?? {}).flat(),
  };
}

async function setFaults(page: Page, label: string) {
  await page.getByRole('combobox', { name: 'Graph faults' }).selectOption({ label });
}

describe('booking the sessions', () => {
  it('the executive books a slot once despite lost answers; the mentor proposes another time and the executive agrees', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    let frame = await personalTabAs(page, MARGARET);
    await frame.getByRole('button', { name: 'Ask to pair with Aisha Bello' }).click({ timeout: 60_000 });
    await frame.getByText('You asked Aisha Bello to pair. Waiting for their answer.').waitFor();
    frame = await personalTabAs(page, AISHA);
    await frame.getByRole('button', { name: 'Accept Margaret Lindqvist' }).click({ timeout: 60_000 });
    // The mentor can suggest a time straight away; the executive books.
    await frame.getByText('Margaret Lindqvist books your sessions.', { exact: false }).waitFor({ timeout: 60_000 });

    frame = await personalTabAs(page, MARGARET);
    const times = frame.getByRole('list', { name: 'Suggested times' });
    await times.waitFor({ timeout: 60_000 });
    expect(await times.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await seriousViolations(frame)).toEqual([]);

    // Answers get lost on the way back: the app retries, the person may click again; one series results.
    await setFaults(page, '30% of answers lost (network)');
    const book = times.getByRole('button').first();
    for (let attempt = 0; attempt < 5; attempt++) {
      await book.click();
      const outcome = await Promise.race([
        frame
          .getByText('Waiting for Aisha Bello to accept the invitation.')
          .waitFor({ timeout: 90_000 })
          .then(() => 'booked' as const),
        frame
          .getByText(/Nothing is booked twice if you try again/)
          .waitFor({ timeout: 90_000 })
          .then(() => 'failed' as const),
      ]);
      if (outcome === 'booked') break;
    }
    await setFaults(page, 'None');
    await frame.getByText('Waiting for Aisha Bello to accept the invitation.').waitFor();
    await frame.getByText('The meeting chat has the “Pair workspace” tab with your shared agenda.').waitFor();
    let state = await pairState(page);
    expect(state.organiser).toHaveLength(1);
    expect(state.partner).toHaveLength(1);
    expect(state.organiser[0]!.isOnlineMeeting).toBe(true);
    expect(state.organiser[0]!.recurrence?.pattern).toMatchObject({ type: 'weekly', interval: 2 });
    expect(state.files).toHaveLength(1);
    expect(state.files[0]!.permissions.map((p) => p.userId)).toEqual([AISHA.id]);
    expect(state.tabs).toHaveLength(1);
    const bookedStart = state.organiser[0]!.start.dateTime;

    // The mentor sees the series, and proposes another time from the suggestions.
    frame = await personalTabAs(page, AISHA);
    await frame.getByRole('button', { name: 'Propose another time' }).click({ timeout: 60_000 });
    const options = frame.getByRole('list', { name: 'Suggested times' });
    await options.waitFor({ timeout: 60_000 });
    const proposal = options.getByRole('button').last();
    await proposal.click();
    await frame.getByText(/You proposed .* your time; waiting for Margaret Lindqvist/).waitFor();

    // The executive agrees: the one series moves, in both calendars.
    frame = await personalTabAs(page, MARGARET);
    await frame.getByRole('button', { name: 'Agree and move the series' }).click({ timeout: 60_000 });
    await frame.getByText('Aisha Bello proposes moving', { exact: false }).waitFor({ state: 'detached' });
    state = await pairState(page);
    expect(state.organiser).toHaveLength(1);
    expect(state.partner).toHaveLength(1);
    expect(state.organiser[0]!.start.dateTime).not.toBe(bookedStart);
    expect(state.partner[0]!.start).toEqual(state.organiser[0]!.start);
    expect(await seriousViolations(frame)).toEqual([]);

    // The series is at the mentor's own time: accepted for her, not asked again.
    frame = await personalTabAs(page, AISHA);
    await frame.getByText('Margaret Lindqvist agreed to the time you proposed; it is accepted in your calendar.').waitFor({ timeout: 60_000 });
    expect(await frame.getByRole('button', { name: 'Accept the invitation' }).count()).toBe(0);

    // The mentor changes her mind and declines the moved series: the executive is told, with what to do next.
    await frame.getByRole('button', { name: 'Decline' }).click({ timeout: 60_000 });
    await frame.getByRole('list', { name: 'Suggested times' }).waitFor({ timeout: 60_000 });
    frame = await personalTabAs(page, MARGARET);
    await frame.getByText('Aisha Bello declined these sessions.', { exact: false }).waitFor({ timeout: 60_000 });

    // Skip one session, then end the pairing: future sessions go, the workspace stays.
    await frame.getByRole('button', { name: 'Skip a session' }).click();
    const sessions = frame.getByRole('list', { name: 'Next sessions' });
    await sessions.waitFor();
    const skipped = sessions.getByRole('button').first();
    const skippedLabel = await skipped.getAttribute('aria-label');
    await skipped.click();
    await frame.getByRole('button', { name: 'Yes, skip it' }).click();
    await frame.getByRole('button', { name: skippedLabel! }).waitFor({ state: 'detached' });
    state = await pairState(page);
    expect(state.organiser[0]!.cancelled).toHaveLength(1);
    expect(state.partner[0]!.cancelled).toEqual(state.organiser[0]!.cancelled);
    // Ending asks once, with a reason for the owners that only they read.
    await frame.getByRole('button', { name: 'End the pairing' }).click();
    const ending = frame.getByRole('group', { name: 'End your pairing with Aisha Bello?' });
    await ending.getByRole('textbox', { name: /Why, for the programme owners/ }).fill(REASON);
    expect(await seriousViolations(frame)).toEqual([]);
    await ending.getByRole('button', { name: 'Yes, end the pairing' }).click();
    await frame.getByText(/Your pairing with Aisha Bello ended on/).waitFor();
    state = await pairState(page);
    expect(state.files).toHaveLength(1);
    expect(JSON.stringify(await page.evaluate((key) => localStorage.getItem(key), DEMO_STATE_KEY))).not.toContain(REASON);
    frame = await personalTabAs(page, PRIYA);
    await frame
      .getByRole('list', { name: 'Pairings ended early' })
      .getByText(`Margaret Lindqvist ended the pairing with Aisha Bello on`, { exact: false })
      .filter({ hasText: REASON })
      .waitFor({ timeout: 90_000 });
    expect(errors).toEqual([]);
    await close();
  }, 300_000);
});
