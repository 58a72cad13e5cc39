/**
 * A programme's rounds: each runs from its first to its last day, pairs are made in its matching
 * window (its first day to `matchUntil`), and the pairs' sessions end with it. Rounds follow one
 * another without overlapping; a programme without rounds runs all year, matching always open.
 * A round's days are YYYY-MM-DD, compared as UTC days (as the matcher compares a pause); fitting a
 * series to a round, in its own time zone, is round-series.ts (apart: its date library loads with
 * booking, not before the first suggestion). Pure.
 */

/** One round of the programme, as the owners set it. */
export interface Round {
  readonly name: string;
  /** Its first day. */
  readonly start: string;
  /** The last day pairs are made (proposals sent, requests asked). */
  readonly matchUntil: string;
  /** Its last day: pairs' sessions end by then. */
  readonly end: string;
  /** Sessions each pair is asked to hold in the round. */
  readonly targetSessions: number;
}

/** At most this many rounds are kept (past ones stay for the health view). */
export const MAX_ROUNDS = 20;
export const ROUND_NAME_MAX = 40;
export const TARGET_SESSIONS = { min: 1, max: 52 } as const;

/** What is wrong with one round, or with the rounds as a whole (`index` -1). */
export interface RoundProblem {
  readonly index: number;
  readonly code: 'name' | 'same-name' | 'day' | 'window' | 'target' | 'overlap' | 'too-many';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const isDay = (value: unknown): value is string =>
  typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && dayOf(Date.parse(`${value}T00:00:00Z`)) === value;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The day `days` after `day` (YYYY-MM-DD). */
export const addDays = (day: string, days: number) => dayOf(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
/** Whole days from one day to another (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Every problem of the rounds, in order: a name of 1 to {@link ROUND_NAME_MAX} characters, each its own; real days
 * with start ≤ matchUntil ≤ end; a whole target within {@link TARGET_SESSIONS}; each round after the
 * one before; at most {@link MAX_ROUNDS}. Empty when they may be saved.
 */
export function roundProblems(rounds: readonly Round[]): RoundProblem[] {
  const problems: RoundProblem[] = [];
  if (rounds.length > MAX_ROUNDS) problems.push({ index: -1, code: 'too-many' });
  rounds.forEach((round, index) => {
    const name = typeof round.name === 'string' ? round.name.trim() : '';
    if (name === '' || name.length > ROUND_NAME_MAX) problems.push({ index, code: 'name' });
    else if (rounds.slice(0, index).some((r) => typeof r.name === 'string' && r.name.trim() === name)) problems.push({ index, code: 'same-name' });
    if (![round.start, round.matchUntil, round.end].every(isDay)) problems.push({ index, code: 'day' });
    else if (!(round.start <= round.matchUntil && round.matchUntil <= round.end)) problems.push({ index, code: 'window' });
    if (!Number.isInteger(round.targetSessions) || round.targetSessions < TARGET_SESSIONS.min || round.targetSessions > TARGET_SESSIONS.max) problems.push({ index, code: 'target' });
    const before = rounds[index - 1];
    if (before && isDay(before.end) && isDay(round.start) && round.start <= before.end) problems.push({ index, code: 'overlap' });
  });
  return problems;
}

/** The round running on `day` (its first to its last day), if any. */
export function roundOn(rounds: readonly Round[], day: string): Round | undefined {
  return rounds.find((r) => r.start <= day && day <= r.end);
}

/** Whether pairs may be made on `day`: always without rounds; else within a round's matching window, saying which round or when the next opens. */
export type Matching = { readonly open: true; readonly round?: Round } | { readonly open: false; readonly closedOn?: string; readonly next?: Round };

/** See {@link Matching}. */
export function matchingOn(rounds: readonly Round[], day: string): Matching {
  if (rounds.length === 0) return { open: true };
  const round = rounds.find((r) => r.start <= day && day <= r.matchUntil);
  if (round) return { open: true, round };
  const past = rounds.filter((r) => r.matchUntil < day).at(-1);
  const next = rounds.find((r) => r.start > day);
  return { open: false, ...(past ? { closedOn: past.matchUntil } : {}), ...(next ? { next } : {}) };
}

/**
 * The next round an owner would open on `today`: after the last one (the day after it ends, or
 * today if later), as long as it was, with its window as long and its target; "Round n".
 */
export function nextRound(rounds: readonly Round[], today: string): Round {
  const last = rounds.at(-1);
  if (!last) return { name: 'Round 1', start: today, matchUntil: addDays(today, 27), end: addDays(today, 181), targetSessions: 6 };
  const after = addDays(last.end, 1);
  const start = after > today ? after : today;
  return {
    name: `Round ${rounds.length + 1}`,
    start,
    matchUntil: addDays(start, Math.max(0, daysBetween(last.start, last.matchUntil))),
    end: addDays(start, Math.max(0, daysBetween(last.start, last.end))),
    targetSessions: last.targetSessions,
  };
}
