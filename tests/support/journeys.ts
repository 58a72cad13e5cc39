/**
 * Steps through the dev host that the browser tests and the benchmarks share. Nothing of Vitest
 * here, so a benchmark run by tsx can use them too.
 */
import type { Frame, Page } from 'playwright-core';
import { DEMO_PEOPLE } from '../../src/demo/demo-people.ts';

type Person = (typeof DEMO_PEOPLE)[number];
const [MARGARET, DIEGO] = DEMO_PEOPLE as [Person, Person];

/** The frame of the dev host whose iframe has this title (e.g. "Personal tab"). */
export async function hostedFrame(page: Page, title: string): Promise<Frame> {
  const element = await page.waitForSelector(`iframe[title="${title}"]`);
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`The iframe "${title}" has no frame`);
  return frame;
}

/** Switches the dev host to this demo person and returns their personal tab once it has greeted them. */
export async function personalTabAs(page: Page, person: { readonly id: string; readonly displayName: string }): Promise<Frame> {
  await page.getByRole('combobox', { name: 'You are' }).selectOption(person.id);
  const frame = await hostedFrame(page, 'Personal tab');
  await frame.getByRole('heading', { name: `Welcome, ${person.displayName.split(' ')[0]}` }).waitFor();
  return frame;
}

/** Margaret asks Diego (the meeting's two participants in the dev host), he accepts, she books. */
export async function bookMargaretAndDiego(page: Page) {
  let frame = await personalTabAs(page, MARGARET);
  await frame.getByRole('combobox', { name: /Why not someone else/ }).pressSequentially('Diego', { timeout: 60_000 });
  await frame.getByRole('option', { name: /^Diego Hernández/ }).click();
  await frame.getByRole('button', { name: 'Ask Diego Hernández to pair' }).click();
  await frame.getByText('You asked Diego Hernández to pair. Waiting for their answer.').waitFor();
  frame = await personalTabAs(page, DIEGO);
  await frame.getByRole('button', { name: 'Accept Margaret Lindqvist' }).click({ timeout: 60_000 });
  await frame.getByText(/You mentor Margaret Lindqvist/).waitFor();
  frame = await personalTabAs(page, MARGARET);
  await frame.getByRole('list', { name: 'Suggested times' }).getByRole('button').first().click({ timeout: 60_000 });
  await frame.getByText('Waiting for Diego Hernández to accept the invitation.').waitFor({ timeout: 60_000 });
}

/**
 * The meeting with the app's tab in place, as booking leaves it: Margaret's and her mentor's side
 * panels, once both see each other. With `pair`, the dev host plays the booked series of Margaret
 * and that mentor, with the tab booking added or one added by hand.
 */
export async function sidePanels(page: Page, baseUrl: string, pair?: { readonly mentor: Person; readonly tab?: 'added' | 'manual' }): Promise<[Frame, Frame]> {
  const mentor = pair?.mentor ?? DIEGO;
  const query = pair ? `tab=${pair.tab ?? 'added'}&pair=${MARGARET.id},${mentor.id}` : 'tab=added';
  await page.goto(`${baseUrl}/dev-host/?view=meeting&${query}`);
  const panels = [await hostedFrame(page, `Side panel of ${MARGARET.displayName}`), await hostedFrame(page, `Side panel of ${mentor.displayName}`)] as [Frame, Frame];
  for (const panel of panels) await panel.getByText('Here now:', { exact: false }).waitFor({ timeout: 60_000 });
  return panels;
}

/** Adds an item to the agenda from a side panel. */
export async function addAgendaItem(panel: Frame, text: string) {
  await panel.getByRole('textbox', { name: 'New agenda item' }).fill(text);
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
}

/** The first session's guide: Margaret writes their goals and both agree to the code of conduct. */
export async function startFirstSession(margaret: Frame, diego: Frame) {
  await margaret.getByRole('heading', { name: 'Your first session' }).waitFor();
  await margaret.getByRole('textbox', { name: 'Our goals' }).fill('Margaret gets fluent in generative AI; Diego sees how the board decides.');
  await margaret.getByRole('textbox', { name: 'Our goals' }).blur();
  await margaret.getByRole('button', { name: 'I agree to this code of conduct' }).click();
  await diego.getByText('Agreed: Margaret Lindqvist.').waitFor();
  await diego.getByRole('button', { name: 'I agree to this code of conduct' }).click();
  await margaret.getByRole('heading', { name: 'Our goals' }).waitFor();
}
