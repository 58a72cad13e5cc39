import type { TestProject } from 'vitest/node';
import { serveDemoBuild } from './demo-server';
import { startLocalFluid } from './local-fluid';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds and serves the demo once for all browser tests, with the local Fluid service for Live Share. */
export default async function setup(project: TestProject) {
  const [server, fluid] = await Promise.all([serveDemoBuild(), startLocalFluid()]);
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    fluid.stop();
    await server.close();
  };
}
