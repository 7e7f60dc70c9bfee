import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { IdentityErrorCode } from '@samverka/identity';
import { DomainError } from '@samverka/kernel';
import { seesAllDepartments } from '@samverka/organisation';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { principalOf } from '../auth/request-principal';
import { clearSessionCookie, readSessionCookie } from '../auth/session-cookie';
import { toErrorResponse } from './domain-exception.filter';
import { signInPath } from '../auth/pages/sign-in-form';
import { PageModel, SIGN_OUT_PATH, ViewRenderer } from './view-renderer';

export interface ErrorPageModel extends PageModel {
  status: number;
  heading: string;
  message: string;
  errorId: string | null;
  /** What the 404 page suggests: the department list, for those who may see it. */
  departmentsLink: boolean;
  /** A form's token did not match: the page explains how to try again. */
  expiredForm: boolean;
}

/** The HTML page for an error: 404, 403 and 500 have their own wording, other refusals show the (Swedish) domain message. */
export function errorPage(status: number, message: string, errorId: string | null, code?: string, departmentsLink = false): ErrorPageModel {
  const page = (heading: string, text: string, extra: Partial<ErrorPageModel> = {}): ErrorPageModel => ({
    title: heading,
    section: null,
    status,
    heading,
    message: text,
    errorId: null,
    departmentsLink,
    expiredForm: false,
    ...extra,
  });
  if (status === 404) return page('Sidan kunde inte hittas', '');
  if (status >= 500) return page('Något gick fel', '', { errorId });
  if (code === IdentityErrorCode.CSRF_INVALID) {
    return page('Formuläret har gått ut', 'Det du skickade kom från en sida som har gått ut eller inte kom från Samverka, så ingenting har sparats.', {
      expiredForm: true,
    });
  }
  if (code === IdentityErrorCode.FORBIDDEN) {
    return page('Du har inte behörighet till sidan', 'Ditt konto i Samverka ger inte åtkomst till den här sidan. Kontakta administratören om du behöver den.');
  }
  return page('Det gick inte att genomföra', message);
}

/**
 * Errors of the web UI as Swedish HTML pages (the API keeps its JSON errors:
 * this filter is applied to web controllers only, with @UseFilters, and by
 * the global filter for a browser's page request outside the API).
 *
 * Nobody signed in (or a session that has ended): to the sign-in page, and
 * back to the page afterwards.
 */
@Catch()
@Injectable()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrors');

  constructor(
    private readonly views: ViewRenderer,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    if (reply.sent) return;
    if (exception instanceof DomainError && exception.code === IdentityErrorCode.UNAUTHENTICATED) return this.toSignIn(request, reply);
    const { status, body } = toErrorResponse(exception, this.logger, request);
    const principal = principalOf(request);
    const model = errorPage(status, body.message, body.errorId ?? null, body.code, principal ? seesAllDepartments(principal) : false);
    this.views.send(reply, 'error', model, status).catch((renderError: unknown) => {
      this.logger.error({ err: renderError }, 'Could not render the error page');
      if (reply.sent) return;
      void reply
        .status(status)
        .header('content-type', 'text/plain; charset=utf-8')
        .send(body.errorId ? `Ett oväntat fel inträffade (fel-id ${body.errorId})` : body.message);
    });
  }

  /**
   * 303 to /logga-in?next=<the page>. A GET comes back to the same address.
   * A form posted after the session ended comes back to the form's address,
   * which as a GET leads to the page the form is on (nothing is posted
   * again). Signing out without a session: already signed out.
   */
  private toSignIn(request: FastifyRequest, reply: FastifyReply): void {
    const url = request.url ?? '/';
    const path = url.split('?')[0];
    // A session cookie that no longer works is cleared, so the browser stops sending it.
    if (readSessionCookie(request, this.config)) clearSessionCookie(reply, this.config);
    let target: string;
    if (request.method === 'GET' || request.method === 'HEAD') target = signInPath(url);
    else if (path === SIGN_OUT_PATH) target = signInPath(null, { utloggad: '1' });
    else target = signInPath(path);
    void reply.header('cache-control', 'no-store').redirect(target, HttpStatus.SEE_OTHER);
  }
}
