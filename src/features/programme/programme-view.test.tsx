// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgrammeProvider } from '@/context/programme-context';
import { ServicesProvider, type AppServices } from '@/context/services-context';
import { DEMO_PEOPLE } from '@/demo/demo-people';
import { createDemoIdentity } from '@/demo/demo-identity';
import { generateDemoProfiles } from '@/demo/graph/demo-profiles';
import { generateDemoTenant } from '@/demo/graph/demo-tenant';
import { FakeGraph } from '@/demo/graph/fake-graph';
import { parseAppConfig } from '@/services/config/app-config';
import { GraphClient } from '@/services/graph/graph-client';
import type { Host } from '@/services/host/host';
import { OWNER_DECISIONS_FILE } from '@/services/programme/owner-decisions-store';
import { ProgrammeView } from './programme-view';

afterEach(cleanup);

const users = generateDemoTenant({ size: 300 });
const priya = DEMO_PEOPLE[3]!;

function open(graph: FakeGraph) {
  const identity = createDemoIdentity(priya);
  const client = new GraphClient({ identity, fetch: graph.fetch, sleep: () => Promise.resolve() });
  const services: AppServices = {
    // A small tenant has few levels, so a gap of 1.
    config: parseAppConfig({ PROGRAMME_LEVEL_GAP: '1' }),
    host: { context: { app: 'Teams', locale: 'en-GB', timeZone: 'Europe/London' } } as unknown as Host,
    identity,
    user: priya,
    graph: () => Promise.resolve(client),
    joinLive: () => Promise.reject(new Error('no live agenda here')),
    watchNetwork: () => () => undefined,
    teamsApp: { teamsAppId: 'app', origin: 'https://mentoring.example' },
    programmeOwner: true,
  };
  render(
    <FluentProvider theme={teamsLightTheme}>
      <ServicesProvider services={services}>
        <ProgrammeProvider>
          <ProgrammeView />
        </ProgrammeProvider>
      </ServicesProvider>
    </FluentProvider>,
  );
}

const pairLabel = (button: HTMLElement, verb: string) => button.getAttribute('aria-label')!.replace(new RegExp(`^${verb} `), '');

describe('the programme view', () => {
  it('keeps the owner’s pins and exclusions through a reload, in their own OneDrive', async () => {
    const graph = new FakeGraph({ users, extensions: generateDemoProfiles(users) });
    open(graph);
    await screen.findByRole('button', { name: 'Run matching' }, { timeout: 60_000 }).then((b) => act(() => b.click()));
    await screen.findByRole('table', { name: 'Proposed pairs' });

    const pin = screen.getAllByRole('button', { name: /^Pin / })[0]!;
    const pinned = pairLabel(pin, 'Pin');
    act(() => pin.click());
    await screen.findByRole('button', { name: `Unpin ${pinned}` });
    const exclude = screen.getAllByRole('button', { name: /^Exclude / })[1]!;
    const excluded = pairLabel(exclude, 'Exclude');
    act(() => exclude.click());
    await waitFor(() => expect(screen.queryByRole('button', { name: `Exclude ${excluded}` })).toBeNull());
    await waitFor(() => expect(JSON.parse(graph.drives.snapshot().find((f) => f.path.endsWith(OWNER_DECISIONS_FILE))?.content ?? '{}').exclusions).toHaveLength(1));

    // A reload: a new client reads the decisions back.
    cleanup();
    open(graph);
    await screen.findByRole('button', { name: 'Run matching' }, { timeout: 60_000 }).then((b) => act(() => b.click()));
    await screen.findByRole('button', { name: `Unpin ${pinned}` });
    expect(screen.queryByRole('button', { name: `Exclude ${excluded}` })).toBeNull();
  }, 120_000);
});
