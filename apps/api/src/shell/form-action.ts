import { HttpStatus } from '@nestjs/common';
import { CommonErrorCode, DomainError } from '@samverka/kernel';
import { ErrorCode, httpStatusFor } from './domain-exception.filter';
import { FieldErrors, FormFailure, postedTextErrors } from './form-body';

/**
 * The form field (its id, which is also the name the browser posts) that
 * shows a violation of a command field: `fieldIdFor('evidence.date')` is
 * `evidenceDate`. Undefined: the violation belongs to no field of the form
 * and is shown in the error summary only.
 */
export type FieldIdFor = (path: string) => string | undefined;

/** What a form shows for a refusal: messages at fields (by field id), and the rest in the error summary. */
export interface FormErrors {
  errors: FieldErrors;
  general: string[];
}

/**
 * How a form explains the service's refusals. Field violations (the details
 * `[{ field, rule, message }]` of VALIDATION_FAILED, UNKNOWN_REFERENCE,
 * DUPLICATE, …) go where `fieldIdFor` says. Other refusals are the form's only
 * when it lists them; anything else (and a missing thing, NOT_FOUND, always)
 * goes to the error page.
 */
export interface FormErrorMap {
  fieldIdFor: FieldIdFor;
  /** Refusals shown with their own message, by code: at that form field, or (null) in the error summary. */
  refusals?: Readonly<Partial<Record<string, string | null>>>;
  /** A refusal the form words itself (a step's reasons, say); null when it is not the form's to explain. */
  explain?: (error: DomainError) => FormErrors | null;
  /** The names of the form's textareas: their text may hold line breaks and tabs; every other field is one line. */
  multiLine?: readonly string[];
  /** Posted fields the form reads by a rule of its own and never stores as text (the address to return to): not checked as text. */
  readByOwnRule?: readonly string[];
}

/** A field map written as a table: command field path → form field id. */
export const fieldIds =
  (table: Readonly<Record<string, string>>): FieldIdFor =>
  (path) =>
    Object.hasOwn(table, path) ? table[path] : undefined;

/** The codes whose details name the fields (and whose message alone says nothing more when they name none). */
const FIELD_CODES: readonly string[] = [CommonErrorCode.VALIDATION_FAILED, CommonErrorCode.UNKNOWN_REFERENCE, CommonErrorCode.DUPLICATE];

/** A refusal as the form shows it, or null when the form cannot explain it (the error page does). */
export function formErrorsFrom(error: DomainError, map: FormErrorMap): FormErrors | null {
  if (error.code === CommonErrorCode.NOT_FOUND) return null;
  const explained = map.explain?.(error);
  if (explained) return explained;
  const refusal = map.refusals?.[error.code];
  if (refusal !== undefined) return refusal === null ? { errors: {}, general: [error.message] } : { errors: { [refusal]: error.message }, general: [] };
  const violations = error.details ?? [];
  if (violations.length === 0) return FIELD_CODES.includes(error.code) ? { errors: {}, general: [error.message] } : null;
  const errors: FieldErrors = {};
  const general: string[] = [];
  for (const v of violations) {
    const field = map.fieldIdFor(v.field);
    // A duplicate's message names what clashes; a field's first message is the one it shows.
    const message = error.code === CommonErrorCode.DUPLICATE ? error.message : v.message;
    if (field === undefined) general.push(message);
    else if (errors[field] === undefined) errors[field] = message;
  }
  return { errors, general };
}

/**
 * What the form's own reading found wrong before any service was asked (a
 * date that is no date, a number that is no number): thrown by `run` through
 * {@link validInput}, shown like the service's violations, with a 400.
 */
export class FormRejected extends Error {
  constructor(
    readonly errors: FieldErrors,
    readonly general: string[] = [],
  ) {
    super('The form has errors');
  }
}

/** The input a form reader checked, or FormRejected with what it found. */
export function validInput<I>(checked: { errors: FieldErrors; general?: string[]; input?: I }): I {
  if (checked.input === undefined) throw new FormRejected(checked.errors, checked.general ?? []);
  return checked.input;
}

/** One form post: what was typed, how its refusals read, the service call, and the two ways on. */
export interface FormAction<V, R> {
  /** What was typed, as read from the body: shown again when the action fails. */
  values: V;
  /** The body as posted (null when nothing was): each field is checked as one line of text, but the textareas (`errors.multiLine`). */
  posted: unknown;
  errors: FormErrorMap;
  /** Calls the service (the command made from `values`). */
  run: () => Promise<R>;
  /** Renders the page again with the form's failure (its status is the reply's). */
  failed: (failure: FormFailure<V>, refusal: DomainError | null) => Promise<void>;
  /** What follows success: as a rule, post/redirect/get. */
  done: (result: R) => void | Promise<void>;
}

/**
 * The one way a page handles a form: check that every posted text is one
 * line but in the form's textareas, with no control character (else the form
 * says so at the field); run the command; when the service (or the form's own
 * reading) refuses it in a way the form explains, render the page again with
 * the error summary linking to the fields and what was typed kept; any other
 * error goes on to the error page.
 */
export async function formAction<V, R>(action: FormAction<V, R>): Promise<void> {
  const typed = postedTextErrors(action.posted, action.errors.multiLine ?? [], action.errors.readByOwnRule ?? []);
  if (Object.keys(typed).length > 0) {
    // At the field when the form shows it by that name; otherwise (a field read under another name) in the summary.
    const known = typeof action.values === 'object' && action.values !== null ? Object.keys(action.values) : [];
    const errors: FieldErrors = {};
    const general: string[] = [];
    for (const [name, message] of Object.entries(typed)) {
      if (known.includes(name)) errors[name] = message;
      else general.push(message!);
    }
    return action.failed({ values: action.values, errors, general, status: HttpStatus.BAD_REQUEST }, null);
  }
  let result: R;
  try {
    result = await action.run();
  } catch (e) {
    if (e instanceof FormRejected) return action.failed({ values: action.values, errors: e.errors, general: e.general, status: HttpStatus.BAD_REQUEST }, null);
    const explained = e instanceof DomainError ? formErrorsFrom(e, action.errors) : null;
    if (!explained) throw e;
    const refusal = e as DomainError;
    return action.failed({ values: action.values, ...explained, status: httpStatusFor(refusal.code as ErrorCode) }, refusal);
  }
  await action.done(result);
}
