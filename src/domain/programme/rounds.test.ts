import { describe, expect, it } from 'vitest';
import { matchingOn, nextRound, roundOn, roundProblems, type Round } from './rounds';

const spring: Round = { name: 'Spring 2027', start: '2027-01-04', matchUntil: '2027-01-31', end: '2027-06-30', targetSessions: 6 };
const autumn: Round = { name: 'Autumn 2027', start: '2027-09-01', matchUntil: '2027-09-30', end: '2028-02-29', targetSessions: 8 };

describe('round problems', () => {
  it('accepts rounds in order, each with its window inside it', () => {
    expect(roundProblems([spring, autumn])).toEqual([]);
    expect(roundProblems([])).toEqual([]);
    expect(roundProblems([{ ...spring, matchUntil: spring.start, end: spring.start }])).toEqual([]);
  });

  it('names each problem with its round', () => {
    expect(roundProblems([{ ...spring, name: '  ' }])).toEqual([{ index: 0, code: 'name' }]);
    expect(roundProblems([{ ...spring, name: 'x'.repeat(41) }])).toEqual([{ index: 0, code: 'name' }]);
    expect(roundProblems([spring, { ...autumn, name: ' Spring 2027 ' }])).toEqual([{ index: 1, code: 'same-name' }]);
    expect(roundProblems([{ ...spring, end: '2027-02-30' }])).toEqual([{ index: 0, code: 'day' }]);
    expect(roundProblems([{ ...spring, start: '4/1/2027' }])).toEqual([{ index: 0, code: 'day' }]);
    expect(roundProblems([{ ...spring, matchUntil: '2027-07-01' }])).toEqual([{ index: 0, code: 'window' }]);
    expect(roundProblems([{ ...spring, start: '2027-02-01' }])).toEqual([{ index: 0, code: 'window' }]);
    expect(roundProblems([{ ...spring, targetSessions: 0 }])).toEqual([{ index: 0, code: 'target' }]);
    expect(roundProblems([{ ...spring, targetSessions: 2.5 }])).toEqual([{ index: 0, code: 'target' }]);
    expect(roundProblems([spring, { ...autumn, start: '2027-06-30' }])).toEqual([{ index: 1, code: 'overlap' }]);
    expect(roundProblems([autumn, spring])).toEqual([{ index: 1, code: 'overlap' }]);
    expect(roundProblems(Array.from({ length: 21 }, () => spring)).at(0)).toEqual({ index: -1, code: 'too-many' });
  });
});

describe('the round of a day', () => {
  it('finds the round running, and whether pairs may be made', () => {
    expect(roundOn([spring, autumn], '2027-03-01')).toBe(spring);
    expect(roundOn([spring, autumn], '2027-07-15')).toBeUndefined();
    expect(matchingOn([], '2027-07-15')).toEqual({ open: true });
    expect(matchingOn([spring, autumn], '2027-01-04')).toEqual({ open: true, round: spring });
    expect(matchingOn([spring, autumn], '2027-01-31')).toEqual({ open: true, round: spring });
    expect(matchingOn([spring, autumn], '2027-02-01')).toEqual({ open: false, closedOn: '2027-01-31', next: autumn });
    expect(matchingOn([spring, autumn], '2026-12-01')).toEqual({ open: false, next: spring });
    expect(matchingOn([spring, autumn], '2028-03-01')).toEqual({ open: false, closedOn: '2027-09-30' });
  });
});

describe('the next round', () => {
  it('follows the last, as long, with its window and target', () => {
    expect(nextRound([spring], '2027-05-01')).toEqual({ name: 'Round 2', start: '2027-07-01', matchUntil: '2027-07-28', end: '2027-12-25', targetSessions: 6 });
    expect(nextRound([spring], '2027-08-10')).toMatchObject({ start: '2027-08-10' });
    expect(roundProblems([spring, nextRound([spring], '2027-05-01')])).toEqual([]);
    expect(nextRound([], '2027-05-01')).toEqual({ name: 'Round 1', start: '2027-05-01', matchUntil: '2027-05-28', end: '2027-10-29', targetSessions: 6 });
  });
});
