import { Logger, NotFoundException } from '@nestjs/common';
import { CommonError, CommonErrorCode } from '@samverka/kernel';
import { IdentityErrorCode } from '@samverka/identity';
import { OrganisationError, OrganisationErrorCode } from '@samverka/organisation';
import { httpStatusFor, toErrorResponse } from './domain-exception.filter';

describe('domain error mapping', () => {
  const logger = { error: jest.fn() } as unknown as Logger;

  it('maps missing → 404, conflicts → 409, invalid input → 400/422', () => {
    expect(httpStatusFor(CommonErrorCode.NOT_FOUND)).toBe(404);
    expect(httpStatusFor(CommonErrorCode.VALIDATION_FAILED)).toBe(400);
    expect(httpStatusFor(CommonErrorCode.UNKNOWN_REFERENCE)).toBe(422);
    expect(httpStatusFor(CommonErrorCode.DUPLICATE)).toBe(409);
    expect(httpStatusFor(CommonErrorCode.VERSION_CONFLICT)).toBe(409);
    expect(httpStatusFor(OrganisationErrorCode.ASSIGNMENT_OVERLAP)).toBe(409);
    expect(httpStatusFor(IdentityErrorCode.UNAUTHENTICATED)).toBe(401);
    expect(httpStatusFor(IdentityErrorCode.FORBIDDEN)).toBe(403);
    expect(httpStatusFor(IdentityErrorCode.SIGN_IN_LOCKED)).toBe(429);
  });

  it('maps every code of every enum (a new code nobody mapped would not compile, and would throw here)', () => {
    for (const code of [...Object.values(CommonErrorCode), ...Object.values(OrganisationErrorCode), ...Object.values(IdentityErrorCode)]) {
      expect([400, 401, 403, 404, 409, 422, 429]).toContain(httpStatusFor(code));
    }
  });

  it('renders a domain error as { code, message, details }', () => {
    const { status, body } = toErrorResponse(CommonError.invalidField('email', 'isEmail', 'email must be an email'), logger);
    expect(status).toBe(400);
    expect(body).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('email'), details: [{ field: 'email', rule: 'isEmail', message: 'email must be an email' }] });
    const conflict = toErrorResponse(new OrganisationError(OrganisationErrorCode.ASSIGNMENT_ENDED, 'Uppdraget har upphört'), logger);
    expect(conflict).toEqual({ status: 409, body: { code: 'ASSIGNMENT_ENDED', message: 'Uppdraget har upphört' } });
  });

  it("keeps Nest's own 404s coded", () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x'), logger)).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: 'Cannot GET /x' } });
  });

  it('turns an unexpected error into a 500 with an errorId that is also logged, without leaking the cause', () => {
    const error = jest.fn();
    const { status, body } = toErrorResponse(new TypeError('secret internals'), { error } as unknown as Logger);
    expect(status).toBe(500);
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.message).toContain(body.errorId);
    expect(body.message).not.toContain('secret');
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ errorId: body.errorId }), expect.stringContaining(body.errorId!));
  });
});
