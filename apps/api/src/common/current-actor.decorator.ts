import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@samverka/audit';
import type { FastifyRequest } from 'fastify';
import { actorOf, principalOf } from '../auth/request-principal';

/** The caller as recorded in audit events: the signed-in person. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => actorOf(principalOf(ctx.switchToHttp().getRequest<FastifyRequest>())));
