import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@samverka/audit';

/**
 * The caller, as recorded in audit events. Sign-in does not exist yet, so
 * every caller is an anonymous operator identified by channel; the identity
 * issue replaces this with the signed-in user.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ url?: string }>();
  return { personId: null, label: request.url?.startsWith('/api/') ? 'api' : 'web' };
});
