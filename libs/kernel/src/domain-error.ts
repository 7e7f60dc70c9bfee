/**
 * Every error a library raises on purpose is a DomainError with a code from
 * one of the feature code enums. A library says what kind of refusal each of
 * its codes is (an {@link ErrorKind}); only the API maps kinds to HTTP, and
 * libraries never throw HttpException.
 *
 * Exhaustive by construction:
 *  - each library exports a complete `ErrorKinds<ItsCode>` map (a code left
 *    out is a compile error) and registers it in {@link ErrorKindRegistry} by
 *    module augmentation, beside its enum;
 *  - `DomainError<C>` accepts only registered codes, so a new enum used in an
 *    error class without its map does not compile;
 *  - the API's filter holds `ErrorKinds<RegisteredErrorCode>`, so a registered
 *    map that the filter leaves out does not compile either.
 */

/** What kind of refusal an error is. The API gives each kind one HTTP status. */
export enum ErrorKind {
  /** The input breaks a rule (400). */
  INVALID = 'invalid',
  /** The input names something that does not exist (422). */
  UNKNOWN_REFERENCE = 'unknownReference',
  /** The thing asked for does not exist (404). */
  NOT_FOUND = 'notFound',
  /** The request clashes with the current state (409). */
  CONFLICT = 'conflict',
  /** Nobody is signed in, or the credentials are wrong (401). */
  UNAUTHENTICATED = 'unauthenticated',
  /** The caller is known but may not do this (403). */
  FORBIDDEN = 'forbidden',
  /** The caller must wait before trying again (429). */
  TOO_MANY_REQUESTS = 'tooManyRequests',
}

/** Every code of a context's code enum with its kind; a code left out does not compile. */
export type ErrorKinds<C extends string> = { readonly [K in C]: ErrorKind };

export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  NOT_FOUND = 'NOT_FOUND',
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  DUPLICATE = 'DUPLICATE',
  CONFLICT = 'CONFLICT',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
}

export const COMMON_ERROR_KINDS = {
  [CommonErrorCode.VALIDATION_FAILED]: ErrorKind.INVALID,
  [CommonErrorCode.NOT_FOUND]: ErrorKind.NOT_FOUND,
  [CommonErrorCode.UNKNOWN_REFERENCE]: ErrorKind.UNKNOWN_REFERENCE,
  [CommonErrorCode.DUPLICATE]: ErrorKind.CONFLICT,
  [CommonErrorCode.CONFLICT]: ErrorKind.CONFLICT,
  [CommonErrorCode.VERSION_CONFLICT]: ErrorKind.CONFLICT,
} as const satisfies ErrorKinds<CommonErrorCode>;

/**
 * The code maps of every library, one entry per library. A library adds its
 * own beside its enum:
 * ```ts
 * declare module '@samverka/kernel' {
 *   interface ErrorKindRegistry { needs: typeof NEEDS_ERROR_KINDS }
 * }
 * ```
 */
export interface ErrorKindRegistry {
  common: typeof COMMON_ERROR_KINDS;
}

/** Every code any library may raise: the keys of the registered maps. */
export type RegisteredErrorCode = { [L in keyof ErrorKindRegistry]: keyof ErrorKindRegistry[L] & string }[keyof ErrorKindRegistry];

/** One rule broken by one field, e.g. `{ field: 'email', rule: 'isEmail' }`. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** Facts about a refusal that are not field violations (`{ state }`, `{ retryAfterSeconds }`, `{ entity, id }`): plain JSON values. */
export type ErrorContext = Readonly<Record<string, unknown>>;

/**
 * The base of every coded error; a library's error class only names its code enum: `class NeedsError extends DomainError<NeedsErrorCode> {}`.
 * The third argument is either the field violations (an array: `details`, the one shape a client reads
 * per field) or the facts of the refusal (an object: `context`), so `details` is never anything but violations.
 */
export abstract class DomainError<C extends RegisteredErrorCode = RegisteredErrorCode> extends Error {
  /** The fields and rules the input broke; only ever an array of violations. */
  readonly details?: readonly FieldViolation[];
  /** What else the refusal says, e.g. the round's state or how long to wait. */
  readonly context?: ErrorContext;

  constructor(
    readonly code: C,
    message: string,
    detailsOrContext?: readonly FieldViolation[] | ErrorContext,
  ) {
    super(message);
    this.name = new.target.name;
    if (isViolations(detailsOrContext)) this.details = detailsOrContext;
    else if (detailsOrContext !== undefined) this.context = detailsOrContext;
  }
}

function isViolations(value: readonly FieldViolation[] | ErrorContext | undefined): value is readonly FieldViolation[] {
  return Array.isArray(value);
}

export class CommonError extends DomainError<CommonErrorCode> {
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
