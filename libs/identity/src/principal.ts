import { Role } from './entities/role-grant.entity';
import { SessionKind } from './entities/auth-session.entity';

/**
 * Who is calling, with what reach, resolved once per request: city-wide roles,
 * the departments a person manages or coordinates (coordination follows from
 * an assignment valid today) and the committees whose secretary they are.
 */
export interface Principal {
  userId: string;
  personId: string;
  name: string;
  email: string;
  sessionId: string;
  sessionKind: SessionKind;
  csrfToken: string;
  admin: boolean;
  strategist: boolean;
  /** Department ids. */
  management: string[];
  /** Department ids, from coordinator assignments (primary or deputy) valid today. */
  coordinator: string[];
  /** Committee ids. */
  committeeSecretary: string[];
}

export function rolesOf(p: Principal): Role[] {
  const roles: Role[] = [];
  if (p.admin) roles.push('admin');
  if (p.strategist) roles.push('strategist');
  if (p.coordinator.length) roles.push('coordinator');
  if (p.management.length) roles.push('management');
  if (p.committeeSecretary.length) roles.push('committee_secretary');
  return roles;
}

export type DepartmentRole = 'coordinator' | 'management';

/** Does the principal hold one of `roles` for this department? */
export function actsForDepartment(p: Principal, roles: readonly DepartmentRole[], departmentId: string | null | undefined): boolean {
  if (!departmentId) return false;
  return roles.some((r) => (r === 'coordinator' ? p.coordinator : p.management).includes(departmentId));
}

export function actsForCommittee(p: Principal, committeeId: string | null | undefined): boolean {
  return !!committeeId && p.committeeSecretary.includes(committeeId);
}
