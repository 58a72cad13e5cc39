import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import { launchBrowser, openPage, personalTabAs, seriousViolations } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const [MARGARET, , AISHA] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, (typeof DEMO_PEOPLE)[number]];

describe('asking a reverse mentor to pair', () => {
  it('an executive sees suggestions with reasons and asks; the mentor accepts; the executive sees it', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    let frame = await personalTabAs(page, MARGARET);

    const suggestions = frame.getByRole('list', { name: 'Suggested reverse mentors' });
    await suggestions.waitFor({ timeout: 60_000 });
    await frame
      .getByRole('list', { name: 'Why Aisha Bello' })
      .getByText(/Can teach generative AI, social media and younger customers/)
      .waitFor();
    expect(await seriousViolations(frame)).toEqual([]);

    // "Why not someone?" answers in words.
    await frame.getByRole('combobox', { name: /Why not someone else/ }).pressSequentially('Diego');
    await frame.getByRole('option', { name: 'Diego Hernández · Graduate Software Engineer · Engineering' }).click();
    await frame.getByRole('status').filter({ hasText: 'Diego Hernández' }).waitFor();
    await frame.getByRole('button', { name: 'Ask to pair with Aisha Bello' }).click();
    await frame.getByText('You asked Aisha Bello to pair. Waiting for their answer.').waitFor();

    frame = await personalTabAs(page, AISHA);
    const requests = frame.getByRole('list', { name: 'Requests waiting for your answer' });
    await requests.waitFor({ timeout: 60_000 });
    await frame.getByRole('button', { name: 'Accept Margaret Lindqvist' }).click();
    await frame.getByText(/You mentor Margaret Lindqvist \(1 of 1\)/).waitFor();

    frame = await personalTabAs(page, MARGARET);
    await frame.getByText('Aisha Bello accepted. Book your sessions below.').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it('lets someone opt in, and saves what they wrote exactly as typed', async () => {
    const { page, close } = await openPage(browser, '/dev-host/');
    const frame = await personalTabAs(page, DEMO_PEOPLE[3]!);
    await frame.getByRole('button', { name: 'Opt in' }).click({ timeout: 60_000 });
    await frame.getByRole('checkbox', { name: 'I would like to be a reverse mentor' }).check();
    await frame.getByRole('group', { name: 'What can you teach?' }).getByRole('checkbox', { name: 'gaming' }).check();
    expect(await seriousViolations(frame)).toEqual([]);
    await frame.getByRole('textbox', { name: 'In your own words (optional)' }).fill('<img src=x onerror=alert(1)> I run game nights');
    await frame.getByRole('button', { name: 'Save', exact: true }).click();
    await frame.getByText(/Reverse mentor for up to 1 executive; can teach gaming/).waitFor();
    expect(await frame.locator('img[src="x"]').count()).toBe(0);
    await close();
  }, 120_000);
});
