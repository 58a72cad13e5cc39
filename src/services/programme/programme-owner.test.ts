import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { createDemoIdentity } from '@/demo/demo-identity';
import { isProgrammeOwner } from './programme-owner';

const OWNERS = '11111111-0000-4000-8000-000000000001';
const graph = new FakeGraph({ users: generateDemoTenant({ size: 100 }), groups: new Map([[OWNERS, new Set([DEMO_PEOPLE[3]!.id])]]) });
const clientFor = (index: number) => new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[index]!), fetch: graph.fetch });

describe('isProgrammeOwner', () => {
  it('is true for a member of the owners’ group and false for others', async () => {
    expect(await isProgrammeOwner(clientFor(3), OWNERS)).toBe(true);
    expect(await isProgrammeOwner(clientFor(0), OWNERS)).toBe(false);
  });
});
