import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { SamverkaConfig } from '@samverka/config';
import { isDatabaseUnavailable } from '@samverka/database';
import { COMMON_ERROR_KINDS, DomainError, ErrorKind, ErrorKinds, FieldViolation, RegisteredErrorCode } from '@samverka/kernel';
import { IDENTITY_ERROR_KINDS } from '@samverka/identity';
import { NOTIFICATION_ERROR_KINDS } from '@samverka/notifications';
import { ORGANISATION_ERROR_KINDS } from '@samverka/organisation';
import { ROUND_ERROR_KINDS } from '@samverka/rounds';
import { NEEDS_ERROR_KINDS } from '@samverka/needs';
import { PLAN_ERROR_KINDS } from '@samverka/plan';
import { CONSULTATION_ERROR_KINDS } from '@samverka/consultation';
import { FOLLOW_UP_ERROR_KINDS } from '@samverka/follow-up';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Every coded error any library can raise: the codes of the maps registered in the kernel's `ErrorKindRegistry`. */
export type ErrorCode = RegisteredErrorCode;

/**
 * Every library's code map. Typed as complete over the registered codes, so a
 * library that registers its map without it being listed here does not compile.
 */
export const ERROR_KINDS: ErrorKinds<ErrorCode> = {
  ...COMMON_ERROR_KINDS,
  ...IDENTITY_ERROR_KINDS,
  ...NOTIFICATION_ERROR_KINDS,
  ...ORGANISATION_ERROR_KINDS,
  ...ROUND_ERROR_KINDS,
  ...NEEDS_ERROR_KINDS,
  ...PLAN_ERROR_KINDS,
  ...CONSULTATION_ERROR_KINDS,
  ...FOLLOW_UP_ERROR_KINDS,
};

/** The one place kinds become HTTP statuses; a kind left out does not compile. */
const STATUS_OF_KIND: { readonly [K in ErrorKind]: number } = {
  [ErrorKind.INVALID]: HttpStatus.BAD_REQUEST,
  [ErrorKind.UNKNOWN_REFERENCE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorKind.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorKind.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorKind.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorKind.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorKind.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
};

/** The HTTP status of a code. */
export function httpStatusFor(code: ErrorCode): number {
  return STATUS_OF_KIND[ERROR_KINDS[code]];
}

/** The one error answer of the API (the OpenAPI `Error` schema): `details` is always the list of violations. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: readonly FieldViolation[];
  context?: Record<string, unknown>;
  errorId?: string;
}

/** The code of every answer given because the database is away (down, restarting, frozen, unreachable). */
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

/**
 * Turns any error into `{ code, message, details?, context?, errorId? }`. The database being away is a 503 (the one place
 * its errors are told apart from bugs); an unexpected error becomes a 500 with an errorId that is also logged.
 */
export function toErrorResponse(exception: unknown, logger: Logger, request?: FastifyRequest): { status: number; body: ErrorBody } {
  if (isDatabaseUnavailable(exception)) {
    logger.warn(`Database unavailable (${request?.method ?? '?'} ${request?.url ?? '?'}): ${(exception as Error)?.message ?? String(exception)}`);
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: { code: DATABASE_UNAVAILABLE, message: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en liten stund.' },
    };
  }
  // Only a code from the registry reaches here (a cast could smuggle in another; that is a bug, answered as a 500 below).
  if (exception instanceof DomainError && Object.hasOwn(ERROR_KINDS, exception.code)) {
    return {
      status: httpStatusFor(exception.code),
      body: {
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        ...(exception.context && Object.keys(exception.context).length > 0 ? { context: { ...exception.context } } : {}),
      },
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
export function wantsPage(request: Pick<FastifyRequest, 'url' | 'headers'>): boolean {
  const path = request.url ?? '';
  return !path.startsWith('/api/') && !path.startsWith('/health') && (request.headers.accept ?? '').includes('text/html');
}

@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly config: SamverkaConfig,
    private readonly pages?: ExceptionFilter,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    if (this.pages && wantsPage(request)) return this.pages.catch(exception, host);
    const { status, body } = toErrorResponse(exception, this.logger, request);
    const retryAfter = body.context?.retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number' && retryAfter > 0) void reply.header('retry-after', String(retryAfter));
    if (status === 401) void reply.header('www-authenticate', 'Bearer realm="samverka"');
    if (status === HttpStatus.SERVICE_UNAVAILABLE) void reply.header('retry-after', String(this.config.database.retryAfterSeconds));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
