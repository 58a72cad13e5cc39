import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { createDemoIdentity } from '@/demo/demo-identity';
import { DEMO_TEAMS_APP_ID, findDemoPerson } from '@/demo/demo-people';
import { NETWORK_CHANNEL } from '@/demo/dev-host-protocol';
import { liveShareAvailable } from '@/services/agenda/live-support';
import type { Host } from '@/services/host/host';
import type { Identity } from '@/services/identity/identity';
import { lazyGraphClient } from './graph-access';
import type { ModeAdapters } from './mode-adapters';
import { DEMO_OWNER_GROUP_ID } from '@/demo/graph/demo-programme-store';
import { webWorkerProposalRunner } from './proposal-worker';

/** Only the demo in a browser tab asks who you are: its page of people loads only there. */
const DemoSignIn = lazy(() => import('@/demo/demo-sign-in').then((m) => ({ default: m.DemoSignIn })));

const DEMO_PERSON_KEY = 'demo-person';

/** In the demo the dev host says who you are; outside it, you choose (kept for this tab only). */
function demoPersonFor(host: Host) {
  return findDemoPerson(host.context.user?.id) ?? findDemoPerson(sessionStorage.getItem(DEMO_PERSON_KEY) ?? undefined);
}

function ChooseDemoPerson({ onChosen }: { readonly onChosen: (identity: Identity) => void }) {
  return (
    <Suspense fallback={<Spinner label="Loading the demo…" />}>
      <DemoSignIn
        onChoose={(person) => {
          sessionStorage.setItem(DEMO_PERSON_KEY, person.id);
          onChosen(createDemoIdentity(person));
        }}
      />
    </Suspense>
  );
}

const fakeGraph = () => import('@/demo/graph/browser-fake-graph').then((m) => m.browserFakeGraph());

/**
 * The demo's adapters: a chosen demo person, the fake Graph, the local Fluid service, and the dev
 * host's switches. Loaded by compose.ts in demo builds only.
 */
export function demoAdapters(): ModeAdapters {
  return {
    // The dev host plays Teams from this same origin.
    hostOrigins: [window.location.origin],
    identityFor: (host) => {
      const person = demoPersonFor(host);
      return person && createDemoIdentity(person);
    },
    ChoosePerson: ChooseDemoPerson,
    // The demo's people share one browser on purpose: their agenda copies stay.
    services: (host, identity) => ({
      graph: lazyGraphClient(identity, async () => (await fakeGraph()).fetch),
      joinLive: async (meetingKey, who) => {
        // Inside the dev host, ask the host as in Teams; outside it, there is no host to ask: join the local Fluid service.
        if (host.context.embedded) {
          const { hostOffersLiveShare } = await import('@/services/agenda/live-host');
          if (!liveShareAvailable(host.context, await hostOffersLiveShare())) return undefined;
        }
        const { joinInDemo } = await import('@/demo/demo-live-share');
        return joinInDemo(meetingKey, who, { framed: host.context.embedded });
      },
      // The dev host's network switch for this person: Graph drops with it, then the caller (Live Share).
      watchNetwork: (person, change) => {
        let channel: BroadcastChannel | undefined;
        let stopped = false;
        void fakeGraph().then((graph) => {
          if (stopped || typeof BroadcastChannel === 'undefined') return;
          channel = new BroadcastChannel(NETWORK_CHANNEL);
          channel.onmessage = (event: MessageEvent<{ person?: string; offline?: boolean }>) => {
            if (event.data.person !== person) return;
            const offline = event.data.offline === true;
            graph.setFaults({ offline });
            change(offline);
          };
        });
        return () => {
          stopped = true;
          channel?.close();
        };
      },
      teamsApp: { teamsAppId: DEMO_TEAMS_APP_ID, origin: window.location.origin },
      // The demo's programme owner (Priya Raman) runs the programme; everyone else sees what a
      // participant sees, data-quality warnings and the Programme view left out.
      programmeGroupId: DEMO_OWNER_GROUP_ID,
      programmeOwner: async () => findDemoPerson((await identity.currentUser()).id)?.role === 'programme owner',
      proposalRunner: webWorkerProposalRunner(),
    }),
  };
}
