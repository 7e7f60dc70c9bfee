import { CommonError, FieldViolation } from './domain-error';

/**
 * The dates the service works with: a date outside this range is a typing
 * mistake (9999-12-31), and a validity or deadline that far off would never
 * come, so its emails would never be sent.
 */
export const SANE_DATES = { from: '2000-01-01', to: '2099-12-31' } as const;

/** A text is blank when it is absent or only whitespace. */
export const isBlank = (value: string | null | undefined): boolean => value === undefined || value === null || value.trim() === '';

/** Messages for a text field: `empty` makes it required. */
export interface TextRule {
  max: number;
  /** Given: the text is required, and this says so. */
  empty?: string;
  tooLong: string;
}

/**
 * The violations of one command, collected so that every problem is reported
 * at once: at most one per field (the first rule it breaks), in the order the
 * rules are checked. Fields that are `undefined` are not checked, so the same
 * rules serve a whole command and a partial change (a PATCH).
 */
export class Violations {
  private readonly found: FieldViolation[] = [];

  get list(): FieldViolation[] {
    return [...this.found];
  }

  has(field: string): boolean {
    return this.found.some((v) => v.field === field);
  }

  /** Records a violation unless the field already has one. */
  add(field: string, rule: string, message: string): this {
    if (!this.has(field)) this.found.push({ field, rule, message });
    return this;
  }

  /** Records a violation when `broken` is true. */
  when(broken: boolean, field: string, rule: string, message: string): this {
    return broken ? this.add(field, rule, message) : this;
  }

  addAll(violations: readonly FieldViolation[]): this {
    violations.forEach((v) => this.add(v.field, v.rule, v.message));
    return this;
  }

  /** A text, measured trimmed: `isNotEmpty` when required and blank (null counts as blank), `maxLength` when too long. */
  text(field: string, value: string | null | undefined, rule: TextRule): this {
    if (value === undefined) return this;
    if (isBlank(value)) return rule.empty === undefined ? this : this.add(field, 'isNotEmpty', rule.empty);
    return this.when(value!.trim().length > rule.max, field, 'maxLength', rule.tooLong);
  }

  /** A text, trimmed, that must match a pattern (`matches`). */
  matches(field: string, value: string | undefined, pattern: RegExp, message: string): this {
    return value === undefined ? this : this.when(!pattern.test(value.trim()), field, 'matches', message);
  }

  /** A date (YYYY-MM-DD) within SANE_DATES (`dateRange`); absent or null dates are not checked. */
  saneDate(field: string, value: string | null | undefined, label = 'Datumet'): this {
    if (value === undefined || value === null) return this;
    return this.when(value < SANE_DATES.from || value > SANE_DATES.to, field, 'dateRange', `${label} måste ligga mellan ${SANE_DATES.from} och ${SANE_DATES.to}`);
  }

  /** Refuses with VALIDATION_FAILED naming every violation, if there is any. */
  throwIfAny(): void {
    if (this.found.length > 0) throw CommonError.invalid(this.list);
  }
}

/** Throws VALIDATION_FAILED with every violation given, if there is any. */
export function refuseIfAny(violations: readonly FieldViolation[]): void {
  if (violations.length > 0) throw CommonError.invalid(violations);
}

/** A whole number written the Swedish way, in groups of three: 10 000 000. */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
