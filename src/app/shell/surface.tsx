import { Spinner } from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ModeAdapters } from '@/app/composition/mode-adapters';
import { ServicesProvider, type AppServices } from '@/context/services-context';
import type { AppConfig } from '@/services/config/app-config';
import type { Host } from '@/services/host/host';
import type { SignedInPerson } from '@/services/identity/identity';
import { SurfaceErrorBoundary } from './error-boundary';
import { ProblemMessage } from './lazy-problem-message';

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
  /** The mode's adapters, from the composition root (src/app/composition); fakes in tests. */
  readonly adapters: ModeAdapters;
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
  const { config, host, adapters } = props;
  // Replaced by a fresh identity when a person is chosen (the demo) or sign-in is retried.
  const [identity, setIdentity] = useState(() => adapters.identityFor(host));
  const modeServices = useMemo(() => identity && adapters.services(host, identity), [adapters, host, identity]);
  const [user, setUser] = useState<SignedInPerson | undefined>();
  // Why sign-in failed, in words; their code loads only then (sign-in-words.ts).
  const [signInError, setSignInError] = useState<string | undefined>();

  useEffect(() => {
    if (!identity) return;
    let current = true;
    setSignInError(undefined);
    identity.currentUser().then(
      (person) => {
        if (!current) return;
        if (!adapters.signedIn) return setUser(person);
        adapters
          .signedIn(person)
          .catch(() => undefined)
          .finally(() => current && setUser(person));
      },
      (error: unknown) =>
        void import('./sign-in-words').then(
          (m) => current && setSignInError(m.describeSignInFailure(error)),
          () => current && setSignInError('Sign-in did not complete.'),
        ),
    );
    return () => {
      current = false;
    };
  }, [identity, adapters]);

  const { ChoosePerson } = adapters;
  if (!identity && ChoosePerson) return <ChoosePerson onChosen={setIdentity} />;
  if (signInError) {
    return <ProblemMessage title="You are not signed in" intro={signInError} action={{ label: 'Sign in', onClick: () => setIdentity(adapters.identityFor(host)) }} />;
  }
  if (!identity || !user || !modeServices) return <Spinner role="status" label="Signing you in…" style={{ padding: '24px' }} />;

  const services: AppServices = { config, host, identity, user, ...modeServices };
  return (
    <ServicesProvider services={services}>
      <SurfaceErrorBoundary surface={props.name}>{props.children(host)}</SurfaceErrorBoundary>
    </ServicesProvider>
  );
}
