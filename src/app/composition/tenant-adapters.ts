import { liveShareAvailable } from '@/services/agenda/live-support';
import type { AppConfig } from '@/services/config/app-config';
import { createMsalIdentity, signInModeFor } from '@/services/identity/msal-identity';
import { lazyGraphClient } from './graph-access';
import type { ModeAdapters } from './mode-adapters';
import { webWorkerProposalRunner } from './proposal-worker';

/** A configuration with a tenant. */
export type TenantConfig = Extract<AppConfig, { mode: 'tenant' }>;

/** A tenant's adapters: MSAL, real Graph, Teams' Live Share, the owners' group. */
export function tenantAdapters(config: TenantConfig): ModeAdapters {
  const { tenant, programme } = config;
  return {
    hostOrigins: [],
    // MSAL, with nested app authentication only where the host recommends it.
    identityFor: (host) =>
      createMsalIdentity({
        tenant,
        mode: signInModeFor({ embedded: host.context.embedded, nestedAppAuthRecommended: host.nestedAppAuthRecommended }),
        loginHint: host.context.user?.userPrincipalName,
        origin: window.location.origin,
      }),
    // A shared machine: another account's unsaved agenda edits, and its copies of the directory and
    // the profiles, go before anything is shown. Loaded here, not before first paint.
    signedIn: async (person) => {
      (await import('@/services/agenda/device-owner')).forgetAgendaCopiesOfOthers(localStorage, person.id);
      if (typeof indexedDB === 'undefined') return;
      // Not waited for: nothing reads another person's copies, and a database another tab holds open must not delay sign-in.
      void import('@/services/storage/app-database').then(({ deviceKeyOf, forgetOtherPeople }) => forgetOtherPeople(deviceKeyOf(person))).catch(() => undefined);
    },
    services: (host, identity) => {
      const graph = lazyGraphClient(identity, () => Promise.resolve(window.fetch.bind(window)));
      const ownerGroup = programme.ownerGroupId;
      return {
        graph,
        joinLive: async (_meetingKey, who) => {
          const live = await import('@/services/agenda/live-host');
          if (!liveShareAvailable(host.context, await live.hostOffersLiveShare())) return undefined;
          return live.joinInTeams(who);
        },
        watchNetwork: () => () => undefined,
        teamsApp: { teamsAppId: tenant.teamsAppId, origin: tenant.appUrl, tenantId: tenant.tenantId },
        programmeGroupId: ownerGroup,
        programmeOwner: ownerGroup
          ? async () => {
              const [client, { isProgrammeOwner }] = await Promise.all([graph(), import('@/services/programme/programme-owner')]);
              return isProgrammeOwner(client, ownerGroup);
            }
          : false,
        proposalRunner: webWorkerProposalRunner(),
      };
    },
  };
}
