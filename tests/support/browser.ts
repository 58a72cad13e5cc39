import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { inject } from 'vitest';

export { launchBrowser } from './demo-server';
export { hostedFrame, personalTabAs } from './journeys';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const baseUrl = () => inject('baseUrl');

/** A page that records console errors and uncaught exceptions from every frame. */
export interface WatchedPage {
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, path: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // teams-js refreshes its list of Teams origins from a CDN at start-up; answer as the CDN would.
  await context.route('https://res.cdn.office.net/**', (route) => route.fulfill({ json: { validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', 'outlook.office.com'] } }));
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  await page.goto(`${baseUrl()}${path}`);
  return { page, errors, close: () => context.close() };
}

/** The section headings of the home's cards, in the order they are drawn, once the cards have loaded. */
export async function homeHeadings(frame: Frame): Promise<string[]> {
  await frame.waitForFunction(() => document.querySelectorAll('.fui-Spinner').length === 0, undefined, { timeout: 60_000 });
  return frame.getByRole('region', { name: 'Your mentoring' }).getByRole('heading', { level: 2 }).allTextContents();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html?: string }[];
}

/**
 * Fluent's focus manager (tabster) puts focusable `aria-hidden` guards (`data-tabster-dummy`) around a
 * modal such as a dialog, and they stay once one has opened: intended, so that focus is redirected and
 * screen readers skip them (https://github.com/microsoft/tabster/issues/288); Accessibility Insights
 * drops them for this rule too (https://github.com/microsoft/accessibility-insights-web/pull/7605).
 */
const tabsterGuard = (id: string, node: { html?: string }) => id === 'aria-hidden-focus' && (node.html ?? '').includes('data-tabster-dummy');

/** Serious and critical accessibility violations in a frame, by axe-core. */
export async function seriousViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !tabsterGuard(v.id, n)) }))
    .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
