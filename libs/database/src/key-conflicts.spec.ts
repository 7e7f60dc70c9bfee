import { CommonErrorCode, DomainError } from '@samverka/kernel';
import { QueryFailedError } from 'typeorm';
import { conflictError, conflictingKey, declareConflict } from './key-conflicts';

const violation = (driverError: { code: string; constraint?: string; table?: string; detail?: string }) =>
  new QueryFailedError('insert …', [], Object.assign(new Error('duplicate key value violates unique constraint'), driverError));

describe('conflictError', () => {
  it('reads the key of a unique violation by column', () => {
    expect(conflictingKey('Key (kind, code)=(channel, web) already exists.')).toEqual({ kind: 'channel', code: 'web' });
    expect(conflictingKey('Key (email)=(a@b.example) already exists.')).toEqual({ email: 'a@b.example' });
  });

  it('reads no key where the detail is an expression or missing', () => {
    expect(conflictingKey("Key (department_id, daterange(valid_from, valid_to, '[]'::text))=(x, [2026-01-01,)) conflicts with existing key (…)")).toEqual({});
    expect(conflictingKey(undefined)).toEqual({});
  });

  it('gives the meaning a context declared for the table, with the key', () => {
    class Exists extends Error {}
    declareConflict('spec_table', (key) => new Exists(`${key.code} finns redan`));
    const e = conflictError(violation({ code: '23505', table: 'spec_table', constraint: 'PK_x', detail: 'Key (code)=(abc) already exists.' }));
    expect(e).toBeInstanceOf(Exists);
    expect(e?.message).toBe('abc finns redan');
  });

  it('prefers the meaning declared for the constraint over the table', () => {
    declareConflict('spec_other', () => new Error('tabellen'));
    declareConflict('spec_other_one_per_x', () => new Error('villkoret'));
    expect(conflictError(violation({ code: '23P01', table: 'spec_other', constraint: 'spec_other_one_per_x' }))?.message).toBe('villkoret');
  });

  it('makes an undeclared unique violation a DUPLICATE naming the fields', () => {
    const e = conflictError(violation({ code: '23505', table: 'nobody_declared', detail: 'Key (round_id, case_number)=(r1, STK-1) already exists.' }));
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code: CommonErrorCode.DUPLICATE, details: [{ field: 'caseNumber', rule: 'unique', message: 'STK-1 används redan' }] });
  });

  it('leaves every other error alone', () => {
    expect(conflictError(violation({ code: '23503', table: 'spec_table' }))).toBeUndefined();
    expect(conflictError(new Error('x'))).toBeUndefined();
  });
});
