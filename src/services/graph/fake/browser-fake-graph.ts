import { generateDemoProfiles } from './demo-profiles';
import { generateDemoTenant } from './demo-tenant';
import { FakeGraph } from './fake-graph';
import { FAULT_CHANNEL, FAULT_STORAGE_KEY, faultsFor, isFaultPreset } from './fault-presets';

let graph: FakeGraph | undefined;

/**
 * The demo's Graph in this page: the default demo tenant and its opt-in profiles, with the faults the dev host chose,
 * following changes while the page is open. One per page.
 */
export function browserFakeGraph(): FakeGraph {
  if (graph) return graph;
  const stored = localStorage.getItem(FAULT_STORAGE_KEY);
  const users = generateDemoTenant();
  const created = new FakeGraph({
    users,
    extensions: generateDemoProfiles(users),
    faults: faultsFor(isFaultPreset(stored) ? stored : 'none'),
  });
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel(FAULT_CHANNEL).onmessage = (event: MessageEvent) => {
      if (isFaultPreset(event.data)) created.setFaults(faultsFor(event.data));
    };
  }
  graph = created;
  return created;
}
