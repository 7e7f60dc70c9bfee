import { QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATE codes we turn into domain errors. */
export const PG = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
  EXCLUSION_VIOLATION: '23P01',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
} as const;

export interface PgErrorInfo {
  code: string;
  constraint?: string;
  table?: string;
  detail?: string;
}

export function pgError(e: unknown): PgErrorInfo | undefined {
  if (!(e instanceof QueryFailedError)) return undefined;
  const driverError = (e as QueryFailedError & { driverError?: { code?: string; constraint?: string; table?: string; detail?: string } }).driverError;
  if (!driverError?.code) return undefined;
  return { code: driverError.code, constraint: driverError.constraint, table: driverError.table, detail: driverError.detail };
}

export function isPgError(e: unknown, code: string, constraint?: string): boolean {
  const info = pgError(e);
  return !!info && info.code === code && (constraint === undefined || info.constraint === constraint);
}
