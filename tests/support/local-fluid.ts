/**
 * The local Fluid service Live Share's test host talks to in the demo (tinylicious 1.x on port
 * 7070): started for the browser tests, the benchmark and the screenshots unless one is running.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';

export const FLUID_PORT = 7070;
const require = createRequire(import.meta.url);

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/** Starts tinylicious when nothing listens on its port; `stop` stops only what this started. */
export async function startLocalFluid(): Promise<{ stop(): void }> {
  if (await portOpen(FLUID_PORT)) return { stop: () => undefined };
  const bin = join(dirname(require.resolve('tinylicious/package.json')), 'dist/index.js');
  const fluid = spawn(process.execPath, [bin], { stdio: 'ignore', env: { ...process.env, PORT: String(FLUID_PORT) } });
  // Never outlive the process that started it, even when that process fails.
  process.on('exit', () => fluid.kill());
  for (let i = 0; i < 150 && !(await portOpen(FLUID_PORT)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await portOpen(FLUID_PORT))) throw new Error(`The local Fluid service did not start on port ${FLUID_PORT}.`);
  return { stop: () => fluid.kill() };
}
