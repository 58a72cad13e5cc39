import { describe, expect, it } from 'vitest';
import { GraphPermissionError, GraphRequestError } from '@/services/graph/graph-errors';
import { describeProfilesFailure } from './profiles-problem';

describe('a failure to read who has opted in', () => {
  it('is worded, without the network’s own message', () => {
    const words = describeProfilesFailure(new GraphRequestError('Could not reach Microsoft Graph: Failed to fetch', 503, 'NetworkError', undefined, undefined));
    expect(words).toBe('Could not read who has opted in just now. Check your connection, then try again.');
  });

  it('keeps a missing permission’s message, which names who grants it', () => {
    const permission = new GraphPermissionError(['User.Read.All'], 403, 'Authorization_RequestDenied', undefined);
    expect(describeProfilesFailure(permission)).toBe(`Could not read who has opted in. ${permission.message}`);
  });
});
