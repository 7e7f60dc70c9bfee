import { isLocalDate } from '@samverka/kernel';

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

/** Checks a date field written YYYY-MM-DD; the message names the field. */
export function dateError(value: string, label: string, required: boolean): string | undefined {
  if (value === '') return required ? `Ange ${label.toLowerCase()}` : undefined;
  if (!isLocalDate(value)) return `${label} måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01`;
  return undefined;
}
