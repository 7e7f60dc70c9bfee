import { DomainError } from '@samverka/kernel';

/** The domain error code a call fails with; fails the test if it succeeds or fails otherwise. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}
