// @vitest-environment jsdom
import { clientOf, renderWithServices } from '@/demo/testing/render-with-services';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { saveProgrammeSettings } from '@/application/programme/programme-settings';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { DEMO_GROUPS, DEMO_OWNER_GROUP_ID, DEMO_SITE_GRANTS, seedDemoProgrammeStore } from '@/demo/graph/demo-programme-store';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { PROGRAMME_LISTS } from '@/services/programme/programme-store';
import { useProgramme } from '@/context/programme-context';
import { useProgrammeSettings } from '@/context/use-programme-settings';
import { HomePage } from '@/features/home/home-page';

afterEach(cleanup);

const users = generateDemoTenant({ size: 120 });
const [margaret, , , priya] = DEMO_PEOPLE as [(typeof DEMO_PEOPLE)[number], unknown, unknown, (typeof DEMO_PEOPLE)[number]];
/** What renderWithServices packages. */
const PACKAGED = { levelGap: 1, cadenceWeeks: 2, sessionMinutes: 45, durationMonths: 6, codeOfConduct: '', evaluation: '', rounds: [] };

async function tenantGraph() {
  const extensions = generateDemoProfiles(users);
  const graph = new FakeGraph({ users, extensions, groups: DEMO_GROUPS, siteGrants: DEMO_SITE_GRANTS });
  await seedDemoProgrammeStore(graph, extensions);
  return graph;
}
/** Says when the surface has read the store's settings. */
function SettingsStatus() {
  return <output aria-label="Settings status">{useProgrammeSettings().status}</output>;
}
function openHome(graph: FakeGraph) {
  renderWithServices(
    <HomePage>
      <SettingsStatus />
    </HomePage>,
    graph,
    margaret,
  );
}
/** The level gap the shared matcher applies, as its "why not" states it. */
function RequiredGap() {
  const { matcher } = useProgramme();
  const { status } = useProgrammeSettings();
  if (!matcher || status !== 'read') return null;
  const reasons = matcher.mentees.flatMap((mentee) => matcher.mentors.flatMap((mentor) => matcher.whyNot(mentee, mentor)));
  const gap = reasons.find((r) => r.code === 'level-gap');
  return <output aria-label="Required gap">{gap && 'required' in gap ? gap.required : 'none'}</output>;
}
/** The organisation card has read the directory: nothing is left loading when the test ends. */
const homeLoaded = () => screen.findByTestId('people-count', {}, { timeout: 60_000 });
const settingsRead = () => screen.findByText('read', { selector: 'output' });

describe('the programme’s rules on a participant’s home', () => {
  it('are the packaged ones at once, then the ones an owner saved', async () => {
    const graph = await tenantGraph();
    await saveProgrammeSettings(clientOf(graph, priya), { ownerGroupId: DEMO_OWNER_GROUP_ID, me: priya.id }, { ...PACKAGED, cadenceWeeks: 3, sessionMinutes: 60 }, PACKAGED, undefined);
    openHome(graph);
    expect(screen.getByText(/Every 2 weeks, 45 minutes, for 6 months/)).toBeDefined();
    await screen.findByText(/Every 3 weeks, 60 minutes, for 6 months/);
    await homeLoaded();
  });

  it('ignore settings written by someone who is not an owner', async () => {
    const graph = await tenantGraph();
    graph.lists.seedItem(DEMO_OWNER_GROUP_ID, PROGRAMME_LISTS.settings, margaret.id, { Title: 'settings', PersonId: margaret.id, Data: JSON.stringify({ cadenceWeeks: 1 }) });
    openHome(graph);
    await settingsRead();
    expect(screen.getByText(/Every 2 weeks, 45 minutes, for 6 months/)).toBeDefined();
    expect(screen.queryByText(/Every week/)).toBeNull();
    await homeLoaded();
  });

  it('match with the level gap an owner saved', async () => {
    const graph = await tenantGraph();
    await saveProgrammeSettings(clientOf(graph, priya), { ownerGroupId: DEMO_OWNER_GROUP_ID, me: priya.id }, { ...PACKAGED, levelGap: 5 }, PACKAGED, undefined);
    renderWithServices(<RequiredGap />, graph, margaret);
    expect(await screen.findByRole('status', { name: 'Required gap' }, { timeout: 60_000 })).toHaveProperty('textContent', '5');
  }, 120_000);
});
