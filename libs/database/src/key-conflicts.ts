import { CommonError, CommonErrorCode, FieldViolation } from '@samverka/kernel';
import { PG, pgError } from './postgres-errors';

/** The key a unique or exclusion violation names, by column (`{ kind: 'channel', code: 'web' }`); empty when PostgreSQL's detail cannot be read plainly. */
export type ConflictingKey = Readonly<Record<string, string>>;

/** What a conflict on one key means to the caller: the context's own coded error (e.g. REFERENCE_EXISTS naming the code). */
export type ConflictMeaning = (key: ConflictingKey) => Error;

const MEANINGS = new Map<string, ConflictMeaning>();

/**
 * Declares what a broken unique key or exclusion constraint means, by the constraint's name or by its
 * table (any unique key of that table). A context declares it once, beside its errors; the
 * TransactionHost then turns the violation into that error whichever write hit it. That is how a
 * race the service's own check cannot see (two identical creations at once) still ends as the same
 * 409 the check gives, never a 500.
 */
export function declareConflict(constraintOrTable: string, meaning: ConflictMeaning): void {
  MEANINGS.set(constraintOrTable, meaning);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** `Key (kind, code)=(channel, web) already exists.` → `{ kind: 'channel', code: 'web' }` (plain columns only). */
export function conflictingKey(detail: string | undefined): ConflictingKey {
  const match = /^Key \((.*)\)=\((.*)\) (?:already exists|conflicts with existing key)/s.exec(detail ?? '');
  if (!match) return {};
  const columns = match[1].split(', ');
  const values = match[2].split(', ');
  if (columns.length !== values.length || !columns.every((c) => IDENTIFIER.test(c))) return {};
  return Object.fromEntries(columns.map((c, i) => [c, values[i]]));
}

/**
 * The coded error for a unique or exclusion violation (undefined for any other error): the declared
 * meaning of its constraint or table, else a DUPLICATE naming the key's columns as fields.
 */
export function conflictError(e: unknown): Error | undefined {
  const info = pgError(e);
  if (!info || (info.code !== PG.UNIQUE_VIOLATION && info.code !== PG.EXCLUSION_VIOLATION)) return undefined;
  const key = conflictingKey(info.detail);
  const meaning = (info.constraint && MEANINGS.get(info.constraint)) || (info.table && MEANINGS.get(info.table));
  if (meaning) return meaning(key);
  const fields: FieldViolation[] = Object.entries(key)
    .filter(([column]) => !column.endsWith('_id') || Object.keys(key).length === 1)
    .map(([column, value]) => ({ field: camel(column), rule: 'unique', message: `${value} används redan` }));
  return new CommonError(
    CommonErrorCode.DUPLICATE,
    'Uppgiften finns redan eller krockar med en annan som sparades samtidigt',
    fields.length > 0 ? fields : [{ field: 'body', rule: 'unique', message: 'Krockar med en befintlig uppgift' }],
  );
}
