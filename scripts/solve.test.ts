import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProblem } from './solve';

const root = new URL('..', import.meta.url).pathname;

function run(input: string, outName = 'solution.json') {
  const dir = mkdtempSync(join(tmpdir(), 'solve-'));
  writeFileSync(join(dir, 'problem.json'), input);
  const out = join(dir, outName);
  try {
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/solve.ts'), '--in', join(dir, 'problem.json'), '--out', out], {
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

describe('readProblem', () => {
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
  ])('rejects %s', (text, message) => {
    expect(readProblem(text)).toMatch(message);
  });
});
