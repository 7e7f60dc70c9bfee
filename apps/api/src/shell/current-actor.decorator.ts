import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@samverka/audit';
import type { FastifyRequest } from 'fastify';
import { actorOf, principalOf } from '../auth/request-principal';

/** The caller as recorded in audit events: the signed-in person, and the address they came from. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return actorOf(principalOf(request), request.ip);
});
