import { StrictMode, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ServicesProvider, type AppServices } from '@/components/services-context';
import type { AppConfig } from '@/services/config/app-config';
import { findDemoPerson, type DemoPerson } from '@/services/demo/demo-people';
import { detectHost } from '@/services/host/detect-host';
import type { Host } from '@/services/host/host';
import { createDemoIdentity } from '@/services/identity/demo-identity';
import type { Identity, SignedInPerson } from '@/services/identity/identity';
import { createMsalIdentity } from '@/services/identity/msal-identity';
import { AppShell } from './app-shell';
import { buildConfig } from './build-config';
import { DemoSignIn } from './demo-sign-in';
import { SurfaceErrorBoundary } from './error-boundary';
import { lazyGraphClient } from './graph-access';
import { ProblemMessage } from './problem-message';
import './base.css';

/** How long a framing page has to answer teams-js before the app runs as a plain web page. */
const HOST_TIMEOUT_MS = 5000;
const DEMO_PERSON_KEY = 'demo-person';

function identityFor(config: AppConfig, host: Host, demoPerson: DemoPerson | undefined): Identity | undefined {
  if (config.mode === 'tenant') {
    return createMsalIdentity({
      tenant: config.tenant,
      nested: host.context.embedded,
      loginHint: host.context.user?.userPrincipalName,
      origin: window.location.origin,
    });
  }
  return demoPerson ? createDemoIdentity(demoPerson) : undefined;
}

/** In demo mode the dev host says who you are; outside it, you choose (kept for this tab only). */
function demoPersonFor(host: Host): DemoPerson | undefined {
  return findDemoPerson(host.context.user?.id) ?? findDemoPerson(sessionStorage.getItem(DEMO_PERSON_KEY) ?? undefined);
}

function Surface(props: { name: string; config: AppConfig; host: Host; children: () => ReactNode }) {
  const { config, host } = props;
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
      (person) => current && setUser(person),
      (error: unknown) => current && setSignInError(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      current = false;
    };
  }, [identity]);

  // Once something meaningful is on screen, the host may hide its loading indicator (once only).
  const notified = useRef(false);
  useEffect(() => {
    if (notified.current || !(user || signInError || (config.mode === 'demo' && !demoPerson))) return;
    notified.current = true;
    host.notifyReady();
  }, [user, signInError, demoPerson, config.mode, host]);

  if (config.mode === 'demo' && !demoPerson) {
    return (
      <DemoSignIn
        onChoose={(person) => {
          sessionStorage.setItem(DEMO_PERSON_KEY, person.id);
          setDemoPerson(person);
          setIdentity(identityFor(config, host, person));
        }}
      />
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
  if (!identity || !user || !graph) return <div role="status" aria-busy="true" aria-label="Signing you in" />;

  const services: AppServices = { config, host, identity, user, graph };
  return (
    <ServicesProvider services={services}>
      <SurfaceErrorBoundary surface={props.name}>{props.children()}</SurfaceErrorBoundary>
    </ServicesProvider>
  );
}

/**
 * Starts one surface: finds the host, signs the person in, and renders
 * the surface inside the host's theme and an error boundary.
 *
 * @param name the surface's name as people see it in error messages, e.g. "personal tab".
 */
export async function startSurface(name: string, render: () => ReactNode): Promise<void> {
  const element = document.getElementById('root');
  if (!element) throw new Error('The page has no #root element');
  const root = createRoot(element);

  const config = buildConfig();
  const host = await detectHost({
    timeoutMs: HOST_TIMEOUT_MS,
    // The dev host plays Teams from this same origin in demo mode only.
    extraOrigins: config.mode === 'demo' ? [window.location.origin] : [],
  });
  root.render(
    <StrictMode>
      <AppShell host={host}>
        <Surface name={name} config={config} host={host}>
          {render}
        </Surface>
      </AppShell>
    </StrictMode>,
  );
}
