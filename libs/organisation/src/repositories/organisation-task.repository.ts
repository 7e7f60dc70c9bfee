import { Injectable } from '@nestjs/common';
import type { LocalDate, SqlSelect } from '@samverka/kernel';
import type { CoordinatorKind } from '../entities/coordinator-assignment.entity';

export interface UnacknowledgedAssignmentRow {
  assignmentId: string;
  kind: CoordinatorKind;
  departmentId: string;
  departmentName: string;
  committeeId: string;
  validFrom: LocalDate;
}

export interface DepartmentTaskRow {
  departmentId: string;
  departmentName: string;
  committeeId: string;
}

/**
 * The organisation context's obligations, each one set-based select (the task composer folds them into
 * its one statement), the caller's reach applied in SQL.
 */
@Injectable()
export class OrganisationTaskRepository {
  /** The person's own current or coming assignments (in active departments) not yet acknowledged. */
  selectUnacknowledgedOf(personId: string, today: LocalDate): SqlSelect<UnacknowledgedAssignmentRow> {
    return {
      sql: `select a.id, a.kind, a.department_id, d.name, d.committee_id, a.valid_from::text as valid_from
         from coordinator_assignment a
         join department d on d.id = a.department_id
        where a.person_id = $1 and a.acknowledged_at is null and d.active
          and (a.valid_to is null or a.valid_to >= $2::date)`,
      values: [personId, today],
      rowsFrom: (rows) =>
        (rows as unknown as Array<{ id: string; kind: CoordinatorKind; department_id: string; name: string; committee_id: string; valid_from: string }>).map((r) => ({
          assignmentId: r.id,
          kind: r.kind,
          departmentId: r.department_id,
          departmentName: r.name,
          committeeId: r.committee_id,
          validFrom: r.valid_from,
        })),
    };
  }

  /** Of the given departments, the active ones without a primary coordinator valid `today`. */
  selectWithoutPrimaryAmong(departmentIds: readonly string[], today: LocalDate): SqlSelect<DepartmentTaskRow> {
    return {
      sql: `select d.id, d.name, d.committee_id
         from department d
        where d.active and d.id = any($1::uuid[])
          and not exists (select 1 from coordinator_assignment a
                           where a.department_id = d.id and a.kind = 'primary'
                             and a.valid_from <= $2::date and (a.valid_to is null or a.valid_to >= $2::date))`,
      values: [departmentIds, today],
      rowsFrom: (rows) =>
        (rows as unknown as Array<{ id: string; name: string; committee_id: string }>).map((r) => ({ departmentId: r.id, departmentName: r.name, committeeId: r.committee_id })),
    };
  }

  /** City-wide coverage gaps on `today`: active departments without a primary coordinator, and unacknowledged current or coming assignments. */
  selectCoverageGaps(today: LocalDate): SqlSelect<{ withoutCoordinator: number; unacknowledged: number }> {
    return {
      sql: `select (select count(*) from department d
                where d.active and not exists (select 1 from coordinator_assignment a
                                                where a.department_id = d.id and a.kind = 'primary'
                                                  and a.valid_from <= $1::date and (a.valid_to is null or a.valid_to >= $1::date)))::int as without_coordinator,
              (select count(*) from coordinator_assignment a join department d on d.id = a.department_id
                where d.active and a.acknowledged_at is null and (a.valid_to is null or a.valid_to >= $1::date))::int as unacknowledged`,
      values: [today],
      rowsFrom: (rows) => rows.map((r) => ({ withoutCoordinator: Number(r.without_coordinator), unacknowledged: Number(r.unacknowledged) })),
    };
  }
}
