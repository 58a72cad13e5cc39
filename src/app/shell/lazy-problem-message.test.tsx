// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProblemMessage } from './lazy-problem-message';

// The network is gone: Fluent's message cannot be loaded.
vi.mock('./problem-message', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

afterEach(cleanup);

describe('ProblemMessage, when its code cannot be loaded', () => {
  it('still says what happened and offers the action, in plain HTML', async () => {
    const onClick = vi.fn();
    render(<ProblemMessage title="The meeting tab hit a problem" intro="Nothing you saved is lost." lines={['The agenda could not be read']} action={{ label: 'Try again', onClick }} />);
    expect(await screen.findByText('The meeting tab hit a problem')).toBeTruthy();
    expect(screen.getByText('The agenda could not be read')).toBeTruthy();
    screen.getByRole('button', { name: 'Try again' }).click();
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
