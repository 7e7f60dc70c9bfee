import type { Principal } from '@samverka/kernel';
import { Role } from './entities/role-grant.entity';

export type { Principal } from '@samverka/kernel';

export function rolesOf(p: Principal): Role[] {
  const roles: Role[] = [];
  if (p.admin) roles.push('admin');
  if (p.strategist) roles.push('strategist');
  if (p.coordinator.length) roles.push('coordinator');
  if (p.management.length) roles.push('management');
  if (p.committeeSecretary.length) roles.push('committee_secretary');
  return roles;
}
