import { Injectable } from '@nestjs/common';
import { addWorkingDays, LocalDate, mapSelect, Principal, ProvidesTasks, SqlSelect, TaskDraft, TaskProvider } from '@samverka/kernel';
import type { ReportingOrganisation } from '../follow-up.model';
import { FollowUpOpsRepository, OpenReportRow } from '../repositories/follow-up-ops.repository';

/** The kinds of task the follow-up creates. */
export const FOLLOW_UP_TASK_KINDS = { reportDue: 'follow_up.report_due' } as const;

/** A period's reports become a task this many Swedish working days before its due date (and stay one while owed). */
export const REPORT_TASK_WORKING_DAYS = 15;

/** How many owed items a task's title names before "och N till". */
const NAMED_ITEMS = 3;

/** The page where an organisation reports for a round (the department's follow-up page; the round's for the contact centre). */
export function followUpReportPath(roundId: string, organisation: ReportingOrganisation): string {
  return organisation.kind === 'department' ? `/planomgangar/${roundId}/uppfoljning/forvaltningar/${organisation.departmentId}` : `/planomgangar/${roundId}/uppfoljning`;
}

/** The organisation as a reminder or a task names it. */
export function organisationName(row: Pick<OpenReportRow, 'departmentName'>): string {
  return row.departmentName ?? 'kontaktcenter';
}

/** "LS-1, LS-2 och LS-3", or "LS-1, LS-2, LS-3 och 4 till". */
export function owedCodes(owed: ReadonlyArray<{ code: string }>): string {
  const codes = owed.map((o) => o.code);
  if (codes.length <= NAMED_ITEMS) return codes.length === 1 ? codes[0] : `${codes.slice(0, -1).join(', ')} och ${codes[codes.length - 1]}`;
  return `${codes.slice(0, NAMED_ITEMS).join(', ')} och ${codes.length - NAMED_ITEMS} till`;
}

/** One task per organisation and period: what to report, for which items, by the due date. */
export function reportDueTask(row: OpenReportRow): TaskDraft {
  const count = row.owed.length;
  const items = count === row.total ? `${count} ${count === 1 ? 'insats' : 'insatser'}` : `${count} av ${row.total} insatser`;
  return {
    kind: FOLLOW_UP_TASK_KINDS.reportDue,
    title: `Rapportera uppföljningen för ${organisationName(row)}, ${row.periodLabel} i ${row.roundTitle}: ${items} saknar rapport (${owedCodes(row.owed)})`,
    dueOn: row.dueOn,
    href: followUpReportPath(row.roundId, row.organisation),
    roundId: row.roundId,
    ...(row.organisation.kind === 'department' ? { departmentId: row.organisation.departmentId } : {}),
  };
}

/**
 * The follow-up reports a coordinator's departments (a strategist: the contact centre) still owe for
 * a period due within 15 working days or overdue, in rounds in follow-up. One statement.
 */
@Injectable()
@ProvidesTasks(FOLLOW_UP_TASK_KINDS.reportDue)
export class ReportDueTasks implements TaskProvider {
  constructor(private readonly ops: FollowUpOpsRepository) {}
  appliesTo(p: Principal): boolean {
    return p.coordinator.length > 0 || p.strategist;
  }
  taskSelect(p: Principal, today: LocalDate): SqlSelect<TaskDraft> {
    const open = this.ops.selectOpenReports({ departmentIds: p.coordinator, contactCentre: p.strategist }, addWorkingDays(today, REPORT_TASK_WORKING_DAYS));
    return mapSelect(open, (rows) => rows.map(reportDueTask));
  }
}

export const FOLLOW_UP_TASK_PROVIDERS = [ReportDueTasks];
