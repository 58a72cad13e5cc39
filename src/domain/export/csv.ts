/**
 * CSV for spreadsheets: every cell quoted, quotes doubled, and any cell a spreadsheet would run
 * as a formula (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe,
 * so exported names and job titles can never become formulas (OWASP "CSV injection").
 */
export function toCsv(rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}
