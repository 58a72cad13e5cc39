/**
 * `npm run --silent solve -- --in problem.json --out solution.json`: the programme-wide
 * assignment alone, with the same code the app runs (src/domain/matching/assignment.ts).
 *
 * Input:  {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":2}],"edges":[["e1","m1",0.73]]}
 * Output: {"pairs":[["e1","m1"]],"matched":1,"total":0.73}
 * Invalid input exits 2 with one line naming the problem and writes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { problemError, quoteId, solveAssignment, type AssignmentProblem } from '../src/domain/matching/assignment.ts';

const problemSchema = z.object({
  mentees: z.array(z.object({ id: z.string() })),
  mentors: z.array(z.object({ id: z.string(), capacity: z.number() })),
  edges: z.array(z.tuple([z.string(), z.string(), z.number()])),
});

/** Reads and checks a problem; returns it, or the one-line reason it cannot be solved. */
export function readProblem(text: string): AssignmentProblem | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `input is not JSON: ${(error as Error).message}`;
  }
  const parsed = problemSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `input does not have the problem's shape at ${issue.path.join('.') || 'the top'}: ${issue.message}`;
  }
  return problemError(parsed.data) ?? parsed.data;
}

function fail(message: string): never {
  console.error(`solve: ${message}`);
  process.exit(2);
}

function main() {
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
  const problem = readProblem(text);
  if (typeof problem === 'string') fail(problem);
  const solution = `${JSON.stringify(solveAssignment(problem))}\n`;
  try {
    writeFileSync(values.out, solution);
  } catch {
    fail(`cannot write ${quoteId(values.out)}`);
  }
}

if (process.argv[1]?.endsWith('solve.ts')) main();
