import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ServicesProvider, type AppServices } from '@/context/services-context';
import type { AppConfig } from '@/services/config/app-config';
import { findDemoPerson, type DemoPerson } from '@/demo/demo-people';
import type { Host } from '@/services/host/host';
import { createDemoIdentity } from '@/demo/demo-identity';
import type { Identity, SignedInPerson } from '@/services/identity/identity';
import { createMsalIdentity, signInModeFor } from '@/services/identity/msal-identity';
import { SurfaceErrorBoundary } from './error-boundary';
import { lazyGraphClient } from './graph-access';
import { ProblemMessage } from './problem-message';

/** Only the demo in a browser tab asks who you are: its page of people loads only there. */
const DemoSignIn = lazy(() => import('@/demo/demo-sign-in').then((m) => ({ default: m.DemoSignIn })));

const DEMO_PERSON_KEY = 'demo-person';

/** Makes the identity for this surface; replaced in tests. */
export type IdentityFactory = (config: AppConfig, host: Host, demoPerson: DemoPerson | undefined) => Identity | undefined;

/** The identity: MSAL in a tenant (nested app authentication only where the host recommends it), the demo person otherwise. */
export const defaultIdentityFor: IdentityFactory = (config, host, demoPerson) => {
  if (config.mode === 'tenant') {
    return createMsalIdentity({
      tenant: config.tenant,
      mode: signInModeFor({ embedded: host.context.embedded, nestedAppAuthRecommended: host.nestedAppAuthRecommended }),
      loginHint: host.context.user?.userPrincipalName,
      origin: window.location.origin,
    });
  }
  return demoPerson ? createDemoIdentity(demoPerson) : undefined;
};

/** In demo mode the dev host says who you are; outside it, you choose (kept for this tab only). */
function demoPersonFor(host: Host): DemoPerson | undefined {
  return findDemoPerson(host.context.user?.id) ?? findDemoPerson(sessionStorage.getItem(DEMO_PERSON_KEY) ?? undefined);
}

/**
 * Tells the host once, on the first screen, that the surface is showing (teams-js `notifySuccess`):
 * never after sign-in, which may wait on a prompt for longer than the 30 s Teams allows.
 */
function useNotifyHostOnFirstScreen(host: Host) {
  useEffect(() => {
    if (notifiedHosts.has(host)) return;
    notifiedHosts.add(host);
    host.notifyReady();
  }, [host]);
}
const notifiedHosts = new WeakSet<Host>();

export interface SurfaceProps {
  readonly name: string;
  readonly config: AppConfig;
  readonly host: Host;
  /**
   * `false` for a surface that needs no one signed in (the configuration page only saves a tab):
   * it renders at once with the host, and never asks for a token.
   */
  readonly signIn?: boolean;
  readonly identityFor?: IdentityFactory;
  readonly children: (host: Host) => ReactNode;
}

/** One surface: tells the host it is showing, signs the person in (unless not needed), and renders the surface. */
export function Surface(props: SurfaceProps) {
  useNotifyHostOnFirstScreen(props.host);
  if (props.signIn === false) {
    return <SurfaceErrorBoundary surface={props.name}>{props.children(props.host)}</SurfaceErrorBoundary>;
  }
  return <SignedInSurface {...props} />;
}

function SignedInSurface(props: SurfaceProps) {
  const { config, host } = props;
  const identityFor = props.identityFor ?? defaultIdentityFor;
  const [demoPerson, setDemoPerson] = useState(() => (config.mode === 'demo' ? demoPersonFor(host) : undefined));
  // Replaced by a fresh identity when the demo person is chosen or sign-in is retried.
  const [identity, setIdentity] = useState(() => identityFor(config, host, demoPerson));
  const graph = useMemo(() => identity && lazyGraphClient(config, identity), [config, identity]);
  const [user, setUser] = useState<SignedInPerson | undefined>();
  const [signInError, setSignInError] = useState<Error | undefined>();

  useEffect(() => {
    if (!identity) return;
    let current = true;
    setSignInError(undefined);
    identity.currentUser().then(
      (person) => {
        if (!current) return;
        // A shared machine: another account's unsaved agenda edits go before anything is shown.
        // (The demo's people share one browser on purpose, so only in a tenant.) Loaded here, not
        // before first paint: it brings the agenda's reader.
        if (config.mode !== 'tenant') return setUser(person);
        import('@/services/agenda/device-copy')
          .then((copies) => copies.forgetAgendaCopiesOfOthers(localStorage, person.id))
          .catch(() => undefined)
          .finally(() => current && setUser(person));
      },
      (error: unknown) => current && setSignInError(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      current = false;
    };
  }, [identity, config.mode]);

  if (config.mode === 'demo' && !demoPerson) {
    return (
      <Suspense fallback={<Spinner label="Loading the demo…" />}>
        <DemoSignIn
          onChoose={(person) => {
            sessionStorage.setItem(DEMO_PERSON_KEY, person.id);
            setDemoPerson(person);
            setIdentity(identityFor(config, host, person));
          }}
        />
      </Suspense>
    );
  }
  if (signInError) {
    return (
      <ProblemMessage
        title="You are not signed in"
        intro={signInError.message}
        action={{ label: 'Sign in', onClick: () => setIdentity(identityFor(config, host, demoPerson)) }}
      />
    );
  }
  if (!identity || !user || !graph) return <Spinner role="status" label="Signing you in…" style={{ padding: '24px' }} />;

  const services: AppServices = { config, host, identity, user, graph };
  return (
    <ServicesProvider services={services}>
      <SurfaceErrorBoundary surface={props.name}>{props.children(host)}</SurfaceErrorBoundary>
    </ServicesProvider>
  );
}
