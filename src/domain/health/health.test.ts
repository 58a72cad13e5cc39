import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averagePulse, evaluationResults, MIN_PEOPLE, pairSessions, programmeHealth, sessionsSoFar, type CheckIn, type Evaluation, type PairSeries, type Pulse } from './health';

const DAY = 86_400_000;
const series: PairSeries = { executiveId: 'exec', mentorId: 'mentor', start: '2026-01-05T15:00:00Z', everyWeeks: 2, weeks: 12 };
const at = (day: string) => Date.parse(`${day}T12:00:00Z`);
const checkIn = (session: string, outcome: CheckIn['outcome'], extra: Partial<CheckIn> = {}): CheckIn => ({
  by: 'mentor',
  with: 'exec',
  session,
  outcome,
  at: `${session}T18:00:00Z`,
  ...extra,
});

describe('sessionsSoFar', () => {
  it('lists the sessions begun by now, every cadence, up to the end of the series', () => {
    expect(sessionsSoFar(series, at('2026-01-04'))).toEqual([]);
    expect(sessionsSoFar(series, at('2026-01-20'))).toEqual(['2026-01-05', '2026-01-19']);
    expect(sessionsSoFar(series, at('2027-01-01'))).toEqual(['2026-01-05', '2026-01-19', '2026-02-02', '2026-02-16', '2026-03-02', '2026-03-16']);
  });

  it('stops at the last day kept when the pairing ended early', () => {
    expect(sessionsSoFar({ ...series, ended: '2026-01-25' }, at('2027-01-01'))).toEqual(['2026-01-05', '2026-01-19']);
  });

  it('has nothing for a series that makes no sense', () => {
    expect(sessionsSoFar({ ...series, start: 'soon' }, at('2027-01-01'))).toEqual([]);
    expect(sessionsSoFar({ ...series, everyWeeks: 0 }, at('2027-01-01'))).toEqual([]);
  });
});

describe('pairSessions', () => {
  it('counts each session once, by its latest record from either person', () => {
    const result = pairSessions(
      series,
      [
        checkIn('2026-01-05', 'held'),
        checkIn('2026-01-19', 'skipped', { by: 'exec', with: 'mentor' }),
        checkIn('2026-01-19', 'moved', { at: '2026-01-21T09:00:00Z' }),
        checkIn('2026-02-02', 'cancelled', { cancelledBy: 'mentor' }),
      ],
      at('2026-02-17'),
    );
    expect(result).toEqual({ planned: 4, held: 1, moved: 1, skipped: 0, cancelled: 1, unrecorded: 1, lastMet: '2026-01-19', current: true, risk: 'stalled' });
  });

  it('ignores records of other pairs and of sessions that are not the series’', () => {
    const result = pairSessions(series, [checkIn('2026-01-05', 'held', { with: 'someone else' }), checkIn('2026-01-06', 'held')], at('2026-01-07'));
    expect(result).toMatchObject({ planned: 1, held: 0, unrecorded: 1 });
  });

  it('is at risk when nothing took place for twice the cadence, and not before', () => {
    const held = [checkIn('2026-01-05', 'held')];
    expect(pairSessions(series, held, Date.parse('2026-02-02T15:00:00Z')).risk).toBeUndefined();
    expect(pairSessions(series, held, Date.parse('2026-02-02T15:00:01Z')).risk).toBe('stalled');
    expect(pairSessions(series, [], at('2026-02-03')).risk).toBe('stalled');
  });

  it('is at risk when the executive cancelled the last two sessions recorded, as they said or both did; not on the mentor’s word alone', () => {
    const byExec = (session: string) => checkIn(session, 'cancelled', { by: 'exec', with: 'mentor', cancelledBy: 'exec' });
    const cancelled = [checkIn('2026-01-05', 'held'), byExec('2026-01-19'), byExec('2026-02-02')];
    expect(pairSessions(series, cancelled, at('2026-02-03')).risk).toBe('executive cancelled');
    // The mentor alone says the executive cancelled: not trusted (the pair is still at risk: nothing took place).
    const blamed = cancelled.map((c) => (c.outcome === 'cancelled' ? { ...c, by: 'mentor', with: 'exec' } : c));
    expect(pairSessions(series, blamed, at('2026-02-03')).risk).toBe('stalled');
    // Both say so: trusted.
    expect(pairSessions(series, [...cancelled, ...blamed.slice(1)], at('2026-02-03')).risk).toBe('executive cancelled');
    const between = [byExec('2026-01-19'), checkIn('2026-02-02', 'held'), byExec('2026-02-16')];
    expect(pairSessions(series, between, at('2026-02-17')).risk).toBeUndefined();
  });

  it('takes each person’s last word on a real session, no record in the future, and none saying it took place before it began', () => {
    const records = [
      checkIn('2026-01-05', 'held'),
      // Dated far ahead to win over every correction: no record.
      checkIn('2026-01-05', 'cancelled', { by: 'exec', with: 'mentor', cancelledBy: 'mentor', at: '9999-01-01T00:00:00Z' }),
      // Held, said before it began: no record.
      checkIn('2026-01-19', 'held', { at: '2026-01-10T00:00:00Z' }),
      // No session of theirs.
      checkIn('2026-01-07', 'held'),
    ];
    expect(pairSessions(series, records, at('2026-01-20'))).toMatchObject({ planned: 2, held: 1, cancelled: 0, skipped: 0, unrecorded: 1 });
    // A skip is said ahead, when the session is skipped in the calendar.
    const ahead = [...records, checkIn('2026-01-19', 'skipped', { at: '2026-01-10T00:00:00Z' })];
    expect(pairSessions(series, ahead, at('2026-01-20'))).toMatchObject({ planned: 2, held: 1, skipped: 1, unrecorded: 0 });
  });

  it('is never at risk once the series is over or ended, and no longer current', () => {
    expect(pairSessions(series, [], at('2026-06-01'))).toMatchObject({ current: false });
    expect(pairSessions(series, [], at('2026-06-01')).risk).toBeUndefined();
    expect(pairSessions({ ...series, ended: '2026-01-10' }, [], at('2026-02-20'))).toMatchObject({ current: false });
    expect(pairSessions({ ...series, ended: '2026-01-10' }, [], at('2026-02-20')).risk).toBeUndefined();
  });

  it('accounts for every session begun, whatever was recorded (property)', () => {
    const outcome = fc.constantFrom<CheckIn['outcome']>('held', 'moved', 'skipped', 'cancelled');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), outcome, fc.boolean())), fc.integer({ min: 0, max: 120 }), (records, days) => {
        const now = Date.parse(series.start) + days * DAY;
        const checkIns = records.map(([k, o, exec], i) => ({
          ...checkIn(new Date(Date.parse(series.start) + k * 14 * DAY).toISOString().slice(0, 10), o),
          ...(exec ? { by: 'exec', with: 'mentor' } : {}),
          at: new Date(Date.parse(series.start) + i * 1000).toISOString(),
        }));
        const r = pairSessions(series, checkIns, now);
        expect(r.held + r.moved + r.skipped + r.cancelled + r.unrecorded).toBe(r.planned);
        expect(r.planned).toBe(sessionsSoFar(series, now).length);
      }),
    );
  });
});

describe('averagePulse', () => {
  const pulses = (n: number, pulse: Pulse = 4) => Array.from({ length: n }, (_, i) => checkIn('2026-01-05', 'held', { by: `p${i}`, pulse }));

  it(`is withheld under ${MIN_PEOPLE} people, however many pulses they gave`, () => {
    const four = [...pulses(4), ...pulses(4, 2)];
    expect(averagePulse(four)).toEqual({ people: 4, withheld: true });
  });

  it(`is the average over ${MIN_PEOPLE} people or more`, () => {
    expect(averagePulse([...pulses(5, 4), checkIn('2026-01-05', 'held', { by: 'p9', pulse: 1 })])).toEqual({ people: 6, value: 21 / 6 });
  });

  it('counts only check-ins with a pulse', () => {
    expect(averagePulse([...pulses(4), checkIn('2026-01-05', 'skipped', { by: 'x' })])).toMatchObject({ people: 4, withheld: true });
  });
});

describe('programmeHealth', () => {
  const people = [
    { id: 'e1', department: 'Finance', location: 'London', mentor: false },
    { id: 'e2', department: 'Sales', location: 'Lisbon', mentor: false },
    { id: 'm1', department: 'Engineering', location: 'London', mentor: true },
    { id: 'm2', department: 'Sales', location: 'Lisbon', mentor: true },
    { id: 'm3', department: 'Engineering', mentor: true },
  ];
  const pairs: PairSeries[] = [
    { executiveId: 'e1', mentorId: 'm1', start: '2026-01-05T15:00:00Z', everyWeeks: 1, weeks: 12 },
    { executiveId: 'e2', mentorId: 'm2', start: '2026-01-06T09:00:00Z', everyWeeks: 1, weeks: 12 },
    { executiveId: 'outsider', mentorId: 'm3', start: '2026-01-06T09:00:00Z', everyWeeks: 1, weeks: 12 },
  ];
  const checkIns: CheckIn[] = [
    { by: 'e1', with: 'm1', session: '2026-01-05', outcome: 'held', pulse: 5, at: '2026-01-05T17:00:00Z' },
    { by: 'm1', with: 'e1', session: '2026-01-12', outcome: 'held', pulse: 4, at: '2026-01-12T17:00:00Z' },
    { by: 'e2', with: 'm2', session: '2026-01-06', outcome: 'cancelled', cancelledBy: 'e2', at: '2026-01-06T08:00:00Z' },
    { by: 'm3', with: 'outsider', session: '2026-01-06', outcome: 'held', pulse: 1, at: '2026-01-06T17:00:00Z' },
  ];
  const health = programmeHealth({ people, pairs, checkIns, now: at('2026-01-14') });

  it('counts participants, pairs and sessions of the participants’ pairs only', () => {
    expect(health).toMatchObject({ participants: 5, paired: 4, sessions: { planned: 4, held: 2, cancelled: 1, unrecorded: 1 } });
    expect(health.pairs.map((p) => p.mentorId)).toEqual(['m1', 'm2']);
  });

  it('names who paused, soonest back first, until the day they are back', () => {
    const pausing = people.map((p) =>
      p.id === 'm3' ? { ...p, pausedUntil: '2026-02-01' } : p.id === 'e2' ? { ...p, pausedUntil: '2026-01-20' } : p.id === 'm2' ? { ...p, pausedUntil: '2026-01-14' } : p,
    );
    expect(programmeHealth({ people: pausing, pairs, checkIns, now: at('2026-01-14') }).paused).toEqual([
      { id: 'e2', until: '2026-01-20' },
      { id: 'm3', until: '2026-02-01' },
    ]);
    expect(programmeHealth({ people: pausing, pairs, checkIns, now: at('2026-02-01') }).paused).toEqual([]);
    expect(health.paused).toEqual([]);
  });

  it('withholds the pulse of fewer than five people, overall, by group and by week', () => {
    expect(health.pulse).toEqual({ people: 2, withheld: true });
    expect(health.byDepartment.every((g) => 'withheld' in g.pulse)).toBe(true);
    expect(health.weeks.every((w) => 'withheld' in w.pulse)).toBe(true);
  });

  it('shows the share of pairs across departments and locations', () => {
    expect(health.acrossDepartments).toBe(0.5);
    expect(health.acrossLocations).toBe(0);
  });

  it('counts mentors by load, those without an executive too', () => {
    expect(health.mentorLoads).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('groups by department and location, and by week from Monday', () => {
    expect(health.byDepartment.find((g) => g.name === 'Engineering')).toMatchObject({ participants: 2, paired: 1, held: 2, planned: 2 });
    expect(health.byLocation.map((g) => g.name)).toEqual(['Lisbon', 'London']);
    expect(health.weeks).toEqual([
      { week: '2026-01-05', held: 1, planned: 2, cancelled: 1, pulse: { people: 1, withheld: true } },
      { week: '2026-01-12', held: 1, planned: 2, cancelled: 0, pulse: { people: 1, withheld: true } },
    ]);
  });

  it('shows the average once five people gave a pulse, each person’s own average counting once', () => {
    const more = [...people, { id: 'm4', mentor: true }, { id: 'e4', mentor: false }];
    const pulse = (by: string, other: string, session: string, value: Pulse, hour = 17): CheckIn => ({
      by,
      with: other,
      session,
      outcome: 'held',
      pulse: value,
      at: `${session}T${hour}:00:00Z`,
    });
    const checkIns = [
      pulse('e1', 'm1', '2026-01-12', 3),
      pulse('m1', 'e1', '2026-01-12', 3),
      pulse('e2', 'm2', '2026-01-13', 3),
      pulse('m2', 'e2', '2026-01-13', 3),
      // Two sessions of e4's: their own average (4) counts once.
      pulse('e4', 'm4', '2026-01-05', 3),
      pulse('e4', 'm4', '2026-01-12', 5),
      // m4 changed their mind: the last word counts.
      pulse('m4', 'e4', '2026-01-12', 1, 17),
      pulse('m4', 'e4', '2026-01-12', 5, 18),
    ];
    const withFifth = programmeHealth({
      people: more,
      pairs: [...pairs, { executiveId: 'e4', mentorId: 'm4', start: '2026-01-05T15:00:00Z', everyWeeks: 1, weeks: 12 }],
      checkIns,
      now: at('2026-01-14'),
    });
    expect(withFifth.pulse).toEqual({ people: 6, value: (3 * 4 + 4 + 5) / 6 });
  });
});

describe('lines to the owners', () => {
  const pair: PairSeries = { executiveId: 'e', mentorId: 'm', start: '2026-01-05T15:00:00Z', everyWeeks: 1, weeks: 12 };
  const people = [
    { id: 'e', mentor: false },
    { id: 'm', mentor: true },
  ];
  it('are each person’s last word on a real session: a line taken back is gone, one about no session never shows', () => {
    const checkIns: CheckIn[] = [
      { by: 'm', with: 'e', session: '2026-01-05', outcome: 'held', note: 'My mentee was rude.', at: '2026-01-05T17:00:00Z' },
      { by: 'm', with: 'e', session: '2026-01-05', outcome: 'held', at: '2026-01-05T18:00:00Z' },
      { by: 'e', with: 'm', session: '2031-01-01', outcome: 'held', note: 'From the future.', at: '2026-01-05T18:00:00Z' },
      { by: 'e', with: 'm', session: '2026-01-12', outcome: 'held', note: 'A good talk.', at: '2026-01-12T18:00:00Z' },
    ];
    expect(programmeHealth({ people, pairs: [pair], checkIns, now: at('2026-01-13') }).lines).toEqual([{ by: 'e', with: 'm', session: '2026-01-12', note: 'A good talk.' }]);
  });
});

describe('a group’s pulse beside the overall one', () => {
  it('is withheld when the people outside the group are fewer than five, whose average the two would give away', () => {
    const people: { id: string; department: string; mentor: boolean }[] = [];
    const pairs: PairSeries[] = [];
    const checkIns: CheckIn[] = [];
    // Sales: five pairs' executives; Legal: one executive. Each mentor in Ops.
    for (let i = 0; i < 6; i++) {
      const [e, m] = [`e${i}`, `m${i}`];
      people.push({ id: e, department: i < 5 ? 'Sales' : 'Legal', mentor: false }, { id: m, department: 'Ops', mentor: true });
      pairs.push({ executiveId: e, mentorId: m, start: '2026-01-05T15:00:00Z', everyWeeks: 1, weeks: 12 });
      checkIns.push({ by: e, with: m, session: '2026-01-05', outcome: 'held', pulse: i < 5 ? 4 : 1, at: '2026-01-05T17:00:00Z' });
    }
    const health = programmeHealth({ people, pairs, checkIns, now: at('2026-01-06') });
    expect(health.pulse).toMatchObject({ people: 6 });
    // Sales is five people, but the one outside it would be given away by the overall average.
    expect(health.byDepartment.find((g) => g.name === 'Sales')!.pulse).toEqual({ people: 5, withheld: true });
    expect(health.byDepartment.find((g) => g.name === 'Legal')!.pulse).toEqual({ people: 1, withheld: true });
  });
});

describe('evaluationResults', () => {
  const STATEMENT = 'I would recommend the programme to a colleague.';
  const evaluation = (by: string, stage: Evaluation['stage'], goals: Pulse, value: Pulse, at = '2026-01-05T10:00:00Z'): Evaluation => ({
    by,
    with: `partner of ${by}`,
    stage,
    goals,
    answers: [{ statement: STATEMENT, value }],
    at,
  });
  const people = ['a', 'b', 'c', 'd', 'e'];

  it('averages goals and each statement at the start and at the end, each over five people or more', () => {
    const results = evaluationResults([...people.map((p) => evaluation(p, 'start', 2, 3)), ...people.slice(0, 4).map((p) => evaluation(p, 'end', 4, 5))]);
    expect(results.goals).toEqual({ start: { people: 5, value: 2 }, end: { people: 4, withheld: true } });
    expect(results.statements).toEqual([{ statement: STATEMENT, start: { people: 5, value: 3 }, end: { people: 4, withheld: true } }]);
  });

  it('counts one evaluation per person, pairing and stage: the latest', () => {
    const results = evaluationResults([
      ...people.map((p) => evaluation(p, 'start', 2, 3)),
      evaluation('a', 'start', 5, 5, '2026-01-06T10:00:00Z'),
      evaluation('a', 'start', 1, 1, '2026-01-04T10:00:00Z'),
    ]);
    expect(results.goals.start).toEqual({ people: 5, value: (5 + 2 * 4) / 5 });
  });

  it('keeps statements apart by their wording, so a reworded one starts again', () => {
    const reworded = people.map((p) => ({ ...evaluation(p, 'end', 3, 4), answers: [{ statement: 'Something else', value: 4 as Pulse }] }));
    const results = evaluationResults([...people.map((p) => evaluation(p, 'start', 2, 3)), ...reworded]);
    expect(results.statements.map((s) => [s.statement, 'withheld' in s.start, 'withheld' in s.end])).toEqual([
      [STATEMENT, false, true],
      ['Something else', true, false],
    ]);
  });
});
