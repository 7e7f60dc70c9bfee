import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService, personLabelOf } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { Clock, CommonError, FieldViolation, Principal } from '@samverka/kernel';
import { PlanRoundQueryService } from '@samverka/rounds';
import { mayReportFor } from '../access/follow-up-access.policy';
import { CsvEncoding, parseReportsCsv, readReportRow, reportsCsv } from '../csv/follow-up-csv';
import { FollowUpError, FollowUpErrorCode } from '../follow-up.exception';
import { ReportingOrganisation, ReportingPeriod, ReportStatus } from '../follow-up.model';
import { FollowUpOpsRepository, ItemWithReport } from '../repositories/follow-up-ops.repository';
import { FollowUpRepository } from '../repositories/follow-up.repository';
import { FOLLOW_UP_STATE } from './follow-up.service';

/** What an import does with a row: a first report, a correction (a new revision), nothing (same as the current report, or a blank row), or refuses it. */
export const IMPORT_ROW_OUTCOMES = ['created', 'corrected', 'unchanged', 'blank', 'invalid'] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];

export interface ImportRowResult {
  /** The row's line in the file (line 1 is the header). */
  line: number;
  itemCode: string;
  status: ImportRowOutcome;
  errors: FieldViolation[];
}

export interface ReportImportResult {
  dryRun: boolean;
  /** No row has an error: the import writes (or, in a dry run, would write) every row. */
  valid: boolean;
  /** The number of errors over all rows. */
  errors: number;
  /** How the file was read. */
  encoding: CsvEncoding;
  delimiter: ';' | ',';
  rows: ImportRowResult[];
  /** Rows stored as reports (0 in a dry run and when refused). */
  written: number;
}

export interface ImportContext {
  roundId: string;
  roundTitle: string;
  organisationName: string;
  periods: ReportingPeriod[];
  /** The round is in follow-up: reports may be imported. */
  open: boolean;
  mayImport: boolean;
}

export interface ReportsFile {
  fileName: string;
  content: string;
}

/** A file name of ASCII letters, digits and dashes: "uppfoljning-2027-t1-forskoleforvaltningen.csv". */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** Whether the organisation's CSV may be read: its reporters, and strategists for any organisation. */
export function mayExportFor(p: Principal, organisation: ReportingOrganisation): boolean {
  return p.strategist || mayReportFor(p, organisation);
}

/**
 * The CSV round trip of one organisation's reports for one period: the export (one row per item it
 * reports on, with the current report), and the import, which reads the export's columns back,
 * matches items by their code, answers each row's outcome and errors by line number, and then
 * writes every row or none (one transaction; a row equal to the current report is not a new revision).
 */
@Injectable()
export class FollowUpImportService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly followUp: FollowUpRepository,
    private readonly ops: FollowUpOpsRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** What the import page shows: the round, the organisation's name, the periods, and whether the caller may import (404 when the round does not exist). */
  async importContext(principal: Principal, roundId: string, organisation: ReportingOrganisation): Promise<ImportContext> {
    this.refuseExport(principal, organisation);
    return this.tx.run(async () => {
      const round = await this.rounds.basics(roundId);
      const name = organisation.kind === 'department' ? await this.ops.departmentName(organisation.departmentId) : 'Kontaktcenter';
      if (name === null) throw CommonError.notFound('Förvaltningen', (organisation as { departmentId: string }).departmentId);
      return {
        roundId,
        roundTitle: round.title,
        organisationName: name,
        periods: await this.followUp.periodsOf(roundId),
        open: round.state === FOLLOW_UP_STATE,
        mayImport: mayReportFor(principal, organisation),
      };
    });
  }

  /** The organisation's items and current reports for the period as a CSV file (UTF-8 with BOM, `;`). */
  async exportReports(principal: Principal, roundId: string, periodId: string, organisation: ReportingOrganisation): Promise<ReportsFile> {
    this.refuseExport(principal, organisation);
    return this.tx.run(async () => {
      await this.rounds.basics(roundId);
      const period = await this.period(roundId, periodId);
      const items = await this.ops.itemsWithReports(roundId, periodId, organisation);
      const organisationName = organisation.kind === 'department' ? ((await this.ops.departmentName(organisation.departmentId)) ?? 'forvaltning') : 'kontaktcenter';
      const content = reportsCsv(
        items.map((i) => ({
          code: i.code,
          area: i.areaCode,
          title: i.title,
          status: i.report?.status ?? null,
          progress: i.report?.progress ?? null,
          comment: i.report?.comment ?? null,
          cause: i.report?.cause ?? null,
          needed: i.report?.needed ?? null,
          reportedAt: i.report ? stockholm.format(i.report.reportedAt) : null,
        })),
      );
      return { fileName: `uppfoljning-${slug(period.label)}-${slug(organisationName)}.csv`, content };
    });
  }

  /**
   * Reads the file and answers each row's outcome. With `dryRun` nothing is written. Without it every
   * row is written in one transaction, or, when any row is bad, none (422 REPORT_IMPORT_REJECTED with
   * each error's line and field).
   */
  async importReports(principal: Principal, actor: Actor, roundId: string, periodId: string, organisation: ReportingOrganisation, content: Buffer, dryRun: boolean): Promise<ReportImportResult> {
    this.refuseImport(principal, organisation);
    const file = parseReportsCsv(content);
    const read = file.rows.map(readReportRow);
    return this.tx.run(async () => {
      await this.openRound(roundId);
      await this.period(roundId, periodId);
      await this.ops.lockOrganisationPeriod(periodId, organisation);
      const items = new Map((await this.ops.itemsWithReports(roundId, periodId, organisation)).map((i) => [i.code.toLowerCase(), i]));
      const seen = new Map<string, number>();
      const planned: Array<{ row: (typeof read)[number]; item: ItemWithReport }> = [];
      const rows: ImportRowResult[] = read.map((row) => {
        const errors = [...row.errors];
        const key = row.itemCode.toLowerCase();
        const item = row.itemCode ? items.get(key) : undefined;
        if (row.itemCode && !item) {
          errors.unshift({ field: 'code', rule: 'exists', message: `${organisation.kind === 'department' ? 'Förvaltningen' : 'Kontaktcenter'} rapporterar inte på någon insats med koden ${row.itemCode} i planen` });
        } else if (row.itemCode && seen.has(key)) {
          errors.unshift({ field: 'code', rule: 'unique', message: `Insatsen ${row.itemCode} finns redan på rad ${seen.get(key)}` });
        }
        if (row.itemCode && !seen.has(key)) seen.set(key, row.line);
        if (errors.length > 0) return { line: row.line, itemCode: row.itemCode, status: 'invalid', errors };
        if (row.blank) return { line: row.line, itemCode: item!.code, status: 'blank', errors };
        const current = item!.report;
        if (current && sameReport(current, row)) return { line: row.line, itemCode: item!.code, status: 'unchanged', errors };
        planned.push({ row, item: item! });
        return { line: row.line, itemCode: item!.code, status: current ? 'corrected' : 'created', errors };
      });
      const errorCount = rows.reduce((n, r) => n + r.errors.length, 0);
      const result: ReportImportResult = { dryRun, valid: errorCount === 0, errors: errorCount, encoding: file.encoding, delimiter: file.delimiter, rows, written: 0 };
      if (dryRun) return result;
      if (errorCount > 0) {
        const lines = rows.filter((r) => r.errors.length > 0).map((r) => r.line);
        throw new FollowUpError(
          FollowUpErrorCode.REPORT_IMPORT_REJECTED,
          `Inget importerades: ${lines.length === 1 ? 'raden' : 'raderna'} ${lines.join(', ')} har fel. Rätta dem och importera filen igen.`,
          rows.flatMap((r) => r.errors.map((e) => ({ field: `line.${r.line}.${e.field}`, rule: e.rule, message: `Rad ${r.line}: ${e.message}` }))),
        );
      }
      const reportedAt = this.clock.now();
      for (const { row, item } of planned) {
        await this.followUp.insertReport({
          roundId,
          periodId,
          itemId: item.itemId,
          organisation,
          status: row.status as ReportStatus,
          progress: row.progress as number,
          comment: row.comment,
          cause: row.cause,
          needed: row.needed,
          source: 'csv',
          reportedById: principal.personId,
          reportedByName: personLabelOf(actor),
          reportedAt,
        });
      }
      if (planned.length > 0) {
        await this.audit.record(actor, {
          action: 'follow_up.imported',
          subjectType: 'plan_round',
          subjectId: roundId,
          after: { periodId, organisation, rows: rows.filter((r) => r.status === 'created' || r.status === 'corrected').map((r) => ({ line: r.line, itemCode: r.itemCode, status: r.status })) },
        });
      }
      return { ...result, written: planned.length };
    });
  }

  /** 403 unless the caller reports for the organisation (its coordinators; strategists for the contact centre): asked before the file is read. */
  refuseImport(principal: Principal, organisation: ReportingOrganisation): void {
    if (!mayReportFor(principal, organisation)) {
      throw new FollowUpError(
        FollowUpErrorCode.REPORT_NOT_ALLOWED,
        organisation.kind === 'department' ? 'Bara förvaltningens samordnare rapporterar för förvaltningen' : 'Bara strateger på kontaktcenter rapporterar för kontaktcenter',
      );
    }
  }

  private refuseExport(principal: Principal, organisation: ReportingOrganisation): void {
    if (!mayExportFor(principal, organisation)) {
      throw new FollowUpError(FollowUpErrorCode.REPORT_NOT_ALLOWED, 'Bara förvaltningens samordnare och strateger på kontaktcenter hämtar förvaltningens rapporter');
    }
  }

  private async period(roundId: string, periodId: string): Promise<ReportingPeriod> {
    const period = (await this.followUp.periodsOf(roundId)).find((p) => p.id === periodId);
    if (!period) {
      const message = 'Rapportperioden finns inte i planomgången';
      throw new FollowUpError(FollowUpErrorCode.PERIOD_NOT_FOUND, message, [{ field: 'periodId', rule: 'exists', message }]);
    }
    return period;
  }

  private async openRound(roundId: string): Promise<void> {
    const round = await this.rounds.basics(roundId, true);
    if (round.state !== FOLLOW_UP_STATE) {
      throw new FollowUpError(FollowUpErrorCode.FOLLOW_UP_NOT_OPEN, 'Uppföljningen är bara öppen när planen är antagen och planomgången är i uppföljning', { state: round.state });
    }
  }
}

/** A row that says exactly what the current report says (texts compared trimmed, blank as none). */
function sameReport(current: NonNullable<ItemWithReport['report']>, row: { status: ReportStatus | null; progress: number | null; comment: string; cause: string | null; needed: string | null }): boolean {
  const text = (t: string | null) => t?.replace(/\r\n?/g, '\n').trim() || null;
  return (
    current.status === row.status &&
    current.progress === row.progress &&
    text(current.comment) === text(row.comment) &&
    text(current.cause) === text(row.cause) &&
    text(current.needed) === text(row.needed)
  );
}
