import { DomainError } from '@samverka/kernel';

export enum IdentityErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  SIGN_IN_LOCKED = 'SIGN_IN_LOCKED',
  USER_DISABLED = 'USER_DISABLED',
  UNKNOWN_USER = 'UNKNOWN_USER',
  FORBIDDEN = 'FORBIDDEN',
  CSRF_INVALID = 'CSRF_INVALID',
  SSO_FAILED = 'SSO_FAILED',
}

export class IdentityError extends DomainError<IdentityErrorCode> {
  constructor(code: IdentityErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }

  static unauthenticated(): IdentityError {
    return new IdentityError(IdentityErrorCode.UNAUTHENTICATED, 'Du behöver logga in');
  }

  static forbidden(message = 'Du har inte behörighet till det här'): IdentityError {
    return new IdentityError(IdentityErrorCode.FORBIDDEN, message);
  }
}
