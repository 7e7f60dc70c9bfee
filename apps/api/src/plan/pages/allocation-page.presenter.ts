import type { Principal } from '@samverka/kernel';
import {
  CONTACT_CENTRE_KEY,
  DepartmentSummaryView,
  formatEffort,
  formatPeriod,
  mayMarkSummaryRead,
  mayReadDepartmentSummary,
  mayReadPlanDraft,
  MatrixView,
  PLAN_ITEM_STATUS_LABELS,
  PLAN_TEXT_LABELS,
  PlanDocument,
  PlanVersionSummary,
  RESPONSIBILITY_ROLE_LABELS,
  RESPONSIBILITY_ROLES,
  RoundHeading,
  VersionChoice,
} from '@samverka/plan';
import { formatSwedishDate, localDateInCity } from '@samverka/kernel';
import { roundPath } from '../../rounds/pages/round-format';
import { PageModel } from '../../shell/view-renderer';

/** /planomgangar/:id/ansvarsfordelning: the matrix. */
export const allocationPath = (roundId: string): string => `${roundPath(roundId)}/ansvarsfordelning`;
/** /planomgangar/:id/ansvarsfordelning/:departmentId: a department's summary. */
export const summaryPath = (roundId: string, departmentId: string): string => `${allocationPath(roundId)}/${departmentId}`;
/** Where a department's person marks its summary read (POST). */
export const summaryReadPath = (roundId: string, departmentId: string): string => `${summaryPath(roundId, departmentId)}/last`;
/** The department's questions and answers (the questions' pages). */
export const questionsPath = (roundId: string, departmentId: string): string => `${summaryPath(roundId, departmentId)}/fragor`;
/** A frozen version as a printable page. */
export const printablePath = (roundId: string, version: number): string => `${roundPath(roundId)}/plan/versioner/${version}/utskrift`;

const API = (roundId: string) => `/api/v1/rounds/${roundId}`;
export const versionDocumentHref = (roundId: string, version: number): string => `${API(roundId)}/plan/versions/${version}/document.docx`;
export const summaryDocumentHref = (roundId: string, departmentId: string, version: number | null): string =>
  `${API(roundId)}/responsibilities/${departmentId}/document.docx?version=${version ?? 'draft'}`;

/** The page's query parameters: `version` (a number, or `utkast`), `omrade`, `organisation`. */
export const DRAFT_PARAM = 'utkast';

/** The version a page's query asks for: a listed version, the draft for its readers, else the default (undefined). */
export function readVersionParam(value: unknown, versions: readonly PlanVersionSummary[], p: Principal): VersionChoice {
  if (value === DRAFT_PARAM && mayReadPlanDraft(p)) return 'draft';
  if (typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value) && versions.some((v) => v.version === Number(value))) return Number(value);
  return undefined;
}

export interface Option {
  value: string;
  text: string;
  selected: boolean;
}

export interface SelectView {
  id: string;
  name: string;
  label: string;
  options: Option[];
}

/** "Version 2, fastställd 4 maj 2026" or "Utkast (inte fastställt)". */
export function versionText(version: number | null, frozenAt: string | null): string {
  if (version === null) return 'Utkast (inte fastställt)';
  return `Version ${version}${frozenAt ? `, fastställd ${formatSwedishDate(localDateInCity(new Date(frozenAt)))}` : ''}`;
}

function versionSelect(versions: readonly PlanVersionSummary[], p: Principal, current: number | null): SelectView {
  const options: Option[] = [...versions].reverse().map((v) => ({ value: String(v.version), text: versionText(v.version, v.frozenAt), selected: current === v.version }));
  if (mayReadPlanDraft(p)) options.push({ value: DRAFT_PARAM, text: 'Utkast (inte fastställt)', selected: current === null });
  return { id: 'version', name: 'version', label: 'Version', options };
}

const round = (r: RoundHeading) => ({ caption: r.title, caseNumber: r.caseNumber });

/** The legend of the RACI letters, written once from the vocabulary. */
export const ROLE_LEGEND = RESPONSIBILITY_ROLES.map((r) => RESPONSIBILITY_ROLE_LABELS[r]).join(', ');

const hours = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

export interface MatrixPageModel extends PageModel {
  backHref: string;
  caption: string;
  caseNumber: string;
  heading: string;
  versionText: string;
  action: string;
  filters: SelectView[];
  filtered: boolean;
  clearHref: string;
  legend: string;
  columns: Array<{ name: string; href: string | null }>;
  rows: Array<{ code: string; title: string; areaName: string; cells: Array<{ letter: string; label: string }> }>;
  totals: string[];
  empty: string | null;
  downloads: { csv: string; xlsx: string };
  documents: { docx: string; printable: string } | null;
}

/** The matrix page: the filter form (GET), the table with the totals, the downloads and the departments' summaries. */
export function buildMatrixPage(m: MatrixView, versions: readonly PlanVersionSummary[], p: Principal): MatrixPageModel {
  const areaSelect: SelectView = {
    id: 'omrade',
    name: 'omrade',
    label: 'Utvecklingsområde',
    options: [{ value: '', text: 'Alla områden', selected: m.filter.areaCode === null }, ...m.areas.map((a) => ({ value: a.code, text: a.name, selected: m.filter.areaCode === a.code }))],
  };
  const organisationSelect: SelectView = {
    id: 'organisation',
    name: 'organisation',
    label: 'Organisation',
    options: [
      { value: '', text: 'Alla organisationer', selected: m.filter.organisation === null },
      { value: CONTACT_CENTRE_KEY, text: 'Kontaktcenter', selected: m.filter.organisation === CONTACT_CENTRE_KEY },
      ...m.participants.map((d) => ({ value: d.departmentId, text: d.name, selected: m.filter.organisation === d.departmentId })),
    ],
  };
  const query = new URLSearchParams();
  query.set('version', m.version === null ? 'draft' : String(m.version));
  if (m.filter.areaCode) query.set('areaCode', m.filter.areaCode);
  if (m.filter.organisation) query.set('organisation', m.filter.organisation);
  const versionParam = m.version === null ? `?version=${DRAFT_PARAM}` : `?version=${m.version}`;
  return {
    title: `Ansvarsfördelning – ${m.round.title}`,
    section: 'rounds',
    backHref: roundPath(m.round.id),
    ...round(m.round),
    heading: 'Ansvarsfördelning',
    versionText: versionText(m.version, m.frozenAt),
    action: allocationPath(m.round.id),
    filters: [versionSelect(versions, p, m.version), areaSelect, organisationSelect],
    filtered: m.filter.areaCode !== null || m.filter.organisation !== null,
    clearHref: `${allocationPath(m.round.id)}${versionParam}`,
    legend: ROLE_LEGEND,
    columns: m.organisations.map((o) => ({
      name: o.name,
      href: o.departmentId && mayReadDepartmentSummary(p, o.departmentId) ? `${summaryPath(m.round.id, o.departmentId)}${versionParam}` : null,
    })),
    rows: m.rows.map((r) => ({
      code: r.code,
      title: r.title,
      areaName: r.areaName,
      cells: r.cells.map((c) => ({ letter: c.letter ?? '', label: c.role ? RESPONSIBILITY_ROLE_LABELS[c.role] : 'Ingen roll' })),
    })),
    totals: m.organisations.map((o) => hours.format(o.totalEffortHours)),
    empty: m.rows.length === 0 ? (m.filter.areaCode || m.filter.organisation ? 'Inga insatser matchar urvalet.' : 'Planen har inga insatser ännu.') : null,
    downloads: { csv: `${API(m.round.id)}/responsibilities.csv?${query}`, xlsx: `${API(m.round.id)}/responsibilities.xlsx?${query}` },
    documents: m.version === null ? null : { docx: versionDocumentHref(m.round.id, m.version), printable: printablePath(m.round.id, m.version) },
  };
}

export interface SummaryPageModel extends PageModel {
  backHref: string;
  caption: string;
  caseNumber: string;
  heading: string;
  versionText: string;
  notice: string | null;
  action: string;
  filters: SelectView[];
  total: string;
  noItems: string | null;
  items: Array<{
    id: string;
    code: string;
    title: string;
    areaName: string;
    period: string;
    status: string;
    departmentName: string;
    rows: Array<{ label: string; own: string; centre: string }>;
  }>;
  docxHref: string;
  questionsHref: string;
  markRead: { action: string; version: number; error: string | null } | null;
  readText: string | null;
}

/** The department's summary page: its items beside the contact centre's part, its total, the document, "Markera som läst". */
export function buildSummaryPage(s: DepartmentSummaryView, versions: readonly PlanVersionSummary[], p: Principal, state: { notice?: string; error?: string } = {}): SummaryPageModel {
  const own = mayMarkSummaryRead(p, s.department.id);
  return {
    title: `Ansvarsfördelning för ${s.department.name} – ${s.round.title}`,
    section: 'rounds',
    hasErrors: state.error !== undefined,
    backHref: allocationPath(s.round.id),
    ...round(s.round),
    heading: `Ansvarsfördelning för ${s.department.name}`,
    versionText: versionText(s.version, s.frozenAt),
    notice: state.notice ?? null,
    action: summaryPath(s.round.id, s.department.id),
    filters: [versionSelect(versions, p, s.version)],
    total: formatEffort(s.totalEffortHours),
    noItems: s.items.length === 0 ? 'Inga insatser för er förvaltning i den här versionen.' : null,
    items: s.items.map((i) => ({
      id: `insats-${i.code.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      code: i.code,
      title: i.title,
      areaName: i.areaName,
      period: formatPeriod(i.startsOn, i.endsOn) ?? 'Inte angiven',
      status: i.statusLabel,
      departmentName: s.department.name,
      rows: [
        { label: 'Roll', own: i.roleLabel, centre: i.contactCentre?.roleLabel ?? 'Ingen roll' },
        { label: 'Förväntningar', own: i.expectations, centre: i.contactCentre?.expectations ?? '–' },
        { label: 'Uppskattad insats', own: formatEffort(i.effortHours), centre: i.contactCentre ? formatEffort(i.contactCentre.effortHours) : '–' },
      ],
    })),
    docxHref: summaryDocumentHref(s.round.id, s.department.id, s.version),
    questionsHref: questionsPath(s.round.id, s.department.id),
    markRead: own && s.version !== null && s.readAt === null ? { action: summaryReadPath(s.round.id, s.department.id), version: s.version, error: state.error ?? null } : null,
    readText: s.readAt ? `Du markerade sammanställningen som läst ${formatSwedishDate(localDateInCity(new Date(s.readAt)))}.` : null,
  };
}

export interface PrintablePageModel extends PageModel {
  backHref: string;
  caption: string;
  heading: string;
  caseNumber: string;
  versionText: string;
  docxHref: string;
  texts: Array<{ heading: string; paragraphs: string[] }>;
  areas: Array<{
    name: string;
    paragraphs: string[];
    items: Array<{ heading: string; paragraphs: string[]; facts: Array<{ label: string; value: string }>; responsibilities: Array<{ organisation: string; role: string; expectations: string; effort: string }> }>;
  }>;
}

const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);

/** A frozen version as a printable page: the same parts as its Word document. */
export function buildPrintablePage(r: RoundHeading, doc: PlanDocument): PrintablePageModel {
  const version = doc.version ?? 0;
  return {
    title: `Utvecklingsplan, version ${version} – ${r.title}`,
    section: 'rounds',
    backHref: allocationPath(r.id) + `?version=${version}`,
    caption: r.title,
    heading: `Utvecklingsplan, version ${version}`,
    caseNumber: r.caseNumber,
    versionText: versionText(doc.version, doc.frozenAt),
    docxHref: versionDocumentHref(r.id, version),
    texts: (['introduction', 'contactCentreMandate', 'departmentResponsibility'] as const).map((key) => ({
      heading: PLAN_TEXT_LABELS[key],
      paragraphs: lines(doc.texts[key]).length > 0 ? lines(doc.texts[key]) : ['Ingen text.'],
    })),
    areas: doc.areas.map((a) => ({
      name: a.name,
      paragraphs: a.items.length === 0 ? [...lines(a.introduction), 'Inga insatser inom området.'] : lines(a.introduction),
      items: a.items.map((i) => ({
        heading: `${i.code} ${i.title}`,
        paragraphs: lines(i.description),
        facts: [
          ...(i.expectedEffect ? [{ label: 'Förväntad effekt', value: i.expectedEffect }] : []),
          ...(i.indicator ? [{ label: 'Indikator', value: i.indicator }] : []),
          { label: 'Tid', value: formatPeriod(i.startsOn, i.endsOn) ?? 'Inte angiven' },
          { label: 'Status', value: PLAN_ITEM_STATUS_LABELS[i.status] },
          ...(i.needs.length > 0 ? [{ label: 'Svarar mot behov', value: i.needs.map((n) => `${n.title} (${n.departmentName})`).join('; ') }] : []),
        ],
        responsibilities: i.responsibilities.map((x) => ({ organisation: x.organisation.name, role: RESPONSIBILITY_ROLE_LABELS[x.role], expectations: x.expectations, effort: formatEffort(x.effortHours) })),
      })),
    })),
  };
}
