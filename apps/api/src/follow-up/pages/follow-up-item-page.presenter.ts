import {
  FollowUpItemHistory,
  mayReportFor,
  REPORT_FIELD_LABELS,
  REPORT_SOURCE_LABELS,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  ReportingOrganisation,
  reportingOrganisationKey,
  ReportingPeriod,
  STATUSES_NEEDING_CAUSE,
} from '@samverka/follow-up';
import type { Principal } from '@samverka/kernel';
import { FormFailure } from '../../shell/form-body';
import { ErrorSummaryItem, swedishDate, swedishDateTime, TagView } from '../../shell/format';
import type { PageModel } from '../../shell/view-renderer';
import { CONTACT_CENTRE_VALUE, PERIOD_FORM_ROWS, PeriodsFormValues, ReportFormValues } from './follow-up-forms';
import { decimal, followUpItemPath, followUpPath, followUpPeriodsPath, statusTag } from './follow-up-page.presenter';

export const FOLLOW_UP_NOTICE_PARAM = { reported: 'rapporterat', periods: 'perioder' } as const;
export type FollowUpNotice = keyof typeof FOLLOW_UP_NOTICE_PARAM;
export function readFollowUpNotice(query: Record<string, unknown>, notice: FollowUpNotice): FollowUpNotice | undefined {
  return query.klart === FOLLOW_UP_NOTICE_PARAM[notice] ? notice : undefined;
}

const organisationValue = (o: ReportingOrganisation): string => (o.kind === 'department' ? o.departmentId : CONTACT_CENTRE_VALUE);
const STATUS_LIST = STATUSES_NEEDING_CAUSE.map((s) => REPORT_STATUS_LABELS[s].toLowerCase()).join(' eller ');

/** The period a report is most likely for: the earliest not yet due, else the last one. */
export function defaultReportPeriod(periods: ReadonlyArray<ReportingPeriod & { due: boolean }>): string {
  return (periods.find((p) => !p.due) ?? periods[periods.length - 1])?.id ?? '';
}

export interface ReportFormView {
  action: string;
  periods: Array<{ value: string; text: string; selected: boolean }>;
  /** One organisation: posted hidden, named in the text; several: radios. */
  organisationHidden: { value: string; name: string } | null;
  organisations: Array<{ id: string; value: string; text: string; checked: boolean }>;
  statuses: Array<{ id: string; value: string; text: string; checked: boolean }>;
  values: ReportFormValues;
  errors: Partial<Record<keyof ReportFormValues, string>>;
  causeHint: string;
}

export interface HistoryRow {
  period: string;
  organisation: string;
  revision: string;
  status: TagView;
  progress: string;
  comment: string;
  cause: string | null;
  needed: string | null;
  sent: string;
}

export interface FollowUpItemPageModel extends PageModel {
  backHref: string;
  caption: string;
  heading: string;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  facts: Array<{ key: string; value: string }>;
  form: ReportFormView | null;
  noReportReason: string | null;
  history: HistoryRow[];
}

/** One item's follow-up page: who reports, every revision sent, and the form for those who may report. */
export function buildFollowUpItemPage(data: FollowUpItemHistory, principal: Principal, state: { notice?: FollowUpNotice; failure?: FormFailure<ReportFormValues> } = {}): FollowUpItemPageModel {
  const { item } = data;
  const periodLabel = new Map(data.periods.map((p) => [p.id, p.label]));
  const organisationName = new Map(data.reporters.map((r) => [reportingOrganisationKey(r.organisation), r.name]));
  const mine = data.reporters.filter((r) => mayReportFor(principal, r.organisation));
  const open = data.state === 'followUp' && data.periods.length > 0;
  const failure = state.failure;
  const values: ReportFormValues = failure?.values ?? {
    periodId: defaultReportPeriod(data.periods),
    organisation: mine.length === 1 ? organisationValue(mine[0].organisation) : '',
    status: '',
    progress: '',
    comment: '',
    cause: '',
    needed: '',
  };
  const errors = (failure?.errors ?? {}) as ReportFormView['errors'];
  const form: ReportFormView | null =
    open && mine.length > 0
      ? {
          action: followUpItemPath(data.roundId, item.itemId),
          periods: data.periods.map((p) => ({ value: p.id, text: `${p.label} (sista rapportdag ${swedishDate(p.dueOn)})`, selected: p.id === values.periodId })),
          organisationHidden: mine.length === 1 ? { value: organisationValue(mine[0].organisation), name: mine[0].name } : null,
          organisations:
            mine.length > 1 ? mine.map((r, i) => ({ id: i === 0 ? 'organisation' : `organisation-${i}`, value: organisationValue(r.organisation), text: r.name, checked: values.organisation === organisationValue(r.organisation) })) : [],
          statuses: REPORT_STATUSES.map((s, i) => ({ id: i === 0 ? 'status' : `status-${s}`, value: s, text: REPORT_STATUS_LABELS[s], checked: values.status === s })),
          values,
          errors,
          causeHint: `Krävs när statusen är ${STATUS_LIST}.`,
        }
      : null;
  const fieldOrder: Array<keyof ReportFormValues> = ['periodId', 'organisation', 'status', 'progress', 'comment', 'cause', 'needed'];
  const errorSummary: ErrorSummaryItem[] = failure
    ? [
        ...fieldOrder.flatMap((f) => (failure.errors[f] ? [{ text: failure.errors[f]!, href: `#${f === 'organisation' && mine.length === 1 ? 'rapportera' : f}` }] : [])),
        ...failure.general.map((text) => ({ text, href: '#rapportera' })),
      ]
    : [];
  return {
    title: `${item.code} ${item.title} – uppföljning`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    backHref: followUpPath(data.roundId),
    caption: `${data.roundTitle} – uppföljning`,
    heading: `${item.code} ${item.title}`,
    notice: errorSummary.length === 0 && state.notice === 'reported' ? 'Rapporten är sparad. Den syns överst i historiken.' : null,
    errorSummary,
    facts: [
      { key: 'Utvecklingsområde', value: item.areaName },
      { key: 'Uppskattad tid', value: item.effortHours === null ? 'Ej uppskattad' : `${decimal(item.effortHours)} timmar per år` },
      { key: 'Rapporterar', value: data.reporters.map((r) => r.name).join(', ') || 'Ingen' },
    ],
    form,
    noReportReason: form ? null : !open ? 'Rapporter lämnas medan planomgången är i uppföljning och har rapportperioder.' : null,
    history: data.reports.map((r) => ({
      period: periodLabel.get(r.periodId) ?? '',
      organisation: organisationName.get(reportingOrganisationKey(r.organisation)) ?? '',
      revision: r.revision === 1 ? 'Första rapporten' : `Rättelse ${r.revision - 1}`,
      status: statusTag(r.status),
      progress: `${r.progress} %`,
      comment: r.comment,
      cause: r.cause,
      needed: r.needed,
      sent: `${r.reportedBy ?? 'Okänd'}, ${swedishDateTime(new Date(r.reportedAt))} (${REPORT_SOURCE_LABELS[r.source].toLowerCase()})`,
    })),
  };
}

// ---- the periods page (strategists) ----

export interface PeriodsPageModel extends PageModel {
  backHref: string;
  caption: string;
  heading: string;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  action: string;
  rows: Array<{ index: number; legend: string; id: string; label: string; dueOn: string; labelError: string | null; dueOnError: string | null }>;
  labelHint: string;
}

/** The periods form: the periods in order and two blank rows for new ones; a period emptied is removed. */
export function buildPeriodsPage(
  round: { id: string; title: string },
  periods: ReadonlyArray<ReportingPeriod>,
  state: { notice?: FollowUpNotice; failure?: FormFailure<PeriodsFormValues> } = {},
): PeriodsPageModel {
  const failure = state.failure;
  const base = failure ? failure.values.rows : periods.map((p) => ({ id: p.id, label: p.label, dueOn: p.dueOn }));
  const rows = [...base, { id: '', label: '', dueOn: '' }, { id: '', label: '', dueOn: '' }].slice(0, PERIOD_FORM_ROWS);
  const errors = failure?.errors ?? {};
  const errorSummary: ErrorSummaryItem[] = failure
    ? [
        ...rows.flatMap((_, i) => [`label-${i}`, `dueOn-${i}`].flatMap((f) => (errors[f] ? [{ text: `Period ${i + 1}: ${errors[f]!}`, href: `#${f}` }] : []))),
        ...failure.general.map((text) => ({ text, href: '#label-0' })),
      ]
    : [];
  return {
    title: `Rapportperioder – ${round.title}`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    backHref: followUpPath(round.id),
    caption: `${round.title} – uppföljning`,
    heading: 'Rapportperioder',
    notice: errorSummary.length === 0 && state.notice === 'periods' ? 'Rapportperioderna är sparade.' : null,
    errorSummary,
    action: followUpPeriodsPath(round.id),
    rows: rows.map((r, i) => ({
      index: i,
      legend: r.id ? `Period ${i + 1}` : `Ny period ${i + 1}`,
      id: r.id,
      label: r.label,
      dueOn: r.dueOn,
      labelError: errors[`label-${i}`] ?? null,
      dueOnError: errors[`dueOn-${i}`] ?? null,
    })),
    labelHint: `${REPORT_FIELD_LABELS.label}, t.ex. "2026 T2", högst 60 tecken.`,
  };
}
