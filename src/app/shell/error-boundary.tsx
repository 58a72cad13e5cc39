import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ProblemMessage } from './lazy-problem-message';

interface Props {
  readonly surface: string;
  readonly onError?: (error: Error) => void;
  readonly children: ReactNode;
}

/** Catches a crash in one surface and offers a way back instead of a blank frame. */
export class SurfaceErrorBoundary extends Component<Props, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`The ${this.props.surface} crashed`, error, info.componentStack);
    this.props.onError?.(error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <ProblemMessage
        title={`The ${this.props.surface} hit a problem`}
        intro="Nothing you saved is lost. Try again; if it keeps happening, reload the tab or tell your programme owner what you were doing."
        action={{ label: 'Try again', onClick: () => this.setState({ error: undefined }) }}
      />
    );
  }
}
