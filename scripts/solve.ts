/**
 * `npm run --silent solve -- --in problem.json --out solution.json`: the programme-wide
 * assignment alone, with the same code the app runs (src/domain/matching/assignment.ts).
 *
 * Input:  {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":2}],"edges":[["e1","m1",0.73]]}
 * Output: {"pairs":[["e1","m1"]],"matched":1,"total":0.73}
 * Invalid input exits 2 with one line naming the problem and writes nothing.
 * `npm run solve` runs this as built JavaScript: scripts/run-solve.mjs bundles it when stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { quoteId, solveCheckedAssignment, type Assignment, type AssignmentProblem } from '../src/domain/matching/assignment.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Whether parsed JSON has the problem's shape: true exactly where the schema in solve-shape.ts
 * succeeds (solve.test.ts checks this), in one plain pass over the 150,000 edges and more.
 */
export function hasProblemShape(json: unknown): json is AssignmentProblem {
  if (!isRecord(json)) return false;
  const { mentees, mentors, edges } = json;
  if (!Array.isArray(mentees) || !Array.isArray(mentors) || !Array.isArray(edges)) return false;
  for (const mentee of mentees) if (!isRecord(mentee) || typeof mentee.id !== 'string') return false;
  for (const mentor of mentors) if (!isRecord(mentor) || typeof mentor.id !== 'string' || !isNumber(mentor.capacity)) return false;
  for (const edge of edges) {
    if (!Array.isArray(edge) || edge.length !== 3 || typeof edge[0] !== 'string' || typeof edge[1] !== 'string' || !isNumber(edge[2])) return false;
  }
  return true;
}

/** Reads a problem's JSON and checks its shape; returns it, or the one-line reason it is not one. */
export async function readProblem(text: string): Promise<AssignmentProblem | string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `input is not JSON: ${(error as Error).message}`;
  }
  // The schema (and zod) only for a file without the shape, to say where and why.
  return hasProblemShape(json) ? json : (await import('./solve-shape.ts')).parseShape(json);
}

/** Reads, checks and solves a problem: its assignment, or the one-line reason it cannot be solved. */
export async function solveText(text: string): Promise<Assignment | string> {
  const problem = await readProblem(text);
  return typeof problem === 'string' ? problem : solveCheckedAssignment(problem);
}

function fail(message: string): never {
  console.error(`solve: ${message}`);
  process.exit(2);
}

/** The command: `solve --in problem.json --out solution.json`. */
export async function main() {
  let values: { in?: string | undefined; out?: string | undefined };
  try {
    ({ values } = parseArgs({ options: { in: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.in || !values.out) fail('usage: solve --in problem.json --out solution.json');
  let text: string;
  try {
    text = readFileSync(values.in, 'utf8');
  } catch {
    fail(`cannot read ${quoteId(values.in)}`);
  }
  const solution = await solveText(text);
  if (typeof solution === 'string') fail(solution);
  const output = `${JSON.stringify(solution)}\n`;
  try {
    writeFileSync(values.out, output);
  } catch {
    fail(`cannot write ${quoteId(values.out)}`);
  }
}

// Run directly (`tsx scripts/solve.ts`); `npm run solve` calls main() of the built bundle instead.
if (process.argv[1]?.endsWith('solve.ts')) void main();
