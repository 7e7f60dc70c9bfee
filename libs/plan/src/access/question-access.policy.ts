import { Principal } from '@samverka/kernel';
import { actsForDepartment } from '@samverka/organisation';
import { mayReadPlanDraft } from './plan-access.policy';

/**
 * Who may do what with the plan's needs coverage and the questions about its items. Only the
 * principal is needed: these are plain functions (presenters call them too).
 */

/* Deferring needs and answering questions is editing the plan (`mayEditPlan`); the needs coverage and
   every question are read as the draft is (`mayReadPlanDraft`): strategists and admins. */

/** A department's management and coordinators ask about the plan's items for their department. */
export function mayAskFor(p: Principal, departmentId: string | null | undefined): boolean {
  return actsForDepartment(p, ['management', 'coordinator'], departmentId);
}

/** A department's questions: strategists, admins and the department's own management and coordinators. */
export function mayReadQuestionsOf(p: Principal, departmentId: string | null | undefined): boolean {
  return mayReadPlanDraft(p) || mayAskFor(p, departmentId);
}

/**
 * The departments whose questions a reader sees: undefined for strategists and admins (every department),
 * else the departments they manage or coordinate.
 */
export function questionReadScope(p: Principal): string[] | undefined {
  return mayReadPlanDraft(p) ? undefined : [...new Set([...p.management, ...p.coordinator])];
}
