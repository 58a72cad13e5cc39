// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SurfaceErrorBoundary } from './error-boundary';

afterEach(cleanup);

let shouldThrow = true;
function Fragile() {
  if (shouldThrow) throw new Error('The agenda could not be read');
  return <p>Agenda</p>;
}

function renderInBoundary(onError?: (error: Error) => void) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <SurfaceErrorBoundary surface="meeting tab" {...(onError ? { onError } : {})}>
        <Fragile />
      </SurfaceErrorBoundary>
    </FluentProvider>,
  );
}

describe('SurfaceErrorBoundary', () => {
  it('replaces a crashed surface with a message that names it, and reports the error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    shouldThrow = true;
    const onError = vi.fn();
    renderInBoundary(onError);
    expect(screen.getByText('The meeting tab hit a problem')).toBeTruthy();
    expect(screen.getByText('The agenda could not be read')).toBeTruthy();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'The agenda could not be read' }));
  });

  it('renders the surface again on "Try again"', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    shouldThrow = true;
    renderInBoundary();
    shouldThrow = false;
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Try again' })));
    expect(screen.getByText('Agenda')).toBeTruthy();
  });

  it('shows error text as text, never as HTML', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Hostile(): never {
      throw new Error('<img src=x onerror="alert(1)">');
    }
    const { container } = render(
      <SurfaceErrorBoundary surface="personal tab">
        <Hostile />
      </SurfaceErrorBoundary>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy();
  });
});
