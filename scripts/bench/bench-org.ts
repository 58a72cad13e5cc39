/**
 * `npm run --silent bench:org`: loads a 50,000-person demo tenant through the real loader against
 * the fake Graph: once clean with 200 ms latency per response (as a real tenant), once with 20% of
 * requests answered 429 (short Retry-After), then a delta refresh, then builds the org model.
 * The last line is JSON.
 */
import { buildOrgModel } from '../../src/domain/org/org-model.ts';
import { DEMO_PEOPLE } from '../../src/demo/demo-people.ts';
import { isActive } from '../../src/services/graph/directory-person.ts';
import { loadDirectory, refreshDirectory } from '../../src/services/graph/directory-loader.ts';
import { generateDemoTenant } from '../../src/demo/graph/demo-tenant.ts';
import { FakeGraph } from '../../src/demo/graph/fake-graph.ts';
import { GraphClient } from '../../src/services/graph/graph-client.ts';
import { createDemoIdentity } from '../../src/demo/demo-identity.ts';

const SIZE = Number(process.env.BENCH_ORG_SIZE ?? 50_000);
const generationStarted = performance.now();
const users = generateDemoTenant({ size: SIZE });
const tenantGenerationMs = Math.round(performance.now() - generationStarted);
const expectedIds = new Set(users.filter((u) => u.accountEnabled && u.userType === 'Member').map((u) => u.id));
const identity = createDemoIdentity(DEMO_PEOPLE[3]!);
const log = (line: string) => process.stderr.write(`${line}\n`);

function loadedExactlyOnce(people: readonly { id: string; accountEnabled: boolean; member: boolean }[]) {
  const active = people.filter((p) => isActive(p as Parameters<typeof isActive>[0]));
  const ids = new Set(active.map((p) => p.id));
  return ids.size === active.length && ids.size === expectedIds.size && [...expectedIds].every((id) => ids.has(id));
}

// 1. Clean, with 200 ms per response.
const clean = new FakeGraph({ users, faults: { latencyMs: 200 } });
const cleanClient = new GraphClient({ identity, fetch: clean.fetch });
let started = performance.now();
const snapshot = await loadDirectory(cleanClient);
const wallMs = Math.round(performance.now() - started);
log(`clean: ${snapshot.people.length} people (${expectedIds.size} expected) in ${wallMs} ms, ${clean.stats.httpRequests} requests, ${clean.stats.operations} operations`);

// 2. A fifth of requests throttled, Retry-After 0.1 s.
const throttled = new FakeGraph({ users, faults: { throttleRate: 0.2, retryAfterSeconds: 0.1 }, seed: 11 });
const throttledClient = new GraphClient({ identity, fetch: throttled.fetch });
started = performance.now();
const throttledSnapshot = await loadDirectory(throttledClient);
log(`throttled: ${throttled.stats.throttled} answers 429, ${throttledClient.stats.retries} retries, ${Math.round(performance.now() - started)} ms`);

// 3. A delta refresh after a few changes.
for (const user of users.slice(100, 105)) clean.upsertUser({ ...user, jobTitle: `${user.jobTitle ?? ''} (changed)` });
const beforeDelta = clean.stats.httpRequests;
const refreshed = await refreshDirectory(cleanClient, snapshot);
const deltaRequests = clean.stats.httpRequests - beforeDelta;
log(`delta: ${refreshed.changed} changes in ${deltaRequests} requests`);

// 4. The org model, median of 5 builds.
const records = refreshed.people.map((p) => ({ id: p.id, displayName: p.displayName, managerId: p.managerId, department: p.department }));
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  buildOrgModel(records);
  times.push(performance.now() - t);
}
const modelBuildMs = Math.round(times.sort((a, b) => a - b)[2]! * 10) / 10;
log(`model: ${modelBuildMs} ms for ${records.length} people`);

const ok = loadedExactlyOnce(snapshot.people) && loadedExactlyOnce(throttledSnapshot.people);
if (!ok) log('ERROR: not every person was loaded exactly once');
console.log(
  JSON.stringify({
    users: expectedIds.size,
    loaded: snapshot.people.filter(isActive).length,
    requests: clean.stats.httpRequests - deltaRequests,
    wallMsAt200msLatency: wallMs,
    throttledRun: { loaded: throttledSnapshot.people.filter(isActive).length, requests: throttled.stats.httpRequests, retries: throttledClient.stats.retries },
    deltaRequests,
    modelBuildMs,
    tenantGenerationMs,
  }),
);
if (!ok) process.exitCode = 1;
