import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { loadDirectory } from '@/services/graph/directory-loader';
import { GraphClient } from '@/services/graph/graph-client';
import { organisationSummary } from './organisation';

describe('the organisation summary', () => {
  it('counts enabled members only, and their departments and offices', async () => {
    const users = generateDemoTenant({ size: 200 });
    const graph = new FakeGraph({ users });
    const snapshot = await loadDirectory(new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[0]!), fetch: graph.fetch, sleep: () => Promise.resolve() }));
    const members = users.filter((u) => u.accountEnabled && u.userType === 'Member');
    const summary = organisationSummary(snapshot);
    expect(summary.people).toBe(members.length);
    expect(summary.departments).toBe(new Set(members.map((u) => u.department).filter(Boolean)).size);
    expect(summary.offices).toBe(new Set(members.map((u) => u.officeLocation).filter(Boolean)).size);
  });
});
