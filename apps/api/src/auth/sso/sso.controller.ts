import { Controller, Get, HttpStatus, Inject, NotFoundException, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { IdentityError, IdentityErrorCode, OidcService, SessionService } from '@samverka/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyone } from '../access-rules';
import { Allow } from '../allow.decorator';
import { principalOf } from '../request-principal';
import { setSessionCookie } from '../session-cookie';
import { safeNextPath, SSO_SIGN_IN_PATH } from '../pages/sign-in-form';
import { WebExceptionFilter } from '../../shell/web-exception.filter';

/** As long as the sign-in at the provider may take (the service keeps its half as long). */
const STATE_COOKIE_MAX_AGE_SECONDS = 10 * 60;

const NOT_STARTED_HERE = 'Inloggningen startades inte i den här webbläsaren, eller har redan använts. Försök logga in igen.';

/**
 * Single sign-on through the municipality's identity provider (OpenID
 * Connect, authorisation code with PKCE). The sign-in's `state` is also kept
 * in a short-lived cookie, so a callback completes only in the browser that
 * started it: nobody can sign someone else in to their own account by
 * passing on a callback link (login CSRF).
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(SSO_SIGN_IN_PATH.slice(1))
export class SsoController {
  constructor(
    private readonly oidc: OidcService,
    private readonly sessions: SessionService,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  /** To the identity provider; back at `next` (a local path, else the start page) once signed in. */
  @Get()
  @Allow(anyone())
  async start(@Query('next') next: unknown, @Res() reply: FastifyReply): Promise<void> {
    if (!this.oidc.isEnabled()) throw new NotFoundException();
    const authorizationUrl = await this.oidc.start(safeNextPath(next) ?? '/');
    void reply.setCookie(this.stateCookieName(), authorizationUrl.searchParams.get('state') ?? '', {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.identity.secureCookies,
      path: '/',
      maxAge: STATE_COOKIE_MAX_AGE_SECONDS,
    });
    void reply.header('cache-control', 'no-store').redirect(authorizationUrl.href, HttpStatus.SEE_OTHER);
  }

  /** Where the identity provider sends the browser back: signs in and goes on to where the sign-in started. */
  @Get('callback')
  @Allow(anyone())
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const oidc = this.config.identity.oidc;
    if (!oidc) throw new NotFoundException();
    const callbackUrl = new URL(request.url, oidc.redirectUri);
    const state = callbackUrl.searchParams.get('state');
    const startedHere = (request.cookies as Record<string, string | undefined> | undefined)?.[this.stateCookieName()];
    void reply.clearCookie(this.stateCookieName(), { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.identity.secureCookies });
    // An error from the provider is shown as such (it may come without state); the service consumes the sign-in either way.
    if (!callbackUrl.searchParams.has('error') && (!state || state !== startedHere)) {
      throw new IdentityError(IdentityErrorCode.SSO_FAILED, NOT_STARTED_HERE);
    }
    const { session, returnTo } = await this.oidc.complete(callbackUrl, { ip: request.ip, userAgent: request.headers['user-agent'] });

    // Session fixation: the new session has a token of its own; a session this browser had before ends now.
    const previous = principalOf(request);
    if (previous?.sessionKind === 'web') await this.sessions.revoke(previous.sessionId);
    setSessionCookie(reply, this.config, session.token, session.expiresInSeconds);
    void reply.header('cache-control', 'no-store').redirect(safeNextPath(returnTo) ?? '/', HttpStatus.SEE_OTHER);
  }

  private stateCookieName(): string {
    return this.config.identity.secureCookies ? '__Host-samverka_sso' : 'samverka_sso';
  }
}
