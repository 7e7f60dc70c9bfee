/**
 * Every error a library raises on purpose is a DomainError with a code from
 * one of the feature code enums below. Only the API's exception filter maps
 * codes to HTTP; libraries never throw HttpException.
 */
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  NOT_FOUND = 'NOT_FOUND',
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  DUPLICATE = 'DUPLICATE',
  CONFLICT = 'CONFLICT',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
}

/** One rule broken by one field, e.g. `{ field: 'email', rule: 'isEmail' }`. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

export abstract class DomainError<C extends string = string> extends Error {
  protected constructor(
    readonly code: C,
    message: string,
    readonly details?: readonly FieldViolation[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class CommonError extends DomainError<CommonErrorCode> {
  constructor(code: CommonErrorCode, message: string, details?: readonly FieldViolation[] | Record<string, unknown>) {
    super(code, message, details);
  }

  static notFound(entity: string, id: string): CommonError {
    return new CommonError(CommonErrorCode.NOT_FOUND, `${entity} ${id} finns inte`, { entity, id });
  }

  static invalid(violations: readonly FieldViolation[]): CommonError {
    const fields = violations.map((v) => v.field).join(', ');
    return new CommonError(CommonErrorCode.VALIDATION_FAILED, `Ogiltiga uppgifter: ${fields}`, violations);
  }

  static invalidField(field: string, rule: string, message: string): CommonError {
    return CommonError.invalid([{ field, rule, message }]);
  }

  static unknownReference(field: string, id: string, message: string): CommonError {
    return new CommonError(CommonErrorCode.UNKNOWN_REFERENCE, message, [{ field, rule: 'exists', message }]);
  }

  static duplicate(field: string, value: string, message: string): CommonError {
    return new CommonError(CommonErrorCode.DUPLICATE, message, [{ field, rule: 'unique', message: `${value} används redan` }]);
  }
}
