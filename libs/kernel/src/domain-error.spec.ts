import { CommonError, CommonErrorCode, DomainError } from './domain-error';

describe(CommonError.name, () => {
  it('each code is its own name (the API sends it as is)', () => {
    expect(CommonErrorCode).toEqual({
      VALIDATION_FAILED: 'VALIDATION_FAILED',
      NOT_FOUND: 'NOT_FOUND',
      UNKNOWN_REFERENCE: 'UNKNOWN_REFERENCE',
      DUPLICATE: 'DUPLICATE',
      CONFLICT: 'CONFLICT',
      VERSION_CONFLICT: 'VERSION_CONFLICT',
    });
  });

  it('notFound names the thing and its id, in Swedish', () => {
    const error = CommonError.notFound('Förvaltningen', '42');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('CommonError');
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: CommonErrorCode.NOT_FOUND,
      message: 'Förvaltningen 42 finns inte',
      details: { entity: 'Förvaltningen', id: '42' },
    });
  });

  it('invalid lists every field in the message and keeps every violation as details', () => {
    const violations = [
      { field: 'email', rule: 'isEmail', message: 'Ange en giltig e-postadress' },
      { field: 'name', rule: 'isNotEmpty', message: 'Ange ett namn' },
    ];
    const error = CommonError.invalid(violations);
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: CommonErrorCode.VALIDATION_FAILED,
      message: 'Ogiltiga uppgifter: email, name',
      details: violations,
    });
  });

  it('invalidField is one violation', () => {
    const error = CommonError.invalidField('validTo', 'afterValidFrom', 'Slutdatum måste ligga efter startdatum');
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: CommonErrorCode.VALIDATION_FAILED,
      message: 'Ogiltiga uppgifter: validTo',
      details: [{ field: 'validTo', rule: 'afterValidFrom', message: 'Slutdatum måste ligga efter startdatum' }],
    });
  });

  it('unknownReference names the field with the rule "exists"', () => {
    const error = CommonError.unknownReference('committeeId', 'c-1', 'Nämnden finns inte');
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: CommonErrorCode.UNKNOWN_REFERENCE,
      message: 'Nämnden finns inte',
      details: [{ field: 'committeeId', rule: 'exists', message: 'Nämnden finns inte' }],
    });
  });

  it('duplicate names the field with the rule "unique" and the value taken', () => {
    const error = CommonError.duplicate('code', 'KS', 'Det finns redan en nämnd med koden KS');
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: CommonErrorCode.DUPLICATE,
      message: 'Det finns redan en nämnd med koden KS',
      details: [{ field: 'code', rule: 'unique', message: 'KS används redan' }],
    });
  });

  it("takes the name of the feature's own error class", () => {
    class RoundError extends DomainError<'ROUND_CLOSED'> {
      constructor() {
        super('ROUND_CLOSED', 'Planomgången är avslutad');
      }
    }
    const error = new RoundError();
    expect({ name: error.name, code: error.code, message: error.message, details: error.details }).toEqual({
      name: 'RoundError',
      code: 'ROUND_CLOSED',
      message: 'Planomgången är avslutad',
      details: undefined,
    });
  });
});
