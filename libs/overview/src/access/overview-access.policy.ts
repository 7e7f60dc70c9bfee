import type { Principal } from '@samverka/kernel';
import type { OverviewScope } from '../overview.model';

/**
 * Who sees which overview: strategists the whole city; coordinators and managers the departments they
 * act for (both roles together: the union); everyone else none (null: refused).
 */
export function overviewScope(p: Principal): OverviewScope | null {
  if (p.strategist) return { all: true, departmentIds: [] };
  const departmentIds = [...new Set([...p.coordinator, ...p.management])].sort();
  return departmentIds.length > 0 ? { all: false, departmentIds } : null;
}

export const mayReadOverview = (p: Principal): boolean => overviewScope(p) !== null;
