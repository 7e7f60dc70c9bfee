import { ImportContext, ImportRowOutcome, ReportImportResult, REPORT_CSV_COLUMNS } from '@samverka/follow-up';
import { LocalDate } from '@samverka/kernel';
import { ErrorSummaryItem, swedishDate, TagView, tag } from '../../shell/format';
import { FieldErrors } from '../../shell/form-body';
import { PageModel, ROUNDS_PATH } from '../../shell/view-renderer';

/** The largest file the page takes: its bytes travel base64-encoded in the confirmation form (within the 1 MB form limit). */
export const PAGE_IMPORT_MAX_BYTES = 512 * 1024;

/** The department's follow-up page (fu-view's), and this page below it. */
export const followUpDepartmentPath = (roundId: string, departmentId: string): string => `${ROUNDS_PATH}/${roundId}/uppfoljning/forvaltningar/${departmentId}`;
export const importPath = (roundId: string, departmentId: string): string => `${followUpDepartmentPath(roundId, departmentId)}/import`;
export const confirmPath = (roundId: string, departmentId: string): string => `${importPath(roundId, departmentId)}/bekrafta`;
export const downloadPath = (roundId: string, departmentId: string, periodId: string): string =>
  `${followUpDepartmentPath(roundId, departmentId)}/rapporter.csv?period=${encodeURIComponent(periodId)}`;

const OUTCOME_TAGS: Record<ImportRowOutcome, TagView> = {
  created: tag('Ny rapport', 'green'),
  corrected: tag('Rättelse', 'blue'),
  unchanged: tag('Oförändrad', 'grey'),
  blank: tag('Tom rad', 'grey'),
  invalid: tag('Fel', 'red'),
};

const COLUMN_NAMES = new Map<string, string>(REPORT_CSV_COLUMNS.map((c) => [c.key, c.header]));

/** What the form holds: the chosen period. */
export interface ImportFormValues {
  period: string;
}

export interface ImportFailure {
  values: ImportFormValues;
  errors: FieldErrors;
  general: string[];
}

export interface ImportPageOptions {
  values?: ImportFormValues;
  failure?: ImportFailure;
  /** A dry run's result, with the file to import on confirmation (base64) and its name. */
  preview?: { result: ReportImportResult; periodId: string; content: string };
  /** After an import: what was written. */
  done?: { written: number; unchanged: number };
}

interface PeriodOption {
  value: string;
  text: string;
  selected: boolean;
}

export interface ImportPageModel extends PageModel {
  caption: string;
  heading: string;
  backHref: string;
  errorSummary: ErrorSummaryItem[];
  notice: string | null;
  downloads: Array<{ href: string; text: string }>;
  form: { action: string; periods: PeriodOption[]; periodError?: string; fileError?: string; maxKb: number } | null;
  closedMessage: string | null;
  preview: {
    summary: string;
    how: string;
    rows: Array<{ line: number; itemCode: string; tag: TagView; errors: string[] }>;
    confirm: { action: string; period: string; content: string; button: string } | null;
    invalid: boolean;
  } | null;
  columns: string;
}

/** The period a form starts with: the first not yet due, else the last. */
export function defaultPeriod(periods: ImportContext['periods'], today: LocalDate): string {
  return (periods.find((p) => p.dueOn >= today) ?? periods[periods.length - 1])?.id ?? '';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The import page: download links per period, the upload form, a dry run's rows by line number with the confirmation, or the result. */
export function buildImportPage(context: ImportContext, departmentId: string, today: LocalDate, options: ImportPageOptions = {}): ImportPageModel {
  const values = options.failure?.values ?? options.values ?? { period: defaultPeriod(context.periods, today) };
  const errors = options.failure?.errors ?? {};
  const errorSummary: ErrorSummaryItem[] = [
    ...(options.failure?.general ?? []).map((text) => ({ text, href: '#file' })),
    ...(['period', 'file'] as const).flatMap((f) => (errors[f] ? [{ text: errors[f]!, href: `#${f}` }] : [])),
  ];
  const preview = options.preview ? previewOf(options.preview, context.roundId, departmentId) : null;
  const mayUpload = context.open && context.mayImport && context.periods.length > 0;
  return {
    title: `Importera uppföljning – ${context.organisationName}`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    caption: `${context.roundTitle} – ${context.organisationName}`,
    heading: 'Importera uppföljningen från en CSV-fil',
    backHref: followUpDepartmentPath(context.roundId, departmentId),
    errorSummary,
    notice: options.done
      ? `${plural(options.done.written, 'rapport', 'rapporter')} importerades${options.done.unchanged > 0 ? `; ${plural(options.done.unchanged, 'rad var oförändrad', 'rader var oförändrade')} och sparades inte på nytt` : ''}.`
      : null,
    downloads: context.periods.map((p) => ({ href: downloadPath(context.roundId, departmentId, p.id), text: `Hämta CSV-filen för ${p.label} (sista rapportdag ${swedishDate(p.dueOn)})` })),
    form: mayUpload
      ? {
          action: importPath(context.roundId, departmentId),
          periods: context.periods.map((p) => ({ value: p.id, text: `${p.label} (sista rapportdag ${swedishDate(p.dueOn)})`, selected: p.id === values.period })),
          periodError: errors.period,
          fileError: errors.file,
          maxKb: PAGE_IMPORT_MAX_BYTES / 1024,
        }
      : null,
    closedMessage: mayUpload
      ? null
      : !context.open
        ? 'Planomgången är inte i uppföljning: rapporter kan inte importeras nu.'
        : !context.mayImport
          ? 'Bara förvaltningens samordnare importerar förvaltningens rapporter. Du kan hämta filerna.'
          : 'Planomgången har inga rapportperioder.',
    preview,
    columns: REPORT_CSV_COLUMNS.map((c) => c.header).join(', '),
  };
}

function previewOf(preview: NonNullable<ImportPageOptions['preview']>, roundId: string, departmentId: string): ImportPageModel['preview'] {
  const { result } = preview;
  const count = (o: ImportRowOutcome) => result.rows.filter((r) => r.status === o).length;
  const changes = count('created') + count('corrected');
  const invalid = count('invalid');
  const summary = !result.valid
    ? `${plural(invalid, 'rad har', 'rader har')} fel. Inget importeras förrän felen är rättade: rätta filen och ladda upp den igen.`
    : changes === 0
      ? 'Filen ändrar ingenting: varje rad är tom eller lika med den senaste rapporten.'
      : `Filen är granskad och kan importeras: ${plural(count('created'), 'ny rapport', 'nya rapporter')}, ${plural(count('corrected'), 'rättelse', 'rättelser')}, ${plural(count('unchanged'), 'oförändrad rad', 'oförändrade rader')}.`;
  return {
    summary,
    how: `Filen lästes som ${result.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'} med ${result.delimiter === ';' ? 'semikolon' : 'komma'} mellan fälten.`,
    invalid: !result.valid,
    rows: result.rows.map((r) => ({
      line: r.line,
      itemCode: r.itemCode || '–',
      tag: OUTCOME_TAGS[r.status],
      errors: r.errors.map((e) => `${COLUMN_NAMES.get(e.field) ?? e.field}: ${e.message}`),
    })),
    confirm:
      result.valid && changes > 0
        ? { action: confirmPath(roundId, departmentId), period: preview.periodId, content: preview.content, button: `Importera ${plural(changes, 'rapport', 'rapporter')}` }
        : null,
  };
}
