import { Body, Controller, Get, HttpStatus, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { IdentityErrorCode, Principal, SessionService, SignInService } from '@samverka/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyone, signedIn } from '../access-rules';
import { Allow } from '../allow.decorator';
import { actorOf, CurrentPrincipal, principalOf } from '../request-principal';
import { clearSessionCookie, setSessionCookie } from '../session-cookie';
import { formAction, FormErrorMap, FormRejected } from '../../shell/form-action';
import { FieldErrors, formField } from '../../shell/form-body';
import { readSignInForm, safeNextPath, SIGN_IN_PATH, signInPath, SignInFormValues, validateSignInForm } from './sign-in-form';
import { clearLoginCsrfCookie, issueLoginCsrfToken, loginCsrfMatches } from '../../shell/login-csrf';
import { buildSignInPage } from './sign-in.presenter';
import { SIGN_OUT_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';

/** The refusals of a password sign-in that the form explains (in the service's Swedish words, above the form). */
const SIGN_IN_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: () => undefined,
  // The address to return to is never stored: anything but a path on this site (safeNextPath) leads to the start page.
  readByOwnRule: ['next'],
  refusals: { [IdentityErrorCode.INVALID_CREDENTIALS]: null, [IdentityErrorCode.SIGN_IN_LOCKED]: null, [IdentityErrorCode.USER_DISABLED]: null },
};

const EXPIRED_FORM = 'Inloggningssidan hade gått ut. Skriv in din e-postadress och ditt lösenord igen.';

interface FormState {
  values: SignInFormValues;
  errors?: FieldErrors;
  general?: string | null;
  signedOut?: boolean;
  /** A new login CSRF token (after a mismatch, and never one an attacker could have chosen). */
  renew?: boolean;
}

/**
 * Signing in with e-mail and password, and signing out. Single sign-on
 * (/logga-in/sso) is its own controller; this page links to it when it is
 * configured.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class SignInPagesController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionService,
    private readonly views: ViewRenderer,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  @Get(SIGN_IN_PATH.slice(1))
  @Allow(anyone())
  async form(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const next = safeNextPath(query.next) ?? '';
    // Already signed in (in this browser): straight on.
    if (principalOf(request)?.sessionKind === 'web') return void reply.redirect(next || '/', HttpStatus.SEE_OTHER);
    await this.page(request, reply, { values: { email: '', next }, signedOut: query.utloggad === '1' }, HttpStatus.OK);
  }

  @Post(SIGN_IN_PATH.slice(1))
  @Allow(anyone())
  async submit(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { password, ...values } = readSignInForm(body);
    if (!loginCsrfMatches(request, this.config, formField(body, '_csrf'))) {
      return this.page(request, reply, { values, general: EXPIRED_FORM, renew: true }, HttpStatus.FORBIDDEN);
    }
    await formAction({
      posted: body,
      values,
      errors: SIGN_IN_FORM_ERRORS,
      run: () => {
        const errors = validateSignInForm({ email: values.email, password });
        if (Object.keys(errors).length > 0) throw new FormRejected(errors);
        return this.signIn.signInWithPassword({ email: values.email, password, kind: 'web', ip: request.ip, userAgent: request.headers['user-agent'] });
      },
      failed: (failure, refusal) => {
        const retryAfter = refusal?.context?.retryAfterSeconds;
        if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
        return this.page(request, reply, { values, errors: failure.errors, general: failure.general.join(' ') || undefined }, failure.status);
      },
      done: async (session) => {
        // Session fixation: the new session has a token of its own; a session this browser had before ends now.
        const previous = principalOf(request);
        if (previous?.sessionKind === 'web') await this.sessions.revoke(previous.sessionId);
        setSessionCookie(reply, this.config, session.token, session.expiresInSeconds);
        clearLoginCsrfCookie(reply, this.config);
        void reply.redirect(values.next || '/', HttpStatus.SEE_OTHER);
      },
    });
  }

  @Post(SIGN_OUT_PATH.slice(1))
  @Allow(signedIn())
  async signOut(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.signIn.signOut(principal.sessionId, actorOf(principal, request.ip), principal.userId, request.ip);
    clearSessionCookie(reply, this.config);
    void reply.redirect(signInPath(null, { utloggad: '1' }), HttpStatus.SEE_OTHER);
  }

  private async page(request: FastifyRequest, reply: FastifyReply, state: FormState, status: number): Promise<void> {
    const loginCsrf = issueLoginCsrfToken(request, reply, this.config, state.renew === true);
    const model = buildSignInPage({
      values: state.values,
      loginCsrf,
      errors: state.errors,
      general: state.general,
      signedOut: state.signedOut,
      ssoLabel: this.config.identity.oidc?.buttonLabel ?? null,
    });
    await this.views.send(reply, 'sign-in', model, status);
  }
}
