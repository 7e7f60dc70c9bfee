import { timingSafeEqual } from 'node:crypto';
import { FieldViolation } from './domain-error';

/** A lone UTF-16 surrogate: half a character, which no database or e-mail can store. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The rule every string of every input obeys, whatever its field: no NUL
 * character (PostgreSQL cannot store one) and no lone surrogate. Null when
 * the text is well formed, else the violation for `field`.
 */
export function malformedTextViolation(field: string, value: string): FieldViolation | null {
  if (value.includes('\u0000')) return { field, rule: 'noNulCharacter', message: `Fältet ${field} innehåller ett otillåtet tecken (NUL)` };
  if (LONE_SURROGATE.test(value)) return { field, rule: 'wellFormedText', message: `Fältet ${field} innehåller ett ofullständigt tecken (ensamt surrogat)` };
  return null;
}

/** Compares two secrets in constant time; false (never a throw) when they differ in length, in bytes as in characters. */
export function sameSecret(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
