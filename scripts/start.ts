/**
 * `npm start`: the demo. Starts the local Fluid service that Live Share's test host talks to
 * (tinylicious, port 7070) and the Vite dev server, then prints the dev host's address.
 * Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const FLUID_PORT = 7070;

const require = createRequire(import.meta.url);
const tinyliciousBin = join(dirname(require.resolve('tinylicious/package.json')), 'dist/index.js');
const fluid = spawn(process.execPath, [tinyliciousBin], {
  env: { ...process.env, PORT: String(FLUID_PORT) },
  stdio: ['ignore', 'ignore', 'pipe'],
});
fluid.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[fluid] ${chunk.toString()}`));
fluid.on('exit', (code) => {
  if (code !== null && code !== 0) {
    console.error(`The local Fluid service stopped (exit ${code}). Is port ${FLUID_PORT} already in use?`);
  }
});

const server = await createServer({ configFile: join(root, 'vite.config.ts') });
await server.listen();
const address = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';

console.log(`
  Reverse mentoring — demo

  Dev host (plays Teams):  ${address}dev-host/
  Personal tab alone:      ${address}personal-tab/
  Local Fluid service:     http://localhost:${FLUID_PORT}

  Press Ctrl-C to stop.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  fluid.kill();
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
