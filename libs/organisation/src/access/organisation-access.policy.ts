import { Injectable } from '@nestjs/common';
import { Principal } from '@samverka/kernel';
import { CoordinatorAssignmentRepository } from '../repositories/coordinator-assignment.repository';

/**
 * Who may act for which part of the organisation. The answers that need only
 * the principal are functions (a page presenter may call them); the one that
 * must load a row first (the parties of a coordinator assignment) is on the
 * injectable OrganisationAccessPolicy. The AccessGuard, the services and the
 * pages ask here; nothing else decides.
 */

/** The roles a person holds for a department (coordinator by an assignment valid today). */
export type DepartmentRole = 'coordinator' | 'management';

/** Does the principal hold one of `roles` for this department? */
export function actsForDepartment(p: Principal, roles: readonly DepartmentRole[], departmentId: string | null | undefined): boolean {
  if (!departmentId) return false;
  return roles.some((r) => (r === 'coordinator' ? p.coordinator : p.management).includes(departmentId));
}

/** Is the principal the secretary of this committee? */
export function actsForCommittee(p: Principal, committeeId: string | null | undefined): boolean {
  return !!committeeId && p.committeeSecretary.includes(committeeId);
}

/** Is the principal this person, acting for themselves? */
export function isPerson(p: Principal, personId: string | null | undefined): boolean {
  return !!personId && personId === p.personId;
}

/** Admins and strategists see every department (the list and every department's page). */
export function seesAllDepartments(p: Principal): boolean {
  return p.admin || p.strategist;
}

/** May the principal open this department's page: city-wide readers, and the department's coordinators and managers. */
export function mayViewDepartment(p: Principal, departmentId: string): boolean {
  return seesAllDepartments(p) || actsForDepartment(p, ['coordinator', 'management'], departmentId);
}

/** Admins appoint coordinators and end their assignments. */
export function mayAdministerCoordinators(p: Principal): boolean {
  return p.admin;
}

/** The department and the person a coordinator assignment joins. */
export interface AssignmentParties {
  departmentId: string;
  personId: string;
}

@Injectable()
export class OrganisationAccessPolicy {
  constructor(private readonly assignments: CoordinatorAssignmentRepository) {}

  /** Who a coordinator assignment concerns; null when there is no such assignment. A failing query is an error, not a refusal. */
  async partiesOfAssignment(assignmentId: string): Promise<AssignmentParties | null> {
    const assignment = await this.assignments.findById(assignmentId);
    return assignment ? { departmentId: assignment.departmentId, personId: assignment.personId } : null;
  }
}
