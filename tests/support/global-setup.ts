import type { TestProject } from 'vitest/node';
import { serveDemoBuild } from './demo-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds and serves the demo once for all browser tests. */
export default async function setup(project: TestProject) {
  const server = await serveDemoBuild();
  project.provide('baseUrl', server.baseUrl);
  return () => server.close();
}
