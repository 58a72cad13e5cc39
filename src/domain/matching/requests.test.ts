import { describe, expect, it } from 'vitest';
import { answer, incomingRequests, requestStateOf } from './requests';

describe('requests to pair', () => {
  it('is pending until the mentor answers, then accepted or declined', () => {
    expect(requestStateOf('e1', undefined, undefined)).toEqual({ kind: 'none' });
    expect(requestStateOf('e1', 'm1', {})).toEqual({ kind: 'pending', mentorId: 'm1' });
    expect(requestStateOf('e1', 'm1', { accepted: ['e1'] })).toEqual({ kind: 'accepted', mentorId: 'm1' });
    expect(requestStateOf('e1', 'm1', { declined: ['e1'] })).toEqual({ kind: 'declined', mentorId: 'm1' });
  });

  it('shows a mentor only the requests they have not answered', () => {
    const executives = [
      { personId: 'e1', asked: 'm1' },
      { personId: 'e2', asked: 'm2' },
      { personId: 'e3', asked: 'm1' },
      { personId: 'e4', asked: 'm1' },
    ];
    expect(incomingRequests('m1', { accepted: ['e3'], declined: ['e4'] }, executives)).toEqual(['e1']);
  });

  it('lets a later answer replace an earlier one', () => {
    const first = answer({}, 'e1', false);
    expect(first).toEqual({ accepted: [], declined: ['e1'] });
    expect(answer(first, 'e1', true)).toEqual({ accepted: ['e1'], declined: [] });
  });
});
