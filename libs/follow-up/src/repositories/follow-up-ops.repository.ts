import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { LocalDate, SqlSelect } from '@samverka/kernel';
import type { ReportingOrganisation, ReportStatus } from '../follow-up.model';

/** Whose open reports to find: these departments, and/or the contact centre; `everyone` for the sweep. */
export type OpenReportScope = { departmentIds: readonly string[]; contactCentre: boolean } | 'everyone';

/** One organisation's reports still owed for one period of a round in follow-up. */
export interface OpenReportRow {
  roundId: string;
  roundTitle: string;
  periodId: string;
  periodLabel: string;
  dueOn: LocalDate;
  organisation: ReportingOrganisation;
  /** The department's name; null for the contact centre. */
  departmentName: string | null;
  /** The items it reports on in the round. */
  total: number;
  /** The items without a report for the period, in the plan's order. */
  owed: Array<{ code: string; title: string }>;
}

/** One item an organisation reports on, with its current (latest) report for a period, if any. */
export interface ItemWithReport {
  itemId: string;
  code: string;
  areaCode: string;
  title: string;
  report: {
    status: ReportStatus;
    progress: number;
    comment: string;
    cause: string | null;
    needed: string | null;
    revision: number;
    reportedAt: Date;
  } | null;
}

/**
 * The follow-up's operational reads: the reports still owed (tasks, reminders, escalations), and an
 * organisation's items with their current reports (the CSV round trip). Each one statement.
 */
@Injectable()
export class FollowUpOpsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Per round in follow-up, period due on or before `dueBy` and reporting organisation (in scope): the
   * items it has not reported on for the period. One statement, whatever the number of departments.
   */
  findOpenReports(scope: OpenReportScope, dueBy: LocalDate): Promise<OpenReportRow[]> {
    return this.tx.select(this.selectOpenReports(scope, dueBy));
  }

  /** `findOpenReports`'s select, for the task composer's one statement. */
  selectOpenReports(scope: OpenReportScope, dueBy: LocalDate): SqlSelect<OpenReportRow> {
    const everyone = scope === 'everyone';
    type Raw = {
      round_id: string;
      round_title: string;
      period_id: string;
      period_label: string;
      due_on: string;
      department_id: string | null;
      department_name: string | null;
      total: number;
      owed: Array<{ code: string; title: string }>;
    };
    return {
      sql: `select r.id as round_id, r.title as round_title, p.id as period_id, p.label as period_label, p.due_on::text as due_on,
              o.department_id, d.name as department_name, count(*)::int as total,
              jsonb_agg(jsonb_build_object('code', i.code, 'title', i.title) order by i.position, i.code) filter (where not exists (
                select 1 from follow_up_report fr
                 where fr.period_id = p.id and fr.item_id = o.item_id
                   and fr.department_id is not distinct from o.department_id and fr.contact_centre = o.contact_centre)) as owed
         from plan_round r
         join follow_up_period p on p.round_id = r.id
         join follow_up_obligation o on o.round_id = r.id
         join follow_up_item i on i.round_id = o.round_id and i.item_id = o.item_id
         left join department d on d.id = o.department_id
        where r.state = 'followUp' and p.due_on <= $1::date
          and ($2::boolean or o.department_id = any($3::uuid[]) or (o.contact_centre and $4::boolean))
        group by r.id, r.title, p.id, p.label, p.due_on, o.department_id, d.name
       having count(*) filter (where not exists (
                select 1 from follow_up_report fr
                 where fr.period_id = p.id and fr.item_id = o.item_id
                   and fr.department_id is not distinct from o.department_id and fr.contact_centre = o.contact_centre)) > 0
        order by p.due_on, r.title, r.id, d.name nulls first, o.department_id`,
      values: [dueBy, everyone, everyone ? [] : scope.departmentIds, everyone ? false : scope.contactCentre],
      rowsFrom: (rows) =>
        (rows as unknown as Raw[]).map((r) => ({
      roundId: r.round_id,
      roundTitle: r.round_title,
      periodId: r.period_id,
      periodLabel: r.period_label,
      dueOn: r.due_on,
      organisation: r.department_id ? { kind: 'department', departmentId: r.department_id } : { kind: 'contactCentre' },
      departmentName: r.department_name,
          total: r.total,
          owed: r.owed ?? [],
        })),
    };
  }

  /**
   * The items the organisation has not yet reported on for the period, in the plan's order (a sweep's look again before it emails).
   * The organisation as `=` or `is null` rather than `is not distinct from`, so the round-and-department index finds its obligations.
   */
  async stillOwed(roundId: string, periodId: string, organisation: ReportingOrganisation): Promise<Array<{ code: string; title: string }>> {
    const departmentId = organisation.kind === 'department' ? organisation.departmentId : null;
    return this.tx.manager.query(
      `/* still owed */ select i.code, i.title
         from follow_up_obligation o join follow_up_item i on i.round_id = o.round_id and i.item_id = o.item_id
        where o.round_id = $1 and (o.department_id = $3::uuid or ($3::uuid is null and o.department_id is null)) and o.contact_centre = ($3::uuid is null)
          and not exists (select 1 from follow_up_report fr
                           where fr.period_id = $2 and fr.item_id = o.item_id
                             and fr.department_id is not distinct from o.department_id and fr.contact_centre = o.contact_centre)
        order by i.position, i.code`,
      [roundId, periodId, departmentId],
    );
  }

  /** The items the organisation reports on in the round, in the plan's order, each with its latest report for the period. */
  async itemsWithReports(roundId: string, periodId: string, organisation: ReportingOrganisation): Promise<ItemWithReport[]> {
    const departmentId = organisation.kind === 'department' ? organisation.departmentId : null;
    const rows: Array<{
      item_id: string;
      code: string;
      area_code: string;
      title: string;
      status: ReportStatus | null;
      progress: number | null;
      comment: string | null;
      cause: string | null;
      needed: string | null;
      revision: number | null;
      reported_at: Date | null;
    }> = await this.tx.manager.query(
      `select i.item_id, i.code, i.area_code, i.title, fr.status, fr.progress, fr.comment, fr.cause, fr.needed, fr.revision, fr.reported_at
         from follow_up_obligation o
         join follow_up_item i on i.round_id = o.round_id and i.item_id = o.item_id
         left join lateral (
           select r.status, r.progress, r.comment, r.cause, r.needed, r.revision, r.reported_at from follow_up_report r
            where r.period_id = $2 and r.item_id = o.item_id
              and r.department_id is not distinct from o.department_id and r.contact_centre = o.contact_centre
            order by r.revision desc limit 1
         ) fr on true
        where o.round_id = $1 and o.department_id is not distinct from $3::uuid and o.contact_centre = ($3::uuid is null)
        order by i.position, i.code`,
      [roundId, periodId, departmentId],
    );
    return rows.map((r) => ({
      itemId: r.item_id,
      code: r.code,
      areaCode: r.area_code,
      title: r.title,
      report:
        r.status === null
          ? null
          : { status: r.status, progress: r.progress!, comment: r.comment!, cause: r.cause, needed: r.needed, revision: r.revision!, reportedAt: r.reported_at! },
    }));
  }

  /** The department's name (null when there is none with the id). */
  async departmentName(departmentId: string): Promise<string | null> {
    const rows: Array<{ name: string }> = await this.tx.manager.query('select name from department where id = $1', [departmentId]);
    return rows[0]?.name ?? null;
  }

  /** Serialises imports and reports of one organisation for one period (two imports at once take turns). */
  async lockOrganisationPeriod(periodId: string, organisation: ReportingOrganisation): Promise<void> {
    const key = organisation.kind === 'department' ? organisation.departmentId : 'contactCentre';
    await this.tx.manager.query(`select pg_advisory_xact_lock(hashtext('follow_up_import'), hashtext($1 || ':' || $2))`, [periodId, key]);
  }
}
