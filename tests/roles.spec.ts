import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import { bookMargaretAndDiego } from './support/journeys';
import { homeHeadings, launchBrowser, openPage, personalTabAs, seriousViolations } from './support/browser';

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

/** One card as drawn: its box and, if it has any, the bottom of its actions. */
interface DrawnCard {
  top: number;
  bottom: number;
  actionsBottom: number | undefined;
}

/**
 * The cards of the home's grid and of each grid of cards inside it (suggestions, requests), by
 * grid, and whether the page scrolls sideways.
 */
async function drawnCards(frame: Frame): Promise<{ grids: DrawnCard[][]; sideways: boolean }> {
  return frame.evaluate(() => {
    const drawn = (card: Element) => {
      const box = card.getBoundingClientRect();
      const actions = [...card.querySelectorAll('[data-card-actions]')].filter((a) => a.closest('[data-card]') === card).at(-1);
      return { top: Math.round(box.top), bottom: Math.round(box.bottom), actionsBottom: actions ? Math.round(actions.getBoundingClientRect().bottom) : undefined };
    };
    const home = document.querySelector('[aria-label="Your mentoring"]')!;
    const grids = [[...home.children].filter((c) => c.matches('[data-card]')).map(drawn)];
    for (const list of home.querySelectorAll('ul')) {
      const cards = [...list.children].map((item) => item.querySelector(':scope > [data-card]')).filter((c) => c !== null);
      if (cards.length > 0) grids.push(cards.map(drawn));
    }
    return { grids, sideways: document.documentElement.scrollWidth > window.innerWidth };
  });
}

/** The frame's width made `width` by resizing the page around it (the dev host draws its own margins). */
async function frameWidth(page: Page, frame: Frame, width: number) {
  const viewport = page.viewportSize()!;
  const inner = await frame.evaluate(() => window.innerWidth);
  await page.setViewportSize({ width: viewport.width + width - inner, height: viewport.height });
  await expect.poll(() => frame.evaluate(() => window.innerWidth)).toBe(width);
}

/** A grid's cards by row (the cards whose tops are level). */
function rowsOf(grid: DrawnCard[]): DrawnCard[][] {
  const rows = new Map<number, DrawnCard[]>();
  for (const card of grid) rows.set(card.top, [...(rows.get(card.top) ?? []), card]);
  return [...rows.values()];
}

/** Cards that share a row of a grid are as tall as each other, and their actions line up at their bottom. */
function expectRowsLevel(grids: DrawnCard[][], where: string) {
  for (const grid of grids) {
    for (const row of rowsOf(grid)) {
      expect(new Set(row.map((c) => c.bottom)).size, `cards of one row, ${where}`).toBe(1);
      const actions = row.map((c) => c.actionsBottom).filter((b) => b !== undefined);
      expect(new Set(actions).size, `actions of one row, ${where}`).toBeLessThanOrEqual(1);
    }
  }
}

describe('each role’s home in the demo', () => {
  it('cards of a row are of equal height with their actions level, at 320, 1024 and 1920 px', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    for (const person of [MARGARET, AISHA]) {
      const frame = await personalTabAs(page, person);
      await homeHeadings(frame);
      if (person === MARGARET) await frame.getByRole('list', { name: 'Suggested reverse mentors' }).waitFor({ timeout: 60_000 });
      for (const width of [320, 1024, 1920]) {
        await frameWidth(page, frame, width);
        const { grids, sideways } = await drawnCards(frame);
        const where = `${person.displayName} at ${width} px`;
        expect(sideways, `no sideways scrolling, ${where}`).toBe(false);
        // Several cards side by side at 1024 and 1920 px (else there is nothing to line up); one column at 320.
        const widest = Math.max(...grids.flatMap((grid) => rowsOf(grid).map((row) => row.length)));
        if (width === 320) expect(widest, where).toBe(1);
        else expect(widest, where).toBeGreaterThan(1);
        expectRowsLevel(grids, where);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(errors).toEqual([]);
    await close();
  }, 240_000);

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
