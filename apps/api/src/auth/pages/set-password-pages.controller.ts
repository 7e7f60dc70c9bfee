import { Body, Controller, Get, HttpStatus, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { IdentityErrorCode, PasswordSetupService, PasswordSetupStatus, SessionService } from '@samverka/identity';
import { DomainError } from '@samverka/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyone } from '../access-rules';
import { Allow } from '../allow.decorator';
import { principalOf } from '../request-principal';
import { setSessionCookie } from '../session-cookie';
import { formAction, FormRejected } from '../../shell/form-action';
import { FieldErrors, formField } from '../../shell/form-body';
import { clearLoginCsrfCookie, issueLoginCsrfToken, loginCsrfMatches } from '../../shell/login-csrf';
import { ErrorSummaryItem } from '../../shell/format';
import { PageModel, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { LINK_PROBLEMS, PASSWORD_HINT, readSetPasswordForm, SET_PASSWORD_FORM_ERRORS, SET_PASSWORD_PATH, setPasswordFormErrors } from './set-password-form';

interface SetPasswordPageModel extends PageModel {
  problem: { heading: string; text: string } | null;
  errorSummary: ErrorSummaryItem[];
  errors: FieldErrors;
  action: string;
  token: string;
  name: string;
  email: string;
  loginCsrf: string;
  hint: string;
}

/** A link that cannot be used: 410 Gone once used or expired, 404 when it never existed, 403 for a disabled account. */
const PROBLEM_STATUS: Record<Exclude<PasswordSetupStatus, 'valid'>, number> = { used: HttpStatus.GONE, expired: HttpStatus.GONE, unknown: HttpStatus.NOT_FOUND, disabled: HttpStatus.FORBIDDEN };

const EXPIRED_FORM = 'Sidan hade gått ut. Skriv lösenordet igen.';

/**
 * A new user chooses their password with the emailed link (/satt-losenord?token=…), and is signed in.
 * Nobody needs to be signed in; the form carries the login CSRF token, as the sign-in form does.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class SetPasswordPagesController {
  constructor(
    private readonly passwordSetup: PasswordSetupService,
    private readonly sessions: SessionService,
    private readonly views: ViewRenderer,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  @Get(SET_PASSWORD_PATH.slice(1))
  @Allow(anyone())
  async form(@Query('token') token: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.page(request, reply, typeof token === 'string' ? token : '', {}, []);
  }

  @Post(SET_PASSWORD_PATH.slice(1))
  @Allow(anyone())
  async submit(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const values = readSetPasswordForm(body);
    if (!loginCsrfMatches(request, this.config, formField(body, '_csrf'))) {
      return this.page(request, reply, values.token, {}, [EXPIRED_FORM], HttpStatus.FORBIDDEN, true);
    }
    await formAction({
      posted: body,
      values: {},
      errors: SET_PASSWORD_FORM_ERRORS,
      run: () => {
        const errors = setPasswordFormErrors(values);
        if (Object.keys(errors).length > 0) throw new FormRejected(errors);
        return this.passwordSetup.setPassword(values.token, values.password, { ip: request.ip, userAgent: request.headers['user-agent'] });
      },
      failed: (failure, refusal) =>
        // A link that stopped working meanwhile (used in another tab): the page that says so.
        refusal instanceof DomainError && refusal.code === IdentityErrorCode.PASSWORD_LINK_INVALID
          ? this.page(request, reply, values.token, {}, [])
          : this.page(request, reply, values.token, failure.errors, failure.general, failure.status),
      done: async (session) => {
        const previous = principalOf(request);
        if (previous?.sessionKind === 'web') await this.sessions.revoke(previous.sessionId);
        setSessionCookie(reply, this.config, session.token, session.expiresInSeconds);
        clearLoginCsrfCookie(reply, this.config);
        void reply.redirect('/', HttpStatus.SEE_OTHER);
      },
    });
  }

  private async page(request: FastifyRequest, reply: FastifyReply, token: string, errors: FieldErrors, general: string[], status = HttpStatus.OK, renew = false): Promise<void> {
    const check = await this.passwordSetup.check(token);
    const problem = check.status === 'valid' ? null : LINK_PROBLEMS[check.status];
    const errorSummary: ErrorSummaryItem[] = problem
      ? []
      : [...general.map((text) => ({ text, href: '#password' })), ...(['password', 'confirmation'] as const).filter((f) => errors[f]).map((f) => ({ text: errors[f]!, href: `#${f}` }))];
    const model: SetPasswordPageModel = {
      title: problem ? problem.heading : 'Välj ditt lösenord',
      section: null,
      hasErrors: errorSummary.length > 0,
      problem,
      errorSummary,
      errors: problem ? {} : errors,
      action: SET_PASSWORD_PATH,
      token: problem ? '' : token,
      name: check.name ?? '',
      email: check.email ?? '',
      loginCsrf: problem ? '' : issueLoginCsrfToken(request, reply, this.config, renew),
      hint: PASSWORD_HINT,
    };
    await this.views.send(reply, 'set-password', model, problem ? PROBLEM_STATUS[check.status as Exclude<PasswordSetupStatus, 'valid'>] : status);
  }
}
