import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemError, solveAssignment, solveCheckedAssignment, type AssignmentProblem } from './assignment';
import { referenceAssignment } from './reference-assignment';

const problem = (edges: [string, string, number][], capacities: Record<string, number>, mentees?: string[]): AssignmentProblem => ({
  mentees: (mentees ?? [...new Set(edges.map((e) => e[0]))]).map((id) => ({ id })),
  mentors: Object.entries(capacities).map(([id, capacity]) => ({ id, capacity })),
  edges,
});

/** Checks an assignment is allowed by the problem: known edges, one mentor each, capacities kept. */
function expectFeasible(p: AssignmentProblem, pairs: readonly (readonly [string, string])[]) {
  const edges = new Set(p.edges.map(([e, m]) => `${e}|${m}`));
  const load = new Map<string, number>();
  const mentees = new Set<string>();
  for (const [e, m] of pairs) {
    expect(edges.has(`${e}|${m}`)).toBe(true);
    expect(mentees.has(e)).toBe(false);
    mentees.add(e);
    load.set(m, (load.get(m) ?? 0) + 1);
  }
  for (const mentor of p.mentors) expect(load.get(mentor.id) ?? 0).toBeLessThanOrEqual(mentor.capacity);
}

describe('solveAssignment', () => {
  it('solves the example of the solver format', () => {
    expect(solveAssignment(problem([['e1', 'm1', 0.73]], { m1: 2 }))).toEqual({ pairs: [['e1', 'm1']], matched: 1, total: 0.73 });
  });

  it('prefers more matches over a higher total', () => {
    // Greedy takes e1–m1 (0.9) and leaves e2 unmatched; two matches are better.
    const p = problem(
      [
        ['e1', 'm1', 0.9],
        ['e1', 'm2', 0.1],
        ['e2', 'm1', 0.2],
      ],
      { m1: 1, m2: 1 },
    );
    const result = solveAssignment(p);
    expect(result.matched).toBe(2);
    expect(result.pairs).toEqual([
      ['e1', 'm2'],
      ['e2', 'm1'],
    ]);
    expect(result.total).toBeCloseTo(0.3, 12);
  });

  it('then maximises the total score, rerouting through full mentors', () => {
    const p = problem(
      [
        ['a', 'x', 0.5],
        ['a', 'y', 0.4],
        ['b', 'x', 0.9],
        ['c', 'y', 0.8],
        ['c', 'z', 0.1],
      ],
      { x: 1, y: 1, z: 1 },
    );
    const result = solveAssignment(p);
    expect(result.matched).toBe(3);
    expect(result.total).toBeCloseTo(0.4 + 0.9 + 0.1, 12);
  });

  it('respects capacities and leaves out mentees with no edge', () => {
    const p = problem(
      [
        ['a', 'x', 0.5],
        ['b', 'x', 0.6],
        ['c', 'x', 0.7],
      ],
      { x: 2 },
      ['a', 'b', 'c', 'lonely'],
    );
    const result = solveAssignment(p);
    expect(result.matched).toBe(2);
    expect(result.pairs).toEqual([
      ['b', 'x'],
      ['c', 'x'],
    ]);
  });

  it('handles an empty problem', () => {
    expect(solveAssignment({ mentees: [], mentors: [], edges: [] })).toEqual({ pairs: [], matched: 0, total: 0 });
  });

  it('is deterministic', () => {
    const p = problem(
      [
        ['a', 'x', 0.5],
        ['b', 'x', 0.5],
        ['a', 'y', 0.5],
        ['b', 'y', 0.5],
      ],
      { x: 1, y: 1 },
    );
    expect(solveAssignment(p)).toEqual(solveAssignment(p));
  });

  const instances = fc
    .record({
      mentees: fc.integer({ min: 0, max: 9 }),
      mentors: fc.integer({ min: 1, max: 7 }),
      capacities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 7, maxLength: 7 }),
      edges: fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 100 })), { maxLength: 40 }),
    })
    .map(({ mentees, mentors, capacities, edges }) => {
      const seen = new Set<string>();
      return {
        mentees: Array.from({ length: mentees }, (_, i) => ({ id: `e${i}` })),
        mentors: Array.from({ length: mentors }, (_, j) => ({ id: `m${j}`, capacity: capacities[j]! })),
        edges: edges
          .filter(([e, m]) => e < mentees && m < mentors && !seen.has(`${e}|${m}`) && seen.add(`${e}|${m}`))
          .map(([e, m, s]) => [`e${e}`, `m${m}`, s / 100] as [string, string, number]),
      };
    });

  it('equals an independent exact solver on any small instance', () => {
    fc.assert(
      fc.property(instances, (p) => {
        expect(problemError(p)).toBeUndefined();
        const ours = solveAssignment(p);
        const reference = referenceAssignment(p);
        expectFeasible(p, ours.pairs);
        expect(ours.matched).toBe(reference.matched);
        expect(ours.total).toBeCloseTo(reference.total, 9);
        expect(solveCheckedAssignment(p)).toEqual(ours);
      }),
      { numRuns: 300 },
    );
  });
});

describe('problemError', () => {
  const ok = problem([['e1', 'm1', 0.5]], { m1: 1 });
  it.each([
    [{ ...ok, mentees: [{ id: 'e1' }, { id: 'e1' }] }, 'duplicate mentee id "e1"'],
    [
      {
        ...ok,
        mentors: [
          { id: 'm1', capacity: 1 },
          { id: 'm1', capacity: 2 },
        ],
      },
      'duplicate mentor id "m1"',
    ],
    [{ ...ok, mentors: [{ id: 'm1', capacity: 0 }] }, 'mentor "m1" has capacity 0; it must be a whole number from 1 to 2147483647'],
    [{ ...ok, edges: [['e9', 'm1', 0.5]] }, 'edge names unknown mentee "e9"'],
    [{ ...ok, edges: [['e1', 'm9', 0.5]] }, 'edge names unknown mentor "m9"'],
    [{ ...ok, edges: [['e1', 'm1', 0]] }, 'edge ["e1", "m1"] has score 0; it must be in (0, 1]'],
    [{ ...ok, edges: [['e1', 'm1', 1.5]] }, 'edge ["e1", "m1"] has score 1.5; it must be in (0, 1]'],
    [
      {
        ...ok,
        edges: [
          ['e1', 'm1', 0.5],
          ['e1', 'm1', 0.6],
        ],
      },
      'duplicate edge ["e1", "m1"]',
    ],
  ] as [AssignmentProblem, string][])('says what is wrong: %#', (p, message) => {
    expect(problemError(p)).toBe(message);
  });

  it('accepts a valid problem', () => {
    expect(problemError(ok)).toBeUndefined();
  });

  /** The plain statement of the rule: each edge in order, the first that fails. */
  function firstEdgeError(p: AssignmentProblem): string | undefined {
    const mentees = new Set(p.mentees.map((e) => e.id));
    const mentors = new Set(p.mentors.map((m) => m.id));
    const seen = new Set<string>();
    for (const [e, m, score] of p.edges) {
      if (!mentees.has(e)) return `edge names unknown mentee "${e}"`;
      if (!mentors.has(m)) return `edge names unknown mentor "${m}"`;
      if (!(score > 0 && score <= 1)) return `edge ["${e}", "${m}"] has score ${score}; it must be in (0, 1]`;
      if (seen.has(`${e}|${m}`)) return `duplicate edge ["${e}", "${m}"]`;
      seen.add(`${e}|${m}`);
    }
    return undefined;
  }

  it('reports the first edge that fails, a repeated pair included', () => {
    const id = (prefix: string) => fc.integer({ min: 0, max: 3 }).map((i) => `${prefix}${i}`);
    const edge = fc.tuple(id('e'), id('m'), fc.constantFrom(0.5, 1, 0, 1.5));
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 12 }), (edges) => {
        const p = problem(edges, { m0: 1, m1: 2, m2: 1 }, ['e0', 'e1', 'e2']);
        expect(problemError(p)).toBe(firstEdgeError(p));
        const checked = solveCheckedAssignment(p);
        expect(checked).toEqual(problemError(p) ?? solveAssignment(p));
      }),
      { numRuns: 500 },
    );
  });
});
