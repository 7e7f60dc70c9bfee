import {
  FollowUpView,
  FollowUpViewItem,
  maySetPeriods,
  NOT_REPORTED_LABEL,
  OrganisationFollowUp,
  REPORT_STATUS_LABELS,
  ReportingOrganisation,
  reportingOrganisationKey,
  ReportStatus,
  RollUp,
  rollUpOf,
} from '@samverka/follow-up';
import type { Principal } from '@samverka/kernel';
import { swedishDate, tag, TagView } from '../../shell/format';
import type { PageModel } from '../../shell/view-renderer';
import { CHART_KEYS, CHART_LABELS, statusOverPeriodsSvg } from './follow-up-chart';

export const followUpPath = (roundId: string): string => `/planomgangar/${roundId}/uppfoljning`;
export const followUpDepartmentPath = (roundId: string, departmentId: string): string => `${followUpPath(roundId)}/forvaltningar/${departmentId}`;
export const followUpItemPath = (roundId: string, itemId: string): string => `${followUpPath(roundId)}/insatser/${itemId}`;
export const followUpPeriodsPath = (roundId: string): string => `${followUpPath(roundId)}/perioder`;

const STATUS_COLOURS: Record<ReportStatus, Parameters<typeof tag>[1]> = {
  not_started: 'grey',
  on_track: 'blue',
  at_risk: 'orange',
  delayed: 'red',
  done: 'green',
  cancelled: 'purple',
};

/** A status as a tag; not reported: a plain grey "Ej rapporterad". */
export const statusTag = (status: ReportStatus | null): TagView => (status === null ? tag(NOT_REPORTED_LABEL, 'yellow') : tag(REPORT_STATUS_LABELS[status], STATUS_COLOURS[status]));

/** 71.4 → "71,4". */
export const decimal = (n: number): string => String(n).replace('.', ',');
const hours = (n: number): string => `${decimal(n)} h`;

export interface RollUpView {
  id: string;
  name: string;
  /** For the progress bar (0–100, whole percent); null when nothing with an estimate is reported. */
  value: number | null;
  hasValue: boolean;
  figure: string;
  coverage: string;
  counts: string;
}

/** A roll-up in words: "34 % klart", "räknat på 500 h av 700 h uppskattad tid (71,4 %)", "4 av 5 insatser rapporterade". */
export function rollUpView(id: string, name: string, r: RollUp): RollUpView {
  const items = r.reported + r.notReported;
  return {
    id,
    name,
    value: r.weightedProgress === null ? null : Math.round(r.weightedProgress),
    hasValue: r.weightedProgress !== null,
    figure: r.weightedProgress === null ? `${NOT_REPORTED_LABEL}: ingen rapporterad insats med uppskattad tid` : `${decimal(r.weightedProgress)} % klart`,
    coverage:
      r.totalEffortHours > 0
        ? `Viktat efter uppskattad tid: räknat på ${hours(r.coveredEffortHours)} av ${hours(r.totalEffortHours)} (${decimal(r.effortCoverage ?? 0)} %)`
        : 'Ingen insats har uppskattad tid',
    counts: `${r.reported} av ${items} ${items === 1 ? 'insats' : 'insatser'} rapporterade${r.notReported > 0 ? `, ${r.notReported} ${NOT_REPORTED_LABEL.toLowerCase()}` : ''}`,
  };
}

const organisationHref = (roundId: string, o: ReportingOrganisation): string | null => (o.kind === 'department' ? followUpDepartmentPath(roundId, o.departmentId) : null);

export interface ItemRow {
  code: string;
  title: string;
  href: string;
  area: string;
  effort: string;
  status: TagView;
  progress: string;
  organisations: Array<{ name: string; status: TagView; progress: string }>;
}

/** An item as a table row: the item's own status and progress, or, for one organisation (`only`), that organisation's. */
function itemRow(view: FollowUpView, i: FollowUpViewItem, only?: string): ItemRow {
  const area = view.areas.find((a) => a.code === i.areaCode)?.name ?? i.areaCode;
  const organisations = i.organisations.filter((o) => only === undefined || reportingOrganisationKey(o.organisation) === only);
  const status = only === undefined ? i.status : (organisations[0]?.status ?? null);
  const progress = only === undefined ? i.progress : (organisations[0]?.progress ?? null);
  return {
    code: i.code,
    title: i.title,
    href: followUpItemPath(view.plan.roundId, i.itemId),
    area,
    effort: i.effortHours === null ? 'Ej uppskattad' : hours(i.effortHours),
    status: statusTag(status),
    progress: progress === null ? '–' : `${decimal(progress)} %`,
    organisations: organisations.map((o) => ({ name: o.name, status: statusTag(o.status), progress: o.progress === null ? '–' : `${o.progress} %` })),
  };
}

export interface OverdueRow {
  name: string;
  href: string | null;
  item: string;
  itemHref: string;
  period: string;
  dueOn: string;
  late: string;
}

const lateText = (days: number): string => (days === 1 ? '1 arbetsdag' : `${days} arbetsdagar`);

export interface PeriodFormView {
  action: string;
  options: Array<{ value: string; text: string; selected: boolean }>;
}

function periodForm(action: string, view: FollowUpView): PeriodFormView | null {
  if (view.periods.length === 0) return null;
  return {
    action,
    options: view.periods.map((p) => ({ value: p.id, text: `${p.label} (sista rapportdag ${swedishDate(p.dueOn)})`, selected: p.id === view.plan.period?.id })),
  };
}

function periodText(view: FollowUpView): string {
  const p = view.plan.period;
  if (!p) return 'Planomgången har inga rapportperioder ännu.';
  return `Siffrorna gäller perioden ${p.label}, med sista rapportdag ${swedishDate(p.dueOn)}${p.due ? '' : ' (inte passerad än)'}. Varje organisations senaste rapport för perioden räknas.`;
}

export interface ChartView {
  svg: string;
  caption: string;
  columns: string[];
  rows: Array<{ label: string; cells: number[] }>;
}

function chart(view: FollowUpView, label: string): ChartView | null {
  if (view.statusOverPeriods.length === 0) return null;
  return {
    svg: statusOverPeriodsSvg(view.statusOverPeriods, label),
    caption: label,
    columns: CHART_KEYS.map((k) => CHART_LABELS[k]),
    rows: view.statusOverPeriods.map((p) => ({ label: p.label, cells: CHART_KEYS.map((k) => p.counts[k]) })),
  };
}

export interface FollowUpPageModel extends PageModel {
  backHref: string;
  caption: string;
  heading: string;
  periodText: string;
  periodForm: PeriodFormView | null;
  periodsHref: string | null;
  plan: RollUpView;
  areas: RollUpView[];
  items: ItemRow[];
  chart: ChartView | null;
  overdue: OverdueRow[];
  departments: Array<{ name: string; href: string | null; obligations: number; reported: number; missing: number; overdue: number; progress: string }>;
}

const overdueRows = (view: FollowUpView, only?: string): OverdueRow[] =>
  view.overdue
    .filter((o) => only === undefined || reportingOrganisationKey(o.organisation) === only)
    .map((o) => ({
      name: o.name,
      href: organisationHref(view.plan.roundId, o.organisation),
      item: `${o.itemCode} ${o.itemTitle}`,
      itemHref: followUpItemPath(view.plan.roundId, o.itemId),
      period: o.periodLabel,
      dueOn: swedishDate(o.dueOn),
      late: lateText(o.workingDaysLate),
    }));

/** The round's follow-up page: the whole plan and each area as progress bars, the items, the chart, what is overdue, the departments. */
export function buildFollowUpPage(view: FollowUpView, principal: Principal): FollowUpPageModel {
  const roundId = view.plan.roundId;
  return {
    title: `Uppföljning – ${view.plan.title}`,
    section: 'rounds',
    backHref: `/planomgangar/${roundId}`,
    caption: view.plan.title,
    heading: 'Uppföljning',
    periodText: periodText(view),
    periodForm: periodForm(followUpPath(roundId), view),
    periodsHref: maySetPeriods(principal) ? followUpPeriodsPath(roundId) : null,
    plan: rollUpView('hela-planen', 'Hela planen', view.plan.rollUp),
    areas: view.areas.map((a, i) => rollUpView(`omrade-${i + 1}`, a.name, a.rollUp)),
    items: view.items.map((i) => itemRow(view, i)),
    chart: chart(view, 'Status per rapportperiod: varje organisations senaste rapport per insats'),
    overdue: overdueRows(view),
    departments: view.departments.map((d: OrganisationFollowUp) => ({
      name: d.name,
      href: organisationHref(roundId, d.organisation),
      obligations: d.obligations,
      reported: d.reported,
      missing: d.missing,
      overdue: d.overdue,
      progress: d.rollUp.weightedProgress === null ? NOT_REPORTED_LABEL : `${decimal(d.rollUp.weightedProgress)} %`,
    })),
  };
}

export interface FollowUpDepartmentPageModel extends PageModel {
  backHref: string;
  caption: string;
  heading: string;
  periodText: string;
  periodForm: PeriodFormView | null;
  rollUp: RollUpView;
  summary: string;
  items: ItemRow[];
  overdue: OverdueRow[];
}

/** One department's follow-up: its items with its own latest reports, its roll-up, and what it owes. */
export function buildFollowUpDepartmentPage(view: FollowUpView, departmentId: string, departmentName: string): FollowUpDepartmentPageModel {
  const roundId = view.plan.roundId;
  const own = view.departments.find((d) => d.organisation.kind === 'department' && d.organisation.departmentId === departmentId);
  const items = view.items.filter((i) => i.organisations.some((o) => reportingOrganisationKey(o.organisation) === departmentId));
  return {
    title: `Uppföljning – ${departmentName}`,
    section: 'rounds',
    backHref: followUpPath(roundId),
    caption: `${view.plan.title} – ${departmentName}`,
    heading: `Uppföljning för ${departmentName}`,
    periodText: periodText(view),
    periodForm: periodForm(followUpDepartmentPath(roundId, departmentId), view),
    rollUp: rollUpView('forvaltningen', departmentName, own?.rollUp ?? rollUpOf(null)),
    summary: own
      ? `Förvaltningen rapporterar på ${own.obligations} ${own.obligations === 1 ? 'insats' : 'insatser'}: ${own.reported} rapporterade och ${own.missing} saknas för perioden. ${own.overdue} ${own.overdue === 1 ? 'rapport är' : 'rapporter är'} försenade.`
      : 'Förvaltningen rapporterar inte på någon insats i planen.',
    items: items.map((i) => itemRow(view, i, departmentId)),
    overdue: overdueRows(view, departmentId),
  };
}
