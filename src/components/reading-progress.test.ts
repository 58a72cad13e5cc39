import { describe, expect, it } from 'vitest';
import { readingProgress } from './reading-progress';

describe('readingProgress', () => {
  it('says how far the read got, in the reader’s numbers, once it knows', () => {
    expect(readingProgress('Reading the programme', { status: 'waiting', list: [], damaged: [] })).toBe('Reading the programme…');
    expect(readingProgress('Reading the programme', { status: 'loading', list: [], damaged: [] })).toBe('Reading the programme…');
    expect(readingProgress('Reading the programme', { status: 'loading', list: [], damaged: [], progress: { read: 1200, total: 3000 } }, 'en-GB')).toBe(
      'Reading the programme, 1,200 of 3,000…',
    );
  });
});
