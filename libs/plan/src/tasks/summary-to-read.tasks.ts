import { Injectable } from '@nestjs/common';
import { mapSelect, Principal, ProvidesTasks, SqlSelect, TaskDraft, TaskProvider } from '@samverka/kernel';
import { ResponsibilityRepository, UnreadSummaryRow } from '../repositories/responsibility.repository';

export const SUMMARY_TO_READ_TASK = 'plan.summary_to_read';

/** The department's summary page in a round: where it is read and marked read. */
export function summaryPagePath(roundId: string, departmentId: string): string {
  return `/planomgangar/${roundId}/ansvarsfordelning/${departmentId}`;
}

/** A department's responsibility summary of the latest frozen version, not yet marked read by the reader. */
export function summaryToReadTask(r: UnreadSummaryRow): TaskDraft {
  return {
    kind: SUMMARY_TO_READ_TASK,
    title: `Läs ansvarsfördelningen för ${r.departmentName} i ${r.roundTitle} (version ${r.version}) och markera den som läst`,
    dueOn: null,
    href: summaryPagePath(r.roundId, r.departmentId),
    roundId: r.roundId,
    departmentId: r.departmentId,
    committeeId: r.committeeId,
  };
}

/**
 * For coordinators and management: each department of theirs whose summary of its round's latest
 * frozen version they have not marked read, while the round drafts the plan or later and is neither
 * closed nor cancelled.
 */
@Injectable()
@ProvidesTasks(SUMMARY_TO_READ_TASK)
export class SummaryToReadTasks implements TaskProvider {
  constructor(private readonly allocation: ResponsibilityRepository) {}
  appliesTo(p: Principal): boolean {
    return p.coordinator.length > 0 || p.management.length > 0;
  }
  taskSelect(p: Principal): SqlSelect<TaskDraft> {
    return mapSelect(this.allocation.selectUnreadSummaries([...new Set([...p.coordinator, ...p.management])], p.userId), (rows) => rows.map(summaryToReadTask));
  }
}
