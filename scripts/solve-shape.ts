/**
 * The problem's shape as a schema, for the `solve` command's message when a file does not have it.
 * Loaded only then: zod takes about 100 ms to load, a sizeable part of a whole solve, and valid
 * files are checked by the faster pass in solve.ts, which accepts exactly what this accepts.
 */
import { z } from 'zod';
import type { AssignmentProblem } from '../src/domain/matching/assignment.ts';

export const problemSchema = z.object({
  mentees: z.array(z.object({ id: z.string() })),
  mentors: z.array(z.object({ id: z.string(), capacity: z.number() })),
  edges: z.array(z.tuple([z.string(), z.string(), z.number()])),
});

/** The problem, or the one-line reason it does not have the problem's shape. */
export function parseShape(json: unknown): AssignmentProblem | string {
  const parsed = problemSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return `input does not have the problem's shape at ${issue.path.join('.') || 'the top'}: ${issue.message}`;
}
