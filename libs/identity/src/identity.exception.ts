import { DomainError, ErrorKind, ErrorKinds } from '@samverka/kernel';

export enum IdentityErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  SIGN_IN_LOCKED = 'SIGN_IN_LOCKED',
  USER_DISABLED = 'USER_DISABLED',
  UNKNOWN_USER = 'UNKNOWN_USER',
  FORBIDDEN = 'FORBIDDEN',
  CSRF_INVALID = 'CSRF_INVALID',
  SSO_FAILED = 'SSO_FAILED',
  OWN_ACCOUNT = 'OWN_ACCOUNT',
  LAST_ADMIN = 'LAST_ADMIN',
  /** A set-password link that is used, expired, unknown, or for a disabled account. */
  PASSWORD_LINK_INVALID = 'PASSWORD_LINK_INVALID',
  /** An invitation to a disabled account. */
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
}

/** What kind of refusal each code is (the API maps kinds to HTTP statuses). */
export const IDENTITY_ERROR_KINDS = {
  [IdentityErrorCode.UNAUTHENTICATED]: ErrorKind.UNAUTHENTICATED,
  [IdentityErrorCode.INVALID_CREDENTIALS]: ErrorKind.UNAUTHENTICATED,
  [IdentityErrorCode.SIGN_IN_LOCKED]: ErrorKind.TOO_MANY_REQUESTS,
  [IdentityErrorCode.USER_DISABLED]: ErrorKind.FORBIDDEN,
  [IdentityErrorCode.UNKNOWN_USER]: ErrorKind.FORBIDDEN,
  [IdentityErrorCode.FORBIDDEN]: ErrorKind.FORBIDDEN,
  [IdentityErrorCode.CSRF_INVALID]: ErrorKind.FORBIDDEN,
  [IdentityErrorCode.SSO_FAILED]: ErrorKind.INVALID,
  [IdentityErrorCode.OWN_ACCOUNT]: ErrorKind.CONFLICT,
  [IdentityErrorCode.LAST_ADMIN]: ErrorKind.CONFLICT,
  [IdentityErrorCode.PASSWORD_LINK_INVALID]: ErrorKind.CONFLICT,
  [IdentityErrorCode.ACCOUNT_DISABLED]: ErrorKind.CONFLICT,
} as const satisfies ErrorKinds<IdentityErrorCode>;

declare module '@samverka/kernel' {
  interface ErrorKindRegistry { identity: typeof IDENTITY_ERROR_KINDS }
}

export class IdentityError extends DomainError<IdentityErrorCode> {
  static unauthenticated(): IdentityError {
    return new IdentityError(IdentityErrorCode.UNAUTHENTICATED, 'Du behöver logga in');
  }

  static forbidden(message = 'Du har inte behörighet till det här'): IdentityError {
    return new IdentityError(IdentityErrorCode.FORBIDDEN, message);
  }
}
