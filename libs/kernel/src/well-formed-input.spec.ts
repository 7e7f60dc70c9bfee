import { Violations } from './field-rules';
import { malformedTextViolation, sameSecret } from './well-formed-input';

describe(malformedTextViolation.name, () => {
  it('accepts ordinary text, pairs of surrogates (emoji) and line breaks', () => {
    for (const text of ['Förskolenämnden', 'rad ett\r\nrad två\ttabb', 'glad 😀', '']) expect(malformedTextViolation('name', text)).toBeNull();
  });

  it('refuses a NUL character and a lone surrogate of either half, naming the field', () => {
    expect(malformedTextViolation('name', 'a\u0000b')).toMatchObject({ field: 'name', rule: 'noNulCharacter' });
    expect(malformedTextViolation('q', 'a\ud800')).toMatchObject({ field: 'q', rule: 'wellFormedText' });
    expect(malformedTextViolation('q', '\udc00a')).toMatchObject({ field: 'q', rule: 'wellFormedText' });
    expect(malformedTextViolation('q', '😀'.slice(1))).toMatchObject({ rule: 'wellFormedText' });
  });
});

describe(sameSecret.name, () => {
  it('is true only for the same string, and false (not a throw) for other lengths in characters or bytes', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abd', 'abc')).toBe(false);
    expect(sameSecret('ab', 'abc')).toBe(false);
    expect(sameSecret('åäö', 'abc')).toBe(false);
    expect(sameSecret(undefined, 'abc')).toBe(false);
  });
});

describe('Violations.saneDate', () => {
  it('refuses dates outside 2000–2099, and leaves absent ones alone', () => {
    const rules = (value: string | null | undefined) => new Violations().saneDate('validFrom', value).list.map((v) => v.rule);
    expect(rules('2026-01-01')).toEqual([]);
    expect(rules(undefined)).toEqual([]);
    expect(rules(null)).toEqual([]);
    expect(rules('9999-12-31')).toEqual(['dateRange']);
    expect(rules('1999-12-31')).toEqual(['dateRange']);
  });
});
