import { FluentProvider, Spinner, teamsDarkTheme, teamsLightTheme } from '@fluentui/react-components';
import { lazy, StrictMode, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { composeAdapters } from '@/app/composition/compose';
import type { ModeAdapters } from '@/app/composition/mode-adapters';
import { detectHost } from '@/services/host/detect-host';
import type { Host } from '@/services/host/host';
import { AppShell } from './app-shell';
import { buildConfig } from './build-config';
import { preloadProblemMessage, ProblemMessage } from './lazy-problem-message';
import { Surface } from './surface';
import './base.css';

// Only a slow host shows this, so its code (Fluent's Button) loads then; without the network, plain HTML says the same.
const SlowHostHint = lazy(() =>
  import('./slow-host-hint').then(
    (m) => ({ default: m.SlowHostHint }),
    () => ({
      default: () => (
        <>
          <p>This is taking longer than usual. The app is waiting for Teams or Outlook to answer.</p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </>
      ),
    }),
  ),
);

/** Something that tells the connecting screen the host is slow. */
export interface SlowSignal {
  subscribe(listener: () => void): () => void;
}

/**
 * What a framed page shows while its host (Teams, Outlook, the Microsoft 365 app) has not answered yet:
 * it keeps waiting, and says so, rather than turning into a web page that asks to sign in.
 */
export function ConnectingToHost({ slow }: { slow: SlowSignal }) {
  const [isSlow, setSlow] = useState(false);
  useEffect(() => slow.subscribe(() => setSlow(true)), [slow]);
  return (
    <main style={{ padding: '24px', display: 'flex', flexDirection: 'column', gap: '12px', alignItems: 'start' }}>
      <Spinner role="status" label="Connecting to Microsoft 365…" labelPosition="after" />
      {isSlow && (
        <Suspense fallback={null}>
          <SlowHostHint />
        </Suspense>
      )}
    </main>
  );
}

function slowSignal(): SlowSignal & { fire(): void } {
  const listeners = new Set<() => void>();
  let fired = false;
  return {
    subscribe(listener) {
      if (fired) listener();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire() {
      fired = true;
      listeners.forEach((listener) => listener());
    },
  };
}

const prefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

/** Options for {@link startSurface}. */
export interface SurfaceOptions {
  /** `false` for a surface that needs no one signed in (the configuration page). */
  readonly signIn?: boolean;
}

/** A surface's content, given the host it runs in. */
export type SurfaceContent = ComponentType<{ host: Host }>;

/**
 * Starts one surface: shows that it is connecting, finds the host, tells the host as soon as the
 * surface shows something, signs the person in (if the surface needs it), and renders the surface
 * inside the host's theme and an error boundary.
 *
 * The surface's own code is loaded with `load` while the host answers: the connecting screen, the
 * first paint, needs none of it.
 *
 * @param name the surface's name as people see it in error messages, e.g. "personal tab".
 */
export async function startSurface(name: string, load: () => Promise<SurfaceContent>, options: SurfaceOptions = {}): Promise<void> {
  const element = document.getElementById('root');
  if (!element) throw new Error('The page has no #root element');
  const root = createRoot(element);
  const config = buildConfig();
  const slow = slowSignal();
  const waiting = (content: ReactNode) => (
    <StrictMode>
      <FluentProvider theme={prefersDark() ? teamsDarkTheme : teamsLightTheme} className="app-root">
        {content}
      </FluentProvider>
    </StrictMode>
  );
  root.render(waiting(<ConnectingToHost slow={slow} />));
  const loadingContent = load();
  loadingContent.catch(() => undefined); // handled below, once the host has answered

  let adapters: ModeAdapters;
  let host: Host;
  try {
    adapters = await composeAdapters(config);
    host = await detectHost({ extraOrigins: adapters.hostOrigins, onSlow: () => slow.fire() });
  } catch (error) {
    console.error('The host could not be reached.', error);
    root.render(
      waiting(
        <ProblemMessage
          title="Teams could not be reached"
          intro="The app could not connect to Teams or Outlook. Reload to try again."
          action={{ label: 'Reload', onClick: () => window.location.reload() }}
        />,
      ),
    );
    return;
  }

  let Content: SurfaceContent;
  try {
    Content = await loadingContent;
  } catch (error) {
    console.error(`The ${name} could not be loaded.`, error);
    root.render(
      waiting(
        <ProblemMessage
          title={`The ${name} could not be loaded`}
          intro="Check your connection, then reload to try again."
          action={{ label: 'Reload', onClick: () => window.location.reload() }}
        />,
      ),
    );
    return;
  }

  root.render(
    <StrictMode>
      <AppShell host={host}>
        <Surface name={name} config={config} host={host} adapters={adapters} signIn={options.signIn ?? true}>
          {(surfaceHost) => <Content host={surfaceHost} />}
        </Surface>
      </AppShell>
    </StrictMode>,
  );
  // A crash after this finds the error message's code already loaded.
  void preloadProblemMessage().catch(() => undefined);
}
