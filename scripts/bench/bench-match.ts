/**
 * `npm run --silent bench:match`: the programme-wide assignment on 3,000 mentees × 30,000 mentors
 * with 50 candidate mentors per mentee, against a greedy baseline, and an exactness check against
 * an independent exact solver on an instance small enough for it. The last line is JSON.
 * endToEnd: eligibility, scoring and the assignment from the org model of a 50,000-person demo
 * tenant with 3,000 opted-in executives and 10,000 opted-in juniors.
 */
import { solveAssignment, type AssignmentProblem } from '../../src/domain/matching/assignment.ts';
import { referenceAssignment } from '../../src/domain/matching/reference-assignment.ts';
import { seededRandom } from '../../src/domain/random/seeded-random.ts';
import { endToEndInput, runEndToEnd } from './end-to-end-match.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** A random instance: each mentee gets `degree` distinct candidate mentors with scores in (0, 1]. */
export function randomProblem(mentees: number, mentors: number, degree: number, seed: number): AssignmentProblem {
  const random = seededRandom(seed);
  const edges: [string, string, number][] = [];
  for (let i = 0; i < mentees; i++) {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(degree, mentors)) chosen.add(Math.floor(random() * mentors));
    for (const j of chosen) edges.push([`e${i}`, `m${j}`, Math.max(0.001, Math.round(random() * 1000) / 1000)]);
  }
  return {
    mentees: Array.from({ length: mentees }, (_, i) => ({ id: `e${i}` })),
    mentors: Array.from({ length: mentors }, (_, j) => ({ id: `m${j}`, capacity: 1 + Math.floor(random() * 3) })),
    edges,
  };
}

/** Takes the best-scoring edges first while the mentee is free and the mentor has room. */
export function greedyAssignment(problem: AssignmentProblem) {
  const capacity = new Map(problem.mentors.map((m) => [m.id, m.capacity]));
  const matched = new Set<string>();
  let total = 0;
  for (const [e, m, s] of [...problem.edges].sort((a, b) => b[2] - a[2])) {
    if (matched.has(e) || capacity.get(m)! === 0) continue;
    matched.add(e);
    capacity.set(m, capacity.get(m)! - 1);
    total += s;
  }
  return { matched: matched.size, total };
}

function median(runs: number, run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(runs / 2)]!);
}

if (process.argv[1]?.endsWith('bench-match.ts')) {
  const big = randomProblem(3000, 30_000, 50, 1);
  let solution = solveAssignment(big);
  const ms = median(5, () => (solution = solveAssignment(big)));
  const greedy = greedyAssignment(big);
  log(`solver: ${solution.matched} matched, total ${solution.total.toFixed(3)} in ${ms} ms (median of 5); greedy ${greedy.matched} matched, total ${greedy.total.toFixed(3)}`);

  // Scarce mentors, where capacity forces trade-offs, checked against the independent solver.
  const small = randomProblem(60, 25, 6, 2);
  const ours = solveAssignment(small);
  const reference = referenceAssignment(small);
  const equal = ours.matched === reference.matched && Math.abs(ours.total - reference.total) < 1e-9;
  log(`exact check: ours ${ours.matched}/${ours.total.toFixed(6)}, reference ${reference.matched}/${reference.total.toFixed(6)}`);

  const input = endToEndInput(50_000, 3000, 10_000);
  let proposal = runEndToEnd(input);
  const endToEndMs = median(3, () => (proposal = runEndToEnd(input)));
  log(
    `end to end: ${input.model.people.length} people, ${proposal.pairs.length} pairs, ${proposal.unmatched.length} unmatched (mostly fewer than 2 levels above any junior) in ${endToEndMs} ms (median of 3)`,
  );

  console.log(
    JSON.stringify({
      solver: { mentees: 3000, mentors: 30_000, edges: big.edges.length, ms, greedyRatio: Math.round((greedy.total / solution.total) * 10_000) / 10_000 },
      exactCheck: { mentees: small.mentees.length, mentors: small.mentors.length, equal },
      endToEnd: { people: 50_000, mentees: 3000, mentors: 10_000, ms: endToEndMs },
    }),
  );
  if (!equal) process.exitCode = 1;
}
