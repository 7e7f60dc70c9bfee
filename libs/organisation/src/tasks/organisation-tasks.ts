import type { TaskDraft } from '@samverka/kernel';
import { COORDINATOR_KIND_LABELS } from '../organisation.vocabulary';
import type { DepartmentTaskRow, UnacknowledgedAssignmentRow } from '../repositories/organisation-task.repository';

/** The kinds of task the organisation context knows. */
export const ORGANISATION_TASK_KINDS = {
  acknowledge: 'assignment.acknowledge',
  lacksCoordinator: 'department.lacks_coordinator',
  coverageGaps: 'coverage.gaps',
} as const;

export function departmentPagePath(departmentId: string): string {
  return `/forvaltningar/${departmentId}`;
}

/** The page where the appointed person acknowledges their assignment. */
export function acknowledgePath(departmentId: string, assignmentId: string): string {
  return `${departmentPagePath(departmentId)}/uppdrag/${assignmentId}/bekrafta`;
}

export function acknowledgeTask(r: UnacknowledgedAssignmentRow): TaskDraft {
  return {
    kind: ORGANISATION_TASK_KINDS.acknowledge,
    title: `Bekräfta ditt uppdrag som ${COORDINATOR_KIND_LABELS[r.kind].toLowerCase()} för ${r.departmentName}`,
    dueOn: null,
    href: acknowledgePath(r.departmentId, r.assignmentId),
    departmentId: r.departmentId,
    committeeId: r.committeeId,
  };
}

export function lacksCoordinatorTask(r: DepartmentTaskRow): TaskDraft {
  return {
    kind: ORGANISATION_TASK_KINDS.lacksCoordinator,
    title: `${r.departmentName} saknar samordnare: se till att förvaltningen utser en`,
    dueOn: null,
    href: departmentPagePath(r.departmentId),
    departmentId: r.departmentId,
    committeeId: r.committeeId,
  };
}

/** City-wide gaps, as one task; none when there is no gap. */
export function coverageGapsTask(gaps: { withoutCoordinator: number; unacknowledged: number }): TaskDraft[] {
  if (gaps.withoutCoordinator === 0 && gaps.unacknowledged === 0) return [];
  const parts = [
    gaps.withoutCoordinator > 0 ? `${gaps.withoutCoordinator} ${gaps.withoutCoordinator === 1 ? 'förvaltning saknar' : 'förvaltningar saknar'} samordnare` : null,
    gaps.unacknowledged > 0 ? `${gaps.unacknowledged} uppdrag är inte ${gaps.unacknowledged === 1 ? 'bekräftat' : 'bekräftade'}` : null,
  ].filter((p): p is string => p !== null);
  return [{ kind: ORGANISATION_TASK_KINDS.coverageGaps, title: `Luckor i samordnarnätet: ${parts.join(' och ')}`, dueOn: null, href: '/forvaltningar' }];
}
