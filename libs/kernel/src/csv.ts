/**
 * CSV for Swedish Excel, written once for every export: UTF-8 with a BOM, `;` between fields, CRLF
 * line ends, quoted per RFC 4180; a text cell that a spreadsheet would read as a formula (starting
 * with = + - @, a tab or a carriage return) gets a leading apostrophe.
 */

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Text a spreadsheet would take for a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: numbers as they are, text defused and quoted when it must be, null as nothing. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The lines (a header line first, if any) as one CSV text with its BOM. */
export function toCsv(lines: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return '\uFEFF' + lines.map((fields) => fields.map(csvField).join(';') + '\r\n').join('');
}
