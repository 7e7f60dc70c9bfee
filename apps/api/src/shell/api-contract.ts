import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, getSchemaPath, OpenAPIObject } from '@nestjs/swagger';
import type { HeaderObject, OperationObject, ReferenceObject, SchemaObject, SecurityRequirementObject } from '@nestjs/swagger';

/*
 * The OpenAPI document as a contract: one error schema for every refusal, small decorators that
 * declare an operation's answers, and `completeContract`, which adds what holds for every
 * operation by construction of the shell (the validation pipe, Fastify's body parsing, the
 * exception filter, the access guard) so that no controller can forget it.
 */

/** One rule broken by one field (the kernel's FieldViolation). */
@ApiSchema({ name: 'Violation' })
export class ViolationDto {
  @ApiProperty({ example: 'email', description: 'the field, with a path for nested ones (`deadlines.needs`, `areas[0].code`), or a header (`If-Match`)' })
  field!: string;

  @ApiProperty({ example: 'isEmail', description: 'the rule, e.g. isUuid, isLocalDate, unknownField, required, maxLength' })
  rule!: string;

  @ApiProperty({ example: 'Ange en giltig e-postadress', description: 'in Swedish, for a person' })
  message!: string;
}

/** The one error answer: `details` is always the list of violations; other facts are in `context`. */
@ApiSchema({ name: 'Error' })
export class ErrorDto {
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'stable, machine-readable (e.g. VALIDATION_FAILED, NOT_FOUND, ILLEGAL_TRANSITION, DATABASE_UNAVAILABLE)' })
  code!: string;

  @ApiProperty({ example: 'Ogiltiga uppgifter: email', description: 'in Swedish, for a person' })
  message!: string;

  @ApiPropertyOptional({ type: [ViolationDto], description: 'every field and rule the input broke (400, 409 DUPLICATE, 422)' })
  details?: ViolationDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'facts of the refusal, by code: NOT_FOUND { entity, id } or { entity, parameter, rule }; ILLEGAL_TRANSITION { state, event, reasons }; VERSION_CONFLICT { currentVersion }; SIGN_IN_LOCKED { retryAfterSeconds }; …',
  })
  context?: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid', description: '500 only: the id under which the error was logged' })
  errorId?: string;
}

/** The statuses an operation may refuse with, each answered with the `Error` schema. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 414 | 415 | 422 | 429 | 431 | 500 | 503;

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Invalid input: `details` names every field and rule broken',
  401: 'Not signed in, or the token is unknown, expired or revoked',
  403: 'Signed in, but not allowed to do this',
  404: 'No such resource (a malformed id is one that cannot exist)',
  409: 'Clashes with the current state (see `code` and `context`)',
  413: 'The body is larger than 1 MiB',
  414: 'A path segment is longer than the router takes (100 characters)',
  415: 'The body is not JSON',
  422: 'The input names something that does not exist (`details`)',
  429: 'Too many attempts: wait as long as Retry-After says',
  431: 'The address and headers together are larger than 16 KiB',
  500: 'A bug: logged under `errorId`',
  503: 'The database is away: try again after Retry-After seconds',
};

const RETRY_AFTER: HeaderObject = { description: 'seconds to wait before trying again', required: true, schema: { type: 'integer', minimum: 1 } };

const ERROR_HEADERS: Partial<Record<ErrorStatus, Record<string, HeaderObject>>> = {
  401: { 'WWW-Authenticate': { description: 'Bearer realm="samverka"', required: true, schema: { type: 'string' } } },
  429: { 'Retry-After': RETRY_AFTER },
  503: { 'Retry-After': RETRY_AFTER },
};

const errorResponse = (status: ErrorStatus) => ({
  description: ERROR_DESCRIPTIONS[status],
  headers: ERROR_HEADERS[status],
  content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorDto) } } },
});

/** Declares the refusals an operation answers with, e.g. `@ApiErrors(404, 409)`; all use the `Error` schema. */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, ...errorResponse(status) })));

/** The version of a resource, quoted (`"3"`): send it back as If-Match. */
export const ETAG_HEADER: Record<string, HeaderObject> = {
  ETag: { description: 'the version, quoted (e.g. `"3"`); send it as If-Match to change what you read', required: true, schema: { type: 'string', pattern: '^"\\d+"$' } },
};

/** A success answer: `@ApiAnswer(200, PlanRoundDto, { headers: ETAG_HEADER })`, `[Dto]` for a list, or `@ApiAnswer(204)` for none. */
export const ApiAnswer = (status: 200 | 201 | 204, type?: (new () => object) | [new () => object], options: { description?: string; headers?: Record<string, HeaderObject> } = {}) =>
  ApiResponse({
    status,
    description: options.description ?? (status === 204 ? 'Done; no body' : status === 201 ? 'Created' : 'OK'),
    headers: options.headers,
    ...(type ? { type: Array.isArray(type) ? type[0] : type, isArray: Array.isArray(type) } : {}),
  });

/** A file download: the content type(s) and a Content-Disposition naming the file. */
export const ApiFileAnswer = (contentType: string, description: string) =>
  ApiResponse({
    status: HttpStatus.OK,
    description,
    headers: { 'Content-Disposition': { description: 'attachment; filename="…"', required: true, schema: { type: 'string', pattern: '^attachment; filename="[^"]+"$' } } },
    content: { [contentType]: { schema: { type: 'string', format: 'binary' } } },
  });

// ---- completing the document ---------------------------------------------------

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const TAKES_BODY = new Set(['put', 'post', 'delete', 'patch']);

const isRef = (s: SchemaObject | ReferenceObject | undefined): s is ReferenceObject => !!s && '$ref' in s;

/**
 * What every operation answers because of the shell, added to what its decorators say:
 *  - 400 on every operation (the validation pipe names each field and rule; an address whose
 *    %-escapes are not UTF-8 is refused before routing), 414 where the path has a parameter
 *    (Fastify's longest segment), 431 on every operation (Node's 16 KiB limit for the address and
 *    headers), 413 and 415 where a body can be sent (Fastify's body limit and JSON parser);
 *  - 401 and 403 where it needs a signed-in caller (the access guard), with the bearer scheme,
 *    and `security: []` on the public ones (`@Allow(anyone())`);
 *  - 500 (a bug, with errorId) and 503 (the database away) on every operation.
 * Component schemas (every request and answer DTO) get `additionalProperties: false`: the pipe
 * refuses unknown fields (forbidNonWhitelisted) and the answers are built field by field.
 * The bearer token is opaque (no bearerFormat: it is not a JWT).
 */
export function completeContract(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op: OperationObject | undefined = item[method];
      if (!op) continue;
      const responses = op.responses;
      const bearer = (op.security ?? []).some((s: SecurityRequirementObject) => 'bearer' in s);
      if (!bearer) op.security = [];
      const pathParameters = (op.parameters ?? []).some((p) => !('$ref' in p) && p.in === 'path');
      const shell: ErrorStatus[] = [
        400,
        ...(bearer ? [401 as const, 403 as const] : []),
        ...(TAKES_BODY.has(method) ? [413 as const, 415 as const] : []),
        ...(pathParameters ? [414 as const] : []),
        431,
        500,
        503,
      ];
      for (const status of shell) if (!(String(status) in responses)) responses[String(status)] = errorResponse(status);
      // Statuses in order, so the document reads as the answers do.
      op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  const schemes = document.components?.securitySchemes ?? {};
  for (const scheme of Object.values(schemes)) if (!isRef(scheme)) delete scheme.bearerFormat;
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    if (isRef(schema)) continue;
    if (schema.type === 'object' || schema.properties) schema.additionalProperties ??= false;
  }
  return document;
}
