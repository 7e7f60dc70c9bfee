import { ORGANISATION_MAX, organisationUnitViolations } from './organisation.rules';

const rulesOf = (unit: { code?: string; name?: string }) => organisationUnitViolations(unit).map((v) => `${v.field}:${v.rule}`);

describe(organisationUnitViolations.name, () => {
  it('a code: 1–16 letters (å, ä, ö and é too), digits, "-" or "_"', () => {
    expect(['F', 'FSKN', 'Gatu-kontor_2', 'ÅÄÖåäöÉé', 'x'.repeat(16)].map((code) => rulesOf({ code, name: 'Nämnden' }))).toEqual(Array(5).fill([]));
    expect(['', 'has space', 'a/b', 'x'.repeat(17)].map((code) => rulesOf({ code, name: 'Nämnden' }))).toEqual(Array(4).fill(['code:matches']));
  });

  it('a name: required, at most the maximum; a change checks only what it changes', () => {
    expect(rulesOf({ code: 'F', name: 'x'.repeat(ORGANISATION_MAX.name) })).toEqual([]);
    expect(rulesOf({ code: 'F', name: 'x'.repeat(ORGANISATION_MAX.name + 1) })).toEqual(['name:maxLength']);
    expect(rulesOf({})).toEqual([]);
    expect(rulesOf({ name: ' ' })).toEqual(['name:isNotEmpty']);
  });

  it('reports the code and the name together, in Swedish', () => {
    expect(organisationUnitViolations({ code: 'has space', name: '   ' })).toEqual([
      { field: 'code', rule: 'matches', message: 'Koden ska vara 1–16 bokstäver, siffror, "-" eller "_"' },
      { field: 'name', rule: 'isNotEmpty', message: 'Ange ett namn' },
    ]);
  });
});
