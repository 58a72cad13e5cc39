import { createContext, useContext, type ReactNode } from 'react';
import type { ProposalRunner } from '@/application/programme/proposal-runner';
import type { JoinLive } from '@/services/agenda/live-host';
import type { AppConfig } from '@/services/config/app-config';
import type { GraphClient } from '@/services/graph/graph-client';
import type { Host } from '@/services/host/host';
import type { Identity, SignedInPerson } from '@/services/identity/identity';

/** The app as Teams knows it, to add its tab to a meeting chat. */
export interface TeamsAppRef {
  /** The app package's id (the manifest's `id`). */
  readonly teamsAppId: string;
  /** Where the app is served from: the tab's content URL starts here. */
  readonly origin: string;
  /** The tenant, for the "open the app" link; absent in the demo. */
  readonly tenantId?: string;
}

/**
 * What every feature may use. The composition root (src/app/composition) fills it with the
 * tenant's adapters or the demo's; features never ask which.
 */
export interface AppServices {
  /** The validated build configuration; features read its programme settings. */
  readonly config: AppConfig;
  /** The host the surface runs in (Teams, Outlook, the Microsoft 365 app, a browser tab). */
  readonly host: Host;
  /** Tokens for the signed-in person. */
  readonly identity: Identity;
  /** Who is signed in. */
  readonly user: SignedInPerson;
  /** Microsoft Graph (the fake in demo mode); loaded on first use. */
  readonly graph: () => Promise<GraphClient>;
  /** Joins a meeting's live agenda (Teams' Live Share, or the demo's local Fluid service). */
  readonly joinLive: JoinLive;
  /**
   * Follows a switch that takes this person's network away and back (the dev host's, in the demo):
   * calls `change` with the new state, after Graph has followed it. Returns a function that stops
   * following. Nothing switches in a tenant.
   */
  readonly watchNetwork: (person: string, change: (offline: boolean) => void) => () => void;
  /** The app as Teams knows it, to add its tab to a meeting chat. */
  readonly teamsApp: TeamsAppRef;
  /**
   * Whether the signed-in person runs the programme: known at once (everyone in the demo; no one
   * when no owners' group is configured), or a question to Graph.
   */
  readonly programmeOwner: boolean | (() => Promise<boolean>);
  /**
   * The programme owners' group whose site holds the programme store (services/programme/programme-store.ts):
   * the configured group in a tenant, the demo's in the demo; undefined when none is configured.
   */
  readonly programmeGroupId: string | undefined;
  /**
   * Runs the programme proposal off the main thread (a Web Worker in the app; the thread itself in
   * jsdom tests), so "Run matching" never freezes the page.
   */
  readonly proposalRunner: ProposalRunner;
}

const ServicesContext = createContext<AppServices | undefined>(undefined);

/** Gives a surface's features their services. */
export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The app's services; only inside a surface started by the app shell. */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside ServicesProvider');
  return services;
}
