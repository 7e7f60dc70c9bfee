import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { IdentityError, IdentityErrorCode, Principal, PrincipalService } from '@samverka/identity';
import { sameSecret } from '@samverka/kernel';
import { NeedsAccessPolicy } from '@samverka/needs';
import { OrganisationAccessPolicy } from '@samverka/organisation';
import { RoundAccessPolicy } from '@samverka/rounds';
import type { FastifyRequest } from 'fastify';
import { AccessPolicies, AccessRule } from './access-rules';
import { ACCESS_RULES } from './allow.decorator';
import { AuthenticatedRequest } from './request-principal';
import { readSessionCookie } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * One guard for every route: resolves the caller (Bearer token, else session
 * cookie), enforces CSRF for cookie-authenticated writes, then checks the
 * handler's @Allow rules, which ask the contexts' access policies. No rules:
 * refused (default deny). A rule that cannot decide (the database fails while
 * loading the resource) fails the request with that error, never a 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  private readonly policies: AccessPolicies;

  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalService,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
    organisation: OrganisationAccessPolicy,
    rounds: RoundAccessPolicy,
    needs: NeedsAccessPolicy,
  ) {
    this.policies = { organisation, rounds, needs };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rules = this.reflector.getAllAndOverride<AccessRule[] | undefined>(ACCESS_RULES, [context.getHandler(), context.getClass()]);
    if (!rules || rules.length === 0) {
      this.logger.error(`No access rule declared for ${request.method} ${request.routeOptions?.url ?? request.url}: refused`);
      throw IdentityError.forbidden('Ingen behörighetsregel är angiven för den här adressen');
    }

    const { principal, badToken } = await this.authenticate(request);
    if (principal) request.principal = principal;
    // Public routes (health, sign-in) ignore credentials they cannot use: a stale header must not lock a client out of signing in again.
    if (rules.some((r) => r.public)) return true;
    if (badToken) throw new IdentityError(IdentityErrorCode.UNAUTHENTICATED, 'Åtkomsttoken saknas, har gått ut eller har återkallats');
    if (!principal) throw IdentityError.unauthenticated();
    if (principal.sessionKind === 'web' && !SAFE_METHODS.has(request.method)) this.checkCsrf(request, principal);
    for (const rule of rules) {
      if (await rule.holds(principal, request, this.policies)) return true;
    }
    throw IdentityError.forbidden();
  }

  /** A Bearer header wins over the cookie; a presented but unusable token is reported, never silently downgraded to the cookie. */
  private async authenticate(request: FastifyRequest): Promise<{ principal?: Principal; badToken: boolean }> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match ? await this.principals.forToken(match[1], 'api') : null;
      return principal ? { principal, badToken: false } : { badToken: true };
    }
    const cookie = readSessionCookie(request, this.config);
    const principal = cookie ? await this.principals.forToken(cookie, 'web') : null;
    return { principal: principal ?? undefined, badToken: false };
  }

  /** Synchronizer token: a form field `_csrf` or header `x-csrf-token` equal to the session's secret. */
  private checkCsrf(request: FastifyRequest, principal: Principal): void {
    const header = request.headers['x-csrf-token'];
    const field = (request.body as Record<string, unknown> | undefined)?._csrf;
    const presented = typeof header === 'string' ? header : typeof field === 'string' ? field : undefined;
    if (!sameSecret(presented, principal.csrfToken)) {
      throw new IdentityError(IdentityErrorCode.CSRF_INVALID, 'Formuläret har gått ut eller kom inte från Samverka. Ladda om sidan och försök igen.');
    }
  }
}
