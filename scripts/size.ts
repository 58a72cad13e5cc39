/**
 * `npm run size`: builds the app and prints, per surface, the gzip size of the JavaScript and CSS
 * the page loads before first paint (its entry script, the modules it preloads, its stylesheets).
 * Code loaded later with import() does not count. Fails when a surface is over its budget.
 *
 * It first builds a tenant configuration (placeholder values, into dist/tenant-check) and fails
 * when that build holds demo code (scripts/build/demo-modules.ts): a chunk whose source map lists a
 * demo module, a chunk containing a string only demo code holds, or the dev host page.
 *
 * On the tenant build it also prints what the personal tab loads before an executive's first
 * suggestion (see {@link BEFORE_FIRST_SUGGESTION}).
 *
 * The last line is JSON, for the configured build (env/.env*, the demo by default):
 * {"personalTab":KB,"meetingTab":KB,"configPage":KB}.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { demoMarkersIn, demoModulesIn } from './build/demo-modules.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist/app');
const tenantDist = join(root, 'dist/tenant-check');

/**
 * Issue 15's budgets (gzip KB before first paint), for the tenant build and the configured one alike.
 * React, Fluent UI v9's provider and teams-js alone come to about 106 KB: the first screen of every
 * surface is the connecting screen, and the surface's own code loads while the host answers.
 */
export const BUDGETS_KB = { personalTab: 140, meetingTab: 140, configPage: 120 } as const;
const PAGES: Record<keyof typeof BUDGETS_KB, string> = {
  personalTab: 'personal-tab/index.html',
  meetingTab: 'meeting-tab/index.html',
  configPage: 'config/index.html',
};

/**
 * What the personal tab loads before an executive sees their first suggestion, as source modules:
 * each counts with the chunk that holds it and every chunk that chunk imports, on top of the page's
 * first paint. The content; sign-in (MSAL, and forgetting other accounts' agenda copies); the
 * directory, its cache and the programme (org model, matcher); the cards shown with the suggestions;
 * the error message, preloaded once the surface shows. Not: the profile card (it loads once the
 * profiles are read, when the suggestions show), booking (only with a pair), the
 * programme view (only where an owner may be signed in), the profile form, the "Why not" look-up.
 */
export const BEFORE_FIRST_SUGGESTION = [
  'src/app/personal-tab/personal-tab.tsx',
  'src/services/identity/msal-module.ts',
  'src/services/agenda/device-owner.ts',
  'src/services/graph/directory-service.ts',
  'src/services/storage/directory-cache.ts',
  'src/application/programme/open-programme.ts',
  'src/features/home/organisation-card.tsx',
  'src/features/suggestions/suggestions-card.tsx',
  'src/features/requests/requests-card.tsx',
  'src/features/proposals/proposals-card.tsx',
  'src/app/shell/problem-message.tsx',
  // Read while the profiles load: who takes part (the programme store), the device's copy of the
  // profiles, and the owners' settings (the level gap the first suggestions are made with).
  'src/application/programme/programme-store-setup.ts',
  'src/services/storage/profile-cache.ts',
  'src/application/programme/programme-settings.ts',
] as const;
/** The sign-in library, counted apart: issue 15's 350 KB "today" and its 250 KB budget leave it out. */
const SIGN_IN_LIBRARY = 'src/services/identity/msal-module.ts';
/** Issue 15's budget for what loads before the first suggestion, without the sign-in library (gzip KB). */
export const FIRST_SUGGESTION_BUDGET_KB = 250;

/** A tenant that is obviously no one's: enough for the build to choose the tenant's adapters. */
const PLACEHOLDER_TENANT = {
  AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000000',
  AAD_APP_TENANT_ID: '00000000-0000-0000-0000-000000000000',
  TAB_ENDPOINT: 'https://example.invalid',
  TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000',
};

/** The asset paths a built HTML page loads before first paint. */
export function firstPaintAssets(html: string): string[] {
  const found = new Set<string>();
  const patterns = [/<script[^>]*type="module"[^>]*src="([^"]+)"/g, /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g, /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g];
  for (const pattern of patterns) for (const match of html.matchAll(pattern)) if (match[1]) found.add(match[1]);
  return [...found];
}

/** Worker chunks (Vite names them after their `*.worker.ts` source): they load when they start, never with a page. */
const WORKER_CHUNK = /\.worker-[^/]*\.js$/;

/** Prints each surface's first-paint size in `outDir`; returns the sizes and whether one is over budget. */
function measure(outDir: string, label: string) {
  const sizes = {} as Record<keyof typeof BUDGETS_KB, number>;
  let over = false;
  for (const [surface, page] of Object.entries(PAGES) as [keyof typeof BUDGETS_KB, string][]) {
    const assets = firstPaintAssets(readFileSync(join(outDir, page), 'utf8'));
    for (const asset of assets.filter((a) => WORKER_CHUNK.test(a))) {
      console.log(`${label}${surface}: ${asset} is a worker's chunk, loaded before first paint`);
      over = true;
    }
    const bytes = assets.reduce((sum, asset) => sum + gzipSync(readFileSync(join(outDir, asset)), { level: 9 }).length, 0);
    const kb = Math.round((bytes / 1024) * 10) / 10;
    sizes[surface] = kb;
    const budget = BUDGETS_KB[surface];
    const verdict = kb <= budget ? 'ok' : 'OVER BUDGET';
    if (kb > budget) over = true;
    console.log(`${label}${surface.padEnd(12)} ${String(kb).padStart(7)} KB gzip (budget ${budget} KB, ${assets.length} files) ${verdict}`);
  }
  return { sizes, over };
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * The gzip bytes of `page`'s first paint plus, for each of `modules`, the chunk holding it and the
 * chunks it imports (from the build's manifest and source maps).
 */
function bytesWith(outDir: string, page: string, modules: readonly string[]): number {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[]; css?: string[] }>;
  const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const chunkOf = new Map<string, string>();
  for (const file of readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js.map'))) {
    const { sources } = JSON.parse(readFileSync(join(outDir, 'assets', file), 'utf8')) as { sources: string[] };
    for (const source of sources) chunkOf.set(source.replaceAll('\\', '/'), `assets/${file.slice(0, -'.map'.length)}`);
  }
  const files = new Set(firstPaintAssets(readFileSync(join(outDir, page), 'utf8')).map((asset) => asset.replace(/^\//, '')));
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  // A dynamically imported module is a manifest key (relative to src/app); others are found in the source maps.
  const entryOf = (module: string) => Object.keys(manifest).find((key) => join(root, 'src/app', key).replaceAll('\\', '/').endsWith(module));
  for (const module of modules) {
    const source = [...chunkOf.keys()].find((path) => path.endsWith(module));
    const key = entryOf(module) ?? (source && keyOfFile.get(chunkOf.get(source)!));
    if (!key) throw new Error(`${module} is in no chunk of the build: update BEFORE_FIRST_SUGGESTION in scripts/size.ts`);
    visit(key);
  }
  const workers = [...files].filter((file) => WORKER_CHUNK.test(file));
  if (workers.length > 0) throw new Error(`${workers.join(', ')}: a worker's chunk loads before the first suggestion; start the worker later`);
  return [...files].reduce((sum, file) => sum + gzipped(join(outDir, file)), 0);
}

/** Prints what the personal tab loads before the first suggestion; returns whether it is over budget. */
function measureFirstSuggestion(outDir: string, label: string): boolean {
  const all = bytesWith(outDir, PAGES.personalTab, BEFORE_FIRST_SUGGESTION);
  const withoutSignIn = bytesWith(
    outDir,
    PAGES.personalTab,
    BEFORE_FIRST_SUGGESTION.filter((module) => module !== SIGN_IN_LIBRARY),
  );
  const over = kb(withoutSignIn) > FIRST_SUGGESTION_BUDGET_KB;
  console.log(
    `${label}firstSuggestion ${String(kb(all)).padStart(7)} KB gzip, of which sign-in (MSAL) ${kb(all - withoutSignIn)} KB; ` +
      `without it ${kb(withoutSignIn)} KB (budget ${FIRST_SUGGESTION_BUDGET_KB} KB) ${over ? 'OVER BUDGET' : 'ok'}`,
  );
  return over;
}

/** A chunk without a source map holds no module of its own (a re-export, a Vite helper) only when this small. */
const UNMAPPED_LIMIT_BYTES = 2048;

/** What of the demo a built app holds: demo modules and markers per chunk, and the dev host page. */
function demoCodeIn(outDir: string): string[] {
  const problems: string[] = [];
  if (existsSync(join(outDir, 'dev-host'))) problems.push('the dev host page (dev-host/) is in the build');
  const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).map((file) => file.replaceAll('\\', '/'));
  for (const chunk of files.filter((file) => file.endsWith('.js'))) {
    if (/dev-host/.test(chunk)) problems.push(`${chunk} is a chunk of the dev host`);
    const code = readFileSync(join(outDir, chunk), 'utf8');
    const markers = demoMarkersIn(code);
    if (markers.length > 0) problems.push(`${chunk} contains demo strings: ${markers.join(', ')}`);
    const map = join(outDir, `${chunk}.map`);
    if (!existsSync(map)) {
      if (code.length > UNMAPPED_LIMIT_BYTES) problems.push(`${chunk} has no source map, so what it holds cannot be checked`);
      continue;
    }
    const found = demoModulesIn(readFileSync(map, 'utf8'));
    if (found.length > 0) problems.push(`${chunk} holds demo modules: ${found.join(', ')}`);
  }
  return problems;
}

/** Builds with the tenant variables set to `values` (restored afterwards). */
async function buildWith(values: Record<string, string>, outDir: string) {
  const before = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  try {
    // The manifest (dist/tenant-check/.vite/manifest.json) says which chunks each chunk imports.
    await build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, manifest: true } });
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function main() {
  let failed = false;

  await buildWith(PLACEHOLDER_TENANT, tenantDist);
  const tenant = measure(tenantDist, 'tenant ');
  if (measureFirstSuggestion(tenantDist, 'tenant ')) failed = true;
  const demoInTenant = demoCodeIn(tenantDist);
  for (const problem of demoInTenant) console.log(`tenant build: ${problem}`);
  console.log(demoInTenant.length === 0 ? 'tenant build: no demo code' : 'tenant build: HOLDS DEMO CODE');
  if (tenant.over || demoInTenant.length > 0) failed = true;

  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const configured = measure(dist, '');
  if (configured.over) failed = true;
  console.log(JSON.stringify(configured.sizes));
  if (failed) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
