import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostedFrame, launchBrowser, openPage, seriousViolations } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const THEMES = [
  { param: 'default', theme: 'light' },
  { param: 'dark', theme: 'dark' },
  { param: 'contrast', theme: 'contrast' },
] as const;

async function expectRendered(frame: Frame, heading: string, theme: string) {
  await frame.getByRole('heading', { level: 1, name: heading }).waitFor();
  expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  expect(await seriousViolations(frame)).toEqual([]);
}

describe.each(['Teams', 'Outlook'] as const)('in %s', (host) => {
  describe.each(THEMES)('with the $param theme', ({ param, theme }) => {
    it('renders the personal tab for the signed-in person', async () => {
      const { page, errors, close } = await openPage(browser, `/dev-host/?host=${host}&theme=${param}`);
      const frame = await hostedFrame(page, 'Personal tab');
      await expectRendered(frame, 'Welcome, Margaret', theme);
      await frame.getByText(`Reverse mentoring · in ${host}`).waitFor();
      expect(errors).toEqual([]);
      await close();
    });

    it('renders the meeting side panels of both participants and the chat tab', async () => {
      const { page, errors, close } = await openPage(browser, `/dev-host/?host=${host}&theme=${param}&view=meeting&tab=added`);
      for (const person of ['Margaret Lindqvist', 'Diego Hernández']) {
        await expectRendered(await hostedFrame(page, `Side panel of ${person}`), 'Session agenda', theme);
      }
      await page.getByRole('tab', { name: /chat tab/ }).click();
      await expectRendered(await hostedFrame(page, 'Meeting chat tab'), 'Pair workspace', theme);
      if (host === 'Teams') {
        await page.getByRole('tab', { name: 'Shared to stage' }).click();
        await expectRendered(await hostedFrame(page, 'Meeting stage'), 'Session agenda', theme);
      }
      expect(errors).toEqual([]);
      await close();
    });

    it('renders the configuration page', async () => {
      const { page, errors, close } = await openPage(browser, `/dev-host/?host=${host}&theme=${param}&view=meeting`);
      await page.getByRole('button', { name: 'Add Reverse mentoring' }).click();
      await expectRendered(await hostedFrame(page, 'Configuration page'), 'Add reverse mentoring to this meeting', theme);
      expect(errors).toEqual([]);
      await close();
    });
  });
});

describe('the host', () => {
  it('adds the app to a meeting through the configuration page', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/?view=meeting');
    await page.getByRole('button', { name: 'Add Reverse mentoring' }).click();
    const config = await hostedFrame(page, 'Configuration page');
    const save = page.getByRole('button', { name: 'Save' });
    const name = config.getByRole('textbox', { name: 'Tab name' });

    await expect.poll(() => save.isEnabled()).toBe(true);
    await name.fill('   ');
    await config.getByText('Give the tab a name.').waitFor();
    await expect.poll(() => save.isEnabled()).toBe(false);

    await name.fill('Our agenda');
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();

    await page.getByRole('tab', { name: 'Our agenda (chat tab)' }).waitFor();
    const panel = await hostedFrame(page, 'Side panel of Diego Hernández');
    await panel.getByRole('heading', { name: 'Session agenda' }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('follows a live theme change without reloading', async () => {
    const { page, errors, close } = await openPage(browser, '/dev-host/');
    const frame = await hostedFrame(page, 'Personal tab');
    await frame.getByRole('heading', { name: 'Welcome, Margaret' }).waitFor();
    await frame.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = await frame.evaluate(() => getComputedStyle(document.querySelector('main')!).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    expect(await frame.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(errors).toEqual([]);
    await close();
  });

  it('is waited for when slow: the tab says it is connecting, and does not turn into a web page that asks who you are', async () => {
    // Answers app.initialize after 7 s; the app used to give up after 5 s and run as a web page.
    const { page, errors, close } = await openPage(browser, '/dev-host/?slowHost=7000');
    const frame = await hostedFrame(page, 'Personal tab');
    await frame.getByText('Connecting to Microsoft 365…').waitFor();
    await frame.getByRole('heading', { name: 'Welcome, Margaret' }).waitFor({ timeout: 20_000 });
    expect(await frame.getByRole('heading', { name: 'Choose who you are' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('tells each surface who is signed in', async () => {
    const { page, close } = await openPage(browser, '/dev-host/?person=00000000-0000-4000-8000-000000000003');
    const frame = await hostedFrame(page, 'Personal tab');
    await frame.getByRole('heading', { name: 'Welcome, Aisha' }).waitFor();
    await page.getByRole('combobox', { name: 'You are' }).selectOption({ label: 'Priya Raman (programme owner)' });
    await (await hostedFrame(page, 'Personal tab')).getByRole('heading', { name: 'Welcome, Priya' }).waitFor();
    await close();
  });
});

describe('outside a host', () => {
  it('runs as a web page: choose a demo person, theme from the browser', async () => {
    const { page, errors, close } = await openPage(browser, '/personal-tab/', { colorScheme: 'dark' });
    await page.getByRole('heading', { name: 'Choose who you are' }).waitFor();
    expect(await seriousViolations(page.mainFrame())).toEqual([]);
    await page.getByRole('button', { name: 'Continue as Diego Hernández' }).click();
    await page.getByRole('heading', { name: 'Welcome, Diego' }).waitFor();
    await page.getByText('Reverse mentoring · in your browser').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome, Diego' }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('opens the dev host from the site root in the demo', async () => {
    const { page, close } = await openPage(browser, '/');
    await page.waitForURL(/\/dev-host\/$/);
    await close();
  });
});

describe('the accessibility check', () => {
  it('finds serious violations when there are some', async () => {
    const page = await browser.newPage();
    await page.setContent('<main><button></button><img src="x.png"></main>');
    const violations = await seriousViolations(page.mainFrame());
    expect(violations.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
    await page.close();
  });
});
