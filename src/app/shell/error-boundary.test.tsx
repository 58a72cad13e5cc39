// @vitest-environment jsdom
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SurfaceErrorBoundary } from './error-boundary';

afterEach(cleanup);

let shouldThrow = true;
function Fragile() {
  if (shouldThrow) throw new Error('Lifetime validation failed, the token is expired.');
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
  // The message's code loads when first needed (lazy-problem-message.tsx), so it is found, not got.
  it('replaces a crashed surface with a message that names it, never the raw error, and reports the error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    shouldThrow = true;
    const onError = vi.fn();
    renderInBoundary(onError);
    expect(await screen.findByText('The meeting tab hit a problem')).toBeTruthy();
    expect(document.body.textContent).not.toContain('Lifetime validation');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'Lifetime validation failed, the token is expired.' }));
  });

  it('renders the surface again on "Try again"', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    shouldThrow = true;
    renderInBoundary();
    shouldThrow = false;
    const tryAgain = await screen.findByRole('button', { name: 'Try again' });
    act(() => fireEvent.click(tryAgain));
    expect(screen.getByText('Agenda')).toBeTruthy();
  });

  it('never shows the error text, as text or as HTML', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Hostile(): never {
      throw new Error('<img src=x onerror="alert(1)">');
    }
    const { container } = render(
      <SurfaceErrorBoundary surface="personal tab">
        <Hostile />
      </SurfaceErrorBoundary>,
    );
    expect(await screen.findByText('The personal tab hit a problem')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).not.toContain('onerror');
  });
});
