import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { Clock, CSV_CONTENT_TYPE, toCsv as csvOf } from '@samverka/kernel';
import { PlanRoundQueryService, RoundBasics, RoundReaderScope } from '@samverka/rounds';
import type { Workbook as ExcelWorkbook } from 'exceljs';
import { NeedPriority } from '../entities/need.entity';
import { SubmissionStatus } from '../entities/needs-submission.entity';
import { ReferenceKind } from '../entities/reference-item.entity';
import { AnalysisRepository, CountCell, ReferenceLabel } from '../repositories/analysis.repository';
import { NeedFilter, NeedRepository, NeedRow } from '../repositories/need.repository';
import { draftReadableDepartments, visibleDepartments } from '../access/needs-access.policy';
import { SubmissionRepository } from '../repositories/submission.repository';
import { PlanCoverageFact, PlanCoverageFacts } from '../facts/plan-coverage-facts';
import { EVIDENCE_KIND_LABELS, NEED_PRIORITY_LABELS, SUBMISSION_STATUS_LABELS } from '../needs.vocabulary';

/**
 * How each service channel (a `reference_item` of kind channel) is reached, for the
 * `highVolumeWithoutPhysicalPresence` gap: physical channels mean a person can walk in somewhere
 * (or is met where they are); remote ones do not. A channel an admin adds later is in neither list
 * until it is classified here: it then adds no volume and counts as no presence.
 */
export const PHYSICAL_CHANNELS: readonly string[] = ['contact_centre_visit', 'library', 'other_reception', 'outreach'];
export const REMOTE_CHANNELS: readonly string[] = ['telephone', 'email', 'web', 'social_media', 'letter'];

/** Errands per month at which a district reached only through remote channels is reported as a gap. */
export const DEFAULT_HIGH_VOLUME_THRESHOLD = 500;

export type AnalysisFilter = Omit<NeedFilter, 'departmentIds' | 'draftsOf' | 'statuses'> & {
  /** Count the needs not yet handed in (drafts, and those sent back) too: the reader's own departments' (others' drafts stay theirs). */
  includeDrafts?: boolean;
};

/** What the analysis and the exports count unless told otherwise: needs handed in, and approved. */
export const COUNTED_BY_DEFAULT: readonly SubmissionStatus[] = ['submitted', 'endorsed'];
/** What they count with the drafts included: every status that has needs. */
export const COUNTED_WITH_DRAFTS: readonly SubmissionStatus[] = ['submitted', 'endorsed', 'draft', 'returned'];

/** The submission statuses a filter counts: the one status it names, else handed in and approved (and, if asked, the drafts). */
export function countedStatuses(filter: AnalysisFilter): SubmissionStatus[] {
  if (filter.status) return [filter.status as SubmissionStatus];
  return [...(filter.includeDrafts ? COUNTED_WITH_DRAFTS : COUNTED_BY_DEFAULT)];
}

/** Which statuses are counted, in words for the page and the exports: "Räknar behov med status inlämnad och godkänd." */
export function countedStatusesText(statuses: readonly SubmissionStatus[]): string {
  const words = statuses.map((s) => SUBMISSION_STATUS_LABELS[s].toLocaleLowerCase('sv-SE'));
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} och ${words[words.length - 1]}` : words[0];
  return `Räknar behov med status ${list}.`;
}

export interface AnalysisOptions {
  /** Errands per month; default DEFAULT_HIGH_VOLUME_THRESHOLD. */
  highVolumeThreshold?: number;
}

export interface AreaChannelCell extends CountCell {
  areaCode: string;
  areaName: string;
  channel: string;
  channelName: string;
}

export interface DistrictTargetGroupCell extends CountCell {
  /** null: needs that name no district. */
  district: string | null;
  districtName: string | null;
  /** null: needs that name no target group. */
  targetGroup: string | null;
  targetGroupName: string | null;
}

export interface DepartmentAreaCell extends CountCell {
  departmentId: string;
  departmentName: string;
  areaCode: string;
  areaName: string;
}

export const NEEDS_GAP_KINDS = ['highVolumeWithoutPhysicalPresence', 'departmentWithoutNeedsInArea', 'areaWithoutPlanItem', 'channelWithoutPlanItem'] as const;
export type NeedsGapKind = (typeof NEEDS_GAP_KINDS)[number];

export type NeedsGap =
  | {
      kind: 'highVolumeWithoutPhysicalPresence';
      district: string;
      districtName: string;
      /** Errands per month in the district's needs that use remote channels. */
      monthlyVolume: number;
      /** The remote channels those needs name. */
      channels: string[];
      description: string;
    }
  | { kind: 'departmentWithoutNeedsInArea'; departmentId: string; departmentName: string; areaCode: string; areaName: string; description: string }
  /** An area with needs handed in but no item in the round's plan. */
  | { kind: 'areaWithoutPlanItem'; areaCode: string; areaName: string; needCount: number; description: string }
  /** A channel with needs handed in, none of which an item of the plan answers. */
  | { kind: 'channelWithoutPlanItem'; channel: string; channelName: string; needCount: number; description: string };

export interface NeedsAnalysis {
  roundId: string;
  /** The submission statuses whose needs are counted. */
  countedStatuses: SubmissionStatus[];
  totals: { needs: number; departments: number; monthlyVolume: number };
  byAreaAndChannel: AreaChannelCell[];
  byDistrictAndTargetGroup: DistrictTargetGroupCell[];
  byDepartmentAndArea: DepartmentAreaCell[];
  gaps: NeedsGap[];
}

export interface NeedsExportFile {
  fileName: string;
  contentType: string;
  content: string | Buffer;
}

export { CSV_CONTENT_TYPE };
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The priority in the export's own (lower) case: "hög". */
const priorityText = (priority: NeedPriority): string => NEED_PRIORITY_LABELS[priority].toLowerCase();

/** The export's columns, in order, with their width in the spreadsheet (characters). */
const COLUMNS: ReadonlyArray<{ header: string; width: number; value: (n: NeedRow, l: Labels) => string | number | null }> = [
  { header: 'Förvaltning', width: 30, value: (n) => n.departmentName },
  { header: 'Utvecklingsområde', width: 28, value: (n, l) => l.area(n.areaCode) },
  { header: 'Rubrik', width: 40, value: (n) => n.title },
  { header: 'Beskrivning', width: 60, value: (n) => n.description },
  { header: 'Kanaler', width: 30, value: (n, l) => n.channels.map((c) => l.name('channel', c)).join(', ') },
  { header: 'Stadsområden', width: 24, value: (n, l) => n.districts.map((c) => l.name('district', c)).join(', ') },
  { header: 'Målgrupper', width: 30, value: (n, l) => n.targetGroups.map((c) => l.name('target_group', c)).join(', ') },
  { header: 'Underlag (typ)', width: 24, value: (n) => (n.evidence ? EVIDENCE_KIND_LABELS[n.evidence.kind] : null) },
  { header: 'Underlagets källa', width: 36, value: (n) => n.evidence?.source ?? null },
  { header: 'Underlagets datum', width: 18, value: (n) => n.evidence?.date ?? null },
  { header: 'Ärenden per månad', width: 18, value: (n) => n.monthlyVolume },
  { header: 'Prioritet', width: 10, value: (n) => priorityText(n.priority) },
  { header: 'Konsekvens om behovet inte tillgodoses', width: 50, value: (n) => n.consequence },
  { header: 'Inlämning', width: 20, value: (n) => SUBMISSION_STATUS_LABELS[n.submissionStatus as SubmissionStatus] ?? n.submissionStatus },
];
const DATE_COLUMN = COLUMNS.findIndex((c) => c.header === 'Underlagets datum');

interface Labels {
  area(code: string): string;
  name(kind: ReferenceKind, code: string): string;
  position(kind: ReferenceKind, code: string): number;
}

/**
 * Behovsanalys: a round's needs counted by area × channel, district × target group and department ×
 * area, with the gaps worth a strategist's attention; and the needs exported as CSV or XLSX.
 * Readers see what the needs list shows them (`visibleDepartments`), and the list's filters apply.
 */
@Injectable()
export class NeedsAnalysisService {
  constructor(
    private readonly analysis: AnalysisRepository,
    private readonly needs: NeedRepository,
    private readonly rounds: PlanRoundQueryService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly tx: TransactionHost,
    private readonly submissions: SubmissionRepository,
    private readonly plan: PlanCoverageFacts,
  ) {}

  /** The repository's filter for a reader: the departments they may see, the statuses counted, drafts only of their own departments. */
  private scoped(round: RoundBasics, scope: RoundReaderScope, filter: AnalysisFilter): NeedFilter {
    const { includeDrafts: _includeDrafts, status: _status, ...rest } = filter;
    return { ...rest, departmentIds: visibleDepartments(round, scope), draftsOf: draftReadableDepartments(scope), statuses: countedStatuses(filter) };
  }

  /**
   * The counts, and the gaps:
   *  - highVolumeWithoutPhysicalPresence: a district whose needs in remote channels (REMOTE_CHANNELS)
   *    sum to at least the threshold per month while none of its needs names a physical channel
   *    (PHYSICAL_CHANNELS). "Presence" is what this round's needs say: there is no register of
   *    service points. Needs without a district count for no district.
   *  - departmentWithoutNeedsInArea: a participating department that handed in (inlämnad or
   *    godkänd) with no need in one of the round's areas. Only departments with at least one need
   *    (matching the filter) are considered: a
   *    department that has not started, or that reported nothing to report, is the submissions
   *    list's business, and would otherwise show up once per area.
   *  - areaWithoutPlanItem / channelWithoutPlanItem, once the round has a plan (`PlanCoverageFacts`,
   *    from the plan context): an area with needs (counted as above) but no item in the plan's draft,
   *    and a channel with needs none of which an item of the draft answers (answered: among all the
   *    round's handed-in needs, whatever the filter).
   * With a filter, everything (gaps included) is computed over the needs that match it. By default
   * only needs handed in or approved count (`countedStatuses`); the drafts of the reader's own
   * departments only when asked; other departments' drafts never.
   */
  async analyse(roundId: string, scope: RoundReaderScope, filter: AnalysisFilter = {}, options: AnalysisOptions = {}): Promise<NeedsAnalysis> {
    const round = await this.rounds.basics(roundId);
    const [counts, statuses, plan] = await Promise.all([
      this.analysis.countNeeds(roundId, this.scoped(round, scope, filter), { physical: PHYSICAL_CHANNELS, remote: REMOTE_CHANNELS }),
      this.submissions.statusesOf(roundId),
      this.plan.coverageOf(roundId),
    ]);
    const labels = labelsOf(round, await this.analysis.labels());
    const departmentName = new Map(round.participants.map((p) => [p.departmentId, p.name]));
    const areaOrder = new Map(round.areas.map((a, i) => [a.code, i]));
    const byArea = (a: string, b: string) => (areaOrder.get(a) ?? Infinity) - (areaOrder.get(b) ?? Infinity) || a.localeCompare(b);
    const byRef = (kind: ReferenceKind) => (a: string | null, b: string | null) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : labels.position(kind, a) - labels.position(kind, b) || a.localeCompare(b);
    const departmentOrder = new Map(round.participants.map((p, i) => [p.departmentId, i]));

    const byAreaAndChannel = counts.byAreaAndChannel
      .map((c) => ({ areaCode: c.areaCode, areaName: labels.area(c.areaCode), channel: c.channel, channelName: labels.name('channel', c.channel), count: c.count, monthlyVolume: c.monthlyVolume }))
      .sort((a, b) => byArea(a.areaCode, b.areaCode) || byRef('channel')(a.channel, b.channel));
    const byDistrictAndTargetGroup = counts.byDistrictAndTargetGroup
      .map((c) => ({
        district: c.district,
        districtName: c.district === null ? null : labels.name('district', c.district),
        targetGroup: c.targetGroup,
        targetGroupName: c.targetGroup === null ? null : labels.name('target_group', c.targetGroup),
        count: c.count,
        monthlyVolume: c.monthlyVolume,
      }))
      .sort((a, b) => byRef('district')(a.district, b.district) || byRef('target_group')(a.targetGroup, b.targetGroup));
    const byDepartmentAndArea = counts.byDepartmentAndArea
      .map((c) => ({
        departmentId: c.departmentId,
        departmentName: departmentName.get(c.departmentId) ?? c.departmentId,
        areaCode: c.areaCode,
        areaName: labels.area(c.areaCode),
        count: c.count,
        monthlyVolume: c.monthlyVolume,
      }))
      .sort((a, b) => (departmentOrder.get(a.departmentId) ?? Infinity) - (departmentOrder.get(b.departmentId) ?? Infinity) || byArea(a.areaCode, b.areaCode));

    const threshold = options.highVolumeThreshold ?? DEFAULT_HIGH_VOLUME_THRESHOLD;
    const physical = PHYSICAL_CHANNELS.map((c) => labels.name('channel', c).toLocaleLowerCase('sv-SE')).join(', ');
    const highVolume: NeedsGap[] = counts.districtPresence
      .filter((d) => !d.physical && d.remoteVolume > 0 && d.remoteVolume >= threshold)
      .sort((a, b) => b.remoteVolume - a.remoteVolume || byRef('district')(a.district, b.district))
      .map((d) => {
        const districtName = labels.name('district', d.district);
        const channels = [...d.remoteChannels].sort(byRef('channel'));
        return {
          kind: 'highVolumeWithoutPhysicalPresence',
          district: d.district,
          districtName,
          monthlyVolume: d.remoteVolume,
          channels,
          description:
            `${districtName}: ${formatNumber(d.remoteVolume)} ärenden per månad via ${channels.map((c) => labels.name('channel', c)).join(', ')}, ` +
            `men inget behov i stadsområdet nämner en fysisk kanal (${physical}).`,
        };
      });

    const cells = new Set(byDepartmentAndArea.map((c) => `${c.departmentId}|${c.areaCode}`));
    const withNeeds = new Set(byDepartmentAndArea.map((c) => c.departmentId));
    const areas = round.areas.filter((a) => filter.areaCode === undefined || a.code === filter.areaCode);
    // Only departments that handed in (a draft is still changing, and is its department's own).
    const handedIn = (departmentId: string) => ['submitted', 'endorsed'].includes(statuses.get(departmentId) ?? 'draft');
    const withoutNeeds: NeedsGap[] = round.participants
      .filter((p) => withNeeds.has(p.departmentId) && handedIn(p.departmentId))
      .flatMap((p) =>
        areas
          .filter((a) => !cells.has(`${p.departmentId}|${a.code}`))
          .map((a) => ({
            kind: 'departmentWithoutNeedsInArea' as const,
            departmentId: p.departmentId,
            departmentName: p.name,
            areaCode: a.code,
            areaName: a.name,
            description: `${p.name} har inga behov inom ${a.name}.`,
          })),
      );

    const withoutPlanItem: NeedsGap[] = plan ? planItemGaps(byDepartmentAndArea, byAreaAndChannel, plan, byArea, byRef('channel')) : [];
    return {
      roundId,
      countedStatuses: countedStatuses(filter),
      totals: { needs: counts.needs, departments: counts.departments, monthlyVolume: counts.monthlyVolume },
      byAreaAndChannel,
      byDistrictAndTargetGroup,
      byDepartmentAndArea,
      gaps: [...highVolume, ...withoutNeeds, ...withoutPlanItem],
    };
  }

  /**
   * The needs as CSV for Swedish Excel: UTF-8 with a BOM, `;` between fields, CRLF line ends,
   * quoted per RFC 4180; a text cell that a spreadsheet would read as a formula (starting with
   * = + - @, a tab or a carriage return) gets a leading apostrophe.
   */
  async exportCsv(roundId: string, scope: RoundReaderScope, filter: AnalysisFilter = {}): Promise<string> {
    const [, rows, labels] = await this.exportRows(roundId, scope, filter);
    return toCsv(rows, labels);
  }

  /** The needs as an XLSX workbook: one sheet, the header row bold and frozen, volumes as numbers, dates as dates. */
  async exportXlsx(roundId: string, scope: RoundReaderScope, filter: AnalysisFilter = {}): Promise<Buffer> {
    const [, rows, labels] = await this.exportRows(roundId, scope, filter);
    return this.toXlsx(rows, labels, countedStatuses(filter));
  }

  /** The export with its file name (`behov-<year>.csv`) and content type, for a download. */
  async exportFile(roundId: string, scope: RoundReaderScope, filter: AnalysisFilter, format: 'csv' | 'xlsx'): Promise<NeedsExportFile> {
    const [round, rows, labels] = await this.exportRows(roundId, scope, filter);
    return format === 'csv'
      ? { fileName: `behov-${round.year}.csv`, contentType: CSV_CONTENT_TYPE, content: toCsv(rows, labels) }
      : { fileName: `behov-${round.year}.xlsx`, contentType: XLSX_CONTENT_TYPE, content: await this.toXlsx(rows, labels, countedStatuses(filter)) };
  }

  /** Every need of the round: long work, so it has the long statement timeout rather than a request's. */
  private exportRows(roundId: string, scope: RoundReaderScope, filter: AnalysisFilter): Promise<[RoundBasics, NeedRow[], Labels]> {
    return this.tx.runLong(async () => {
      const round = await this.rounds.basics(roundId);
      const rows = await this.needs.list(roundId, this.scoped(round, scope, filter));
      return [round, rows, labelsOf(round, await this.analysis.labels())];
    });
  }

  private async toXlsx(rows: NeedRow[], labels: Labels, counted: readonly SubmissionStatus[]): Promise<Buffer> {
    // exceljs takes about 0.3 s to load: only the first spreadsheet download pays it, not every start of the API and worker.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Workbook } = require('exceljs') as { Workbook: new () => ExcelWorkbook };
    const workbook = new Workbook();
    workbook.creator = 'Samverka';
    workbook.created = workbook.modified = this.clock.now();
    const sheet = workbook.addWorksheet('Behov', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    for (const need of rows) {
      const values: Array<string | number | Date | null> = COLUMNS.map((c) => c.value(need, labels));
      const date = values[DATE_COLUMN];
      if (typeof date === 'string') values[DATE_COLUMN] = new Date(`${date}T00:00:00Z`);
      sheet.addRow(values);
    }
    sheet.getColumn(DATE_COLUMN + 1).numFmt = 'yyyy-mm-dd';
    // Which needs are in the file: the statuses counted (the CSV says it in its Inlämning column, row by row).
    const selection = workbook.addWorksheet('Urval');
    selection.columns = [{ width: 80 }];
    selection.addRow([countedStatusesText(counted)]);
    selection.addRow(['Utkast räknas bara för förvaltningar som du själv företräder.']);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}

/**
 * The areas with needs (in the round's order) but no plan item, and the channels with needs (in the
 * reference order) none of which an item answers. An area's need count is from department × area; a
 * channel's from area × channel (a need naming several channels counts once per channel).
 */
function planItemGaps(
  byDepartmentAndArea: readonly DepartmentAreaCell[],
  byAreaAndChannel: readonly AreaChannelCell[],
  plan: PlanCoverageFact,
  areaOrder: (a: string, b: string) => number,
  channelOrder: (a: string, b: string) => number,
): NeedsGap[] {
  const withItems = new Set(plan.areasWithItems);
  const areas = new Map<string, { areaName: string; needCount: number }>();
  for (const c of byDepartmentAndArea) {
    if (withItems.has(c.areaCode)) continue;
    const a = areas.get(c.areaCode) ?? { areaName: c.areaName, needCount: 0 };
    a.needCount += c.count;
    areas.set(c.areaCode, a);
  }
  const answered = new Set(plan.answeredChannels);
  const channels = new Map<string, { channelName: string; needCount: number }>();
  for (const c of byAreaAndChannel) {
    if (answered.has(c.channel)) continue;
    const ch = channels.get(c.channel) ?? { channelName: c.channelName, needCount: 0 };
    ch.needCount += c.count;
    channels.set(c.channel, ch);
  }
  return [
    ...[...areas.entries()]
      .sort(([a], [b]) => areaOrder(a, b))
      .map(([areaCode, a]): NeedsGap => ({
        kind: 'areaWithoutPlanItem',
        areaCode,
        areaName: a.areaName,
        needCount: a.needCount,
        description: `${a.areaName}: ${a.needCount} behov men ingen insats i planen.`,
      })),
    ...[...channels.entries()]
      .sort(([a], [b]) => channelOrder(a, b))
      .map(([channel, c]): NeedsGap => ({
        kind: 'channelWithoutPlanItem',
        channel,
        channelName: c.channelName,
        needCount: c.needCount,
        description: `${c.channelName}: ${c.needCount} behov men inget av dem besvaras av en insats i planen.`,
      })),
  ];
}

function labelsOf(round: RoundBasics, items: ReferenceLabel[]): Labels {
  const areas = new Map(round.areas.map((a) => [a.code, a.name]));
  const byKey = new Map(items.map((i) => [`${i.kind}|${i.code}`, i]));
  return {
    area: (code) => areas.get(code) ?? code,
    name: (kind, code) => byKey.get(`${kind}|${code}`)?.name ?? code,
    position: (kind, code) => byKey.get(`${kind}|${code}`)?.position ?? Number.MAX_SAFE_INTEGER,
  };
}

const formatNumber = (n: number) => new Intl.NumberFormat('sv-SE').format(n);

/** The needs as CSV lines (the kernel's `toCsv`: BOM, `;`, CRLF, formula injection defused). */
function toCsv(rows: NeedRow[], labels: Labels): string {
  return csvOf([COLUMNS.map((c) => c.header), ...rows.map((n) => COLUMNS.map((c) => c.value(n, labels)))]);
}
