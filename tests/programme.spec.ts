import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import { hostedFrame, launchBrowser, openPage, seriousViolations } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the programme view on the demo tenant', () => {
  it('runs the programme-wide matching; pins, excludes, re-runs and exports', async () => {
    const priya = DEMO_PEOPLE[3]!;
    const { page, errors, close } = await openPage(browser, `/dev-host/?person=${priya.id}`, { acceptDownloads: true });
    const frame = await hostedFrame(page, 'Personal tab');
    await frame.getByRole('button', { name: 'Run matching' }).click({ timeout: 60_000 });

    const table = frame.getByRole('table', { name: 'Proposed pairs' });
    await table.waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(5);
    await frame.getByRole('group', { name: 'Programme figures' }).getByText('Matched').waitFor();
    expect(await seriousViolations(frame)).toEqual([]);

    // Pin the first pair: it stays through a re-run.
    const pin = frame.getByRole('button', { name: /^Pin / }).first();
    const pinned = (await pin.getAttribute('aria-label'))!.replace(/^Pin /, '');
    await pin.click();
    await frame.getByRole('button', { name: `Unpin ${pinned}` }).waitFor();
    await frame.getByRole('button', { name: 'Run again' }).click();
    await frame.getByRole('button', { name: `Unpin ${pinned}` }).waitFor();

    // Exclude another: that pair is gone.
    const exclude = frame.getByRole('button', { name: /^Exclude / }).nth(1);
    const excluded = (await exclude.getAttribute('aria-label'))!.replace(/^Exclude /, '');
    await exclude.click();
    await expect.poll(() => frame.getByRole('button', { name: `Exclude ${excluded}` }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('"Executive","Executive email","Reverse mentor","Reverse mentor email","Fit","Pinned","Why"');
    expect(csv).toContain('"true"');
    expect(csv).not.toMatch(/(^|,)"[=+\-@]/m);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
