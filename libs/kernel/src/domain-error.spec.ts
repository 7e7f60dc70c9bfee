import { CommonError, CommonErrorCode, DomainError } from './domain-error';

/** What the API shows of an error: its code, its message and its details. */
const shown = (error: DomainError) => ({ code: error.code, message: error.message, details: error.details });

describe(CommonError.name, () => {
  it('each code is its own name (the API sends it as is)', () => {
    expect(Object.entries(CommonErrorCode).filter(([key, value]) => key !== value)).toEqual([]);
    expect(Object.keys(CommonErrorCode)).toEqual(['VALIDATION_FAILED', 'NOT_FOUND', 'UNKNOWN_REFERENCE', 'DUPLICATE', 'CONFLICT', 'VERSION_CONFLICT']);
  });

  it('notFound names the thing and its id, in Swedish', () => {
    const error = CommonError.notFound('Förvaltningen', '42');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CommonError');
    expect(shown(error)).toEqual({ code: 'NOT_FOUND', message: 'Förvaltningen 42 finns inte', details: { entity: 'Förvaltningen', id: '42' } });
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

  it("takes the name of the feature's own error class", () => {
    class RoundError extends DomainError<'ROUND_CLOSED'> {
      constructor() {
        super('ROUND_CLOSED', 'Planomgången är avslutad');
      }
    }
    const error = new RoundError();
    expect({ name: error.name, ...shown(error) }).toEqual({ name: 'RoundError', code: 'ROUND_CLOSED', message: 'Planomgången är avslutad', details: undefined });
  });
});
