import type { Browser, Frame } from 'playwright-core';
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

type Person = (typeof DEMO_PEOPLE)[number];
const [MARGARET, , AISHA, PRIYA] = DEMO_PEOPLE as [Person, Person, Person, Person];

/** The mentor the proposal on show gives Margaret (her row's Pin button names the pair). */
async function margaretsMentor(frame: Frame): Promise<string> {
  const pin = frame.getByRole('button', { name: /^(Pin|Unpin) Margaret Lindqvist with / });
  await pin.waitFor();
  return (await pin.getAttribute('aria-label'))!.replace(/^(Pin|Unpin) Margaret Lindqvist with /, '');
}

/** Priya sends the proposal on show, confirming the number of pairs and people. */
async function send(frame: Frame) {
  const button = frame.getByRole('button', { name: /^Send \d+ pairs?$/ });
  const pairs = (await button.textContent())!.replace(/^Send /, '');
  await button.click();
  const question = frame.getByRole('group', { name: new RegExp(`^Send ${pairs} to \\d+ people\\?$`) });
  await question.getByRole('heading', { name: new RegExp(`^Send ${pairs} to \\d+ people\\?$`) }).waitFor();
  await question.getByRole('button', { name: `Send ${pairs}` }).click();
  await frame.getByText(`Sent ${pairs}.`, { exact: false }).waitFor({ timeout: 30_000 });
}

/** The sent pair of Margaret with this mentor, in Priya's list of sent pairs. */
const sentPair = (frame: Frame, mentor: string) =>
  frame
    .getByRole('list', { name: 'Sent pairs' })
    .getByRole('listitem')
    .filter({ hasText: `Margaret Lindqvist with ${mentor}` });

describe('owners send the pairs', () => {
  it('Priya runs, pins, excludes and sends; Margaret declines, Priya runs again for her; Margaret and Aisha accept from their own tabs and Priya sees them paired', async () => {
    const { page, errors, close } = await openPage(browser, `/dev-host/?person=${PRIYA.id}`);
    let frame = await personalTabAs(page, PRIYA);
    await frame.getByRole('button', { name: 'Run matching' }).click({ timeout: 60_000 });
    await frame.getByRole('table', { name: 'Proposed pairs' }).waitFor();

    // Priya keeps Aisha for someone else: she excludes Margaret with Aisha, and pins another pair.
    expect(await margaretsMentor(frame)).toBe('Aisha Bello');
    await frame.getByRole('button', { name: 'Exclude Margaret Lindqvist with Aisha Bello' }).click();
    await expect.poll(() => margaretsMentor(frame)).not.toBe('Aisha Bello');
    const first = await margaretsMentor(frame);
    const pin = frame.getByRole('button', { name: /^Pin (?!Margaret Lindqvist )/ }).first();
    const pinned = (await pin.getAttribute('aria-label'))!.replace(/^Pin /, '');
    await pin.click();
    await frame.getByRole('button', { name: `Unpin ${pinned}` }).waitFor();
    await send(frame);
    await sentPair(frame, first).getByText('Waiting').waitFor();
    await frame
      .getByRole('status')
      .filter({ hasText: /^Still waiting for .*Margaret Lindqvist/ })
      .waitFor();
    expect(await seriousViolations(frame)).toEqual([]);

    // Margaret declines, after confirming; Aisha declines the executive proposed to her, so her place is free again.
    frame = await personalTabAs(page, MARGARET);
    const proposed = frame.getByRole('list', { name: 'Pairs proposed to you' });
    await proposed.getByText(first).first().waitFor({ timeout: 60_000 });
    await proposed.getByRole('list', { name: `Why the programme proposes ${first}` }).waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
    await frame.getByRole('button', { name: `Decline pairing with ${first}` }).click();
    await frame
      .getByRole('group', { name: `Decline pairing with ${first}?` })
      .getByRole('button', { name: 'Yes, decline' })
      .click();
    await proposed.getByText(`You declined. The programme will not propose you and ${first} again`, { exact: false }).waitFor({ timeout: 30_000 });

    frame = await personalTabAs(page, AISHA);
    const toAisha = frame.getByRole('list', { name: 'Pairs proposed to you' });
    await toAisha.getByText('As the executive you would mentor:').waitFor({ timeout: 60_000 });
    await toAisha.getByRole('button', { name: /^Decline pairing with / }).click();
    await frame
      .getByRole('group', { name: /^Decline pairing with .*\?$/ })
      .getByRole('button', { name: 'Yes, decline' })
      .click();
    await toAisha.getByText(/^You declined\./).waitFor({ timeout: 30_000 });

    // Priya sees the answers arrive, allows Margaret with Aisha again and runs again for those declined.
    frame = await personalTabAs(page, PRIYA);
    await sentPair(frame, first).getByText(`Margaret Lindqvist declined; ${first} has not answered yet.`).waitFor({ timeout: 60_000 });
    await frame.getByRole('button', { name: 'Allow again Margaret Lindqvist and Aisha Bello' }).click();
    await frame.getByRole('button', { name: 'Run again for those declined' }).click();
    await expect.poll(() => margaretsMentor(frame), { timeout: 30_000 }).toBe('Aisha Bello');
    expect(first).not.toBe('Aisha Bello');
    await send(frame);

    // Margaret and Aisha each accept from their own tab.
    frame = await personalTabAs(page, MARGARET);
    await frame.getByRole('button', { name: 'Accept pairing with Aisha Bello' }).click({ timeout: 60_000 });
    await frame.getByText('You accepted. Waiting for Aisha Bello to answer', { exact: false }).waitFor({ timeout: 30_000 });
    frame = await personalTabAs(page, AISHA);
    await frame.getByRole('button', { name: 'Accept pairing with Margaret Lindqvist' }).click({ timeout: 60_000 });
    await frame.getByText('You and Margaret Lindqvist both accepted: you are paired.', { exact: false }).waitFor({ timeout: 30_000 });

    // Priya sees them paired; Margaret can book her sessions as after an accepted request.
    frame = await personalTabAs(page, PRIYA);
    await sentPair(frame, 'Aisha Bello').getByText('Paired').waitFor({ timeout: 60_000 });
    await sentPair(frame, 'Aisha Bello').getByText('Margaret Lindqvist accepted; Aisha Bello accepted.').waitFor();
    frame = await personalTabAs(page, MARGARET);
    await frame.getByRole('list', { name: 'Suggested times' }).waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    await close();
  }, 600_000);
});
