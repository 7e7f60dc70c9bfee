import { COMMON_ERROR_KINDS, CommonError, CommonErrorCode, DomainError, ErrorKind, ErrorKinds } from './domain-error';

/** What the API shows of an error: its code, its message and its details. */
const shown = (error: DomainError) => ({ code: error.code, message: error.message, details: error.details, context: error.context });

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

describe(CommonError.name, () => {
  it('each code is its own name (the API sends it as is)', () => {
    expect(Object.entries(CommonErrorCode).filter(([key, value]) => key !== value)).toEqual([]);
    expect(Object.keys(CommonErrorCode)).toEqual(['VALIDATION_FAILED', 'NOT_FOUND', 'UNKNOWN_REFERENCE', 'DUPLICATE', 'CONFLICT', 'VERSION_CONFLICT']);
  });

  it('notFound names the thing and its id, in Swedish', () => {
    const error = CommonError.notFound('Förvaltningen', '42');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CommonError');
    expect(shown(error)).toEqual({ code: 'NOT_FOUND', message: 'Förvaltningen 42 finns inte', details: undefined, context: { entity: 'Förvaltningen', id: '42' } });
  });

  it('invalid lists every field in the message and keeps every violation as details', () => {
    const violations = [
      { field: 'email', rule: 'isEmail', message: 'Ange en giltig e-postadress' },
      { field: 'name', rule: 'isNotEmpty', message: 'Ange ett namn' },
    ];
    expect(shown(CommonError.invalid(violations))).toEqual({ code: 'VALIDATION_FAILED', message: 'Ogiltiga uppgifter: email, name', details: violations });
  });

  it.each([
    [
      'invalidField: one violation',
      CommonError.invalidField('validTo', 'afterValidFrom', 'Slutdatum måste ligga efter startdatum'),
      { code: 'VALIDATION_FAILED', message: 'Ogiltiga uppgifter: validTo', details: [{ field: 'validTo', rule: 'afterValidFrom', message: 'Slutdatum måste ligga efter startdatum' }] },
    ],
    [
      'unknownReference: the field, with the rule "exists"',
      CommonError.unknownReference('committeeId', 'c-1', 'Nämnden finns inte'),
      { code: 'UNKNOWN_REFERENCE', message: 'Nämnden finns inte', details: [{ field: 'committeeId', rule: 'exists', message: 'Nämnden finns inte' }] },
    ],
    [
      'duplicate: the field, with the rule "unique" and the value taken',
      CommonError.duplicate('code', 'KS', 'Det finns redan en nämnd med koden KS'),
      { code: 'DUPLICATE', message: 'Det finns redan en nämnd med koden KS', details: [{ field: 'code', rule: 'unique', message: 'KS används redan' }] },
    ],
  ])('%s', (_name, error, expected) => {
    expect(shown(error)).toEqual(expected);
  });
});
