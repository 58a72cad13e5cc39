import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startsFormula, toCsv } from './csv';

describe('toCsv', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(
      toCsv([
        ['name', 'title'],
        ['Ada "the first" Lovelace', 'Engineer, Principal'],
      ]),
    ).toBe('"name","title"\r\n"Ada ""the first"" Lovelace","Engineer, Principal"\r\n');
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd'])('defuses %j', (value) => {
    expect(toCsv([[value]])).toBe(`"'${value.replace(/"/g, '""')}"\r\n`);
  });

  it.each([
    ['  =1+1', "'  =1+1"],
    ['\u00a0=cmd', "'\u00a0=cmd"],
    ['\u200b@SUM(A1)', "'\u200b@SUM(A1)"],
    ['\ufeff+1', "'\ufeff+1"],
    ['\uff1dHYPERLINK(1)', "'\uff1dHYPERLINK(1)"],
    ['\uff0b1', "'\uff0b1"],
    ['\uff0d1', "'\uff0d1"],
    ['\uff20x', "'\uff20x"],
    ['Head of Sales\n=cmd|x', "Head of Sales\n'=cmd|x"],
    ['line\r\n @x', "line\r\n' @x"],
    ['line\r=x', "line\r'=x"],
  ])('defuses a formula after invisible characters, full-width signs and line breaks: %j', (value, expected) => {
    expect(toCsv([[value]])).toBe(`"${expected}"\r\n`);
  });

  it('leaves ordinary text alone', () => {
    expect(toCsv([['Chief Financial Officer', 'Stockholm — Södermalm', '1 = 1']])).toBe('"Chief Financial Officer","Stockholm — Södermalm","1 = 1"\r\n');
  });

  it('writes numbers, booleans and empty cells', () => {
    expect(toCsv([[0.73, true, undefined]])).toBe('"0.73","true",""\r\n');
  });

  it('never lets a line of a cell start a formula, whatever it holds', () => {
    const risky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', '\u00a0', '\u200b', '\ufeff', '\uff1d', '\uff0b', '\uff0d', '\uff20', 'a', '"');
    const text = fc.oneof(
      fc.string(),
      fc.array(risky, { maxLength: 8 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (cells) => {
        const csv = toCsv([cells]);
        for (const quoted of csv.slice(0, -2).match(/"(?:[^"]|"")*"/g) ?? []) {
          const content = quoted.slice(1, -1).replace(/""/g, '"');
          for (const line of content.split(/(?<=\r\n|\r(?!\n)|\n)/)) expect(startsFormula(line)).toBe(false);
        }
      }),
    );
  });
});
