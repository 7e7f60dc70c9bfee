import { DomainError, ErrorKind, ErrorKinds } from '@samverka/kernel';

export enum NotificationErrorCode {
  /** Only a failed email can be retried. */
  NOT_RETRYABLE = 'NOTIFICATION_NOT_RETRYABLE',
}

/** What kind of refusal each code is (the API maps kinds to HTTP statuses). */
export const NOTIFICATION_ERROR_KINDS = {
  [NotificationErrorCode.NOT_RETRYABLE]: ErrorKind.CONFLICT,
} as const satisfies ErrorKinds<NotificationErrorCode>;

declare module '@samverka/kernel' {
  interface ErrorKindRegistry { notifications: typeof NOTIFICATION_ERROR_KINDS }
}

export class NotificationError extends DomainError<NotificationErrorCode> {}
