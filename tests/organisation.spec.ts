import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoTenant } from '../src/demo/graph/demo-tenant';
import { DEMO_PEOPLE } from '../src/demo/demo-people';
import { hostedFrame, launchBrowser, openPage, seriousViolations } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Enabled members of the default demo tenant: who the programme may involve. */
const expected = generateDemoTenant().filter((u) => u.accountEnabled && u.userType === 'Member').length;

describe('the organisation on the personal tab', () => {
  it('loads the whole demo tenant while Graph throttles a fifth of requests', async () => {
    // As the programme owner, who also sees what was wrong with the directory data.
    const { page, errors, close } = await openPage(browser, `/dev-host/?graph=throttle&person=${DEMO_PEOPLE[3]!.id}`);
    const frame = await hostedFrame(page, 'Personal tab');
    const count = frame.getByTestId('people-count');
    await count.waitFor({ timeout: 90_000 });
    expect(await count.textContent()).toBe(`${expected.toLocaleString('en-US')} people`);
    await frame.getByText(/reporting loop was found and broken/).waitFor();
    expect(await seriousViolations(frame)).toEqual([]);

    // The next open shows the cached organisation and checks Graph for changes only.
    await frame.evaluate(() => location.reload());
    await frame.getByTestId('people-count').waitFor();
    expect(errors).toEqual([]);
    await close();
  }, 120_000);

  it('tells people which permission an admin must grant', async () => {
    const { page, close } = await openPage(browser, '/dev-host/?graph=missing-consent');
    const frame = await hostedFrame(page, 'Personal tab');
    await frame.getByText(/needs the Microsoft Graph permission User\.Read\.All/).waitFor();
    await frame.getByRole('button', { name: 'Try again' }).waitFor();
    await close();
  });
});
