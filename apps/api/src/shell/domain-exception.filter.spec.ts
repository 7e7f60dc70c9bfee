import { Logger, NotFoundException } from '@nestjs/common';
import { COMMON_ERROR_KINDS, CommonError, CommonErrorCode, DomainError, ErrorKinds } from '@samverka/kernel';
import { IDENTITY_ERROR_KINDS, IdentityErrorCode } from '@samverka/identity';
import { NOTIFICATION_ERROR_KINDS, NotificationErrorCode } from '@samverka/notifications';
import { ORGANISATION_ERROR_KINDS, OrganisationError, OrganisationErrorCode } from '@samverka/organisation';
import { ROUND_ERROR_KINDS, RoundErrorCode } from '@samverka/rounds';
import { NEEDS_ERROR_KINDS, NeedsErrorCode } from '@samverka/needs';
import { PLAN_ERROR_KINDS, PlanErrorCode } from '@samverka/plan';
import { CONSULTATION_ERROR_KINDS, ConsultationErrorCode } from '@samverka/consultation';
import { FollowUpErrorCode } from '@samverka/follow-up';
import { ERROR_KINDS, ErrorCode, httpStatusFor, toErrorResponse } from './domain-exception.filter';

/**
 * The status every code must get, written out code by code. Typed as complete
 * over the registered codes: a new code (or a new library's map) without a row
 * here does not compile; a wrong kind in a library's map fails the test below.
 */
const EXPECTED_STATUS: { readonly [C in ErrorCode]: number } = {
  [CommonErrorCode.VALIDATION_FAILED]: 400,
  [CommonErrorCode.NOT_FOUND]: 404,
  [CommonErrorCode.UNKNOWN_REFERENCE]: 422,
  [CommonErrorCode.DUPLICATE]: 409,
  [CommonErrorCode.CONFLICT]: 409,
  [CommonErrorCode.VERSION_CONFLICT]: 409,
  [OrganisationErrorCode.COMMITTEE_INACTIVE]: 409,
  [OrganisationErrorCode.DEPARTMENT_INACTIVE]: 409,
  [OrganisationErrorCode.STILL_REFERENCED]: 409,
  [OrganisationErrorCode.ASSIGNMENT_OVERLAP]: 409,
  [OrganisationErrorCode.ASSIGNMENT_ENDED]: 409,
  [IdentityErrorCode.UNAUTHENTICATED]: 401,
  [IdentityErrorCode.INVALID_CREDENTIALS]: 401,
  [IdentityErrorCode.SIGN_IN_LOCKED]: 429,
  [IdentityErrorCode.USER_DISABLED]: 403,
  [IdentityErrorCode.UNKNOWN_USER]: 403,
  [IdentityErrorCode.FORBIDDEN]: 403,
  [IdentityErrorCode.CSRF_INVALID]: 403,
  [IdentityErrorCode.SSO_FAILED]: 400,
  [IdentityErrorCode.OWN_ACCOUNT]: 409,
  [IdentityErrorCode.LAST_ADMIN]: 409,
  [IdentityErrorCode.PASSWORD_LINK_INVALID]: 409,
  [IdentityErrorCode.ACCOUNT_DISABLED]: 409,
  [NotificationErrorCode.NOT_RETRYABLE]: 409,
  [RoundErrorCode.ILLEGAL_TRANSITION]: 409,
  [RoundErrorCode.ACTIVE_ROUND_EXISTS]: 409,
  [RoundErrorCode.ROUND_NOT_EDITABLE]: 409,
  [RoundErrorCode.REMINDER_NOT_POSSIBLE]: 409,
  [RoundErrorCode.REMINDER_ALREADY_SENT]: 409,
  [NeedsErrorCode.ROUND_NOT_COLLECTING]: 409,
  [NeedsErrorCode.SUBMISSION_NOT_EDITABLE]: 409,
  [NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED]: 409,
  [NeedsErrorCode.REFERENCE_EXISTS]: 409,
  [PlanErrorCode.PLAN_NOT_FOUND]: 404,
  [PlanErrorCode.PLAN_EXISTS]: 409,
  [PlanErrorCode.PLAN_NOT_EDITABLE]: 409,
  [PlanErrorCode.PLAN_ITEM_NOT_FOUND]: 404,
  [PlanErrorCode.PLAN_ITEM_CODE_TAKEN]: 409,
  [PlanErrorCode.PLAN_SECOND_ACCOUNTABLE]: 409,
  [PlanErrorCode.PLAN_VERSION_NOT_FOUND]: 404,
  [PlanErrorCode.PLAN_UNCHANGED]: 409,
  [PlanErrorCode.PLAN_NO_PREVIOUS]: 409,
  [PlanErrorCode.PLAN_NOT_READABLE]: 403,
  [PlanErrorCode.PLAN_NEED_ANSWERED]: 409,
  [PlanErrorCode.PLAN_NEED_NOT_HANDED_IN]: 422,
  [PlanErrorCode.PLAN_DEFERRAL_NOT_FOUND]: 404,
  [PlanErrorCode.PLAN_QUESTION_NOT_FOUND]: 404,
  [PlanErrorCode.PLAN_QUESTION_ANSWERED]: 409,
  [ConsultationErrorCode.CONSULTATION_NOT_FOUND]: 404,
  [ConsultationErrorCode.CONSULTATION_NOT_EDITABLE]: 409,
  [ConsultationErrorCode.RECIPIENT_NOT_FOUND]: 404,
  [ConsultationErrorCode.EXTENSION_NOT_ALLOWED]: 409,
  [ConsultationErrorCode.EXTENSION_ALREADY_OPEN]: 409,
  [ConsultationErrorCode.EXTENSION_NOT_FOUND]: 404,
  [ConsultationErrorCode.EXTENSION_ALREADY_DECIDED]: 409,
  [ConsultationErrorCode.RESPONSE_EXISTS]: 409,
  [ConsultationErrorCode.RESPONSES_CLOSED]: 409,
  [ConsultationErrorCode.RESPONSE_NOT_FOUND]: 404,
  [ConsultationErrorCode.RESPONSE_ONLY_ON_PAPER]: 403,
  [ConsultationErrorCode.RESPONSE_NOT_READABLE]: 403,
  [ConsultationErrorCode.ATTACHMENT_NOT_FOUND]: 404,
  [ConsultationErrorCode.PROPOSAL_NOT_FOUND]: 404,
  [ConsultationErrorCode.TRIAGE_NOT_OPEN]: 409,
  [ConsultationErrorCode.TRIAGE_NOT_ALLOWED]: 403,
  [FollowUpErrorCode.FOLLOW_UP_NOT_OPEN]: 409,
  [FollowUpErrorCode.PERIOD_NOT_FOUND]: 422,
  [FollowUpErrorCode.PERIOD_HAS_REPORTS]: 409,
  [FollowUpErrorCode.FOLLOW_UP_ITEM_NOT_FOUND]: 404,
  [FollowUpErrorCode.NOT_RESPONSIBLE_FOR_ITEM]: 422,
  [FollowUpErrorCode.REPORT_NOT_ALLOWED]: 403,
  [FollowUpErrorCode.REPORT_CONFLICT]: 409,
  [FollowUpErrorCode.REPORT_IMPORT_REJECTED]: 422,
};

/** Every enum's values, counted independently of the maps (two enums sharing a value would show as a shortfall). */
const ALL_ENUM_VALUES = [CommonErrorCode, OrganisationErrorCode, IdentityErrorCode, NotificationErrorCode, RoundErrorCode, NeedsErrorCode, PlanErrorCode, ConsultationErrorCode, FollowUpErrorCode].flatMap((e) => Object.values(e));

// Type-level proof: the filter's table cannot leave out a registered library's map (here: follow-up).
// @ts-expect-error Type '{ ... }' is missing the following properties: FOLLOW_UP_NOT_OPEN, ...
const withoutFollowUp: ErrorKinds<ErrorCode> = { ...COMMON_ERROR_KINDS, ...IDENTITY_ERROR_KINDS, ...NOTIFICATION_ERROR_KINDS, ...ORGANISATION_ERROR_KINDS, ...ROUND_ERROR_KINDS, ...NEEDS_ERROR_KINDS, ...PLAN_ERROR_KINDS, ...CONSULTATION_ERROR_KINDS };

class SmuggledError extends DomainError {
  constructor() {
    super('NOT_A_REGISTERED_CODE' as ErrorCode, 'a cast let this through');
  }
}

describe('domain error mapping', () => {
  const logger = { error: jest.fn() } as unknown as Logger;

  it('maps every code of every enum to its status', () => {
    let checked = 0;
    for (const [code, status] of Object.entries(EXPECTED_STATUS)) {
      expect({ code, status: httpStatusFor(code as ErrorCode) }).toEqual({ code, status });
      checked++;
    }
    expect(ALL_ENUM_VALUES).toHaveLength(72);
    expect(new Set(ALL_ENUM_VALUES).size).toBe(ALL_ENUM_VALUES.length);
    expect(checked).toBe(ALL_ENUM_VALUES.length);
    expect(Object.keys(ERROR_KINDS).sort()).toEqual([...ALL_ENUM_VALUES].sort());
  });

  it('the type-level proof above leaves out exactly one library', () => {
    expect(Object.keys(ERROR_KINDS).length - Object.keys(withoutFollowUp).length).toBe(Object.values(FollowUpErrorCode).length);
  });

  it('renders a domain error as { code, message, details }', () => {
    const { status, body } = toErrorResponse(CommonError.invalidField('email', 'isEmail', 'email must be an email'), logger);
    expect(status).toBe(400);
    expect(body).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('email'), details: [{ field: 'email', rule: 'isEmail', message: 'email must be an email' }] });
    const conflict = toErrorResponse(new OrganisationError(OrganisationErrorCode.ASSIGNMENT_ENDED, 'Uppdraget har upphört'), logger);
    expect(conflict).toEqual({ status: 409, body: { code: 'ASSIGNMENT_ENDED', message: 'Uppdraget har upphört' } });
  });

  it('sends the facts of a refusal as context, never as details (details is only ever the list of violations)', () => {
    const notFound = toErrorResponse(CommonError.notFound('Förvaltningen', '42'), logger);
    expect(notFound).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: 'Förvaltningen 42 finns inte', context: { entity: 'Förvaltningen', id: '42' } } });
    const inactive = toErrorResponse(new OrganisationError(OrganisationErrorCode.DEPARTMENT_INACTIVE, 'Inaktiverad', { departmentId: 'd1' }), logger);
    expect(inactive.body).toEqual({ code: 'DEPARTMENT_INACTIVE', message: 'Inaktiverad', context: { departmentId: 'd1' } });
    expect(toErrorResponse(new OrganisationError(OrganisationErrorCode.DEPARTMENT_INACTIVE, 'Inaktiverad', {}), logger).body).toEqual({ code: 'DEPARTMENT_INACTIVE', message: 'Inaktiverad' });
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

  it('answers a domain error whose code is in no map (only a cast can make one) as an unexpected 500', () => {
    const error = jest.fn();
    const { status, body } = toErrorResponse(new SmuggledError(), { error } as unknown as Logger);
    expect(status).toBe(500);
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(error).toHaveBeenCalledTimes(1);
  });
});
