import { CommonError, CommonErrorCode } from './domain-error';
import { formatCount, isBlank, refuseIfAny, Violations } from './field-rules';

describe(Violations.name, () => {
  const text = { max: 5, empty: 'Ange text', tooLong: 'För lång' };

  it('a required text: blank (or null) is isNotEmpty; the maximum counts the trimmed text, one more is maxLength', () => {
    expect(new Violations().text('t', '  ', text).list).toEqual([{ field: 't', rule: 'isNotEmpty', message: 'Ange text' }]);
    expect(new Violations().text('t', null, text).list).toEqual([{ field: 't', rule: 'isNotEmpty', message: 'Ange text' }]);
    expect(new Violations().text('t', ' abcde ', text).list).toEqual([]);
    expect(new Violations().text('t', 'abcdef', text).list).toEqual([{ field: 't', rule: 'maxLength', message: 'För lång' }]);
  });

  it('an optional text may be blank; an absent field is not checked at all', () => {
    expect(new Violations().text('t', '', { max: 5, tooLong: 'För lång' }).list).toEqual([]);
    expect(new Violations().text('t', undefined, text).list).toEqual([]);
  });

  it('keeps the first violation of a field and every field in the order checked', () => {
    const v = new Violations().add('b', 'first', 'B1').add('a', 'only', 'A').add('b', 'second', 'B2').when(false, 'c', 'never', 'C').when(true, 'd', 'yes', 'D');
    expect(v.list.map((x) => `${x.field}:${x.rule}`)).toEqual(['b:first', 'a:only', 'd:yes']);
    expect(v.has('a')).toBe(true);
    expect(v.has('c')).toBe(false);
  });

  it('throws VALIDATION_FAILED naming every violation, and nothing when there is none', () => {
    expect(() => new Violations().throwIfAny()).not.toThrow();
    expect(() => refuseIfAny([])).not.toThrow();
    const thrown = (() => {
      try {
        new Violations().add('a', 'r1', 'A').add('b', 'r2', 'B').throwIfAny();
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(CommonError);
    expect(thrown).toMatchObject({
      code: CommonErrorCode.VALIDATION_FAILED,
      message: 'Ogiltiga uppgifter: a, b',
      details: [
        { field: 'a', rule: 'r1', message: 'A' },
        { field: 'b', rule: 'r2', message: 'B' },
      ],
    });
  });
});

describe('helpers', () => {
  it(isBlank.name, () => {
    expect([undefined, null, '', ' \n', 'x'].map(isBlank)).toEqual([true, true, true, true, false]);
  });

  it(formatCount.name, () => {
    expect([0, 999, 1000, 8000, 10_000_000].map(formatCount)).toEqual(['0', '999', '1 000', '8 000', '10 000 000']);
  });
});

describe('Violations.matches', () => {
  it('checks the trimmed text against the pattern; an absent text is not checked', () => {
    const digits = /^\d+$/;
    expect(new Violations().matches('n', ' 12 ', digits, 'Siffror').list).toEqual([]);
    expect(new Violations().matches('n', '1a', digits, 'Siffror').list).toEqual([{ field: 'n', rule: 'matches', message: 'Siffror' }]);
    expect(new Violations().matches('n', undefined, digits, 'Siffror').list).toEqual([]);
  });
});
