import { forbiddenControlCharacter, isLocalDate, malformedTextViolation } from '@samverka/kernel';

/** Errors of one form, by field name; a field's message is shown beside it and in the error summary. */
export type FieldErrors = Partial<Record<string, string>>;

/** A form that failed: what the user typed, and what is wrong with it. */
export interface FormFailure<V> {
  values: V;
  errors: FieldErrors;
  /** Errors that belong to no field (shown in the error summary only). */
  general: string[];
  /** 400 for input errors, otherwise the status the domain error maps to. */
  status: number;
}

/** One field of an application/x-www-form-urlencoded body as a string ('' when absent; the first of repeated fields). */
export function formField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** A repeated field (checkboxes) as strings: every value, in order ([] when absent). */
export function formFields(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Record<string, unknown>)[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/**
 * The posted fields whose text breaks the text rule (malformedTextViolation), as form errors by
 * field name. Every field is one line (an <input>) but the form's textareas (`multiLine`, their
 * names), which may hold line breaks and tabs. A browser puts no control character into an input;
 * text pasted into a textarea may bring one (a vertical tab from a word processor), and is refused
 * with a message at the field instead of being stored. Fields in `readByOwnRule` are left to the form.
 */
export function postedTextErrors(body: unknown, multiLine: readonly string[], readByOwnRule: readonly string[] = []): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof body !== 'object' || body === null) return errors;
  for (const [name, posted] of Object.entries(body as Record<string, unknown>)) {
    if (readByOwnRule.includes(name)) continue;
    const lines = multiLine.includes(name);
    for (const text of (Array.isArray(posted) ? posted : [posted]).filter((v): v is string => typeof v === 'string')) {
      if (errors[name] !== undefined || !malformedTextViolation(name, text, { multiLine: lines })) continue;
      const control = forbiddenControlCharacter(text, { multiLine: lines });
      errors[name] = !control
        ? 'Texten innehåller ett tecken som inte kan sparas (NUL eller ett ofullständigt tecken); skriv om den'
        : lines
          ? `Texten innehåller ett osynligt styrtecken (${control}) som inte kan sparas; skriv om stället där det står`
          : `Skriv på en rad, utan radbrytningar, tabbar eller andra styrtecken (här finns ${control})`;
    }
  }
  return errors;
}

/** Checks a date field written YYYY-MM-DD; the message names the field. */
export function dateError(value: string, label: string, required: boolean): string | undefined {
  if (value === '') return required ? `Ange ${label.toLowerCase()}` : undefined;
  if (!isLocalDate(value)) return `${label} måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01`;
  return undefined;
}
