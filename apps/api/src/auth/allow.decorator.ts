import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { AccessRule, anyone } from './access-rules';

export const ACCESS_RULES = 'samverka:access-rules';

function describe(rule: AccessRule): string {
  switch (rule.kind) {
    case 'public':
      return 'anyone';
    case 'signedIn':
      return 'any signed-in user';
    case 'role':
      return rule.role;
    case 'department':
      return `${rule.roles.join(' or ')} of the department`;
    case 'committee':
      return 'committee_secretary of the committee';
    case 'self':
      return 'the person concerned';
    case 'roundParticipant':
      return "coordinator, management or committee_secretary of a department taking part in the round";
  }
}

/**
 * Who may call this endpoint or page: any one rule that holds lets the caller
 * in. Every handler must say it; a handler without @Allow is refused for
 * everyone (default deny), and the access table test fails.
 */
export const Allow = (...rules: AccessRule[]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULES, rules),
    ApiExtension('x-access', rules.map(describe)),
    ...(rules.some((r) => r.kind === 'public') ? [] : [ApiBearerAuth()]),
  );

export const Public = () => Allow(anyone());
