/**
 * The README's demo walkthrough, followed in its order in one demo, without *Reset demo*: each
 * step starts from where the one before left the demo. A step that only works from a fresh demo
 * fails here.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import { bookMargaretAndDiego, hostedFrame } from './support/journeys';
import { homeHeadings, launchBrowser, openPage, personalTabAs } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Person = (typeof DEMO_PEOPLE)[number];
const [MARGARET, , AISHA, PRIYA] = DEMO_PEOPLE as [Person, Person, Person, Person];

describe('the README walkthrough', () => {
  it('can be followed in order, without resetting the demo', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');

    // 1. The personal tab: the organisation; only the programme owner hears about the directory's data.
    let frame = await personalTabAs(page, MARGARET);
    await frame.getByTestId('people-count').waitFor({ timeout: 60_000 });
    expect(await frame.getByText(/reporting loop/).count()).toBe(0);
    frame = await personalTabAs(page, PRIYA);
    await frame
      .getByText(/reporting loop/)
      .first()
      .waitFor({ timeout: 60_000 });

    // 2. Suggestions with reasons, more of them, "why not", asking Aisha; she accepts; Margaret sees it.
    frame = await personalTabAs(page, MARGARET);
    const suggested = frame.getByRole('list', { name: 'Suggested reverse mentors' });
    await suggested.waitFor({ timeout: 60_000 });
    await frame.getByRole('button', { name: 'Show me others' }).click();
    await frame.getByRole('button', { name: 'Back' }).click();
    await frame.getByRole('combobox', { name: /Why not someone else/ }).pressSequentially('Priya', { timeout: 60_000 });
    await frame.getByRole('option', { name: /^Priya Raman/ }).click();
    await expect.poll(() => frame.getByRole('status').filter({ hasText: 'Priya Raman' }).count()).toBeGreaterThan(0);
    await frame.getByRole('button', { name: 'Ask to pair with Aisha Bello' }).click();
    await frame.getByText('You asked Aisha Bello to pair. Waiting for their answer.').waitFor();
    frame = await personalTabAs(page, AISHA);
    const requests = frame.getByRole('list', { name: 'Requests waiting for your answer' });
    await requests.getByText(/In their words/).waitFor({ timeout: 60_000 });
    await frame.getByRole('button', { name: 'Accept Margaret Lindqvist' }).click();
    await frame.getByText(/You mentor Margaret Lindqvist/).waitFor();
    frame = await personalTabAs(page, MARGARET);
    await frame.getByText('Aisha Bello accepted. Book your sessions below.').waitFor({ timeout: 60_000 });

    // 3. Booking: Margaret books, Aisha proposes another time, Margaret agrees; both homes lead with the pairing; skip, then end.
    await frame.getByRole('list', { name: 'Suggested times' }).getByRole('button').first().click({ timeout: 60_000 });
    await frame.getByText('Waiting for Aisha Bello to accept the invitation.').waitFor({ timeout: 90_000 });
    frame = await personalTabAs(page, AISHA);
    await frame.getByRole('button', { name: 'Propose another time' }).click({ timeout: 60_000 });
    await frame.getByRole('list', { name: 'Suggested times' }).getByRole('button').last().click({ timeout: 60_000 });
    await frame.getByText(/You proposed .* your time; waiting for Margaret Lindqvist/).waitFor();
    expect((await homeHeadings(frame))[0]).toBe('Your pairing');
    frame = await personalTabAs(page, MARGARET);
    await frame.getByRole('button', { name: 'Agree and move the series' }).click({ timeout: 60_000 });
    await frame.getByText('Aisha Bello proposes moving', { exact: false }).waitFor({ state: 'detached' });
    expect((await homeHeadings(frame))[0]).toBe('Your pairing');
    await frame.getByRole('button', { name: 'Skip a session' }).click();
    const next = frame.getByRole('list', { name: 'Next sessions' });
    const skipped = await next.getByRole('button').first().getAttribute('aria-label');
    await next.getByRole('button').first().click();
    await frame.getByRole('button', { name: 'Yes, skip it' }).click();
    await frame.getByRole('button', { name: skipped! }).waitFor({ state: 'detached' });
    await frame.getByRole('button', { name: 'End the pairing' }).click();
    await frame.getByRole('button', { name: 'Yes, end the pairing' }).click();
    await frame.getByText(/Your pairing with Aisha Bello ended on/).waitFor();
    const others = frame.getByRole('list', { name: 'Suggested reverse mentors' });
    await others.waitFor({ timeout: 60_000 });
    expect(await others.getByRole('button', { name: 'Ask to pair with Aisha Bello' }).count()).toBe(0);

    // 4. The programme view: Priya runs the programme-wide matching.
    frame = await personalTabAs(page, PRIYA);
    await frame.getByRole('button', { name: 'Run matching' }).click({ timeout: 60_000 });
    await frame.getByRole('table').first().waitFor({ timeout: 60_000 });

    // 5. Programme health: the demo's round under way, its pairs at risk, the lines to the owners.
    await frame.getByRole('group', { name: 'Programme health figures' }).getByText('2 of 8').waitFor({ timeout: 60_000 });
    expect(await frame.getByRole('list', { name: 'Pairs at risk' }).getByRole('listitem').count()).toBe(2);
    await frame.getByRole('list', { name: 'Lines to the owners' }).waitFor();

    // 7. The meeting: Margaret asks Diego, he accepts, she books; the meeting booking created has the app in its chat; both panels are live.
    await bookMargaretAndDiego(page);
    await page.getByRole('tab', { name: 'Meeting' }).click();
    for (const name of ['Margaret Lindqvist', 'Diego Hernández']) {
      const panel = await hostedFrame(page, `Side panel of ${name}`);
      await panel.getByText('Here now:', { exact: false }).waitFor({ timeout: 60_000 });
      expect(await panel.getByText(/not one of your mentoring sessions/).count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await close();
  }, 600_000);
});
