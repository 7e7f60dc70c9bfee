import { timingSafeEqual } from 'node:crypto';
import { FieldViolation } from './domain-error';

/** A lone UTF-16 surrogate: half a character, which no database or e-mail can store. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Control characters no text of ours has (C0 but tab, line feed and carriage return; DEL; C1). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** What a single-line text (a name, a title, a code, an e-mail) has not either: no line breaks or tabs, no line or paragraph separator. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_OR_LINE_BREAK = /[\u0001-\u001F\u007F-\u009F\u2028\u2029]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export interface TextKind {
  /** A multi-line text (a description, a reason): tab, line feed and carriage return are allowed. Default: one line. */
  multiLine?: boolean;
}

/** The first control character (as U+XXXX) that `value` may not hold in a field of this kind, or null. */
export function forbiddenControlCharacter(value: string, kind: TextKind = {}): string | null {
  const found = (kind.multiLine ? CONTROL : CONTROL_OR_LINE_BREAK).exec(value);
  return found ? codePoint(found[0]) : null;
}

/**
 * The rule every string of every input obeys: no NUL character (PostgreSQL
 * cannot store one), no lone surrogate, and no control character. A
 * single-line field (the default: names, titles, codes, e-mail addresses,
 * query filters) has no line breaks or tabs either, nor U+2028/U+2029; a
 * multi-line field may have tab, line feed and carriage return. Null when the
 * text is well formed, else the violation for `field`, in Swedish.
 */
export function malformedTextViolation(field: string, value: string, kind: TextKind = {}): FieldViolation | null {
  if (value.includes('\u0000')) return { field, rule: 'noNulCharacter', message: `Fältet ${field} innehåller ett otillåtet tecken (NUL)` };
  if (LONE_SURROGATE.test(value)) return { field, rule: 'wellFormedText', message: `Fältet ${field} innehåller ett ofullständigt tecken (ensamt surrogat)` };
  const control = forbiddenControlCharacter(value, kind);
  if (control) {
    const message = kind.multiLine
      ? `Fältet ${field} innehåller ett otillåtet styrtecken (${control}); bara tabb och radbrytning är tillåtna`
      : `Fältet ${field} ska vara en rad text utan styrtecken (${control})`;
    return { field, rule: 'noControlCharacter', message };
  }
  return null;
}

/** Compares two secrets in constant time; false (never a throw) when they differ in length, in bytes as in characters. */
export function sameSecret(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
