import { Violations } from './field-rules';
import { malformedTextViolation, sameSecret } from './well-formed-input';

const ruleOf = (text: string, multiLine: boolean) => malformedTextViolation('name', text, { multiLine })?.rule ?? null;

describe(malformedTextViolation.name, () => {
  it('accepts ordinary text, pairs of surrogates (emoji), and line breaks where the field has lines', () => {
    for (const text of ['Förskolenämnden', 'glad 😀', '']) expect(malformedTextViolation('name', text)).toBeNull();
    expect(malformedTextViolation('description', 'rad ett\r\nrad två\ttabb', { multiLine: true })).toBeNull();
  });

  it('refuses a NUL character and a lone surrogate of either half, naming the field', () => {
    expect(malformedTextViolation('name', 'a\u0000b')).toMatchObject({ field: 'name', rule: 'noNulCharacter' });
    expect(malformedTextViolation('q', 'a\ud800')).toMatchObject({ field: 'q', rule: 'wellFormedText' });
    expect(malformedTextViolation('q', '\udc00a')).toMatchObject({ field: 'q', rule: 'wellFormedText' });
    expect(malformedTextViolation('q', '😀'.slice(1))).toMatchObject({ rule: 'wellFormedText' });
  });
});

describe(`${malformedTextViolation.name}: control characters`, () => {
  const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\u0000');
  const LINE_BREAKS = ['\t', '\n', '\r'];

  it('refuses every control character (U+0001–U+001F, U+007F, U+0080–U+009F) and the line and paragraph separators in a single-line field', () => {
    const refused = [...C0, '\u007f', '\u0085', '\u009f', '\u2028', '\u2029'];
    expect(refused).toHaveLength(31 + 5);
    for (const c of refused) expect([c.codePointAt(0), ruleOf(`a${c}b`, false)]).toEqual([c.codePointAt(0), 'noControlCharacter']);
  });

  it('allows tab, line feed and carriage return in a multi-line field, and refuses the other control characters there too', () => {
    for (const c of LINE_BREAKS) expect(ruleOf(`rad ett${c}rad två`, true)).toBeNull();
    const refused = [...C0.filter((c) => !LINE_BREAKS.includes(c)), '\u007f', '\u009b'];
    expect(refused).toHaveLength(28 + 2);
    for (const c of refused) expect([c.codePointAt(0), ruleOf(`a${c}b`, true)]).toEqual([c.codePointAt(0), 'noControlCharacter']);
  });

  it('names the field, the character and the rule in Swedish', () => {
    expect(malformedTextViolation('title', 'a\nb')).toEqual({ field: 'title', rule: 'noControlCharacter', message: 'Fältet title ska vara en rad text utan styrtecken (U+000A)' });
    expect(malformedTextViolation('description', 'a\u0007b', { multiLine: true })).toEqual({
      field: 'description',
      rule: 'noControlCharacter',
      message: 'Fältet description innehåller ett otillåtet styrtecken (U+0007); bara tabb och radbrytning är tillåtna',
    });
  });

  it('passes ordinary text of any script in both kinds of field', () => {
    for (const text of ['Förskolenämnden', 'Ærø – “citat” ½ €', 'مرحبا', '漢字', 'glad 😀']) {
      expect(ruleOf(text, false)).toBeNull();
      expect(ruleOf(text, true)).toBeNull();
    }
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
