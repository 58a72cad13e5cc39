import type { ComponentType } from 'react';
import type { AppServices } from '@/context/services-context';
import type { Host } from '@/services/host/host';
import type { Identity, SignedInPerson } from '@/services/identity/identity';

/** The services a signed-in surface gets from its mode (the rest come from the shell). */
export type ModeServices = Pick<AppServices, 'graph' | 'joinLive' | 'watchNetwork' | 'teamsApp' | 'programmeOwner' | 'programmeGroupId' | 'proposalRunner'>;

/**
 * Everything that differs between a tenant build and the demo, chosen once per page by
 * {@link composeAdapters} (compose.ts): the shell starts a surface with these, and features get
 * {@link ModeServices} through `useServices()`, never asking which mode they run in.
 */
export interface ModeAdapters {
  /** Origins teams-js accepts besides its own list of hosts: the dev host's (this origin) in the demo only. */
  readonly hostOrigins: readonly string[];
  /** This surface's identity, or undefined while nobody is chosen (the demo outside the dev host). */
  identityFor(host: Host): Identity | undefined;
  /** Asks who you are when {@link ModeAdapters.identityFor} had no one (the demo's people picker). */
  readonly ChoosePerson?: ComponentType<{ readonly onChosen: (identity: Identity) => void }>;
  /**
   * Runs once the signed-in person is known, before anything is shown: a tenant forgets other
   * accounts' unsaved agenda edits on this device (a shared machine). Absent where there is nothing to do.
   */
  readonly signedIn?: (person: SignedInPerson) => Promise<void>;
  /** The mode's services for a surface in `host` signed in with `identity`; made once per identity. */
  services(host: Host, identity: Identity): ModeServices;
}
