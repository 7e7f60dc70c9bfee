import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { AccessRule, anyone } from './access-rules';

export const ACCESS_RULES = 'samverka:access-rules';

/**
 * Who may call this endpoint or page: any one rule that holds lets the caller
 * in. Every handler must say it; a handler without @Allow is refused for
 * everyone (default deny), and the access table test fails.
 */
export const Allow = (...rules: AccessRule[]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULES, rules),
    ApiExtension('x-access', rules.map((r) => r.description)),
    ...(rules.some((r) => r.public) ? [] : [ApiBearerAuth()]),
  );

export const Public = () => Allow(anyone());
