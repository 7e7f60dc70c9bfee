import type { ReportSource, ReportStatus } from './follow-up.model';

/** Swedish labels of the follow-up (uppföljning). */
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  not_started: 'Ej påbörjad',
  on_track: 'Enligt plan',
  at_risk: 'Risk för försening',
  delayed: 'Försenad',
  done: 'Klar',
  cancelled: 'Avbruten',
};

/** An item or organisation without a report for the period. */
export const NOT_REPORTED_LABEL = 'Ej rapporterad';

export const REPORT_SOURCE_LABELS: Record<ReportSource, string> = {
  api: 'Via API',
  form: 'I formuläret',
  csv: 'Import från CSV-fil',
};

export const REPORT_FIELD_LABELS = {
  periodId: 'Period',
  departmentId: 'Förvaltning',
  contactCentre: 'Kontaktcenter',
  status: 'Status',
  progress: 'Färdigt (%)',
  comment: 'Kommentar',
  cause: 'Orsak',
  needed: 'Vad som behövs',
  label: 'Benämning',
  dueOn: 'Sista rapportdag',
} as const;
