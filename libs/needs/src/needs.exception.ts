import { DomainError, ErrorKind, ErrorKinds } from '@samverka/kernel';

export enum NeedsErrorCode {
  /** The round is not collecting needs (not launched yet, or needs collection is closed). */
  ROUND_NOT_COLLECTING = 'ROUND_NOT_COLLECTING',
  /** The department's submission is handed in: its needs cannot change until management returns it. */
  SUBMISSION_NOT_EDITABLE = 'SUBMISSION_NOT_EDITABLE',
  /** The submission is not in a state that allows this step (e.g. endorsing a draft). */
  SUBMISSION_STEP_NOT_ALLOWED = 'SUBMISSION_STEP_NOT_ALLOWED',
  /** A reference item with this code exists. */
  REFERENCE_EXISTS = 'REFERENCE_EXISTS',
}

/** What kind of refusal each code is (the API maps kinds to HTTP statuses). */
export const NEEDS_ERROR_KINDS = {
  [NeedsErrorCode.ROUND_NOT_COLLECTING]: ErrorKind.CONFLICT,
  [NeedsErrorCode.SUBMISSION_NOT_EDITABLE]: ErrorKind.CONFLICT,
  [NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED]: ErrorKind.CONFLICT,
  [NeedsErrorCode.REFERENCE_EXISTS]: ErrorKind.CONFLICT,
} as const satisfies ErrorKinds<NeedsErrorCode>;

declare module '@samverka/kernel' {
  interface ErrorKindRegistry { needs: typeof NEEDS_ERROR_KINDS }
}

export class NeedsError extends DomainError<NeedsErrorCode> {}
