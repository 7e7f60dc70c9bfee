import { DomainError, ErrorKind, ErrorKinds } from '@samverka/kernel';

export enum FollowUpErrorCode {
  /** The round is not in follow-up (reports and periods belong to an adopted plan being carried out). */
  FOLLOW_UP_NOT_OPEN = 'FOLLOW_UP_NOT_OPEN',
  /** No such reporting period in the round. */
  PERIOD_NOT_FOUND = 'PERIOD_NOT_FOUND',
  /** A period that has reports cannot be removed from the round's periods. */
  PERIOD_HAS_REPORTS = 'PERIOD_HAS_REPORTS',
  /** No such item in the round's adopted plan. */
  FOLLOW_UP_ITEM_NOT_FOUND = 'FOLLOW_UP_ITEM_NOT_FOUND',
  /** The organisation is not responsible (R) for the item, so it does not report on it. */
  NOT_RESPONSIBLE_FOR_ITEM = 'NOT_RESPONSIBLE_FOR_ITEM',
  /** The caller may not report for that organisation (another department's coordinator, or the contact centre without being a strategist). */
  REPORT_NOT_ALLOWED = 'REPORT_NOT_ALLOWED',
  /** Another report for the same item, organisation and period was stored at the same time: read it and correct it. */
  REPORT_CONFLICT = 'REPORT_CONFLICT',
  /** A CSV import with a bad row: nothing was written; `details` names each row's line and field (`line.4.status`). */
  REPORT_IMPORT_REJECTED = 'REPORT_IMPORT_REJECTED',
}

/** What kind of refusal each code is (the API maps kinds to HTTP statuses). */
export const FOLLOW_UP_ERROR_KINDS = {
  [FollowUpErrorCode.FOLLOW_UP_NOT_OPEN]: ErrorKind.CONFLICT,
  [FollowUpErrorCode.PERIOD_NOT_FOUND]: ErrorKind.UNKNOWN_REFERENCE,
  [FollowUpErrorCode.PERIOD_HAS_REPORTS]: ErrorKind.CONFLICT,
  [FollowUpErrorCode.FOLLOW_UP_ITEM_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [FollowUpErrorCode.NOT_RESPONSIBLE_FOR_ITEM]: ErrorKind.UNKNOWN_REFERENCE,
  [FollowUpErrorCode.REPORT_NOT_ALLOWED]: ErrorKind.FORBIDDEN,
  [FollowUpErrorCode.REPORT_CONFLICT]: ErrorKind.CONFLICT,
  [FollowUpErrorCode.REPORT_IMPORT_REJECTED]: ErrorKind.UNKNOWN_REFERENCE,
} as const satisfies ErrorKinds<FollowUpErrorCode>;

declare module '@samverka/kernel' {
  interface ErrorKindRegistry { followUp: typeof FOLLOW_UP_ERROR_KINDS }
}

export class FollowUpError extends DomainError<FollowUpErrorCode> {}
