import { DomainError } from '@samverka/kernel';

export enum NotificationErrorCode {
  /** Only a failed email can be retried. */
  NOT_RETRYABLE = 'NOTIFICATION_NOT_RETRYABLE',
}

export class NotificationError extends DomainError<NotificationErrorCode> {
  constructor(code: NotificationErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
