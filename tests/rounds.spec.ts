import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import { DEMO_STATE_KEY } from '../src/demo/dev-host-protocol';
import { launchBrowser, openPage, personalTabAs, seriousViolations } from './support/browser';
import { bookMargaretAndDiego } from './support/journeys';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Person = (typeof DEMO_PEOPLE)[number];
const [MARGARET, DIEGO, AISHA, PRIYA] = DEMO_PEOPLE as [Person, Person, Person, Person];
const REASON = 'I am moving to the Singapore office and cannot keep the time.';
const DAY_MS = 86_400_000;
const dayIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const longDay = (day: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(day));

/** The home's card with this heading. */
const cardOf = (frame: Frame, heading: string) => frame.locator('[data-card]').filter({ has: frame.getByRole('heading', { name: heading, exact: true }) });

describe('rounds and pauses', () => {
  it('the owner opens the next round; a junior pauses, and is neither suggested nor askable until back; the owner sees who paused; resuming undoes it', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');

    // Priya adds the round after the demo's first one, and saves it for everyone.
    let frame = await personalTabAs(page, PRIYA);
    const settings = frame.getByRole('form', { name: 'Programme settings' });
    await settings.getByRole('list', { name: 'Rounds' }).getByRole('listitem', { name: 'First round' }).waitFor({ timeout: 90_000 });
    await settings.getByRole('button', { name: 'Open the next round' }).click();
    const next = settings.getByRole('listitem', { name: 'Round 2' });
    await next.getByRole('textbox', { name: 'Name' }).fill('Spring cohort');
    expect(await seriousViolations(frame)).toEqual([]);
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await frame.getByText(/^Saved\./).waitFor();

    // Aisha pauses for a month from her profile.
    frame = await personalTabAs(page, AISHA);
    const profile = cardOf(frame, 'Your profile');
    await profile.getByRole('button', { name: 'Pause' }).click({ timeout: 60_000 });
    const back = dayIn(30);
    await profile.getByLabel('Back on').fill(back);
    expect(await seriousViolations(frame)).toEqual([]);
    await profile.getByRole('button', { name: 'Pause until then' }).click();
    await profile.getByText(`You have paused taking part until ${longDay(back)}.`, { exact: false }).waitFor();

    // Margaret is not offered Aisha, and "why not" says why.
    frame = await personalTabAs(page, MARGARET);
    await frame.getByRole('list', { name: 'Suggested reverse mentors' }).waitFor({ timeout: 60_000 });
    expect(await frame.getByRole('button', { name: 'Ask to pair with Aisha Bello' }).count()).toBe(0);
    await frame.getByRole('combobox', { name: /Why not someone else/ }).pressSequentially('Aisha');
    await frame.getByRole('option', { name: /^Aisha Bello/ }).click();
    await frame
      .getByRole('status')
      .filter({ hasText: `Aisha Bello has paused taking part until ${longDay(back)}.` })
      .waitFor();

    // Priya sees who paused, and when they are back.
    frame = await personalTabAs(page, PRIYA);
    const paused = cardOf(frame, 'Programme health').getByRole('list', { name: 'Paused' });
    await paused.getByText(/^Aisha Bello, back on /).waitFor({ timeout: 90_000 });

    // Aisha comes back early: Margaret is offered her again.
    frame = await personalTabAs(page, AISHA);
    await cardOf(frame, 'Your profile').getByRole('button', { name: 'Resume now' }).click({ timeout: 60_000 });
    await cardOf(frame, 'Your profile').getByRole('button', { name: 'Pause' }).waitFor();
    frame = await personalTabAs(page, MARGARET);
    await frame.getByRole('button', { name: 'Ask to pair with Aisha Bello' }).waitFor({ timeout: 60_000 });

    expect(errors).toEqual([]);
    await close();
  }, 400_000);

  it('a reverse mentor leaves with a reason only the owners read; the executive is asked to end the series, and only then asks someone new', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    await bookMargaretAndDiego(page);

    let frame = await personalTabAs(page, DIEGO);
    const sessions = cardOf(frame, `Your sessions with ${MARGARET.displayName}`);
    const leave = sessions.getByRole('button', { name: 'Leave the pairing' });
    // Leaving declines Diego's copy of the series: the button waits until it is found.
    await expect.poll(() => leave.isEnabled(), { timeout: 60_000 }).toBe(true);
    await leave.click();
    const asked = sessions.getByRole('group', { name: `Leave your pairing with ${MARGARET.displayName}?` });
    await asked.getByRole('textbox', { name: /Why, for the programme owners/ }).fill(REASON);
    expect(await seriousViolations(frame)).toEqual([]);
    await asked.getByRole('button', { name: 'Yes, leave the pairing' }).click();
    await sessions.waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.evaluate((key) => localStorage.getItem(key) ?? '', DEMO_STATE_KEY)).not.toContain(REASON);

    // Margaret is told, asked to end the series, and cannot ask anyone else until she has.
    frame = await personalTabAs(page, MARGARET);
    await frame.getByText(`${DIEGO.displayName} has left the pairing.`, { exact: false }).first().waitFor({ timeout: 60_000 });
    const asks = frame.getByRole('button', { name: /^Ask to pair with / });
    await asks.first().waitFor();
    expect(await asks.first().isDisabled()).toBe(true);
    expect(await frame.getByText(REASON).count()).toBe(0);
    await frame.getByRole('button', { name: 'End the pairing' }).click();
    await frame
      .getByRole('group', { name: `End your pairing with ${DIEGO.displayName}?` })
      .getByRole('button', { name: 'Yes, end the pairing' })
      .click();
    await frame.getByText(new RegExp(`Your pairing with ${DIEGO.displayName} ended on`)).waitFor({ timeout: 60_000 });
    await expect.poll(() => asks.first().isEnabled(), { timeout: 60_000 }).toBe(true);

    // Priya reads Diego's reason; the pairing ended early twice over (each said so).
    frame = await personalTabAs(page, PRIYA);
    await frame
      .getByRole('list', { name: 'Pairings ended early' })
      .getByText(`${DIEGO.displayName} ended the pairing with ${MARGARET.displayName} on`, { exact: false })
      .filter({ hasText: REASON })
      .waitFor({ timeout: 90_000 });

    expect(errors).toEqual([]);
    await close();
  }, 400_000);
});
