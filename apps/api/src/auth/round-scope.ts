import { Principal } from '@samverka/identity';
import { RoundReaderScope } from '@samverka/rounds';

/** Which rounds a caller may read: strategists and admins all; others the rounds their departments or committees take part in. */
export function roundScopeOf(p: Principal): RoundReaderScope {
  return {
    all: p.strategist || p.admin,
    departmentIds: [...new Set([...p.management, ...p.coordinator])],
    committeeIds: p.committeeSecretary,
  };
}
