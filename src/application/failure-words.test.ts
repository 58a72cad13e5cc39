import { describe, expect, it } from 'vitest';
import { GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import { describeFailure } from './failure-words';

const msal = (name: string, message: string) => Object.assign(new Error(message), { name, errorCode: 'interaction_required' });

describe('describeFailure', () => {
  it.each([
    [msal('InteractionRequiredAuthError', 'Lifetime validation failed, the token is expired.'), /sign-in has expired/, 'Lifetime validation'],
    [new Error('AADSTS700084: The refresh token was issued to a single page app'), /sign-in has expired/, 'AADSTS'],
    [new TypeError('Failed to fetch'), /Check your connection/, 'Failed to fetch'],
    [new GraphRequestError('Service unavailable: backend timed out (request 1234)', 503, 'serviceNotAvailable', '1234', undefined), /busy/, 'backend timed out'],
    [new SyntaxError('Unexpected token < in JSON at position 0'), /Check your connection/, 'Unexpected token'],
  ])('words %s without its raw text, and says what failed', (error, words, raw) => {
    const said = describeFailure(error, 'Could not send your request');
    expect(said).toMatch(/^Could not send your request/);
    expect(said).toMatch(words);
    expect(said).not.toContain(raw);
  });

  it("keeps the app's own words, and a missing permission's names it and who grants it", () => {
    expect(describeFailure(new Error('Opt in first.'), 'Could not save')).toBe('Opt in first.');
    const said = describeFailure(new GraphPermissionError(['User.Read.All'], 403, 'Forbidden', undefined), 'Could not read the organisation');
    expect(said).toContain('User.Read.All');
    expect(said).toContain('admin');
  });
});
