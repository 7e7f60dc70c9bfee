import { AnalysisFilter, countedStatusesText, mayReadNeedsOf, NeedsAnalysis, SUBMISSION_STATUS_LABELS, SubmissionStatus } from '@samverka/needs';
import { RoundBasics, RoundReaderScope } from '@samverka/rounds';
import { PageModel } from '../../shell/view-renderer';
import { HeatMapInput, renderHeatMap } from './heat-map';
import { ReferenceItem } from './needs-format';
import { roundPath } from '../../rounds/pages/round-format';

/** /planomgangar/:id/analys: the round's needs counted (behovsanalys). */
export const analysisPath = (roundId: string): string => `${roundPath(roundId)}/analys`;

/** The filter's fields: the page's query parameters (Swedish) and the API's (for the downloads), in the form's order. */
export const ANALYSIS_FILTER_FIELDS = [
  { key: 'areaCode', param: 'omrade', label: 'Utvecklingsområde' },
  { key: 'channel', param: 'kanal', label: 'Kanal' },
  { key: 'district', param: 'stadsomrade', label: 'Stadsområde' },
  { key: 'targetGroup', param: 'malgrupp', label: 'Målgrupp' },
  { key: 'departmentId', param: 'forvaltning', label: 'Förvaltning' },
] as const;

export type AnalysisFilterKey = (typeof ANALYSIS_FILTER_FIELDS)[number]['key'];

/** What each filter may be set to: code and name. */
export type AnalysisChoices = Record<AnalysisFilterKey, Array<{ value: string; text: string }>>;

/** Reference data for the filters and the matrices' order (retired items included: a need may carry one). */
export interface AnalysisReference {
  channels: ReferenceItem[];
  districts: ReferenceItem[];
  targetGroups: ReferenceItem[];
}

/** The filters' options: the round's areas, the reference data, and the participants the reader may see. */
export function analysisChoices(round: RoundBasics, scope: RoundReaderScope, reference: AnalysisReference): AnalysisChoices {
  const items = (list: ReferenceItem[]) => list.map((i) => ({ value: i.code, text: i.active ? i.name : `${i.name} (utgått)` }));
  return {
    areaCode: round.areas.map((a) => ({ value: a.code, text: a.name })),
    channel: items(reference.channels),
    district: items(reference.districts),
    targetGroup: items(reference.targetGroups),
    departmentId: round.participants.filter((p) => mayReadNeedsOf(scope, p)).map((p) => ({ value: p.departmentId, text: p.name })),
  };
}

/** The status filter's query parameter and its choices: by default needs handed in and approved; `alla` adds the drafts; or one status. */
export const ANALYSIS_STATUS_PARAM = 'status';
export const ANALYSIS_ALL_STATUSES = 'alla';
const SINGLE_STATUSES: readonly SubmissionStatus[] = ['submitted', 'endorsed', 'draft', 'returned'];

/** The filter from the query string: only values that are among the options count (anything else is no filter). */
export function readAnalysisFilter(query: Record<string, unknown>, choices: AnalysisChoices): AnalysisFilter {
  const filter: AnalysisFilter = {};
  for (const field of ANALYSIS_FILTER_FIELDS) {
    const value = query[field.param];
    if (typeof value === 'string' && choices[field.key].some((o) => o.value === value)) filter[field.key] = value;
  }
  const status = query[ANALYSIS_STATUS_PARAM];
  if (status === ANALYSIS_ALL_STATUSES) filter.includeDrafts = true;
  else if (typeof status === 'string' && (SINGLE_STATUSES as readonly string[]).includes(status)) filter.status = status;
  return filter;
}

/** The API's download of the needs with the same filter (the API names its parameters in English). */
export function downloadHref(roundId: string, format: 'csv' | 'xlsx', filter: AnalysisFilter): string {
  const params = new URLSearchParams();
  for (const field of ANALYSIS_FILTER_FIELDS) {
    const value = filter[field.key];
    if (value) params.set(field.key, value);
  }
  if (filter.status) params.set('status', filter.status);
  else if (filter.includeDrafts) params.set('includeDrafts', 'true');
  const query = params.toString();
  return `/api/v1/rounds/${roundId}/needs.${format}${query ? `?${query}` : ''}`;
}

interface FilterSelect {
  id: string;
  name: string;
  label: string;
  options: Array<{ value: string; text: string; selected: boolean }>;
}

export interface MatrixRow {
  name: string;
  cells: string[];
}

export interface MatrixView {
  id: string;
  heading: string;
  caption: string;
  /** The header above the row names ("Utvecklingsområde"). */
  rowHeader: string;
  columns: string[];
  rows: MatrixRow[];
  /** The same counts as a heat map: inline SVG, role="img". */
  chart: string;
  chartCaption: string;
}

export interface NeedsAnalysisPageModel extends PageModel {
  backHref: string;
  caption: string;
  heading: string;
  action: string;
  filters: FilterSelect[];
  filtered: boolean;
  /** The page without filters. */
  clearHref: string;
  /** Which statuses are counted: "Räknar behov med status inlämnad och godkänd." */
  counted: string;
  /** When drafts are counted: whose. */
  draftsNote: string | null;
  /** "3 behov från 2 förvaltningar, sammanlagt 1 200 ärenden per månad." */
  summary: string | null;
  /** When no need matches: the reason, and no matrices. */
  empty: string | null;
  matrices: MatrixView[];
  gaps: string[];
  downloads: { csv: string; xlsx: string } | null;
}

export interface NeedsAnalysisPageData {
  round: RoundBasics;
  analysis: NeedsAnalysis;
  filter: AnalysisFilter;
  choices: AnalysisChoices;
  reference: AnalysisReference;
}

/** What a matrix cell counts: needs, and their errands per month summed. */
export interface CountCell {
  count: number;
  monthlyVolume: number;
}

const number = (n: number): string => new Intl.NumberFormat('sv-SE').format(n);

/** A cell: "12 (3 400/mån)"; "0" where no need is counted. */
export const cellText = (cell: CountCell | undefined): string => (cell && cell.count > 0 ? `${number(cell.count)} (${number(cell.monthlyVolume)}/mån)` : '0');

interface Axis {
  key: string;
  name: string;
}

/** Needs that name no district (or no target group) have their own row (column), last. */
const NONE = '';

export interface Matrix {
  rows: Axis[];
  columns: Axis[];
  cells: Array<Array<CountCell | undefined>>;
}

/**
 * The cells as a grid: rows and columns in the given order, keeping those in
 * `always` even without cells (an area nobody named is worth seeing) and
 * adding, last, any key a cell names that the order does not know.
 */
export function toMatrix<T extends CountCell>(
  cells: T[],
  rowOf: (c: T) => Axis,
  columnOf: (c: T) => Axis,
  order: { rows: Axis[]; columns: Axis[]; alwaysRows?: boolean; alwaysColumns?: boolean },
): Matrix {
  const axis = (known: Axis[], always: boolean, of: (c: T) => Axis): Axis[] => {
    const present = new Map(cells.map((c) => [of(c).key, of(c)]));
    const ordered = known.filter((a) => always || present.has(a.key));
    const knownKeys = new Set(known.map((a) => a.key));
    return [...ordered, ...[...present.values()].filter((a) => !knownKeys.has(a.key))];
  };
  const rows = axis(order.rows, order.alwaysRows ?? false, rowOf);
  const columns = axis(order.columns, order.alwaysColumns ?? false, columnOf);
  const byKey = new Map(cells.map((c) => [`${rowOf(c).key}|${columnOf(c).key}`, c]));
  return { rows, columns, cells: rows.map((r) => columns.map((c) => byKey.get(`${r.key}|${c.key}`))) };
}

interface MatrixSpec {
  id: string;
  heading: string;
  caption: string;
  rowHeader: string;
  chartLabel: string;
}

async function matrixView(spec: MatrixSpec, matrix: Matrix): Promise<MatrixView> {
  const chart: HeatMapInput = {
    id: `${spec.id}-karta`,
    label: `${spec.chartLabel}. Mörkare ruta betyder fler behov. Siffrorna finns i tabellen ovanför.`,
    legendTitle: 'Antal behov',
    rows: matrix.rows.map((r) => r.name),
    columns: matrix.columns.map((c) => c.name),
    values: matrix.cells.map((row) => row.map((c) => c?.count ?? 0)),
  };
  return {
    id: spec.id,
    heading: spec.heading,
    caption: spec.caption,
    rowHeader: spec.rowHeader,
    columns: matrix.columns.map((c) => c.name),
    rows: matrix.rows.map((r, i) => ({ name: r.name, cells: matrix.cells[i].map(cellText) })),
    chart: await renderHeatMap(chart),
    chartCaption: `Värmekarta: ${spec.chartLabel.charAt(0).toLocaleLowerCase('sv-SE')}${spec.chartLabel.slice(1)}`,
  };
}

/** The three matrices, each as a table and a heat map of the counts. */
export async function buildMatrices(data: Pick<NeedsAnalysisPageData, 'round' | 'analysis' | 'filter' | 'reference'>): Promise<MatrixView[]> {
  const { round, analysis, filter, reference } = data;
  const areas = round.areas.filter((a) => !filter.areaCode || a.code === filter.areaCode).map((a) => ({ key: a.code, name: a.name }));
  const axes = (items: ReferenceItem[], none: string): Axis[] => [...items.map((i) => ({ key: i.code, name: i.name })), { key: NONE, name: none }];
  const departments = round.participants.map((p) => ({ key: p.departmentId, name: p.name }));

  return Promise.all([
    matrixView(
      {
        id: 'omrade-kanal',
        heading: 'Utvecklingsområde och kanal',
        caption: 'Antal behov per utvecklingsområde och kanal (ärenden per månad)',
        rowHeader: 'Utvecklingsområde',
        chartLabel: 'Antal behov per utvecklingsområde och kanal',
      },
      toMatrix(
        analysis.byAreaAndChannel,
        (c) => ({ key: c.areaCode, name: c.areaName }),
        (c) => ({ key: c.channel, name: c.channelName }),
        { rows: areas, columns: reference.channels.map((i) => ({ key: i.code, name: i.name })), alwaysRows: true },
      ),
    ),
    matrixView(
      {
        id: 'stadsomrade-malgrupp',
        heading: 'Stadsområde och målgrupp',
        caption: 'Antal behov per stadsområde och målgrupp (ärenden per månad)',
        rowHeader: 'Stadsområde',
        chartLabel: 'Antal behov per stadsområde och målgrupp',
      },
      toMatrix(
        analysis.byDistrictAndTargetGroup,
        (c) => ({ key: c.district ?? NONE, name: c.districtName ?? 'Inget stadsområde' }),
        (c) => ({ key: c.targetGroup ?? NONE, name: c.targetGroupName ?? 'Ingen målgrupp' }),
        { rows: axes(reference.districts, 'Inget stadsområde'), columns: axes(reference.targetGroups, 'Ingen målgrupp') },
      ),
    ),
    matrixView(
      {
        id: 'forvaltning-omrade',
        heading: 'Förvaltning och utvecklingsområde',
        caption: 'Antal behov per förvaltning och utvecklingsområde (ärenden per månad)',
        rowHeader: 'Förvaltning',
        chartLabel: 'Antal behov per förvaltning och utvecklingsområde',
      },
      toMatrix(
        analysis.byDepartmentAndArea,
        (c) => ({ key: c.departmentId, name: c.departmentName }),
        (c) => ({ key: c.areaCode, name: c.areaName }),
        { rows: departments, columns: areas, alwaysColumns: true },
      ),
    ),
  ]);
}

const plural = (n: number, one: string, many: string): string => `${number(n)} ${n === 1 ? one : many}`;

/**
 * Behovsanalys: the filter (a GET form showing what the query string says),
 * the round's needs counted in three matrices (tables, each with a heat map
 * of the same counts), the gaps, and the downloads with the same filter.
 */
export async function buildNeedsAnalysisPage(data: NeedsAnalysisPageData): Promise<NeedsAnalysisPageModel> {
  const { round, analysis, filter, choices } = data;
  const filtered = ANALYSIS_FILTER_FIELDS.some((f) => filter[f.key] !== undefined) || filter.status !== undefined || filter.includeDrafts === true;
  const filters: FilterSelect[] = ANALYSIS_FILTER_FIELDS.map((f) => ({
    id: `filter-${f.param}`,
    name: f.param,
    label: f.label,
    options: [{ value: '', text: 'Alla', selected: filter[f.key] === undefined }, ...choices[f.key].map((o) => ({ ...o, selected: filter[f.key] === o.value }))],
  }));
  filters.push({
    id: `filter-${ANALYSIS_STATUS_PARAM}`,
    name: ANALYSIS_STATUS_PARAM,
    label: 'Status',
    options: [
      { value: '', text: 'Inlämnade och godkända', selected: !filter.status && !filter.includeDrafts },
      { value: ANALYSIS_ALL_STATUSES, text: 'Alla, även utkast', selected: !filter.status && filter.includeDrafts === true },
      ...SINGLE_STATUSES.map((s) => ({ value: s, text: SUBMISSION_STATUS_LABELS[s], selected: filter.status === s })),
    ],
  });
  const countsDrafts = analysis.countedStatuses.some((s) => s === 'draft' || s === 'returned');
  const { needs, departments, monthlyVolume } = analysis.totals;
  const empty = needs === 0 ? (filtered ? 'Inga behov matchar filtret.' : 'Inga behov är inlämnade ännu.') : null;
  return {
    title: `Behovsanalys – ${round.title}`,
    section: 'rounds',
    backHref: roundPath(round.id),
    caption: round.title,
    heading: 'Behovsanalys',
    action: analysisPath(round.id),
    filters,
    filtered,
    clearHref: analysisPath(round.id),
    counted: countedStatusesText(analysis.countedStatuses),
    draftsNote: countsDrafts ? 'Behov som inte är inlämnade räknas bara för de förvaltningar som du själv företräder.' : null,
    summary: empty
      ? null
      : `${plural(needs, 'behov', 'behov')} från ${plural(departments, 'förvaltning', 'förvaltningar')}, sammanlagt ${plural(monthlyVolume, 'ärende', 'ärenden')} per månad.`,
    empty,
    matrices: empty ? [] : await buildMatrices(data),
    gaps: analysis.gaps.map((g) => g.description),
    downloads: empty ? null : { csv: downloadHref(round.id, 'csv', filter), xlsx: downloadHref(round.id, 'xlsx', filter) },
  };
}
