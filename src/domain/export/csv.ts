/**
 * CSV for spreadsheets: every cell quoted, quotes doubled, and any line of a cell that a
 * spreadsheet could run as a formula prefixed with an apostrophe, so exported names and job titles
 * can never become formulas (OWASP "CSV injection",
 * https://owasp.org/www-community/attacks/CSV_Injection). A line counts as a formula when, after
 * any leading spaces, no-break spaces or zero-width characters, it starts with = + - @ (or their
 * full-width forms ＝ ＋ － ＠), a tab or a carriage return; every line of a multi-line cell is
 * checked, since some spreadsheets read each line of a pasted cell on its own.
 */
export function toCsv(rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Leading characters a spreadsheet skips before it looks for a formula. */
const INVISIBLE_LEAD = /^[ \u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]*/u;
/** After a line break: CR LF, a lone CR or a lone LF. */
const LINE_END = /(?<=\r\n|\r(?!\n)|\n)/;
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u;

/** Whether a spreadsheet could read this line as a formula. */
export function startsFormula(line: string): boolean {
  return FORMULA_START.test(line) || FORMULA_START.test(line.replace(INVISIBLE_LEAD, ''));
}

function cell(value: string | number | boolean | undefined): string {
  const text = value === undefined ? '' : String(value);
  // Split after each line break, keeping it, so a CR at the start of a line is itself checked.
  const lines = text.split(LINE_END);
  const defused = lines.map((line) => (startsFormula(line) ? `'${line}` : line)).join('');
  return `"${defused.replace(/"/g, '""')}"`;
}
