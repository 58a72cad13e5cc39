/**
 * The owners' health view: the programme's figures from its participants, their pairs' series (the
 * records an owner opens) and the check-ins (sealed for the owners: check-ins.ts). Counts and dates,
 * and pulses averaged over at least five people (domain/health); never a pair's agenda or workspace.
 */
import { programmeHealth, type CheckIn, type EarlyEnd, type Evaluation, type HealthPerson, type PairSeries, type ProgrammeHealth } from '@/domain/health/health';
import { toCsv } from '@/domain/export/csv';
import type { Round } from '@/domain/programme/rounds';
import { roundOfSeries } from '@/domain/programme/round-series';
import type { BookingRecord } from '@/domain/booking/pair-schedule';
import type { DirectoryPerson } from '@/services/graph/directory-person';
import type { StoredProfile } from '@/services/profile/profile-store';
import type { ProgrammeStore } from '@/services/programme/programme-store';
import { everyRecord } from './check-ins';

/** The health view's data. */
export interface HealthReport {
  readonly health: ProgrammeHealth;
  /** Pairings ended early, with the reasons given to the owners, newest first. */
  readonly endings: readonly EarlyEnd[];
  /** Check-ins the owner's key does not open (sealed before it was published). */
  readonly unread: number;
  /** The round reported on, if one was chosen, and the sessions its pairs are asked to hold in all. */
  readonly round?: { readonly round: Round; readonly target: number };
}

/** Every booked series in these profiles (an executive's bookings, one per reverse mentor) that `keep` keeps, as pairs. */
export function pairSeriesOf(profiles: readonly StoredProfile[], keep: (booking: BookingRecord) => boolean = () => true): PairSeries[] {
  return profiles.flatMap((p) =>
    (p.bookings ?? [])
      .filter(keep)
      .map((b) => ({ executiveId: p.personId, mentorId: b.with, start: b.start, everyWeeks: b.everyWeeks, weeks: b.weeks, ...(b.ended ? { ended: b.ended } : {}) })),
  );
}

/** The participants as the health view counts them: department and location from the directory. */
export function healthPeopleOf(profiles: readonly StoredProfile[], people: ReadonlyMap<string, DirectoryPerson>): HealthPerson[] {
  return profiles
    .filter((p) => p.mentor || p.mentee)
    .map((p) => {
      const person = people.get(p.personId);
      const location = person?.officeLocation ?? person?.city;
      return {
        id: p.personId,
        mentor: p.mentor !== undefined,
        ...(person?.department ? { department: person.department } : {}),
        ...(location ? { location } : {}),
        ...(p.pausedUntil ? { pausedUntil: p.pausedUntil } : {}),
      };
    });
}

/** What the report is worked out from, besides the records. */
export interface HealthInput {
  readonly profiles: readonly StoredProfile[];
  readonly people: ReadonlyMap<string, DirectoryPerson>;
  readonly now: number;
  /** The statements the programme asks now; evaluations of others (one written past the app could name any) are left out. */
  readonly statements?: readonly string[];
  /** Only the pairs whose series began in this round, and the pairings ended early in it. */
  readonly round?: Round | undefined;
}

/** Reads the check-ins and works out the programme's health at `now` (ms), for a programme owner. */
export async function readHealthReport(store: ProgrammeStore, input: HealthInput, signal?: AbortSignal): Promise<HealthReport> {
  const { checkIns, evaluations, endings, unread } = await everyRecord(store, signal);
  return reportOf(input, { checkIns, evaluations, endings }, unread);
}

/** The report from check-ins already read. */
export function reportOf(
  input: HealthInput,
  records: { readonly checkIns: readonly CheckIn[]; readonly evaluations?: readonly Evaluation[]; readonly endings?: readonly EarlyEnd[] },
  unread = 0,
): HealthReport {
  const { checkIns, evaluations = [], endings = [] } = records;
  const { statements, round } = input;
  const inRound = (day: string) => !round || (round.start <= day && day <= round.end);
  const pairs = pairSeriesOf(input.profiles, (b) => !round || roundOfSeries([round], b) !== undefined);
  const health = programmeHealth({ people: healthPeopleOf(input.profiles, input.people), pairs, checkIns, evaluations, now: input.now });
  const evaluation = statements ? { ...health.evaluation, statements: health.evaluation.statements.filter((s) => statements.includes(s.statement)) } : health.evaluation;
  return {
    health: { ...health, evaluation },
    endings: endings.filter((e) => inRound(e.at.slice(0, 10))).sort((a, b) => b.at.localeCompare(a.at)),
    unread,
    ...(round ? { round: { round, target: health.pairs.length * round.targetSessions } } : {}),
  };
}

/** The report as CSV for a spreadsheet: figures, then by department, by location and by week; withheld averages are left empty. */
export function healthCsv(report: HealthReport, nameOf: (id: string) => string): string {
  const { health } = report;
  const pulse = (a: ProgrammeHealth['pulse']) => ('withheld' in a ? '' : a.value.toFixed(2));
  return toCsv([
    ['Figure', 'Value'],
    ...(report.round
      ? [
          ['Round', `${report.round.round.name} (${report.round.round.start} to ${report.round.round.end})`],
          ['Sessions asked of the pairs', report.round.target],
        ]
      : []),
    ['Participants', health.participants],
    ['In a pair', health.paired],
    ['Paused', health.paused.length],
    ['Pairs', health.pairs.length],
    ['Sessions planned', health.sessions.planned],
    ['Sessions held', health.sessions.held],
    ['Sessions moved', health.sessions.moved],
    ['Sessions skipped', health.sessions.skipped],
    ['Sessions cancelled', health.sessions.cancelled],
    ['Sessions not recorded', health.sessions.unrecorded],
    ['Pairs at risk', health.pairs.filter((p) => p.risk).length],
    ['Pairings ended early', report.endings.length],
    ['Average pulse (1–5; empty under five people)', pulse(health.pulse)],
    ['Pairs across departments', health.acrossDepartments?.toFixed(2)],
    ['Pairs across locations', health.acrossLocations?.toFixed(2)],
    [],
    ['Group', 'Name', 'Participants', 'In a pair', 'Sessions held', 'Sessions planned', 'Average pulse'],
    ...health.byDepartment.map((g) => ['Department', g.name, g.participants, g.paired, g.held, g.planned, pulse(g.pulse)]),
    ...health.byLocation.map((g) => ['Location', g.name, g.participants, g.paired, g.held, g.planned, pulse(g.pulse)]),
    [],
    ['Week from', 'Sessions held', 'Sessions planned', 'Sessions cancelled', 'Average pulse'],
    ...health.weeks.map((w) => [w.week, w.held, w.planned, w.cancelled, pulse(w.pulse)]),
    [],
    ['Evaluation (1–5; empty under five people)', 'At the start', 'At the end'],
    ['Own goals', pulse(health.evaluation.goals.start), pulse(health.evaluation.goals.end)],
    ...health.evaluation.statements.map((s) => [s.statement, pulse(s.start), pulse(s.end)]),
    [],
    ['Executive', 'Reverse mentor', 'Sessions held', 'Moved', 'Skipped', 'Cancelled', 'Not recorded', 'Planned', 'Last met', 'At risk'],
    ...health.pairs.map((p) => [nameOf(p.executiveId), nameOf(p.mentorId), p.held, p.moved, p.skipped, p.cancelled, p.unrecorded, p.planned, p.lastMet, p.risk]),
  ]);
}
