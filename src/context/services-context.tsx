import { createContext, useContext, type ReactNode } from 'react';
import type { AppConfig } from '@/services/config/app-config';
import type { GraphClient } from '@/services/graph/graph-client';
import type { Host } from '@/services/host/host';
import type { Identity, SignedInPerson } from '@/services/identity/identity';

/** What every feature may use: configuration, the host, and who is signed in. */
export interface AppServices {
  readonly config: AppConfig;
  readonly host: Host;
  readonly identity: Identity;
  readonly user: SignedInPerson;
  /** Microsoft Graph (the fake in demo mode); loaded on first use. */
  readonly graph: () => Promise<GraphClient>;
}

const ServicesContext = createContext<AppServices | undefined>(undefined);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The app's services; only inside a surface started by the app shell. */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside ServicesProvider');
  return services;
}
