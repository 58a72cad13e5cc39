/**
 * `npm run screenshots`: builds the demo and photographs every surface through the dev host, in the
 * light and dark themes (the health view in high contrast too), into tests/screenshots/ (the README shows them).
 */
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDemoBuild } from '../tests/support/demo-server.ts';
import { startLocalFluid } from '../tests/support/local-fluid.ts';
import { bookMargaretAndDiego } from '../tests/support/journeys.ts';

const out = fileURLToPath(new URL('../tests/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });

const PRIYA = '00000000-0000-4000-8000-000000000004';
const AISHA = '00000000-0000-4000-8000-000000000003';

const SHOTS: { name: string; path: string; wait: string; heading: string; ready?: string; frameReady?: string; click?: string }[] = [
  {
    name: 'suggestions',
    path: '/dev-host/',
    wait: 'iframe[title="Personal tab"]',
    heading: 'Welcome',
    frameReady: '[aria-label="Suggested reverse mentors"]',
  },
  {
    name: 'programme',
    path: `/dev-host/?person=${PRIYA}`,
    wait: 'iframe[title="Personal tab"]',
    heading: 'Welcome',
    click: 'Run matching',
    frameReady: 'table',
  },
  // The new home: an unpaired executive's suggestions lead, with photos; a junior's requests and profile.
  {
    name: 'home-executive',
    path: '/dev-host/',
    wait: 'iframe[title="Personal tab"]',
    heading: 'Welcome',
    frameReady: '[aria-label="Suggested reverse mentors"] .fui-Avatar img',
  },
  { name: 'home-junior', path: `/dev-host/?person=${AISHA}`, wait: 'iframe[title="Personal tab"]', heading: 'Welcome', frameReady: 'h2:has-text("Your profile")' },
  { name: 'personal-tab', path: '/dev-host/', wait: 'iframe[title="Personal tab"]', heading: 'Welcome', frameReady: '[data-testid="people-count"]' },
  {
    name: 'configuration-page',
    path: '/dev-host/?view=meeting&configure=1',
    wait: 'iframe[title="Configuration page"]',
    heading: 'Add reverse',
    ready: 'button:has-text("Save"):not([disabled])',
  },
];

/** The dev host as this demo person, their personal tab once it has greeted them. */
async function personalTabAs(page: Page, person: string): Promise<Frame> {
  await page.getByRole('combobox', { name: 'You are' }).selectOption(person);
  const frame = (await (await page.waitForSelector('iframe[title="Personal tab"]')).contentFrame())!;
  await frame.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
  return frame;
}

/** A dev host page in a theme, with teams-js's origin list answered locally. */
async function devHost(theme: 'default' | 'dark' | 'contrast', height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height } });
  await page.route('https://res.cdn.office.net/**', (route) => route.fulfill({ json: { validOrigins: [] } }));
  await page.goto(`${server.baseUrl}/dev-host/?theme=${theme}`);
  return page;
}
const MARGARET = '00000000-0000-4000-8000-000000000001';

/** Every photo on the page has loaded (or failed): avatars are photographed with their pictures, not half-drawn. */
const photosLoaded = () => [...document.images].every((image) => image.complete);

/** The booking card: Margaret's suggested times, then the booked series; Aisha's side of it. */
async function bookingShots(theme: 'default' | 'dark') {
  const page = await devHost(theme, 900);
  const as = (person: string) => personalTabAs(page, person);
  const suffix = theme === 'default' ? 'light' : 'dark';
  let frame = await as(MARGARET);
  await frame.getByRole('button', { name: 'Ask to pair with Aisha Bello' }).click({ timeout: 60_000 });
  await frame.getByText('Waiting for their answer').waitFor();
  frame = await as(AISHA);
  await frame.getByRole('button', { name: 'Accept Margaret Lindqvist' }).click({ timeout: 60_000 });
  await frame.getByText(/You mentor Margaret Lindqvist/).waitFor();
  frame = await as(MARGARET);
  await frame.getByRole('list', { name: 'Suggested times' }).waitFor({ timeout: 60_000 });
  await frame.getByRole('heading', { name: 'Your sessions with Aisha Bello' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}booking-slots-${suffix}.png` });
  await frame.getByRole('list', { name: 'Suggested times' }).getByRole('button').first().click();
  await frame.getByText('Waiting for Aisha Bello to accept the invitation.').waitFor({ timeout: 60_000 });
  await frame.getByRole('heading', { name: 'Your sessions with Aisha Bello' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}booking-booked-${suffix}.png` });
  frame = await as(AISHA);
  await frame.getByRole('button', { name: 'Accept the invitation' }).waitFor({ timeout: 60_000 });
  await frame.getByRole('heading', { name: 'Your sessions with Margaret Lindqvist' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}booking-mentor-${suffix}.png` });
  console.log(`Wrote the booking screenshots (${suffix})`);
  await page.close();
}

const DIEGO = '00000000-0000-4000-8000-000000000002';

/** The meeting: Margaret and Diego booked, a first session under way in both side panels; the workspace tab. */
async function agendaShots(theme: 'default' | 'dark') {
  const page = await devHost(theme, 1000);
  const as = (person: string) => personalTabAs(page, person);
  let frame = await as(MARGARET);
  await frame.getByRole('combobox', { name: /Why not someone else/ }).pressSequentially('Diego', { timeout: 60_000 });
  await frame.getByRole('option', { name: /^Diego Hernández/ }).click();
  await frame.getByRole('button', { name: 'Ask Diego Hernández to pair' }).click();
  await frame.getByText('Waiting for their answer').waitFor();
  frame = await as(DIEGO);
  await frame.getByRole('button', { name: 'Accept Margaret Lindqvist' }).click({ timeout: 60_000 });
  await frame.getByText(/You mentor Margaret Lindqvist/).waitFor();
  frame = await as(MARGARET);
  await frame.getByRole('list', { name: 'Suggested times' }).getByRole('button').first().click({ timeout: 60_000 });
  await frame.getByText('Waiting for Diego Hernández to accept the invitation.').waitFor({ timeout: 60_000 });
  // The paired executive's home: Your pairing leads, with Join and Prepare.
  frame = await as(MARGARET);
  await frame.getByRole('group', { name: 'With Diego Hernández' }).getByRole('link', { name: 'Join' }).waitFor({ timeout: 60_000 });
  await frame.waitForFunction(() => document.querySelectorAll('.fui-Spinner').length === 0, undefined, { timeout: 60_000 });
  await frame.waitForFunction(photosLoaded, undefined, { timeout: 30_000 });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await page.screenshot({ path: `${out}home-paired-${theme === 'default' ? 'light' : 'dark'}.png` });
  await page.goto(`${server.baseUrl}/dev-host/?theme=${theme}&view=meeting&tab=added`);
  const panel = async (name: string) => (await (await page.waitForSelector(`iframe[title="Side panel of ${name}"]`)).contentFrame())!;
  const [margaret, diego] = [await panel('Margaret Lindqvist'), await panel('Diego Hernández')];
  for (const p of [margaret, diego]) await p.getByText('Here now:', { exact: false }).waitFor({ timeout: 60_000 });
  await margaret.getByRole('textbox', { name: 'Our goals' }).fill('Margaret gets hands-on with generative AI; Diego learns how the board weighs a decision.');
  await margaret.getByRole('textbox', { name: 'Our goals' }).blur();
  await margaret.getByRole('button', { name: 'I agree to this code of conduct' }).click();
  await diego.getByRole('button', { name: 'I agree to this code of conduct' }).click();
  for (const [p, text] of [
    [margaret, 'How my team could use an AI assistant'],
    [diego, 'Try one prompt live, together'],
    [margaret, 'What younger customers expect from us'],
  ] as const) {
    await p.getByRole('textbox', { name: 'New agenda item' }).fill(text);
    await p.getByRole('button', { name: 'Add', exact: true }).click();
  }
  await diego.getByRole('button', { name: 'Discuss now' }).first().click();
  await margaret.getByRole('button', { name: '10 min' }).click();
  await margaret.getByText('Saved in your pair workspace.', { exact: false }).waitFor({ timeout: 30_000 });
  const suffix = theme === 'default' ? 'light' : 'dark';
  await page.screenshot({ path: `${out}meeting-side-panels-${suffix}.png` });
  await page.getByRole('tab', { name: /chat tab/ }).click();
  const tab = (await (await page.waitForSelector('iframe[title="Meeting chat tab"]')).contentFrame())!;
  await tab.getByRole('heading', { name: 'Session agenda' }).waitFor({ timeout: 60_000 });
  await tab.getByText('Here now:', { exact: false }).waitFor({ timeout: 60_000 });
  await page.screenshot({ path: `${out}meeting-workspace-${suffix}.png` });
  console.log(`Wrote the agenda screenshots (${suffix})`);
  await page.close();
}

/** The owners' health view of the demo's round under way, as Priya sees it, in each of Teams' themes. */
async function healthShots(theme: 'default' | 'dark' | 'contrast') {
  const page = await devHost(theme, 1000);
  const frame = await personalTabAs(page, PRIYA);
  await frame.getByRole('group', { name: 'Programme health figures' }).waitFor({ timeout: 60_000 });
  await frame.locator('figure svg').first().waitFor({ timeout: 60_000 });
  await frame.getByRole('heading', { name: 'Programme health' }).evaluate((heading) => heading.scrollIntoView());
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const file = `${out}health-${theme === 'default' ? 'light' : theme}.png`;
  await page.screenshot({ path: file });
  console.log(`Wrote ${file}`);
  await page.close();
}

/** A reverse mentor's sessions card a fortnight after booking: the evaluation at the start and the check-in. */
async function checkInShots(theme: 'default' | 'dark') {
  const page = await devHost(theme, 1100);
  await bookMargaretAndDiego(page);
  await page.clock.setSystemTime(Date.now() + 15 * 86_400_000);
  await page.reload();
  const frame = await personalTabAs(page, DIEGO);
  await frame.getByRole('group', { name: 'Evaluation at the start' }).waitFor({ timeout: 60_000 });
  await frame
    .getByRole('group', { name: /^Check in for the session on / })
    .getByRole('button', { name: 'We met', exact: true })
    .click();
  await frame.getByRole('button', { name: 'Useful: 4 of 5' }).click();
  await frame.getByRole('heading', { name: 'Your sessions with Margaret Lindqvist' }).evaluate((heading) => heading.scrollIntoView());
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const file = `${out}check-in-${theme === 'default' ? 'light' : 'dark'}.png`;
  await page.screenshot({ path: file });
  console.log(`Wrote ${file}`);
  await page.close();
}

/** The owners' rounds in the programme settings, with the next round opened, and a junior pausing from their profile. */
async function roundsShots(theme: 'default' | 'dark') {
  const suffix = theme === 'default' ? 'light' : 'dark';
  const page = await devHost(theme, 900);
  let frame = await personalTabAs(page, PRIYA);
  const settings = frame.getByRole('form', { name: 'Programme settings' });
  await settings.getByRole('listitem', { name: 'First round' }).waitFor({ timeout: 60_000 });
  await settings.getByRole('button', { name: 'Open the next round' }).click();
  await settings.getByRole('list', { name: 'Rounds' }).evaluate((list) => list.scrollIntoView({ block: 'center' }));
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await page.screenshot({ path: `${out}rounds-${suffix}.png` });
  console.log(`Wrote ${out}rounds-${suffix}.png`);
  frame = await personalTabAs(page, AISHA);
  const profile = frame.locator('[data-card]').filter({ has: frame.getByRole('heading', { name: 'Your profile', exact: true }) });
  await profile.getByRole('button', { name: 'Pause' }).click({ timeout: 60_000 });
  await profile.getByLabel('Back on').waitFor();
  await profile.evaluate((card) => card.scrollIntoView({ block: 'center' }));
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await page.screenshot({ path: `${out}pause-${suffix}.png` });
  console.log(`Wrote ${out}pause-${suffix}.png`);
  await page.close();
}

const server = await serveDemoBuild();
const fluid = await startLocalFluid();
const browser = await launchBrowser();
try {
  for (const theme of ['default', 'dark'] as const) {
    for (const shot of SHOTS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.route('https://res.cdn.office.net/**', (route) => route.fulfill({ json: { validOrigins: [] } }));
      await page.goto(`${server.baseUrl}${shot.path}&theme=${theme}`.replace('/&', '/?'));
      const frame = await (await page.waitForSelector(shot.wait)).contentFrame();
      await frame?.getByRole('heading', { level: 1, name: new RegExp(shot.heading) }).waitFor();
      if (shot.ready) await page.waitForSelector(shot.ready);
      if (shot.click) await frame?.getByRole('button', { name: shot.click }).click({ timeout: 60_000 });
      if (shot.frameReady) await frame?.waitForSelector(shot.frameReady, { timeout: 60_000 });
      // The "Why not someone else?" look-up loads once the suggestions show: photograph it too.
      if (shot.name === 'suggestions') await frame?.getByRole('combobox', { name: /Why not someone else/ }).waitFor({ timeout: 60_000 });
      // Photograph the surface once it has loaded, not its spinners ("Reading the programme…").
      await frame?.waitForFunction(() => document.querySelectorAll('.fui-Spinner').length === 0, undefined, { timeout: 60_000 });
      await frame?.waitForFunction(photosLoaded, undefined, { timeout: 30_000 });
      if (shot.name === 'programme') await frame?.getByRole('heading', { name: 'Programme', exact: true }).scrollIntoViewIfNeeded();
      const file = `${out}${shot.name}-${theme === 'default' ? 'light' : 'dark'}.png`;
      // Buttons fade between states (Save becoming enabled): photograph them once they are there.
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      await page.screenshot({ path: file });
      console.log(`Wrote ${file}`);
      await page.close();
    }
    await bookingShots(theme);
    await agendaShots(theme);
    await healthShots(theme);
    await checkInShots(theme);
    await roundsShots(theme);
  }
  await healthShots('contrast');
} finally {
  await browser.close();
  await server.close();
  fluid.stop();
}
