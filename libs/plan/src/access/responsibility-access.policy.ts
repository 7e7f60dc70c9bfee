import type { Principal } from '@samverka/kernel';
import { mayReadPlanDraft } from './plan-access.policy';

/**
 * Who may read what of the responsibility allocation (the shared decisions of the plan):
 *  - the draft (its matrix, its summaries): strategists and admins (`mayReadPlanDraft`);
 *  - frozen versions: whoever may read the round (the guard asks `RoundAccessPolicy.mayRead`);
 *  - a department's summary: strategists, admins, and that department's own management and
 *    coordinators (a coordinator of another department is refused);
 *  - marking a summary as read: a person of that department (management or coordinator).
 */

/** A person of the department itself: its management, or a coordinator (assignment valid today). */
export function actsForOwnDepartment(p: Principal, departmentId: string): boolean {
  return p.management.includes(departmentId) || p.coordinator.includes(departmentId);
}

/** A department's summary (and the documents made from it): strategists, admins and the department's own people. */
export function mayReadDepartmentSummary(p: Principal, departmentId: string): boolean {
  return mayReadPlanDraft(p) || actsForOwnDepartment(p, departmentId);
}

/** Marking the department's summary as read: only its own people (a strategist reading it is not the department reading it). */
export function mayMarkSummaryRead(p: Principal, departmentId: string): boolean {
  return actsForOwnDepartment(p, departmentId);
}
