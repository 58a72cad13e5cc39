import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from '@/services/graph/graph-client';
import { createDemoIdentity } from '@/demo/demo-identity';
import { isProgrammeOwner } from './programme-owner';
import { corruptAnswers } from '@/services/graph/corrupt-answers';
import { GraphAnswerError } from '@/services/graph/graph-errors';
import { memberGroupsSchema } from './programme-owner';

const OWNERS = '11111111-0000-4000-8000-000000000001';
const graph = new FakeGraph({ users: generateDemoTenant({ size: 100 }), groups: new Map([[OWNERS, new Set([DEMO_PEOPLE[3]!.id])]]) });
const clientFor = (index: number) => new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[index]!), fetch: graph.fetch });

describe('isProgrammeOwner', () => {
  it('is true for a member of the owners’ group and false for others', async () => {
    expect(await isProgrammeOwner(clientFor(3), OWNERS)).toBe(true);
    expect(await isProgrammeOwner(clientFor(0), OWNERS)).toBe(false);
  });
});

describe("checkMemberGroups' answer", () => {
  /** Example 2's answer on https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups. */
  const DOCUMENTED = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)', value: ['fee2c45b-915a-4a64-b130-f4eb9e75525e'] };

  it('accepts the documented example and rejects malformed answers', () => {
    expect(memberGroupsSchema.safeParse(DOCUMENTED).success).toBe(true);
    expect(memberGroupsSchema.safeParse({ value: 'fee2c45b-915a-4a64-b130-f4eb9e75525e' }).success).toBe(false);
    expect(memberGroupsSchema.safeParse({ value: [{ id: 'fee2c45b-915a-4a64-b130-f4eb9e75525e' }] }).success).toBe(false);
  });

  it('an answer of another shape fails with GraphAnswerError instead of reading as "not an owner"', async () => {
    const fetch = corruptAnswers(graph.fetch, ({ url }) => (url.endsWith('/checkMemberGroups') ? { groups: [OWNERS] } : undefined));
    const client = new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[3]!), fetch });
    await expect(isProgrammeOwner(client, OWNERS)).rejects.toBeInstanceOf(GraphAnswerError);
  });
});
