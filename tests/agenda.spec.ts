import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import { baseUrl, hostedFrame, launchBrowser, openPage, seriousViolations } from './support/browser';
import { addAgendaItem, bookMargaretAndDiego, sidePanels, startFirstSession } from './support/journeys';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const [MARGARET, DIEGO] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], (typeof DEMO_PEOPLE)[number]];

const itemTexts = (panel: Frame) =>
  panel
    .getByRole('list', { name: 'This session' })
    .getByRole('textbox', { name: 'Item' })
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

describe('the shared agenda in the meeting side panel', () => {
  it('two participants edit at once and end up equal; one goes offline, edits, and catches up', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    await bookMargaretAndDiego(page);
    const [margaret, diego] = await sidePanels(page, baseUrl());

    // The first session guides them: goals and the code of conduct.
    await startFirstSession(margaret, diego);

    // Both edit at once, without waiting for each other: add, reorder, tick, the same item's text.
    // (Playwright drives one page, so the actions are a few milliseconds apart; truly simultaneous
    // writes are the offline part below and the domain's property tests.)
    await addAgendaItem(margaret, 'How do teams use AI assistants?');
    await addAgendaItem(diego, 'Board pack walkthrough');
    await addAgendaItem(margaret, 'TikTok for customer research');
    await expect.poll(() => itemTexts(diego), { timeout: 10_000 }).toHaveLength(3);
    await diego.getByRole('button', { name: 'Move “TikTok for customer research” up' }).click();
    await margaret.getByRole('checkbox', { name: 'Done: Board pack walkthrough' }).check();
    const firstItem = (panel: Frame) => panel.getByRole('list', { name: 'This session' }).getByRole('textbox', { name: 'Item' }).first();
    await firstItem(margaret).fill('How do teams use AI assistants? (finance)');
    await firstItem(diego).fill('How do teams use AI assistants? (engineering)');
    await firstItem(margaret).press('Enter');
    await firstItem(diego).press('Enter');
    await expect.poll(async () => JSON.stringify(await itemTexts(margaret)) === JSON.stringify(await itemTexts(diego)), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => diego.getByRole('checkbox', { name: 'Done: Board pack walkthrough' }).isChecked()).toBe(true);

    // Margaret picks the item to discuss and starts its timer: Diego sees both.
    await margaret.getByRole('button', { name: 'Discuss now' }).first().click();
    await margaret.getByRole('button', { name: '5 min' }).click();
    await expect.poll(() => diego.getByRole('timer').textContent(), { timeout: 10_000 }).toMatch(/^0[45]:\d\d$/);
    await diego.getByRole('button', { name: 'Discussing' }).waitFor();

    // Diego loses the network, keeps editing (the same item as Margaret, too), and comes back.
    await page.getByRole('switch', { name: `${DIEGO.displayName} online` }).uncheck();
    await diego.getByText('Offline — your edits are kept', { exact: false }).waitFor({ timeout: 15_000 });
    await addAgendaItem(diego, 'Written while offline');
    await addAgendaItem(margaret, 'Written while Diego was away');
    await firstItem(diego).fill('AI assistants: what Diego would try first');
    await firstItem(diego).press('Enter');
    await firstItem(margaret).fill('AI assistants: what finance would try first');
    await firstItem(margaret).press('Enter');
    await page.getByRole('switch', { name: `${DIEGO.displayName} online` }).check();
    await expect.poll(async () => (await itemTexts(margaret)).includes('Written while offline'), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await itemTexts(diego)).includes('Written while Diego was away'), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => JSON.stringify(await itemTexts(margaret)) === JSON.stringify(await itemTexts(diego)), { timeout: 10_000 }).toBe(true);
    // Both wrote the first item at once: neither's words are lost; the other version is offered beside it.
    for (const panel of [margaret, diego]) await panel.getByText(/also wrote: “AI assistants: what (Diego|finance) would try first”/).waitFor();
    await diego.getByText('Saved in your pair workspace.', { exact: false }).waitFor({ timeout: 20_000 });

    expect(await seriousViolations(margaret)).toEqual([]);

    // The next session, a fortnight on: what was not ticked off is carried over.
    await page.clock.setSystemTime(Date.now() + 15 * 86_400_000);
    await page.reload();
    const [next] = await sidePanels(page, baseUrl());
    const carried = next.getByRole('list', { name: 'Carried over from last time' });
    await carried.waitFor();
    const carriedTexts = await carried.getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
    expect(carriedTexts).toContain('TikTok for customer research');
    expect(carriedTexts).toContain('Written while offline');
    expect(carriedTexts).not.toContain('Board pack walkthrough');
    await next.getByText('Nothing yet. Add what you want to talk about.').waitFor();
    // The full agenda, in every theme Teams has (switched live, as Teams does).
    for (const [label, theme] of [
      ['Dark', 'dark'],
      ['High contrast', 'contrast'],
      ['Light', 'light'],
    ] as const) {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label });
      await expect.poll(() => next.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      // Buttons fade to the new colours; measure contrast once they are there.
      await next.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      expect(await seriousViolations(next)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await close();
  }, 300_000);

  it('both panels edit the same item at once: both words are kept, in both panels and after a reload', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    await bookMargaretAndDiego(page);
    const [margaret, diego] = await sidePanels(page, baseUrl());
    await startFirstSession(margaret, diego);
    await addAgendaItem(margaret, 'AI assistants');
    await expect.poll(() => itemTexts(diego), { timeout: 10_000 }).toEqual(['AI assistants']);

    const item = (panel: Frame) => panel.getByRole('list', { name: 'This session' }).getByRole('listitem').first();
    const field = (panel: Frame) => item(panel).getByRole('textbox', { name: 'Item' });
    const FINANCE = 'AI assistants for finance';
    const ENGINEERING = 'AI assistants for engineering';

    // Diego starts rewriting the item from the text both see; Margaret rewrites it too and saves first
    // (Enter). Both panels share this page's focus, and a field that loses it saves, so her words go in
    // without taking the focus from Diego's field, as on two machines.
    await field(diego).fill(ENGINEERING);
    await field(margaret).evaluate((textarea: HTMLTextAreaElement, text) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(textarea, text);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }, FINANCE);
    await expect.poll(() => field(margaret).inputValue()).toBe(FINANCE);
    await field(margaret).dispatchEvent('keydown', { key: 'Enter' });
    // Diego is still typing (each key holds off his save) when Margaret's words reach his copy of the agenda:
    // the item's label shows them, while his field keeps what he is writing. Only then does he save.
    // (A save that reached neither side before the other's would be concurrent whatever clock it carried;
    // this is the case a save carrying the clock of everything seen by then would overwrite.)
    for (let keys = 0; (await item(diego).getAttribute('aria-label')) !== FINANCE; keys++) {
      if (keys > 500) throw new Error('Margaret’s edit never reached Diego’s panel');
      await field(diego).press('Space');
      await field(diego).press('Backspace');
    }
    expect(await field(diego).inputValue()).toBe(ENGINEERING);
    await field(diego).press('Enter');

    /** The item's text as a panel shows it, with the other versions offered beside it. */
    const versions = async (panel: Frame) => {
      const others = await item(panel)
        .getByText(/ also wrote: /)
        .allTextContents();
      return [await field(panel).inputValue(), ...others.map((text) => /“(.*)”$/.exec(text)?.[1] ?? text)].sort();
    };
    const both = [ENGINEERING, FINANCE];
    for (const panel of [margaret, diego]) {
      await expect.poll(() => versions(panel), { timeout: 20_000 }).toEqual(both);
      await item(panel).getByRole('button', { name: 'Use this' }).waitFor();
    }
    await margaret.getByText('Saved in your pair workspace.', { exact: false }).waitFor({ timeout: 20_000 });
    await diego.getByText('Saved in your pair workspace.', { exact: false }).waitFor({ timeout: 20_000 });

    // Opened again (from the workspace and the live session), both words are still there in both panels.
    await page.reload();
    const again = await sidePanels(page, baseUrl());
    for (const panel of again) await expect.poll(() => versions(panel), { timeout: 20_000 }).toEqual(both);
    expect(errors).toEqual([]);
    await close();
  }, 300_000);

  it('says how to link a meeting to a pair, accessibly in every theme', async () => {
    for (const theme of ['default', 'dark', 'contrast']) {
      const { page, errors, close } = await openPage(browser, `/dev-host/?view=meeting&tab=added&theme=${theme}`);
      const panel = await hostedFrame(page, `Side panel of ${MARGARET.displayName}`);
      await panel.getByRole('heading', { name: 'Session agenda' }).first().waitFor({ timeout: 60_000 });
      // With no pair booked yet, the panel says how to link one.
      await panel.getByText('This meeting is not linked to a pair yet.', { exact: false }).waitFor({ timeout: 60_000 });
      expect(await seriousViolations(panel)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    }
  }, 180_000);
});

describe('the agenda in Outlook, which has no Live Share', () => {
  it('keeps the saved agenda editable, says quietly that live editing is not available, and saves to the workspace', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    await bookMargaretAndDiego(page);
    // The same meeting, opened in Outlook: the dev host offers no Live Share there, as Outlook does not.
    await page.goto(`${baseUrl()}/dev-host/?host=Outlook&view=meeting&tab=added`);
    const margaret = await hostedFrame(page, `Side panel of ${MARGARET.displayName}`);
    await margaret.getByText('Live editing isn’t available here', { exact: false }).waitFor({ timeout: 60_000 });
    expect(await margaret.getByText('could not be opened', { exact: false }).count()).toBe(0);

    await addAgendaItem(margaret, 'Copilot in Outlook');
    await expect.poll(() => itemTexts(margaret)).toEqual(['Copilot in Outlook']);
    await margaret.getByText('Saved in your pair workspace.', { exact: false }).waitFor({ timeout: 20_000 });

    // Saved, so nothing of the agenda is left on this device; Diego opens it again from the workspace.
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('agenda-unsaved:')))).toEqual([]);
    await page.reload();
    const diego = await hostedFrame(page, `Side panel of ${DIEGO.displayName}`);
    await diego.getByText('Live editing isn’t available here', { exact: false }).waitFor({ timeout: 60_000 });
    await expect.poll(() => itemTexts(diego), { timeout: 20_000 }).toEqual(['Copilot in Outlook']);
    expect(await seriousViolations(diego)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  }, 300_000);
});
