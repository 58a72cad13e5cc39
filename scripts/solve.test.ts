import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasProblemShape, solveText } from './solve';
import { problemSchema } from './solve-shape';

const root = new URL('..', import.meta.url).pathname;

/** Runs the command as `npm run solve` does: the launcher, which builds the bundle if stale. */
function run(input: string, outName = 'solution.json') {
  const dir = mkdtempSync(join(tmpdir(), 'solve-'));
  writeFileSync(join(dir, 'problem.json'), input);
  const out = join(dir, outName);
  try {
    execFileSync(process.execPath, [join(root, 'scripts/run-solve.mjs'), '--in', join(dir, 'problem.json'), '--out', out], {
      cwd: root,
      stdio: 'pipe',
    });
    return { code: 0, stderr: '', output: JSON.parse(readFileSync(out, 'utf8')) as unknown };
  } catch (error) {
    const failure = error as { status: number; stderr: Buffer };
    return { code: failure.status, stderr: failure.stderr.toString(), output: existsSync(out) ? 'written' : undefined };
  }
}

describe('the solve command', () => {
  // The first run may build dist/cli/solve.mjs; that takes longer than a test's default time.
  beforeAll(() => {
    run('{"mentees":[],"mentors":[],"edges":[]}');
  }, 120_000);

  it('solves a problem file into a solution file', () => {
    const result = run('{"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":2}],"edges":[["e1","m1",0.73]]}');
    expect(result).toEqual({ code: 0, stderr: '', output: { pairs: [['e1', 'm1']], matched: 1, total: 0.73 } });
  });

  it('exits 2 with one line naming the problem, and writes nothing', () => {
    const result = run('{"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":0}],"edges":[]}');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual(['solve: mentor "m1" has capacity 0; it must be a whole number from 1 to 2147483647']);
    expect(result.output).toBeUndefined();
  });

  it('refuses a capacity above 2^31 - 1 instead of answering that nothing matched', () => {
    const result = run('{"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":2147483648}],"edges":[["e1","m1",0.5]]}');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual(['solve: mentor "m1" has capacity 2147483648; it must be a whole number from 1 to 2147483647']);
  });

  it('exits 2 with one line when the output cannot be written', () => {
    const result = run('{"mentees":[],"mentors":[],"edges":[]}', 'missing-folder/solution.json');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^solve: cannot write ".*missing-folder\/solution.json"\n$/);
  });
});

describe('solveText', () => {
  it.each([
    ['not json', /^input is not JSON/],
    ['{"mentees":[],"mentors":[]}', /shape at edges/],
    ['{"mentees":[{"id":1}],"mentors":[],"edges":[]}', /shape at mentees.0.id/],
    ['{"mentees":[{"id":"a"},{"id":"a"}],"mentors":[],"edges":[]}', /^duplicate mentee id "a"$/],
    ['{"mentees":[{"id":"a"}],"mentors":[{"id":"m","capacity":1}],"edges":[["a","x",0.5]]}', /^edge names unknown mentor "x"$/],
    ['{"mentees":[{"id":"a"}],"mentors":[{"id":"m","capacity":1}],"edges":[["a","m",1.01]]}', /must be in \(0, 1\]/],
    ['{"mentees":[{"id":"a"}],"mentors":[{"id":"m","capacity":1}],"edges":[["a","m",0.5],["a","m",0.5]]}', /^duplicate edge/],
    ['{"mentees":[{"id":"a\\u001b[2Jb"},{"id":"a\\u001b[2Jb"}],"mentors":[],"edges":[]}', /^duplicate mentee id "a\\u001b\[2Jb"$/],
    ['{"mentees":[{"id":"a"}],"mentors":[{"id":"m","capacity":1}],"edges":[["a","x\\u202e\\u009b\\n",0.5]]}', /^edge names unknown mentor "x\\u202e\\u009b\\n"$/],
    ['[]', /^input does not have the problem's shape at the top: Invalid input: expected object, received array$/],
    ['{"mentees":[],"mentors":[{"id":"m","capacity":1e400}],"edges":[]}', /shape at mentors.0.capacity: Invalid input: expected number, received Infinity$/],
    ['{"mentees":[],"mentors":[],"edges":[["a","b",1,2]]}', /shape at edges.0: Too big/],
    ['{"mentees":[],"mentors":[],"edges":[{"0":"a","1":"b","2":1,"length":3}]}', /shape at edges.0: Invalid input: expected tuple/],
  ])('rejects %s', async (text, message) => {
    expect(await solveText(text)).toMatch(message);
  });
});

describe('hasProblemShape', () => {
  // Near misses of the problem's shape: each part is mostly right, sometimes any JSON value;
  // keys may be missing, edges may have the wrong length, and numbers include the infinities
  // JSON.parse gives for 1e400.
  const mostly = <T>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: right, weight: 8 }, { arbitrary: wrong, weight: 1 });
  const or = <T>(right: fc.Arbitrary<T>) => mostly(right, fc.jsonValue());
  const object = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) => or(mostly(fc.record(shape), fc.record(shape, { requiredKeys: [] })));
  const id = or(fc.string());
  const number = or(fc.oneof(fc.double({ noNaN: true }), fc.integer()));
  const edge = or(mostly(fc.tuple(id, id, number), fc.array(fc.oneof(id, number), { maxLength: 4 })));
  const problem = object({
    mentees: or(fc.array(object({ id }), { maxLength: 3 })),
    mentors: or(fc.array(object({ id, capacity: number }), { maxLength: 3 })),
    edges: or(fc.array(edge, { maxLength: 3 })),
  });

  it('accepts exactly what the schema accepts', () => {
    fc.assert(
      fc.property(problem, (json) => hasProblemShape(json) === problemSchema.safeParse(json).success),
      { numRuns: 1000 },
    );
  });
});
