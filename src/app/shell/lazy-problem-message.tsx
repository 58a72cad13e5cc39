import { lazy, Suspense, type ComponentProps } from 'react';
import type { ProblemMessage as FluentProblemMessage } from './problem-message';

type ProblemMessageProps = ComponentProps<typeof FluentProblemMessage>;

let loading: Promise<typeof FluentProblemMessage> | undefined;

/**
 * Loads the problem message's code (Fluent's MessageBar and Button), which no first screen needs:
 * called once a surface shows, so a crash later finds it loaded.
 */
export function preloadProblemMessage(): Promise<typeof FluentProblemMessage> {
  loading ??= import('./problem-message').then(
    (m) => m.ProblemMessage,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The same texts without Fluent, for when its code cannot be loaded (the network is gone). */
function PlainProblemMessage(props: ProblemMessageProps) {
  return (
    <main role="main" style={{ padding: '24px', maxWidth: '720px' }}>
      <div role="alert">
        <strong>{props.title}</strong> {props.intro}
      </div>
      {props.lines && props.lines.length > 0 && (
        <ul style={{ whiteSpace: 'pre-wrap' }}>
          {props.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {props.action && (
        <button type="button" onClick={props.action.onClick}>
          {props.action.label}
        </button>
      )}
    </main>
  );
}

const Loaded = lazy(() =>
  preloadProblemMessage().then(
    (component) => ({ default: component }),
    () => ({ default: PlainProblemMessage }),
  ),
);

/** A full-page, actionable message for when a surface cannot start or has crashed; its code loads when first needed. */
export function ProblemMessage(props: ProblemMessageProps) {
  return (
    <Suspense fallback={null}>
      <Loaded {...props} />
    </Suspense>
  );
}
