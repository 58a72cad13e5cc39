/**
 * `npm run solve` runs this with plain Node: the solve command (scripts/solve.ts) as built
 * JavaScript, so nothing is compiled at run time. The bundle, dist/cli/solve.mjs, is built with
 * Vite first whenever it is missing or older than any of its sources, package-lock.json or this
 * file; dist/cli/solve.inputs.json records which sources those are.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist', 'cli');
const bundle = join(outDir, 'solve.mjs');
const manifest = join(outDir, 'solve.inputs.json');
const ALWAYS = ['package-lock.json', 'scripts/run-solve.mjs'];

const modified = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};

/** Whether the bundle is missing, incomplete or older than anything it was built from. */
function stale() {
  const builtAt = modified(bundle);
  if (builtAt === undefined) return true;
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {
    return true;
  }
  if (recorded.outputs.some((file) => modified(join(outDir, file)) === undefined)) return true;
  return [...recorded.inputs, ...ALWAYS].some((file) => !(modified(join(root, file)) <= builtAt));
}

/**
 * Bundles scripts/solve.ts with its imports and zod for Node. Built aside and moved into place
 * file by file (the entry last), so a solve running at the same time never sees half a bundle.
 * The entry is dated when the build started, so a source edited meanwhile makes it stale.
 */
async function buildSolve() {
  const startedAt = new Date();
  const { build } = await import('vite');
  const aside = join(outDir, `.build-${process.pid}`);
  try {
    await buildInto(aside, build, startedAt);
  } finally {
    rmSync(aside, { recursive: true, force: true });
  }
}

async function buildInto(aside, build, startedAt) {
  const result = await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'silent',
    build: {
      ssr: 'scripts/solve.ts',
      outDir: aside,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      reportCompressedSize: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'solve.mjs', chunkFileNames: '[name].mjs' } },
    },
    ssr: { target: 'node', noExternal: true },
  });
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((output) => output.output).filter((item) => item.type === 'chunk');
  const inputs = new Set();
  for (const chunk of chunks) {
    for (const id of chunk.moduleIds) {
      if (!isAbsolute(id)) continue;
      const path = relative(root, id);
      if (!path.startsWith('..') && !path.split(sep).includes('node_modules')) inputs.add(path.split(sep).join('/'));
    }
  }
  const outputs = readdirSync(aside);
  for (const file of outputs.filter((name) => name !== 'solve.mjs')) renameSync(join(aside, file), join(outDir, file));
  utimesSync(join(aside, 'solve.mjs'), startedAt, startedAt);
  renameSync(join(aside, 'solve.mjs'), bundle);
  writeFileSync(join(aside, 'inputs.json'), `${JSON.stringify({ inputs: [...inputs].sort(), outputs }, null, 2)}\n`);
  renameSync(join(aside, 'inputs.json'), manifest);
}

if (stale()) {
  mkdirSync(outDir, { recursive: true });
  try {
    await buildSolve();
  } catch (error) {
    console.error(`solve: cannot build dist/cli/solve.mjs: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
const { main } = await import(pathToFileURL(bundle).href);
await main();
