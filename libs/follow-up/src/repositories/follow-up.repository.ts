import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { LocalDate } from '@samverka/kernel';
import type { FollowUpItem, ItemReport, ReportingOrganisation, ReportingPeriod, ReportObligation, ReportSource, ReportStatus } from '../follow-up.model';

/** A report about to be stored (its revision is computed by the insert). */
export interface NewReport {
  roundId: string;
  periodId: string;
  itemId: string;
  organisation: ReportingOrganisation;
  status: ReportStatus;
  progress: number;
  comment: string;
  cause: string | null;
  needed: string | null;
  source: ReportSource;
  reportedById: string | null;
  reportedByName: string | null;
  reportedAt: Date;
}

interface ReportRow {
  id: string;
  round_id: string;
  period_id: string;
  item_id: string;
  code: string;
  department_id: string | null;
  revision: number;
  status: ReportStatus;
  progress: number;
  comment: string;
  cause: string | null;
  needed: string | null;
  source: ReportSource;
  reported_by_name: string | null;
  reported_at: Date;
}

const REPORT_COLUMNS = `r.id, r.round_id, r.period_id, r.item_id, i.code, r.department_id, r.revision, r.status, r.progress,
  r.comment, r.cause, r.needed, r.source, r.reported_by_name, r.reported_at`;

export function reportOf(r: ReportRow): ItemReport {
  return {
    id: r.id,
    roundId: r.round_id,
    periodId: r.period_id,
    itemId: r.item_id,
    itemCode: r.code,
    organisation: r.department_id ? { kind: 'department', departmentId: r.department_id } : { kind: 'contactCentre' },
    revision: r.revision,
    status: r.status,
    progress: r.progress,
    comment: r.comment,
    cause: r.cause,
    needed: r.needed,
    source: r.source,
    reportedBy: r.reported_by_name,
    reportedAt: r.reported_at.toISOString(),
  };
}

/**
 * The follow-up's own tables: the adopted plan's items and who reports on them (copied once when the
 * round enters follow-up), the reporting periods, and the reports with their revisions.
 */
@Injectable()
export class FollowUpRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Whether the round's follow-up has been set up (its adopted items copied). */
  async isSetUp(roundId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query('select 1 from follow_up_item where round_id = $1 limit 1', [roundId]);
    return rows.length > 0;
  }

  /** Copies the adopted plan's items and their responsible organisations, two statements whatever the plan's size. */
  async setUp(roundId: string, items: readonly FollowUpItem[], obligations: readonly ReportObligation[]): Promise<void> {
    if (items.length > 0) {
      await this.tx.manager.query(
        `insert into follow_up_item (round_id, item_id, code, area_code, title, position, effort_hours)
         select $1, x.item_id, x.code, x.area_code, x.title, x.position, x.effort_hours
           from jsonb_to_recordset($2::jsonb) as x(item_id uuid, code text, area_code text, title text, position int, effort_hours numeric)`,
        [roundId, JSON.stringify(items.map((i) => ({ item_id: i.itemId, code: i.code, area_code: i.areaCode, title: i.title, position: i.position, effort_hours: i.effortHours })))],
      );
    }
    if (obligations.length > 0) {
      await this.tx.manager.query(
        `insert into follow_up_obligation (round_id, item_id, department_id, contact_centre)
         select $1, x.item_id, x.department_id, x.department_id is null
           from jsonb_to_recordset($2::jsonb) as x(item_id uuid, department_id uuid)`,
        [roundId, JSON.stringify(obligations.map((o) => ({ item_id: o.itemId, department_id: o.organisation.kind === 'department' ? o.organisation.departmentId : null })))],
      );
    }
  }

  /** The round's periods in order. */
  async periodsOf(roundId: string): Promise<ReportingPeriod[]> {
    const rows: Array<{ id: string; label: string; due_on: string; position: number }> = await this.tx.manager.query(
      'select id, label, due_on::text as due_on, position from follow_up_period where round_id = $1 order by position, due_on',
      [roundId],
    );
    return rows.map((r) => ({ id: r.id, label: r.label, dueOn: r.due_on, position: r.position }));
  }

  /** Serialises changes to one round's periods (two strategists saving at once take turns). */
  async lockPeriods(roundId: string): Promise<void> {
    await this.tx.manager.query(`select pg_advisory_xact_lock(hashtext('follow_up_period'), hashtext($1))`, [roundId]);
  }

  /** Of these period ids of the round, those that have reports. */
  async periodsWithReports(roundId: string, periodIds: readonly string[]): Promise<string[]> {
    if (periodIds.length === 0) return [];
    const rows: Array<{ period_id: string }> = await this.tx.manager.query(
      'select distinct period_id from follow_up_report where round_id = $1 and period_id = any($2::uuid[])',
      [roundId, periodIds],
    );
    return rows.map((r) => r.period_id);
  }

  /**
   * Replaces the round's periods with this list, in this order: listed ids are kept (label and date
   * updated), unlisted ones removed (the caller has checked they have no reports), new ones created.
   * Three statements. Positions are the list's order.
   */
  async replacePeriods(roundId: string, periods: ReadonlyArray<{ id?: string; label: string; dueOn: LocalDate }>): Promise<void> {
    const rows = periods.map((p, position) => ({ id: p.id ?? null, label: p.label, due_on: p.dueOn, position }));
    const keep = rows.filter((r) => r.id !== null).map((r) => r.id as string);
    await this.tx.manager.query('delete from follow_up_period where round_id = $1 and not (id = any($2::uuid[]))', [roundId, keep]);
    // Labels are unique per round: move the kept ones aside first so that a swap of two labels does not collide.
    await this.tx.manager.query(
      `with x as (select * from jsonb_to_recordset($2::jsonb) as x(id uuid, label text, due_on date, position int) where x.id is not null),
            aside as (update follow_up_period p set label = p.id::text from x where p.id = x.id and p.round_id = $1 returning p.id)
       select count(*) from aside`,
      [roundId, JSON.stringify(rows)],
    );
    await this.tx.manager.query(
      `with x as (select * from jsonb_to_recordset($2::jsonb) as x(id uuid, label text, due_on date, position int)),
            updated as (update follow_up_period p set label = x.label, due_on = x.due_on, position = x.position
                          from x where x.id is not null and p.id = x.id and p.round_id = $1 returning p.id)
       insert into follow_up_period (round_id, label, due_on, position)
       select $1, x.label, x.due_on, x.position from x where x.id is null`,
      [roundId, JSON.stringify(rows)],
    );
  }

  /** Of these ids, those that are periods of the round. */
  async existingPeriodIds(roundId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.tx.manager.query('select id from follow_up_period where round_id = $1 and id = any($2::uuid[])', [roundId, ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** One item of the round's adopted plan with the organisations that report on it; null when not in the adopted plan. */
  async itemWithObligations(roundId: string, itemId: string): Promise<(FollowUpItem & { reporters: ReportingOrganisation[] }) | null> {
    const rows: Array<{ item_id: string; code: string; area_code: string; title: string; position: number; effort_hours: string | null; reporters: Array<string | null> }> =
      await this.tx.manager.query(
        `select i.item_id, i.code, i.area_code, i.title, i.position, i.effort_hours,
                coalesce(array_agg(o.department_id) filter (where o.id is not null), '{}') as reporters
           from follow_up_item i left join follow_up_obligation o on o.round_id = i.round_id and o.item_id = i.item_id
          where i.round_id = $1 and i.item_id = $2
          group by i.round_id, i.item_id`,
        [roundId, itemId],
      );
    const r = rows[0];
    if (!r) return null;
    return {
      itemId: r.item_id,
      code: r.code,
      areaCode: r.area_code,
      title: r.title,
      position: r.position,
      effortHours: r.effort_hours === null ? null : Number(r.effort_hours),
      reporters: r.reporters.map((d) => (d ? { kind: 'department' as const, departmentId: d } : { kind: 'contactCentre' as const })),
    };
  }

  /** Stores a report as the next revision for its period, item and organisation (the unique keys refuse a concurrent twin); its row. */
  async insertReport(report: NewReport): Promise<ItemReport> {
    const departmentId = report.organisation.kind === 'department' ? report.organisation.departmentId : null;
    const rows: ReportRow[] = await this.tx.manager.query(
      `with next as (
         select coalesce(max(revision), 0) + 1 as revision from follow_up_report
          where period_id = $2 and item_id = $3 and department_id is not distinct from $4::uuid and contact_centre = ($4::uuid is null)
       ), r as (
         insert into follow_up_report (round_id, period_id, item_id, department_id, contact_centre, revision, status, progress, comment, cause, needed, source, reported_by_id, reported_by_name, reported_at)
         select $1, $2, $3, $4::uuid, $4::uuid is null, next.revision, $5, $6, $7, $8, $9, $10, $11, $12, $13 from next
         returning *
       )
       select ${REPORT_COLUMNS} from r join follow_up_item i on i.round_id = r.round_id and i.item_id = r.item_id`,
      [report.roundId, report.periodId, report.itemId, departmentId, report.status, report.progress, report.comment, report.cause, report.needed, report.source, report.reportedById, report.reportedByName, report.reportedAt],
    );
    return reportOf(rows[0]);
  }

  /** Every revision of the reports on one item, newest first (the history a correction keeps). */
  async reportsOnItem(roundId: string, itemId: string): Promise<ItemReport[]> {
    const rows: ReportRow[] = await this.tx.manager.query(
      `select ${REPORT_COLUMNS} from follow_up_report r join follow_up_item i on i.round_id = r.round_id and i.item_id = r.item_id
        where r.round_id = $1 and r.item_id = $2
        order by r.reported_at desc, r.revision desc`,
      [roundId, itemId],
    );
    return rows.map(reportOf);
  }

  /**
   * Each item's latest status per reporting organisation: the report of the latest period the
   * organisation reported in, its latest revision (one statement). Items nobody reported on are absent.
   */
  async latestStatusesByItem(roundId: string): Promise<Map<string, ReportStatus[]>> {
    const rows: Array<{ item_id: string; status: ReportStatus }> = await this.tx.manager.query(
      `select distinct on (r.item_id, r.department_id, r.contact_centre) r.item_id, r.status
         from follow_up_report r join follow_up_period p on p.id = r.period_id
        where r.round_id = $1
        order by r.item_id, r.department_id, r.contact_centre, p.position desc, p.due_on desc, r.revision desc`,
      [roundId],
    );
    const byItem = new Map<string, ReportStatus[]>();
    for (const row of rows) byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), row.status]);
    return byItem;
  }
}
