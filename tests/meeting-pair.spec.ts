import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import { DEMO_STATE_KEY, DEMO_WRITES_KEY } from '../src/demo/dev-host-protocol';
import type { FakeGraphState } from '../src/demo/graph/fake-graph';
import { PROFILE_EXTENSION } from '../src/services/profile/profile-extension';
import { baseUrl, hostedFrame, launchBrowser, openPage, personalTabAs } from './support/browser';
import { addAgendaItem, sidePanels } from './support/journeys';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const [MARGARET, DIEGO, AISHA] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number]];
const AISHA_ITEM = 'Aisha and Margaret only: social listening';
const DIEGO_ITEM = 'Board pack walkthrough';

/** The mentor accepts Margaret's request and Margaret books the first suggested time. */
async function acceptAndBook(page: Page, mentor: typeof DIEGO) {
  let frame = await personalTabAs(page, mentor);
  await frame.getByRole('button', { name: 'Accept Margaret Lindqvist' }).click({ timeout: 60_000 });
  await frame.getByText(`${MARGARET.displayName} books your sessions.`, { exact: false }).waitFor({ timeout: 60_000 });
  frame = await personalTabAs(page, MARGARET);
  await frame.getByRole('list', { name: 'Suggested times' }).getByRole('button').first().click({ timeout: 60_000 });
  await frame.getByText(`Waiting for ${mentor.displayName} to accept the invitation.`).waitFor({ timeout: 60_000 });
}

/** Everything a surface shows: its text and what its fields hold. */
const shown = (frame: Frame) => frame.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('input, textarea')].map((f) => (f as HTMLInputElement).value)].join('\n'));

describe('the meeting shows the pair whose meeting it is', () => {
  it('Margaret paired with Aisha, then Diego: the Margaret–Diego meeting shows their agenda in both panels and on stage, and nothing of Aisha’s', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    // Margaret pairs with Aisha first, and they start their agenda.
    const margaretTab = await personalTabAs(page, MARGARET);
    await margaretTab.getByRole('button', { name: 'Ask to pair with Aisha Bello' }).click({ timeout: 60_000 });
    await margaretTab.getByText('You asked Aisha Bello to pair. Waiting for their answer.').waitFor();
    await acceptAndBook(page, AISHA);
    const [withAisha] = await sidePanels(page, baseUrl(), { mentor: AISHA });
    await addAgendaItem(withAisha, AISHA_ITEM);
    await withAisha.getByText('Saved in your pair workspace.', { exact: false }).waitFor({ timeout: 20_000 });

    // Then with Diego. The app asks one mentor at a time; a second round changes her request, as here.
    const updated = await page.evaluate(
      ({ key, extension, margaret, diego }) => {
        const writes = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, Record<string, Record<string, unknown>>>;
        writes[margaret]![extension]!.asked = diego;
        const now = new Date().toISOString();
        writes[margaret]![extension]!.updated = now;
        localStorage.setItem(key, JSON.stringify(writes));
        return now;
      },
      { key: DEMO_WRITES_KEY, extension: PROFILE_EXTENSION, margaret: MARGARET.id, diego: DIEGO.id },
    );
    await page.goto(`${baseUrl()}/dev-host/`);
    /** Margaret's participant entry in the programme store, as stored. */
    const entryOfMargaret = () =>
      page.evaluate(
        ({ key, margaret }) => {
          const state = JSON.parse(localStorage.getItem(key) ?? 'null') as FakeGraphState | null;
          const participants = state?.lists?.flatMap((site) => site.lists).find((list) => list.displayName === 'Programme participants');
          const mine = participants?.items.find((item) => item.fields.PersonId === margaret);
          return mine && (JSON.parse(String(mine.fields.Data)) as { profileUpdated: string; profile?: Record<string, unknown>; sealed?: unknown[] });
        },
        { key: DEMO_STATE_KEY, margaret: MARGARET.id },
      );
    // Margaret's app brings her participant entry (the copy of her profile others read) up to date on open.
    await personalTabAs(page, MARGARET);
    await expect.poll(async () => (await entryOfMargaret())?.profileUpdated, { timeout: 60_000 }).toBe(updated);
    await acceptAndBook(page, DIEGO);
    // Both records are in her participant entry of the programme store (not in her 2 KB profile), each
    // sealed for its partner: nobody's id is in it in the clear.
    const entry = await entryOfMargaret();
    expect(entry?.sealed).toHaveLength(2);
    expect(entry?.profile).not.toHaveProperty('bookings');
    expect(JSON.stringify(entry)).not.toContain(AISHA.id);
    expect(JSON.stringify(entry)).not.toContain(DIEGO.id);

    // The Margaret–Diego meeting: both panels show their (new) agenda, and edits go between them.
    const [margaret, diego] = await sidePanels(page, baseUrl(), { mentor: DIEGO });
    for (const panel of [margaret, diego]) await panel.getByRole('heading', { name: 'Your first session' }).waitFor();
    await addAgendaItem(margaret, DIEGO_ITEM);
    await diego.getByRole('list', { name: 'This session' }).getByRole('textbox', { name: 'Item' }).first().waitFor({ timeout: 10_000 });
    await expect.poll(() => shown(diego), { timeout: 10_000 }).toContain(DIEGO_ITEM);
    await margaret.getByText('Saved in your pair workspace.', { exact: false }).waitFor({ timeout: 20_000 });
    for (const panel of [margaret, diego]) {
      const text = await shown(panel);
      expect(text).toContain(DIEGO_ITEM);
      expect(text).not.toContain(AISHA_ITEM);
      expect(text).not.toContain('Aisha');
    }

    // Shared to stage: the same pair, nothing of Aisha's.
    await page.getByRole('tab', { name: 'Shared to stage' }).click();
    const stage = await hostedFrame(page, 'Meeting stage');
    await expect.poll(() => shown(stage), { timeout: 60_000 }).toContain(DIEGO_ITEM);
    expect(await shown(stage)).not.toContain(AISHA_ITEM);
    expect(await shown(stage)).not.toContain('Aisha');

    // The tab added by hand from the meeting (its link names no pair): the meeting alone names the pair.
    const byHand = await sidePanels(page, baseUrl(), { mentor: DIEGO, tab: 'manual' });
    for (const panel of byHand) {
      await expect.poll(() => shown(panel), { timeout: 20_000 }).toContain(DIEGO_ITEM);
      expect(await shown(panel)).not.toContain(AISHA_ITEM);
    }

    // And the Margaret–Aisha meeting still shows theirs, and nothing of Diego's.
    const [aishaAgain] = await sidePanels(page, baseUrl(), { mentor: AISHA });
    await expect.poll(() => shown(aishaAgain), { timeout: 20_000 }).toContain(AISHA_ITEM);
    expect(await shown(aishaAgain)).not.toContain(DIEGO_ITEM);
    expect(errors).toEqual([]);
    await close();
  }, 400_000);
});
