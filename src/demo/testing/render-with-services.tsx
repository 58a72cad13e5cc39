/**
 * The jsdom tests' surface: a person of the demo signed in against a fake Graph, with the services
 * the composition root would give (no live agenda, no network switch), around the component under
 * test and the programme context, as a signed-in surface renders them.
 */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { inThreadProposalRunner } from '@/application/programme/proposal-run';
import { ProgrammeProvider } from '@/context/programme-context';
import type { RefreshSchedule } from '@/context/use-refresh-while-visible';
import { ServicesProvider, type AppServices } from '@/context/services-context';
import { parseAppConfig } from '@/services/config/app-config';
import { GraphClient } from '@/services/graph/graph-client';
import type { Host } from '@/services/host/host';
import type { DemoPerson } from '../demo-people';
import { createDemoIdentity } from '../demo-identity';
import type { FakeGraph } from '../graph/fake-graph';
import { DEMO_OWNER_GROUP_ID } from '../graph/demo-programme-store';
import { manualRefresh } from './manual-refresh';

/** What may differ between tests: the person's time zone, ownership, the app's origin, the fetch. */
export interface TestSurface {
  readonly timeZone?: string;
  readonly programmeOwner?: AppServices['programmeOwner'];
  /** Where the programme proposal runs: this thread by default (jsdom has no Web Worker). */
  readonly proposalRunner?: AppServices['proposalRunner'];
  readonly teamsApp?: AppServices['teamsApp'];
  /** Graph's fetch, e.g. one that fails some requests; the fake's own by default. */
  readonly fetch?: FakeGraph['fetch'];
  /** Leaves out the programme context, for a component that brings its own. */
  readonly programme?: false;
  /** When the profiles are read again on their own (default: never, so no test depends on wall time). */
  readonly refresh?: RefreshSchedule;
  /** The place a deep link opened the tab at (the host's `subPageId`). */
  readonly subPageId?: string;
}

/** A Graph client of `person` against `graph` that never waits between retries. */
export function clientOf(graph: FakeGraph, person: DemoPerson, fetch: FakeGraph['fetch'] = graph.fetch): GraphClient {
  return new GraphClient({ identity: createDemoIdentity(person), fetch, sleep: () => Promise.resolve() });
}

/** The services of `person`'s surface; a small tenant has few levels, so the level gap is 1. */
export function servicesOf(graph: FakeGraph, person: DemoPerson, options: TestSurface = {}): { services: AppServices; client: GraphClient } {
  const client = clientOf(graph, person, options.fetch);
  const services: AppServices = {
    config: parseAppConfig({ PROGRAMME_LEVEL_GAP: '1' }),
    host: {
      context: { app: 'Teams', locale: 'en-GB', timeZone: options.timeZone ?? 'Europe/London', subPageId: options.subPageId, theme: 'default' },
      onThemeChange: () => () => undefined,
    } as unknown as Host,
    identity: createDemoIdentity(person),
    user: person,
    graph: () => Promise.resolve(client),
    joinLive: () => Promise.reject(new Error('no live agenda here')),
    watchNetwork: () => () => undefined,
    teamsApp: options.teamsApp ?? { teamsAppId: 'app', origin: 'https://mentoring.example' },
    programmeOwner: options.programmeOwner ?? false,
    programmeGroupId: DEMO_OWNER_GROUP_ID,
    proposalRunner: options.proposalRunner ?? inThreadProposalRunner,
  };
  return { services, client };
}

/** Renders `ui` on `person`'s surface; returns their Graph client. */
export function renderWithServices(ui: ReactNode, graph: FakeGraph, person: DemoPerson, options: TestSurface = {}): GraphClient {
  const { services, client } = servicesOf(graph, person, options);
  render(
    <FluentProvider theme={teamsLightTheme}>
      <ServicesProvider services={services}>
        {options.programme === false ? ui : <ProgrammeProvider refresh={options.refresh ?? manualRefresh().schedule}>{ui}</ProgrammeProvider>}
      </ServicesProvider>
    </FluentProvider>,
  );
  return client;
}
