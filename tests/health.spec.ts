import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import { DEMO_ACTIVITY_KEY, DEMO_STATE_KEY } from '../src/demo/dev-host-protocol';
import type { SentActivity } from '../src/demo/graph/fake-activity-feed';
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
const [MARGARET, DIEGO, , PRIYA] = DEMO_PEOPLE as [Person, Person, Person, Person];
const DAY_MS = 86_400_000;
const LINE = 'Diego showed me three AI tools my team could use tomorrow.';

/** Moves the page's clock on by `days` and opens this person's personal tab again. */
async function later(page: Page, days: number, person: Person, clock: { now: number }): Promise<Frame> {
  clock.now += days * DAY_MS;
  await page.clock.setSystemTime(clock.now);
  await page.reload();
  return personalTabAs(page, person);
}

/** The home's card with this heading. */
const cardOf = (frame: Frame, heading: string) => frame.locator('[data-card]').filter({ has: frame.getByRole('heading', { name: heading, exact: true }) });

/** Checks in for the session on show in the card of sessions with `partner`. */
async function checkIn(frame: Frame, partner: string, outcome: string, options: { pulse?: number; cancelledBy?: string; line?: string } = {}) {
  const card = cardOf(frame, `Your sessions with ${partner}`);
  const panel = card.getByRole('group', { name: /^Check in for the session on / });
  await panel.waitFor({ timeout: 60_000 });
  await panel.getByRole('button', { name: outcome, exact: true }).click();
  if (options.cancelledBy) await panel.getByRole('radio', { name: options.cancelledBy }).check();
  if (options.pulse) await panel.getByRole('button', { name: `Useful: ${options.pulse} of 5` }).click();
  if (options.line) await panel.getByRole('textbox', { name: /A line to the programme owners/ }).fill(options.line);
  await panel.getByRole('button', { name: 'Save check-in' }).click();
  await card.getByText(/^Thank you: you checked in for the session on /).waitFor({ timeout: 30_000 });
}

/** Gives the evaluation on show in the card of sessions with `partner`: goals and every statement rated `value`. */
async function evaluate(frame: Frame, partner: string, stage: 'start' | 'end', value: number) {
  const form = cardOf(frame, `Your sessions with ${partner}`).getByRole('group', { name: stage === 'start' ? 'Evaluation at the start' : 'Evaluation at the end' });
  await form.waitFor({ timeout: 60_000 });
  const scales = form.getByRole('group');
  for (let i = 0; i < (await scales.count()); i++)
    await scales
      .nth(i)
      .getByRole('button', { name: `${value} of 5` })
      .click();
  await form.getByRole('button', { name: 'Save evaluation' }).click();
  await form.waitFor({ state: 'detached', timeout: 30_000 });
}

describe('a round, checked in and looked after', () => {
  it('the pair evaluate, hold and cancel sessions as the weeks pass; the owner sees the figures and the pair at risk, and reminds them; no one else reads a check-in; too few evaluations are withheld', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    await bookMargaretAndDiego(page);
    const clock = { now: Date.now() };

    // A fortnight on, the first session has taken place: both check in, each for themselves.
    let frame = await later(page, 15, MARGARET, clock);
    expect(await seriousViolations(frame)).toEqual([]);
    await evaluate(frame, DIEGO.displayName, 'start', 2);
    await checkIn(frame, DIEGO.displayName, 'We met', { pulse: 4, line: LINE });
    expect(await seriousViolations(frame)).toEqual([]);
    frame = await personalTabAs(page, DIEGO);
    await evaluate(frame, MARGARET.displayName, 'start', 3);
    await checkIn(frame, MARGARET.displayName, 'We met at another time', { pulse: 5 });
    // Diego never sees what Margaret recorded.
    expect(await frame.getByText(LINE).count()).toBe(0);

    // Margaret cancels the next two sessions: the pair is at risk.
    frame = await later(page, 14, MARGARET, clock);
    await checkIn(frame, DIEGO.displayName, 'It was cancelled', { cancelledBy: 'I did' });
    frame = await later(page, 14, MARGARET, clock);
    await checkIn(frame, DIEGO.displayName, 'It was cancelled', { cancelledBy: 'I did' });

    // What the store keeps says who checked in and when, not what or about whom.
    const state = await page.evaluate((key) => localStorage.getItem(key) ?? '', DEMO_STATE_KEY);
    expect(state).not.toContain(LINE);

    frame = await personalTabAs(page, PRIYA);
    const health = cardOf(frame, 'Programme health');
    const figures = health.getByRole('group', { name: 'Programme health figures' });
    await figures.waitFor({ timeout: 90_000 });
    // The demo's round (eight pairs, which stalled too while the clock moved on) and Margaret and Diego.
    await figures.getByText(/^\d of 9$/).waitFor();
    const atRisk = health.getByRole('list', { name: 'Pairs at risk' });
    await atRisk.getByText(`${MARGARET.displayName} with ${DIEGO.displayName}: the executive cancelled the last two sessions.`).waitFor();
    await health.getByRole('list', { name: 'Lines to the owners' }).getByText(LINE, { exact: false }).waitFor();
    // The charts are drawn (the library's SVG), and the same figures are there as tables.
    await health.locator('figure svg').first().waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
    await health.getByRole('tab', { name: 'Tables' }).click();
    const weeks = health.getByRole('table', { name: 'Sessions by week' });
    // The weeks since the demo began have pulses from Margaret and Diego alone: withheld.
    const lastWeeks = weeks.getByRole('row').filter({ hasText: 'Withheld (under 5 people)' });
    expect(await lastWeeks.count()).toBeGreaterThan(0);
    expect(await weeks.getByText(/of 5 \(\d+ people\)/).count()).toBeGreaterThan(0);
    expect(await seriousViolations(frame)).toEqual([]);

    // The export is the same, withheld averages left empty.
    const [download] = await Promise.all([frame.page().waitForEvent('download'), health.getByRole('button', { name: 'Export health CSV' }).click()]);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(csv).toContain(`"${MARGARET.displayName}","${DIEGO.displayName}","0","1","0","2","0","3"`);

    // Priya reminds them; both are told in Teams.
    await atRisk.getByRole('button', { name: `Remind them: ${MARGARET.displayName} and ${DIEGO.displayName}, in Teams` }).click();
    await atRisk.getByText('Reminded both in Teams.').waitFor();
    // (The tab hands notifications to the background: they arrive in a moment.)
    const nudged = async () =>
      (await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as SentActivity[], DEMO_ACTIVITY_KEY))
        .filter((a) => a.activityType === 'sessionsNudged')
        .map((a) => a.recipientId)
        .sort();
    await expect.poll(nudged, { timeout: 30_000 }).toEqual([MARGARET.id, DIEGO.id].sort());

    // Half a year on the pairing is over: both give the evaluation at the end. Two people are too few
    // to show: the owner sees the start (the demo's round and these two) and the end withheld.
    frame = await later(page, 150, MARGARET, clock);
    await evaluate(frame, DIEGO.displayName, 'end', 4);
    frame = await personalTabAs(page, DIEGO);
    await evaluate(frame, MARGARET.displayName, 'end', 5);
    frame = await personalTabAs(page, PRIYA);
    const evaluations = cardOf(frame, 'Programme health').getByRole('table', { name: 'Evaluations' });
    const goals = evaluations.getByRole('row', { name: /^How far along with their own goals/ });
    await goals.waitFor({ timeout: 90_000 });
    expect(await goals.getByRole('cell').allTextContents()).toEqual(['How far along with their own goals', expect.stringMatching(/ of 5 \(18 people\)$/), 'Withheld (under 5 people)']);
    expect(await seriousViolations(frame)).toEqual([]);

    expect(errors).toEqual([]);
    await close();
  }, 600_000);
});
