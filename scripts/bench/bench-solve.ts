/**
 * `npm run --silent bench:solve`: the whole `npm run --silent solve` process on 3,000 mentees ×
 * 30,000 mentors × 50 candidates (wall clock, median of 3, after one unmeasured run that builds
 * the CLI if stale), against SciPy's in-process sparse solve of the same file (scipy-solve.py:
 * its solve alone, after reading the JSON; median of 3), taking turns so both see the same load.
 * Checks the two agree. SciPy is a measurement aid, not a project dependency: without python3
 * and scipy the comparison is skipped. The last line is JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomProblem } from './bench-match.ts';

const RUNS = 3;
const root = fileURLToPath(new URL('../..', import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);

const dir = mkdtempSync(join(tmpdir(), 'bench-solve-'));
try {
  const problem = randomProblem(3000, 30_000, 50, 1);
  const input = join(dir, 'problem.json');
  const output = join(dir, 'solution.json');
  writeFileSync(input, JSON.stringify(problem));

  const solveCli = () => {
    const start = performance.now();
    const run = spawnSync('npm', ['run', '--silent', 'solve', '--', '--in', input, '--out', output], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - start;
    if (run.status !== 0) throw new Error(`npm run solve failed: ${run.stderr.toString()}`);
    return ms;
  };

  const python = spawnSync('python3', ['-c', 'import scipy.sparse.csgraph'], { stdio: 'ignore' });
  const scipy = python.status === 0;
  const solveScipy = () => {
    const run = spawnSync('python3', [join(root, 'scripts/bench/scipy-solve.py'), input], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`scipy-solve.py failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as { matched: number; total: number; ms: number; matchingMs: number };
  };

  solveCli(); // builds dist/cli/solve.mjs if stale; not measured
  const cliTimes: number[] = [];
  const scipyRuns: ReturnType<typeof solveScipy>[] = [];
  for (let i = 0; i < RUNS; i++) {
    cliTimes.push(solveCli());
    if (scipy) scipyRuns.push(solveScipy());
  }
  const cliMs = median(cliTimes);
  const ours = JSON.parse(readFileSync(output, 'utf8')) as { matched: number; total: number };
  log(`cli: ${ours.matched} matched, total ${ours.total.toFixed(6)}; whole process ${cliTimes.map(Math.round).join(', ')} ms, median ${cliMs} ms`);

  const size = { mentees: problem.mentees.length, mentors: problem.mentors.length, edges: problem.edges.length };
  if (!scipy) {
    log('scipy: skipped (python3 with scipy not found)');
    console.log(JSON.stringify({ ...size, cliMs, scipy: 'skipped: python3 with scipy not found' }));
  } else {
    const theirs = scipyRuns[0]!;
    const scipyMs = median(scipyRuns.map((run) => run.ms));
    const matchingMs = median(scipyRuns.map((run) => run.matchingMs));
    const agree = ours.matched === theirs.matched && Math.abs(ours.total - theirs.total) <= 1e-6;
    log(
      `scipy: ${theirs.matched} matched, total ${theirs.total.toFixed(6)}; in-process solve ${scipyRuns.map((run) => Math.round(run.ms)).join(', ')} ms, median ${scipyMs} ms (matching call alone ${matchingMs} ms)`,
    );
    log(`ratio: ${(cliMs / scipyMs).toFixed(2)}; ${agree ? 'same matched count and total' : 'RESULTS DIFFER'}`);
    console.log(JSON.stringify({ ...size, cliMs, scipyMs, scipyMatchingMs: matchingMs, ratio: Math.round((cliMs / scipyMs) * 100) / 100, agree }));
    if (!agree) process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
