import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { GraphClient } from './graph-client';
import { GraphRequestError } from './graph-errors';
import { readDisplayName } from './user-name';

const users = generateDemoTenant({ size: 50 });
const client = new GraphClient({ identity: createDemoIdentity(DEMO_PEOPLE[0]!), fetch: new FakeGraph({ users }).fetch, sleep: () => Promise.resolve() });

describe('a person’s display name', () => {
  it('reads it by directory id', async () => {
    const diego = DEMO_PEOPLE[1]!;
    expect(await readDisplayName(client, diego.id)).toBe(diego.displayName);
  });

  it('throws Graph’s error for someone not in the directory', async () => {
    await expect(readDisplayName(client, '00000000-0000-4000-8000-00000000ffff')).rejects.toBeInstanceOf(GraphRequestError);
  });
});
