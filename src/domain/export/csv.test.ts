import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(toCsv([['name', 'title'], ['Ada "the first" Lovelace', 'Engineer, Principal']])).toBe(
      '"name","title"\r\n"Ada ""the first"" Lovelace","Engineer, Principal"\r\n',
    );
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd'])('defuses %j', (value) => {
    expect(toCsv([[value]])).toBe(`"'${value.replace(/"/g, '""')}"\r\n`);
  });

  it('writes numbers, booleans and empty cells', () => {
    expect(toCsv([[0.73, true, undefined]])).toBe('"0.73","true",""\r\n');
  });

  it('never lets a cell start a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const line = toCsv([cells]);
        for (const quoted of line.trimEnd().match(/"(?:[^"]|"")*"/g) ?? []) expect(quoted.slice(1, 2)).not.toMatch(/[=+\-@\t\r]/);
      }),
    );
  });
});
