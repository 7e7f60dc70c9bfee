import { CommonError, CommonErrorCode, DomainError, ErrorKind, ErrorKinds } from '@samverka/kernel';

export enum RoundErrorCode {
  /** The event is not possible in the round's state, or its guard says no (details.reasons say why). */
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  /** The year already has a round that is neither closed nor cancelled. */
  ACTIVE_ROUND_EXISTS = 'ACTIVE_ROUND_EXISTS',
  /** The change is not possible once the round has moved on (e.g. participants after launch). */
  ROUND_NOT_EDITABLE = 'ROUND_NOT_EDITABLE',
  /** A reminder cannot go to the department now (needs are not collected, it has handed in, it has no coordinator). */
  REMINDER_NOT_POSSIBLE = 'REMINDER_NOT_POSSIBLE',
  /** The department has already been reminded today. */
  REMINDER_ALREADY_SENT = 'REMINDER_ALREADY_SENT',
}

/** What kind of refusal each code is (the API maps kinds to HTTP statuses). */
export const ROUND_ERROR_KINDS = {
  [RoundErrorCode.ILLEGAL_TRANSITION]: ErrorKind.CONFLICT,
  [RoundErrorCode.ACTIVE_ROUND_EXISTS]: ErrorKind.CONFLICT,
  [RoundErrorCode.ROUND_NOT_EDITABLE]: ErrorKind.CONFLICT,
  [RoundErrorCode.REMINDER_NOT_POSSIBLE]: ErrorKind.CONFLICT,
  [RoundErrorCode.REMINDER_ALREADY_SENT]: ErrorKind.CONFLICT,
} as const satisfies ErrorKinds<RoundErrorCode>;

declare module '@samverka/kernel' {
  interface ErrorKindRegistry { rounds: typeof ROUND_ERROR_KINDS }
}

export class RoundError extends DomainError<RoundErrorCode> {}

/** Someone changed the round since it was read (optimistic locking); `current` is the version now, when known. */
export function roundVersionConflict(current: number | null): CommonError {
  return new CommonError(
    CommonErrorCode.VERSION_CONFLICT,
    'Planomgången har ändrats av någon annan sedan du läste den. Ladda om och försök igen.',
    current === null ? {} : { currentVersion: current },
  );
}
