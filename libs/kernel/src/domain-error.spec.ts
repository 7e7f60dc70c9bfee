import { COMMON_ERROR_KINDS, CommonError, CommonErrorCode, DomainError, ErrorKind, ErrorKinds } from './domain-error';

/*
 * Type-level proofs: each `@ts-expect-error` below must meet a compile error,
 * or `npm run typecheck` fails ("Unused '@ts-expect-error' directive").
 */

enum UnregisteredErrorCode {
  OOPS = 'OOPS',
}

// A code enum that no library registered in ErrorKindRegistry cannot be a DomainError's code.
// @ts-expect-error Type 'UnregisteredErrorCode' does not satisfy the constraint 'RegisteredErrorCode'.
class UnregisteredError extends DomainError<UnregisteredErrorCode> {
  constructor() {
    super(UnregisteredErrorCode.OOPS, 'nobody mapped this');
  }
}

// A code map that leaves out a code does not compile.
// @ts-expect-error Property 'VERSION_CONFLICT' is missing.
const incomplete = { [CommonErrorCode.VALIDATION_FAILED]: ErrorKind.INVALID, [CommonErrorCode.NOT_FOUND]: ErrorKind.NOT_FOUND, [CommonErrorCode.UNKNOWN_REFERENCE]: ErrorKind.UNKNOWN_REFERENCE, [CommonErrorCode.DUPLICATE]: ErrorKind.CONFLICT, [CommonErrorCode.CONFLICT]: ErrorKind.CONFLICT } satisfies ErrorKinds<CommonErrorCode>;

// A code map cannot give a code something other than a kind (e.g. an HTTP status: libraries do not speak HTTP).
// @ts-expect-error Type 'number' is not assignable to type 'ErrorKind'.
const httpInALibrary: ErrorKinds<CommonErrorCode.NOT_FOUND> = { [CommonErrorCode.NOT_FOUND]: 404 };

describe('DomainError', () => {
  it('gives every common code a kind, and nothing else', () => {
    expect(Object.keys(COMMON_ERROR_KINDS).sort()).toEqual(Object.values(CommonErrorCode).sort());
    for (const kind of Object.values(COMMON_ERROR_KINDS)) expect(Object.values(ErrorKind)).toContain(kind);
  });

  it('carries its code, message and details, and is named after its class', () => {
    const error = CommonError.invalidField('email', 'isEmail', 'Ange en e-postadress');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('CommonError');
    expect(error.code).toBe(CommonErrorCode.VALIDATION_FAILED);
    expect(error.message).toBe('Ogiltiga uppgifter: email');
    expect(error.details).toEqual([{ field: 'email', rule: 'isEmail', message: 'Ange en e-postadress' }]);
  });

  it('keeps the compile-time proofs above in the program', () => {
    // The values exist only so the directives above have something to check; they are never raised.
    expect([UnregisteredError.name, typeof incomplete, typeof httpInALibrary]).toEqual(['UnregisteredError', 'object', 'object']);
  });
});
