import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { CommonErrorCode, DomainError } from '@samverka/kernel';
import { IdentityErrorCode } from '@samverka/identity';
import { NotificationErrorCode } from '@samverka/notifications';
import { OrganisationErrorCode } from '@samverka/organisation';
import { RoundErrorCode } from '@samverka/rounds';
import { NeedsErrorCode } from '@samverka/needs';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Every coded error any library can raise. A new enum joins this union. */
export type ErrorCode = CommonErrorCode | OrganisationErrorCode | IdentityErrorCode | NotificationErrorCode | RoundErrorCode | NeedsErrorCode;

function assertNever(code: never): never {
  throw new Error(`Unmapped error code ${String(code)}`);
}

/** The one place codes become HTTP statuses. A code nobody mapped fails to compile. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case CommonErrorCode.VALIDATION_FAILED:
      return HttpStatus.BAD_REQUEST;
    case CommonErrorCode.UNKNOWN_REFERENCE:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case CommonErrorCode.NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case CommonErrorCode.DUPLICATE:
    case CommonErrorCode.CONFLICT:
    case CommonErrorCode.VERSION_CONFLICT:
    case OrganisationErrorCode.ASSIGNMENT_OVERLAP:
    case OrganisationErrorCode.ASSIGNMENT_ENDED:
    case OrganisationErrorCode.STILL_REFERENCED:
    case OrganisationErrorCode.COMMITTEE_INACTIVE:
    case OrganisationErrorCode.DEPARTMENT_INACTIVE:
    case NotificationErrorCode.NOT_RETRYABLE:
    case RoundErrorCode.ILLEGAL_TRANSITION:
    case RoundErrorCode.ACTIVE_ROUND_EXISTS:
    case RoundErrorCode.ROUND_NOT_EDITABLE:
    case NeedsErrorCode.ROUND_NOT_COLLECTING:
    case NeedsErrorCode.SUBMISSION_NOT_EDITABLE:
    case NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED:
    case NeedsErrorCode.REFERENCE_EXISTS:
      return HttpStatus.CONFLICT;
    case IdentityErrorCode.UNAUTHENTICATED:
    case IdentityErrorCode.INVALID_CREDENTIALS:
      return HttpStatus.UNAUTHORIZED;
    case IdentityErrorCode.FORBIDDEN:
    case IdentityErrorCode.CSRF_INVALID:
    case IdentityErrorCode.USER_DISABLED:
    case IdentityErrorCode.UNKNOWN_USER:
      return HttpStatus.FORBIDDEN;
    case IdentityErrorCode.SIGN_IN_LOCKED:
      return HttpStatus.TOO_MANY_REQUESTS;
    case IdentityErrorCode.SSO_FAILED:
      return HttpStatus.BAD_REQUEST;
    default:
      return assertNever(code);
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  errorId?: string;
}

/** Turns any error into `{ code, message, details? }`; an unexpected one becomes a 500 with an errorId that is also logged. */
export function toErrorResponse(exception: unknown, logger: Logger, request?: FastifyRequest): { status: number; body: ErrorBody } {
  if (exception instanceof DomainError) {
    return {
      status: httpStatusFor(exception.code as ErrorCode),
      body: { code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
    const code = status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : `HTTP_${status}`;
    return { status, body: { code, message: Array.isArray(message) ? message.join('; ') : String(message) } };
  }
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    // Fastify's own input errors: malformed JSON, wrong content type, body too large.
    return { status: fastifyError.statusCode, body: { code: fastifyError.code ?? `HTTP_${fastifyError.statusCode}`, message: fastifyError.message ?? 'Bad request' } };
  }
  const errorId = randomUUID();
  logger.error(
    { errorId, err: exception, method: request?.method, url: request?.url },
    `Unexpected error ${errorId}: ${(exception as Error)?.message ?? String(exception)}`,
  );
  return { status: 500, body: { code: 'INTERNAL_ERROR', message: `Ett oväntat fel inträffade (fel-id ${errorId})`, errorId } };
}

/**
 * JSON errors for the API. A browser asking for a page outside the API
 * (e.g. a mistyped address) gets the UI's HTML error page instead, through
 * `pages` (the web filter).
 */
function wantsPage(request: FastifyRequest): boolean {
  const path = request.url ?? '';
  return !path.startsWith('/api/') && !path.startsWith('/health') && (request.headers.accept ?? '').includes('text/html');
}

@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly pages?: ExceptionFilter) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    if (this.pages && wantsPage(request)) return this.pages.catch(exception, host);
    const { status, body } = toErrorResponse(exception, this.logger, request);
    const retryAfter = (exception as DomainError).details as { retryAfterSeconds?: number } | undefined;
    if (status === 429 && retryAfter?.retryAfterSeconds) void reply.header('retry-after', String(retryAfter.retryAfterSeconds));
    if (status === 401) void reply.header('www-authenticate', 'Bearer realm="samverka"');
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
