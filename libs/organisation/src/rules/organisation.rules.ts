import { FieldViolation, Violations } from '@samverka/kernel';

/** A committee's or department's code: 1–16 letters, digits, "-" or "_". */
export const ORGANISATION_CODE_PATTERN = /^[A-Za-z0-9ÅÄÖåäöÉé_-]{1,16}$/;
export const ORGANISATION_MAX = { code: 16, name: 200 } as const;

/**
 * A committee (nämnd) or department (förvaltning), new or changed: its code
 * and name. Absent fields are not checked, so a change is checked the same way.
 */
export function organisationUnitViolations(unit: { code?: string; name?: string }): FieldViolation[] {
  return new Violations()
    .matches('code', unit.code, ORGANISATION_CODE_PATTERN, 'Koden ska vara 1–16 bokstäver, siffror, "-" eller "_"')
    .text('name', unit.name, { max: ORGANISATION_MAX.name, empty: 'Ange ett namn', tooLong: `Namnet får vara högst ${ORGANISATION_MAX.name} tecken` }).list;
}
