/**
 * `npm run size`: builds the app and prints, per surface, the gzip size of the JavaScript and CSS
 * the page loads before first paint (its entry script, the modules it preloads, its stylesheets).
 * Code loaded later with import() does not count. Fails when a surface is over its budget.
 * The last line is JSON: {"personalTab":KB,"meetingTab":KB,"configPage":KB}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist/app');

export const BUDGETS_KB = { personalTab: 180, meetingTab: 180, configPage: 180 } as const;
const PAGES: Record<keyof typeof BUDGETS_KB, string> = {
  personalTab: 'personal-tab/index.html',
  meetingTab: 'meeting-tab/index.html',
  configPage: 'config/index.html',
};

/** The asset paths a built HTML page loads before first paint. */
export function firstPaintAssets(html: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /<script[^>]*type="module"[^>]*src="([^"]+)"/g,
    /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g,
    /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g,
  ];
  for (const pattern of patterns) for (const match of html.matchAll(pattern)) if (match[1]) found.add(match[1]);
  return [...found];
}

async function main() {
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const result = {} as Record<keyof typeof BUDGETS_KB, number>;
  let over = false;
  for (const [surface, page] of Object.entries(PAGES) as [keyof typeof BUDGETS_KB, string][]) {
    const assets = firstPaintAssets(readFileSync(join(dist, page), 'utf8'));
    const bytes = assets.reduce((sum, asset) => sum + gzipSync(readFileSync(join(dist, asset)), { level: 9 }).length, 0);
    const kb = Math.round((bytes / 1024) * 10) / 10;
    result[surface] = kb;
    const budget = BUDGETS_KB[surface];
    const verdict = kb <= budget ? 'ok' : 'OVER BUDGET';
    if (kb > budget) over = true;
    console.log(`${surface.padEnd(12)} ${String(kb).padStart(7)} KB gzip (budget ${budget} KB, ${assets.length} files) ${verdict}`);
  }
  console.log(JSON.stringify(result));
  if (over) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
