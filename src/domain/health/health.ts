/**
 * Programme health from counts and dates: what became of each pair's sessions, which pairs are at
 * risk, and the programme's figures for its owners. It reads check-ins (what each person recorded
 * after a session: held, moved, skipped or cancelled, a pulse and perhaps a line to the owners) and
 * the pairs' series, and the evaluations people give at the start and the end of a pairing, never
 * what a pair wrote in their agenda. Answers (pulses, evaluations) are shown only as averages over
 * at least {@link MIN_PEOPLE} people, so no one's answer can be singled out.
 */

/** What became of one session, as one of the pair recorded it ('moved': it took place at another time). */
export type SessionOutcome = 'held' | 'moved' | 'skipped' | 'cancelled';
/** Every outcome, in the order people are offered them. */
export const SESSION_OUTCOMES: readonly SessionOutcome[] = ['held', 'moved', 'skipped', 'cancelled'];
/** A pulse: how useful the session was, 1 (not at all) to 5 (very). */
export type Pulse = 1 | 2 | 3 | 4 | 5;
/** The longest line a person may write to the owners with a check-in. */
export const MAX_CHECK_IN_NOTE = 280;
/** Answers are shown to owners only as aggregates over at least this many people. */
export const MIN_PEOPLE = 5;

/** One person's record of one session with their partner. */
export interface CheckIn {
  /** Who recorded it. */
  readonly by: string;
  /** Their partner. */
  readonly with: string;
  /** The session, as `sessionOn` names it: the UTC date (YYYY-MM-DD) of its occurrence. */
  readonly session: string;
  readonly outcome: SessionOutcome;
  /** Who cancelled it (one of the two), when it was cancelled. */
  readonly cancelledBy?: string;
  readonly pulse?: Pulse;
  /** A line to the programme owners, read only by them. */
  readonly note?: string;
  /** When it was recorded (ISO); a later record of the same session replaces an earlier one. */
  readonly at: string;
}

/** A pair's booked series, as their records hold it. */
export interface PairSeries {
  readonly executiveId: string;
  readonly mentorId: string;
  /** The first occurrence (ISO). */
  readonly start: string;
  readonly everyWeeks: number;
  readonly weeks: number;
  /** The last day kept, when the pairing ended early (YYYY-MM-DD). */
  readonly ended?: string;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The sessions of a series that have begun by `now` (ms), as UTC dates, up to its end. */
export function sessionsSoFar(series: Pick<PairSeries, 'start' | 'everyWeeks' | 'weeks' | 'ended'>, now: number): string[] {
  const first = Date.parse(series.start);
  if (!Number.isFinite(first) || series.everyWeeks < 1 || series.weeks < 1) return [];
  const step = series.everyWeeks * 7 * DAY_MS;
  const sessions: string[] = [];
  for (let at = first; at < first + series.weeks * 7 * DAY_MS && at <= now; at += step) {
    const day = dayOf(at);
    if (series.ended !== undefined && day > series.ended) break;
    sessions.push(day);
  }
  return sessions;
}

/** Why a pair is at risk: no session took place for twice its cadence, or the executive cancelled the last two. */
export type RiskReason = 'stalled' | 'executive cancelled';

/** What became of a pair's sessions so far. */
export interface PairSessions {
  readonly planned: number;
  readonly held: number;
  readonly moved: number;
  readonly skipped: number;
  readonly cancelled: number;
  /** Sessions neither of the two recorded. */
  readonly unrecorded: number;
  /** The last session that took place (held or moved), if any. */
  readonly lastMet?: string;
  /** The pairing goes on: not ended, and its series not over. */
  readonly current: boolean;
  readonly risk?: RiskReason;
}

/** The same key for a pair whichever of the two is named first. */
const pairKeyOf = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Records grouped by the pair they speak of (each record's writer and partner). */
function byPair<T extends Pick<CheckIn, 'by' | 'with'>>(records: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const r of records) {
    const key = pairKeyOf(r.by, r.with);
    const list = grouped.get(key);
    if (list) list.push(r);
    else grouped.set(key, [r]);
  }
  return grouped;
}

/** Whether a check-in speaks of this pair (recorded by either of the two, about the other). */
const ofPair = (series: Pick<PairSeries, 'executiveId' | 'mentorId'>, c: Pick<CheckIn, 'by' | 'with'>) =>
  (c.by === series.executiveId && c.with === series.mentorId) || (c.by === series.mentorId && c.with === series.executiveId);

/**
 * What each of the two last recorded about each of these sessions of their series (those begun by
 * `now`): a record about a day that is no session of theirs, dated after `now` (its writer chose
 * the date), or saying it took place before it began, is no record (a skip or a cancellation may be
 * said ahead); a later one of a person's corrects their earlier one.
 */
function latestOnSessions(series: PairSeries, checkIns: readonly CheckIn[], sessions: ReadonlySet<string>, now: number): CheckIn[] {
  const latest = new Map<string, CheckIn>();
  for (const c of checkIns) {
    if (!ofPair(series, c) || !sessions.has(c.session)) continue;
    const at = Date.parse(c.at);
    const took = c.outcome === 'held' || c.outcome === 'moved';
    if (!(at <= now) || (took && c.at.slice(0, 10) < c.session)) continue;
    const key = `${c.by}|${c.session}`;
    const last = latest.get(key);
    if (!last || c.at > last.at) latest.set(key, c);
  }
  return [...latest.values()];
}

/** Each session's record: the latest of the two people's current records. */
function recordsOf(records: readonly CheckIn[]): Map<string, CheckIn> {
  const bySession = new Map<string, CheckIn>();
  for (const c of records) {
    const last = bySession.get(c.session);
    if (!last || c.at > last.at) bySession.set(c.session, c);
  }
  return bySession;
}

/**
 * Whether the executive cancelled this session, as far as can be trusted: they said so themselves,
 * or both people's records say so (one partner alone cannot blame the other).
 */
function cancelledByExecutive(series: PairSeries, session: string, records: readonly CheckIn[]): boolean {
  const said = records.filter((c) => c.session === session && c.outcome === 'cancelled' && c.cancelledBy === series.executiveId);
  return said.some((c) => c.by === series.executiveId) || new Set(said.map((c) => c.by)).size === 2;
}

/**
 * What became of a pair's sessions by `now` (ms), and whether the pair is at risk: a current pair
 * is at risk when no session took place (as either recorded it) for twice its cadence since the
 * last one (or its start), or when the executive cancelled the last two sessions recorded.
 */
export function pairSessions(series: PairSeries, checkIns: readonly CheckIn[], now: number): PairSessions {
  return readPair(series, checkIns, now).sessions;
}

/** A pair's sessions so far, its current records, each session's record, and what became of them. */
function readPair(series: PairSeries, checkIns: readonly CheckIn[], now: number) {
  const sessions = sessionsSoFar(series, now);
  const current = latestOnSessions(series, checkIns, new Set(sessions), now);
  const records = recordsOf(current);
  const counts = { held: 0, moved: 0, skipped: 0, cancelled: 0, unrecorded: 0 };
  let lastMet: string | undefined;
  let since = Date.parse(series.start);
  const recorded: CheckIn[] = [];
  for (const [index, session] of sessions.entries()) {
    const record = records.get(session);
    if (!record) {
      counts.unrecorded++;
      continue;
    }
    counts[record.outcome]++;
    recorded.push(record);
    if (record.outcome === 'held' || record.outcome === 'moved') {
      lastMet = session;
      since = Date.parse(series.start) + index * series.everyWeeks * 7 * DAY_MS;
    }
  }
  const goesOn = series.ended === undefined && now < Date.parse(series.start) + series.weeks * 7 * DAY_MS;
  const stalled = goesOn && sessions.length > 0 && now - since > 2 * series.everyWeeks * 7 * DAY_MS;
  const lastTwo = recorded.slice(-2);
  const executiveCancelled = goesOn && lastTwo.length === 2 && lastTwo.every((c) => cancelledByExecutive(series, c.session, current));
  const risk: RiskReason | undefined = executiveCancelled ? 'executive cancelled' : stalled ? 'stalled' : undefined;
  const outcome: PairSessions = { planned: sessions.length, ...counts, ...(lastMet ? { lastMet } : {}), current: goesOn, ...(risk ? { risk } : {}) };
  return { sessions: outcome, dates: sessions, current, records };
}

/** An average of people's answers: shown over at least {@link MIN_PEOPLE} people, withheld under that. */
export type Aggregate = { readonly people: number; readonly value: number } | { readonly people: number; readonly withheld: true };

/** The average of people's answers, withheld when fewer than {@link MIN_PEOPLE} people gave one. */
export function averageOf(answers: readonly { readonly by: string; readonly value: number }[]): Aggregate {
  // Each person's own average first: one who answers often weighs no more than one who answers once.
  const byPerson = new Map<string, { sum: number; count: number }>();
  for (const a of answers) {
    const person = byPerson.get(a.by) ?? byPerson.set(a.by, { sum: 0, count: 0 }).get(a.by)!;
    person.sum += a.value;
    person.count++;
  }
  const people = byPerson.size;
  if (people < MIN_PEOPLE) return { people, withheld: true };
  return { people, value: [...byPerson.values()].reduce((sum, p) => sum + p.sum / p.count, 0) / people };
}

/**
 * The average pulse of these check-ins (of sessions that took place: a pulse on one that did not is
 * no pulse), withheld when fewer than {@link MIN_PEOPLE} people gave one.
 */
export function averagePulse(checkIns: readonly CheckIn[]): Aggregate {
  return averageOf(checkIns.flatMap((c) => (c.pulse === undefined || (c.outcome !== 'held' && c.outcome !== 'moved') ? [] : [{ by: c.by, value: c.pulse }])));
}

/** A pairing one of the two ended early, with the reason they gave the owners, if any. */
export interface EarlyEnd {
  readonly by: string;
  readonly with: string;
  /** Why, in their words, for the owners alone. */
  readonly reason?: string;
  readonly at: string;
}

/** When in a pairing an evaluation is given. */
export type EvaluationStage = 'start' | 'end';

/** One person's evaluation of a pairing, at its start or its end. */
export interface Evaluation {
  readonly by: string;
  readonly with: string;
  readonly stage: EvaluationStage;
  /** How far along the person is with their own goals (what they want to learn, or to teach), 1–5. */
  readonly goals: Pulse;
  /** The programme's statements as they were worded, each rated 1 (disagree) to 5 (agree). */
  readonly answers: readonly { readonly statement: string; readonly value: Pulse }[];
  readonly at: string;
}

/** The evaluations' results for the owners: each average at the start and at the end, over five people or more. */
export interface EvaluationResults {
  readonly goals: { readonly start: Aggregate; readonly end: Aggregate };
  readonly statements: readonly { readonly statement: string; readonly start: Aggregate; readonly end: Aggregate }[];
}

/**
 * The evaluations' averages: goals and each statement (by its wording), at the start and at the end;
 * a later evaluation of one pairing at one stage replaces an earlier one.
 */
export function evaluationResults(evaluations: readonly Evaluation[]): EvaluationResults {
  const latest = new Map<string, Evaluation>();
  for (const e of evaluations) {
    const key = `${e.by}|${e.with}|${e.stage}`;
    const last = latest.get(key);
    if (!last || e.at > last.at) latest.set(key, e);
  }
  const at = (stage: EvaluationStage) => [...latest.values()].filter((e) => e.stage === stage);
  const statements = [...new Set([...latest.values()].flatMap((e) => e.answers.map((a) => a.statement)))];
  const rated = (stage: EvaluationStage, statement: string) =>
    averageOf(at(stage).flatMap((e) => e.answers.filter((a) => a.statement === statement).map((a) => ({ by: e.by, value: a.value }))));
  return {
    goals: { start: averageOf(at('start').map((e) => ({ by: e.by, value: e.goals }))), end: averageOf(at('end').map((e) => ({ by: e.by, value: e.goals }))) },
    statements: statements.map((statement) => ({ statement, start: rated('start', statement), end: rated('end', statement) })),
  };
}

/**
 * A group's average beside the overall one: withheld too when the people outside the group are
 * fewer than {@link MIN_PEOPLE}, since the overall average and the group's would give theirs.
 */
function apartFrom(group: Aggregate, overall: Aggregate): Aggregate {
  const others = overall.people - group.people;
  return 'withheld' in group || others === 0 || others >= MIN_PEOPLE ? group : { people: group.people, withheld: true };
}

/** A participant as the health view counts them. */
export interface HealthPerson {
  readonly id: string;
  readonly department?: string;
  readonly location?: string;
  /** Takes part as a reverse mentor. */
  readonly mentor: boolean;
  /** The day they take part again, when they paused (YYYY-MM-DD). */
  readonly pausedUntil?: string;
}

/** One group's figures (a department or a location). */
export interface GroupHealth {
  readonly name: string;
  readonly participants: number;
  /** Participants of the group in a pair. */
  readonly paired: number;
  readonly held: number;
  readonly planned: number;
  readonly pulse: Aggregate;
}

/** One week's figures (weeks start on Monday, UTC). */
export interface WeekHealth {
  readonly week: string;
  readonly held: number;
  readonly planned: number;
  readonly cancelled: number;
  readonly pulse: Aggregate;
}

/** A pair with what became of its sessions. */
export interface PairHealth extends PairSessions {
  readonly executiveId: string;
  readonly mentorId: string;
}

/** The programme's health, as its owners see it. */
export interface ProgrammeHealth {
  readonly participants: number;
  /** Participants in at least one pair. */
  readonly paired: number;
  /** Participants who paused taking part, with the day they are back, soonest first. */
  readonly paused: readonly { readonly id: string; readonly until: string }[];
  readonly pairs: readonly PairHealth[];
  readonly sessions: { readonly planned: number; readonly held: number; readonly moved: number; readonly skipped: number; readonly cancelled: number; readonly unrecorded: number };
  readonly pulse: Aggregate;
  /** Shares of pairs whose two people are in different departments / locations (undefined: no pair where both are known). */
  readonly acrossDepartments?: number;
  readonly acrossLocations?: number;
  /** Reverse mentors by how many executives they mentor: [load, mentors]. */
  readonly mentorLoads: readonly (readonly [number, number])[];
  readonly byDepartment: readonly GroupHealth[];
  readonly byLocation: readonly GroupHealth[];
  readonly weeks: readonly WeekHealth[];
  readonly evaluation: EvaluationResults;
  /**
   * The lines people wrote to the owners, newest first: each person's last word on a session (a line
   * they took back is gone), of their pair's real sessions only.
   */
  readonly lines: readonly { readonly by: string; readonly with: string; readonly session: string; readonly note: string }[];
}

const mondayOf = (day: string) => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return dayOf(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS);
};

function acrossShare(pairs: readonly PairSeries[], place: (id: string) => string | undefined): number | undefined {
  const known = pairs.filter((p) => place(p.executiveId) && place(p.mentorId));
  return known.length ? known.filter((p) => place(p.executiveId) !== place(p.mentorId)).length / known.length : undefined;
}

/**
 * The programme's health at `now` (ms): its participants, their pairs' series and the check-ins and
 * evaluations the owners may read. Those about anyone outside the pairs are ignored; so are pairs
 * whose people are not participants.
 */
export function programmeHealth(input: {
  readonly people: readonly HealthPerson[];
  readonly pairs: readonly PairSeries[];
  readonly checkIns: readonly CheckIn[];
  /** The evaluations the owners may read. */
  readonly evaluations?: readonly Evaluation[];
  readonly now: number;
}): ProgrammeHealth {
  const people = new Map(input.people.map((p) => [p.id, p]));
  const series = input.pairs.filter((p) => people.has(p.executiveId) && people.has(p.mentorId));
  // Each pair's own records, found once: with thousands of pairs, scanning every check-in per pair would not end.
  const checkInsByPair = byPair(input.checkIns);
  const checkInsOf = (s: PairSeries) => checkInsByPair.get(pairKeyOf(s.executiveId, s.mentorId)) ?? [];
  const read = series.map((s) => readPair(s, checkInsOf(s), input.now));
  const pairs: PairHealth[] = series.map((s, i) => ({ executiveId: s.executiveId, mentorId: s.mentorId, ...read[i]!.sessions }));
  const inPairs = new Set(series.flatMap((s) => [s.executiveId, s.mentorId]));
  const pairKeys = new Set(series.map((s) => pairKeyOf(s.executiveId, s.mentorId)));
  // What counts: each person's last word on each real session of their pair (a series booked twice counts once).
  const pairCheckIns = [...new Set(read.flatMap((r) => r.current))];
  const sum = (key: 'planned' | 'held' | 'moved' | 'skipped' | 'cancelled' | 'unrecorded') => pairs.reduce((total, p) => total + p[key], 0);

  const loads = new Map<string, number>();
  for (const person of input.people) if (person.mentor) loads.set(person.id, 0);
  for (const p of pairs) if (p.current) loads.set(p.mentorId, (loads.get(p.mentorId) ?? 0) + 1);
  const mentorLoads = new Map<number, number>();
  for (const load of loads.values()) mentorLoads.set(load, (mentorLoads.get(load) ?? 0) + 1);

  const group = (placeOf: (p: HealthPerson) => string | undefined): GroupHealth[] => {
    const names = new Map<string, HealthPerson[]>();
    for (const person of input.people) {
      const name = placeOf(person);
      if (!name) continue;
      const members = names.get(name);
      if (members) members.push(person);
      else names.set(name, [person]);
    }
    return [...names]
      .map(([name, members]) => {
        const ids = new Set(members.map((m) => m.id));
        const theirs = pairs.filter((p) => ids.has(p.executiveId) || ids.has(p.mentorId));
        return {
          name,
          participants: members.length,
          paired: members.filter((m) => inPairs.has(m.id)).length,
          held: theirs.reduce((t, p) => t + p.held + p.moved, 0),
          planned: theirs.reduce((t, p) => t + p.planned, 0),
          pulse: apartFrom(averagePulse(pairCheckIns.filter((c) => ids.has(c.by))), overall),
        };
      })
      .sort((a, b) => b.participants - a.participants || a.name.localeCompare(b.name));
  };

  const overall = averagePulse(pairCheckIns);
  const weeks = new Map<string, { held: number; planned: number; cancelled: number; checkIns: CheckIn[] }>();
  const week = (day: string) => {
    const monday = mondayOf(day);
    return weeks.get(monday) ?? weeks.set(monday, { held: 0, planned: 0, cancelled: 0, checkIns: [] }).get(monday)!;
  };
  for (const { dates, records } of read) {
    for (const session of dates) {
      const w = week(session);
      w.planned++;
      const outcome = records.get(session)?.outcome;
      if (outcome === 'held' || outcome === 'moved') w.held++;
      if (outcome === 'cancelled') w.cancelled++;
    }
  }
  for (const c of pairCheckIns) week(c.session).checkIns.push(c);

  const placeOf = (key: 'department' | 'location') => (id: string) => people.get(id)?.[key];
  return {
    participants: input.people.length,
    paired: inPairs.size,
    paused: input.people
      .filter((p): p is HealthPerson & { pausedUntil: string } => p.pausedUntil !== undefined && p.pausedUntil > dayOf(input.now))
      .map((p) => ({ id: p.id, until: p.pausedUntil }))
      .sort((a, b) => a.until.localeCompare(b.until) || a.id.localeCompare(b.id)),
    pairs,
    sessions: { planned: sum('planned'), held: sum('held'), moved: sum('moved'), skipped: sum('skipped'), cancelled: sum('cancelled'), unrecorded: sum('unrecorded') },
    pulse: overall,
    lines: pairCheckIns
      .filter((c): c is CheckIn & { note: string } => c.note !== undefined && c.note !== '')
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((c) => ({ by: c.by, with: c.with, session: c.session, note: c.note })),
    ...optional('acrossDepartments', acrossShare(series, placeOf('department'))),
    ...optional('acrossLocations', acrossShare(series, placeOf('location'))),
    mentorLoads: [...mentorLoads].sort((a, b) => a[0] - b[0]),
    byDepartment: group((p) => p.department),
    byLocation: group((p) => p.location),
    weeks: [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([w, v]) => ({ week: w, held: v.held, planned: v.planned, cancelled: v.cancelled, pulse: averagePulse(v.checkIns) })),
    evaluation: evaluationResults((input.evaluations ?? []).filter((e) => pairKeys.has(pairKeyOf(e.by, e.with)))),
  };
}

const optional = <K extends string>(key: K, value: number | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, number>));
