import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import { bookMargaretAndDiego } from './support/journeys';
import { launchBrowser, openPage, personalTabAs, seriousViolations } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Person = (typeof DEMO_PEOPLE)[number];
const [MARGARET, , AISHA, PRIYA] = DEMO_PEOPLE as [Person, Person, Person, Person];

/** The dev host's theme select values, and what each surface then says it is in `data-theme`. */
const THEMES = [
  { value: 'default', theme: 'light' },
  { value: 'dark', theme: 'dark' },
  { value: 'contrast', theme: 'contrast' },
] as const;

/** The section headings of the home's cards, in the order they are drawn, once the cards have loaded. */
async function homeHeadings(frame: Frame): Promise<string[]> {
  await frame.waitForFunction(() => document.querySelectorAll('.fui-Spinner').length === 0, undefined, { timeout: 60_000 });
  return frame.getByRole('region', { name: 'Your mentoring' }).getByRole('heading', { level: 2 }).allTextContents();
}

/** Axe finds nothing serious or critical in the tab in light, dark and high contrast, switched live. */
async function expectAccessibleInEveryTheme(page: Page, frame: Frame) {
  for (const { value, theme } of THEMES) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(value);
    await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    // Buttons fade to the new theme's colours: check them once they are there, not half-way.
    await frame.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    expect(await seriousViolations(frame), `in the ${theme} theme`).toEqual([]);
  }
}

describe('each role’s home in the demo', () => {
  it('an unpaired executive: suggestions lead, with photos (initials for people without one), no pairing', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    const frame = await personalTabAs(page, MARGARET);
    const suggestions = frame.getByRole('list', { name: 'Suggested reverse mentors' });
    await suggestions.waitFor({ timeout: 60_000 });

    const headings = await homeHeadings(frame);
    expect(headings[0]).toBe('Suggested reverse mentors');
    expect(headings).not.toContain('Your pairing');

    // Every suggestion card has an avatar: the person's photo (an img) once it has loaded, else their initials.
    const cards = suggestions.locator(':scope > li');
    await expect.poll(() => suggestions.locator('.fui-Avatar img').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const avatars = await cards.evaluateAll((items) =>
      items.map((item) => {
        const avatar = item.querySelector('.fui-Avatar');
        return { avatar: !!avatar, photo: !!avatar?.querySelector('img'), initials: avatar?.querySelector('.fui-Avatar__initials')?.textContent?.trim() ?? '' };
      }),
    );
    expect(avatars.length).toBeGreaterThan(0);
    for (const a of avatars) {
      expect(a.avatar).toBe(true);
      if (!a.photo) expect(a.initials).toMatch(/^\p{Lu}{1,2}$/u);
    }
    // Photos carry no name of their own: the avatar is decoration next to the name, so axe has nothing to say about them.
    await expectAccessibleInEveryTheme(page, frame);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it('a junior: no suggestions and no pairing; their requests or profile lead', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    const frame = await personalTabAs(page, AISHA);
    await frame.getByRole('heading', { level: 2, name: 'Your profile' }).waitFor({ timeout: 60_000 });

    const headings = await homeHeadings(frame);
    expect(['Requests to pair', 'Your profile']).toContain(headings[0]);
    expect(headings).not.toContain('Suggested reverse mentors');
    expect(headings).not.toContain('Your pairing');
    // Only the demo's programme owner (Priya) runs the programme: a junior sees neither the
    // Programme view nor the directory's data-quality warnings.
    expect(headings).not.toContain('Programme');
    expect(await frame.getByRole('button', { name: 'Run matching' }).count()).toBe(0);
    expect(await frame.getByText(/reporting loop was found/).count()).toBe(0);

    await expectAccessibleInEveryTheme(page, frame);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it('a paired executive: Your pairing leads, with Join and Prepare; no suggestions', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    await bookMargaretAndDiego(page);
    const frame = await personalTabAs(page, MARGARET);
    const pair = frame.getByRole('group', { name: 'With Diego Hernández' });
    await pair.waitFor({ timeout: 60_000 });
    await pair.getByRole('link', { name: 'Join' }).waitFor({ timeout: 60_000 });
    await pair.getByRole('link', { name: 'Prepare' }).waitFor();

    const headings = await homeHeadings(frame);
    expect(headings[0]).toBe('Your pairing');
    expect(headings).not.toContain('Suggested reverse mentors');

    await expectAccessibleInEveryTheme(page, frame);
    expect(errors).toEqual([]);
    await close();
  }, 300_000);

  it('a programme owner: the Programme view is there', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    const frame = await personalTabAs(page, PRIYA);
    await frame.getByRole('heading', { level: 2, name: 'Programme', exact: true }).waitFor({ timeout: 60_000 });
    await frame.getByRole('button', { name: 'Run matching' }).waitFor({ timeout: 60_000 });
    expect(await homeHeadings(frame)).not.toContain('Your pairing');

    await expectAccessibleInEveryTheme(page, frame);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
