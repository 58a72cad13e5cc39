import { generateDemoProfiles } from './demo-profiles';
import { generateDemoTenant } from './demo-tenant';
import { FakeGraph } from './fake-graph';
import { DEMO_WRITES_KEY, FAULT_CHANNEL, FAULT_STORAGE_KEY, faultsFor, isFaultPreset } from './fault-presets';

type Writes = Record<string, Record<string, Record<string, unknown> | null>>;

function readWrites(): Writes {
  try {
    const value = JSON.parse(localStorage.getItem(DEMO_WRITES_KEY) ?? '{}') as unknown;
    return typeof value === 'object' && value !== null ? (value as Writes) : {};
  } catch {
    return {};
  }
}

let graph: FakeGraph | undefined;

/**
 * The demo's Graph in this page: the default demo tenant and its opt-in profiles with what demo
 * users wrote since, and the faults the dev host chose, following changes while the page is open.
 */
export function browserFakeGraph(): FakeGraph {
  if (graph) return graph;
  const stored = localStorage.getItem(FAULT_STORAGE_KEY);
  const users = generateDemoTenant();
  const extensions = new Map(
    [...generateDemoProfiles(users)].map(([id, byName]) => [id, { ...byName }] as [string, Record<string, Record<string, unknown>>]),
  );
  for (const [userId, byName] of Object.entries(readWrites())) {
    const current = { ...(extensions.get(userId) ?? {}) };
    for (const [name, properties] of Object.entries(byName)) {
      if (properties) current[name] = properties;
      else delete current[name];
    }
    extensions.set(userId, current);
  }
  const created = new FakeGraph({
    users,
    extensions,
    faults: faultsFor(isFaultPreset(stored) ? stored : 'none'),
    onExtensionChange: (userId, name, properties) => {
      const writes = readWrites();
      writes[userId] = { ...writes[userId], [name]: properties ?? null };
      localStorage.setItem(DEMO_WRITES_KEY, JSON.stringify(writes));
    },
  });
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel(FAULT_CHANNEL).onmessage = (event: MessageEvent) => {
      if (isFaultPreset(event.data)) created.setFaults(faultsFor(event.data));
    };
  }
  graph = created;
  return created;
}
