import { describe, expect, it } from 'vitest';
import { DEMO_TEAMS_APP_ID } from '@/demo/demo-people';
import { DEMO_TENANT_ID } from '@/demo/demo-identity';
import { DEMO_CONTAINER_PREFIX } from '@/demo/dev-host-protocol';
import { DEMO_MARKERS, demoMarkersIn, demoModulesIn } from './demo-modules';

const map = (sources: unknown[]) => JSON.stringify({ version: 3, sources, names: [], mappings: '' });

describe('demoModulesIn', () => {
  it('finds nothing in a chunk of tenant code', () => {
    const tenant = map([
      '../../../src/app/shell/start-surface.tsx',
      '../../../src/app/composition/compose.ts',
      '../../../src/app/composition/tenant-adapters.ts',
      '../../../src/services/agenda/live-host.ts',
      '../../../src/features/meeting/use-pair-agenda.ts',
      // "demo" elsewhere in a path is not the demo.
      '../../../node_modules/some-demo-kit/index.js',
      '../../../src/features/demo-notes/x.ts',
      // Live Share's own bundle imports Fluid's test utilities: not a sign of the demo.
      '../../../node_modules/@fluidframework/test-client-utils/dist/index.js',
    ]);
    expect(demoModulesIn(tenant)).toEqual([]);
  });

  it('names every demo module a chunk holds', () => {
    const demo = map([
      '../../../src/app/shell/surface.tsx',
      '../../../src/demo/graph/fake-graph.ts',
      '..\\..\\..\\src\\demo\\demo-people.ts',
      '../../../src/app/dev-host/dev-host.tsx',
      '../../../src/app/composition/demo-adapters.tsx',
    ]);
    expect(demoModulesIn(demo)).toEqual([
      '../../../src/demo/graph/fake-graph.ts',
      '../../../src/demo/demo-people.ts',
      '../../../src/app/dev-host/dev-host.tsx',
      '../../../src/app/composition/demo-adapters.tsx',
    ]);
  });

  it('refuses what is not a source map, so the check never passes unread', () => {
    expect(() => demoModulesIn('{"version":3}')).toThrow(/source map/);
    expect(() => demoModulesIn('not json')).toThrow();
  });

  it('knows the demo by strings only its code holds, the same as its sources', () => {
    expect(DEMO_MARKERS).toEqual([DEMO_TENANT_ID, DEMO_TEAMS_APP_ID, DEMO_CONTAINER_PREFIX]);
    expect(demoMarkersIn('const a="https://graph.microsoft.com";')).toEqual([]);
    expect(demoMarkersIn(`const k="${DEMO_CONTAINER_PREFIX}"+id;`)).toEqual([DEMO_CONTAINER_PREFIX]);
  });
});
