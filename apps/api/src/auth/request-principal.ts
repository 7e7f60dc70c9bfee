import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@samverka/audit';
import { IdentityError, Principal } from '@samverka/identity';
import type { FastifyRequest } from 'fastify';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export const principalOf = (request: FastifyRequest): Principal | undefined => (request as AuthenticatedRequest).principal;

/** The signed-in user, as the guard resolved them. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = principalOf(ctx.switchToHttp().getRequest<FastifyRequest>());
  if (!principal) throw IdentityError.unauthenticated();
  return principal;
});

export const actorOf = (principal: Principal | undefined, ip: string | null = null): Actor =>
  principal ? { personId: principal.personId, label: principal.name, ip } : { personId: null, label: 'anonymous', ip };
