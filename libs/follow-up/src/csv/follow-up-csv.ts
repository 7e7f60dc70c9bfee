import { CommonError, FieldViolation, toCsv } from '@samverka/kernel';
import { parse } from 'csv-parse/sync';
import { REPORT_STATUSES, ReportStatus } from '../follow-up.model';
import { REPORT_FIELD_LABELS, REPORT_STATUS_LABELS } from '../follow-up.vocabulary';
import { reportViolations } from '../rules/follow-up.rules';

/**
 * A period's reports of one organisation as a CSV file (the round trip a department works in Excel):
 * one row per item the organisation reports on, with its current report. The import reads the same
 * columns back: UTF-8 with or without a BOM, or Windows-1252 (what Excel saves as "CSV"), `;` or `,`.
 */

/** The export's columns in order: the key, its Swedish header, and whether the import reads it. */
export const REPORT_CSV_COLUMNS = [
  { key: 'code', header: 'Kod', read: true },
  { key: 'area', header: 'Område', read: false },
  { key: 'title', header: 'Insats', read: false },
  { key: 'status', header: REPORT_FIELD_LABELS.status, read: true },
  { key: 'progress', header: REPORT_FIELD_LABELS.progress, read: true },
  { key: 'comment', header: REPORT_FIELD_LABELS.comment, read: true },
  { key: 'cause', header: REPORT_FIELD_LABELS.cause, read: true },
  { key: 'needed', header: REPORT_FIELD_LABELS.needed, read: true },
  { key: 'reportedAt', header: 'Senast rapporterad', read: false },
] as const;

export type ReportCsvKey = (typeof REPORT_CSV_COLUMNS)[number]['key'];

/** The columns an import must have (cause and needed may be left out of a file that needs none). */
export const REQUIRED_IMPORT_COLUMNS: readonly ReportCsvKey[] = ['code', 'status', 'progress', 'comment'];

/** At most this many bytes and data rows in one import (a department's items for one period are far fewer). */
export const REPORT_CSV_LIMITS = { bytes: 1_048_576, rows: 2000 } as const;

/** One row of the export. */
export interface ReportCsvRow {
  code: string;
  area: string;
  title: string;
  status: ReportStatus | null;
  progress: number | null;
  comment: string | null;
  cause: string | null;
  needed: string | null;
  /** When the current report was sent (`YYYY-MM-DD HH:MM`, Stockholm), null when not reported. */
  reportedAt: string | null;
}

/** The export file's text: a header line, then one line per item (statuses as their Swedish labels). */
export function reportsCsv(rows: readonly ReportCsvRow[]): string {
  return toCsv([
    REPORT_CSV_COLUMNS.map((c) => c.header),
    ...rows.map((r) => [r.code, r.area, r.title, r.status ? REPORT_STATUS_LABELS[r.status] : null, r.progress, r.comment, r.cause, r.needed, r.reportedAt]),
  ]);
}

export type CsvEncoding = 'utf-8' | 'windows-1252';

/** Windows-1252's characters at 0x80–0x9F (where it differs from Latin-1; the five unassigned bytes stay as they are). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 bytes as text: Latin-1, but for 0x80–0x9F (Node's TextDecoder decodes the label as plain Latin-1). */
function fromWindows1252(content: Buffer): string {
  let text = '';
  for (const byte of content) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** The file's text and how it was written: a UTF-8 BOM, else valid UTF-8, else Windows-1252 (Excel's "CSV" on Swedish Windows). */
export function decodeCsv(content: Buffer): { text: string; encoding: CsvEncoding; bom: boolean } {
  if (content.length >= 3 && content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(content.subarray(3)), encoding: 'utf-8', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content), encoding: 'utf-8', bom: false };
  } catch {
    return { text: fromWindows1252(content), encoding: 'windows-1252', bom: false };
  }
}

/** The separator of the header line: `;` (Swedish Excel) unless the line has more `,` than `;`. */
export function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

/** A status cell: its code (`on_track`) or its Swedish label (`Enligt plan`), any case; null when neither. */
export function statusOf(cell: string): ReportStatus | null {
  const value = cell.trim().toLowerCase();
  return REPORT_STATUSES.find((s) => s === value || REPORT_STATUS_LABELS[s].toLowerCase() === value) ?? null;
}

const HEADER_KEYS = new Map<string, ReportCsvKey>(REPORT_CSV_COLUMNS.flatMap((c) => [[c.header.toLowerCase(), c.key] as const, [c.key.toLowerCase(), c.key] as const]));

/** One data row as read: its line in the file and its cells by column (absent columns are null). */
export interface ParsedCsvRow {
  line: number;
  cells: Partial<Record<ReportCsvKey, string>>;
}

export interface ParsedReportsCsv {
  encoding: CsvEncoding;
  delimiter: ';' | ',';
  rows: ParsedCsvRow[];
}

const fileError = (rule: string, message: string) => CommonError.invalidField('file', rule, message);

/**
 * Reads an import file into rows with their line numbers (a row's first line; line 1 is the header).
 * A file that is empty, too large, not CSV, or lacks a required column is a 400 on `file`; blank lines
 * are skipped.
 */
export function parseReportsCsv(content: Buffer): ParsedReportsCsv {
  if (content.length === 0) throw fileError('isNotEmpty', 'Filen är tom');
  if (content.length > REPORT_CSV_LIMITS.bytes) throw fileError('maxSize', `Filen får vara högst ${REPORT_CSV_LIMITS.bytes / 1024 / 1024} MB`);
  // Line ends as \n (CRLF and a lone CR too): a line break inside a quoted cell then counts as one line, as it looks.
  const decoded = decodeCsv(content);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const encoding = decoded.encoding;
  const delimiter = detectDelimiter(text);
  let records: Array<{ record: string[]; info: { lines: number; empty_lines: number } }>;
  try {
    records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: false, bom: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw fileError('csv', `Filen kunde inte läsas som CSV${line ? ` (rad ${line})` : ''}: kontrollera citattecknen`);
  }
  if (records.length === 0) throw fileError('isNotEmpty', 'Filen är tom');
  const [header, ...data] = records;
  const columns = header.record.map((h) => HEADER_KEYS.get(h.replace(/^\uFEFF/, '').trim().toLowerCase()) ?? null);
  const missing = REQUIRED_IMPORT_COLUMNS.filter((k) => !columns.includes(k));
  if (missing.length > 0) {
    const names = missing.map((k) => REPORT_CSV_COLUMNS.find((c) => c.key === k)!.header);
    throw fileError('columns', `Filen saknar kolumnerna ${names.join(', ')}: utgå från den exporterade filen`);
  }
  if (data.length > REPORT_CSV_LIMITS.rows) throw fileError('maxRows', `Filen får ha högst ${REPORT_CSV_LIMITS.rows} rader`);
  let previousEnd = header.info.lines;
  let previousEmpty = header.info.empty_lines;
  const rows = data.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    const cells: Partial<Record<ReportCsvKey, string>> = {};
    columns.forEach((key, i) => {
      if (key && cells[key] === undefined) cells[key] = record[i] ?? '';
    });
    return { line, cells };
  });
  return { encoding, delimiter, rows };
}

/** A row read as a report, before it meets the database. */
export interface ImportedReportRow {
  line: number;
  itemCode: string;
  /** Every cell blank but the code (and the columns the import does not read): the item is left unreported. */
  blank: boolean;
  status: ReportStatus | null;
  progress: number | null;
  comment: string;
  cause: string | null;
  needed: string | null;
  errors: FieldViolation[];
}

/** Undoes the export's formula guard (a leading apostrophe before = + - @). */
const undefused = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** A progress cell: an integer percent, with or without a `%` sign. */
function progressOf(cell: string): number | null {
  const t = cell.trim().replace(/\s*%$/, '');
  return /^-?\d+$/.test(t) ? Number(t) : null;
}

/**
 * The rules of one row, every violation at once (field names are the columns' keys): the item's
 * code, then the report's own rules (`reportViolations`) with a status written as code or label.
 * A row with nothing but its code is blank: it changes nothing.
 */
export function readReportRow(row: ParsedCsvRow): ImportedReportRow {
  const cell = (key: ReportCsvKey) => undefused(row.cells[key] ?? '').trim();
  const itemCode = cell('code');
  const [statusCell, progressCell, comment, cause, needed] = [cell('status'), cell('progress'), cell('comment'), cell('cause'), cell('needed')];
  const blank = !statusCell && !progressCell && !comment && !cause && !needed;
  const errors: FieldViolation[] = [];
  if (!itemCode) errors.push({ field: 'code', rule: 'isNotEmpty', message: 'Raden saknar insatsens kod' });
  const status = statusOf(statusCell);
  const progress = progressOf(progressCell);
  if (!blank) {
    if (statusCell && !status) {
      errors.push({ field: 'status', rule: 'isIn', message: `Okänd status "${statusCell}": skriv ${REPORT_STATUSES.map((s) => REPORT_STATUS_LABELS[s].toLowerCase()).join(', ')}` });
    }
    if (progressCell && progress === null) errors.push({ field: 'progress', rule: 'isInt', message: `"${progressCell}" är inget heltal: ange hur många procent som är klart, 0–100` });
    const input = {
      periodId: '00000000-0000-4000-8000-000000000000',
      contactCentre: true,
      status: status ?? undefined,
      progress: progress ?? undefined,
      comment,
      cause: cause || null,
      needed: needed || null,
    };
    for (const v of reportViolations(input as Parameters<typeof reportViolations>[0])) {
      if (v.field === 'status' && statusCell) continue; // said above, with the cell's text
      if (v.field === 'progress' && v.rule === 'isInt' && progressCell) continue;
      errors.push(v.field === 'status' ? { ...v, rule: 'isNotEmpty', message: 'Ange en status' } : v.field === 'progress' && v.rule === 'isInt' ? { ...v, rule: 'isNotEmpty', message: 'Ange hur många procent som är klart, 0–100' } : v);
    }
  }
  return { line: row.line, itemCode, blank, status, progress, comment, cause: cause || null, needed: needed || null, errors };
}
