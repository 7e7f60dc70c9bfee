import type { Principal } from '@samverka/kernel';
import type { ReportingOrganisation } from '../follow-up.model';

/**
 * Who may do what in the follow-up. Reading it follows the round (RoundAccessPolicy.mayRead);
 * these answer what needs only the principal, so presenters may call them too.
 */

/** Strategists set and change a round's reporting periods. */
export function maySetPeriods(p: Principal): boolean {
  return p.strategist;
}

/** A department reports through its coordinators (primary or deputy); the contact centre through strategists. */
export function mayReportFor(p: Principal, organisation: ReportingOrganisation): boolean {
  return organisation.kind === 'department' ? p.coordinator.includes(organisation.departmentId) : p.strategist;
}

/** Anyone who may report for some organisation (the coordinators and the strategists). */
export function mayReportAtAll(p: Principal): boolean {
  return p.strategist || p.coordinator.length > 0;
}
