import { REFERENCE_MAX, referenceItemViolations } from './reference.rules';

const rulesOf = (item: { code?: string; name?: string }) => referenceItemViolations(item).map((v) => `${v.field}:${v.rule}`);

describe(referenceItemViolations.name, () => {
  it('a code: a lower-case letter first, then a–z, 0–9 or _, 2 to 40 characters', () => {
    expect(['hy', 'hyllie_2', `h${'x'.repeat(39)}`].map((code) => rulesOf({ code, name: 'Namn' }))).toEqual([[], [], []]);
    expect(['h', 'Hyllie', '2hyllie', 'hyl lie', 'hyllie!', `h${'x'.repeat(40)}`].map((code) => rulesOf({ code, name: 'Namn' }))).toEqual(Array(6).fill(['code:matches']));
  });

  it('a name: required, at most the maximum; both problems reported together', () => {
    expect(rulesOf({ name: 'x'.repeat(REFERENCE_MAX.name) })).toEqual([]);
    expect(rulesOf({ name: 'x'.repeat(REFERENCE_MAX.name + 1) })).toEqual(['name:maxLength']);
    expect(referenceItemViolations({ code: 'Hyllie!', name: ' ' })).toEqual([
      { field: 'code', rule: 'matches', message: 'Koden ska börja med en liten bokstav och bara innehålla a–z, 0–9 och _ (2–40 tecken)' },
      { field: 'name', rule: 'isNotEmpty', message: 'Ange ett namn' },
    ]);
  });
});
