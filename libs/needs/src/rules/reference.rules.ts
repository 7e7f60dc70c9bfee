import { FieldViolation, Violations } from '@samverka/kernel';

/** A reference item's code: a–z, 0–9 and _, starting with a letter, 2–40 characters. */
export const REFERENCE_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const REFERENCE_MAX = { code: 40, name: 200 } as const;

/** A new reference item (`code` and `name`), or a change (absent fields are not checked). */
export function referenceItemViolations(item: { code?: string; name?: string }): FieldViolation[] {
  return new Violations()
    .matches('code', item.code, REFERENCE_CODE_PATTERN, 'Koden ska börja med en liten bokstav och bara innehålla a–z, 0–9 och _ (2–40 tecken)')
    .text('name', item.name, { max: REFERENCE_MAX.name, empty: 'Ange ett namn', tooLong: `Namnet får vara högst ${REFERENCE_MAX.name} tecken` }).list;
}
