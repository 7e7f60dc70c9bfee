import { DomainError, ErrorKind, ErrorKinds } from '@samverka/kernel';

export enum OrganisationErrorCode {
  COMMITTEE_INACTIVE = 'COMMITTEE_INACTIVE',
  DEPARTMENT_INACTIVE = 'DEPARTMENT_INACTIVE',
  STILL_REFERENCED = 'STILL_REFERENCED',
  ASSIGNMENT_OVERLAP = 'ASSIGNMENT_OVERLAP',
  ASSIGNMENT_ENDED = 'ASSIGNMENT_ENDED',
}

/** What kind of refusal each code is (the API maps kinds to HTTP statuses). */
export const ORGANISATION_ERROR_KINDS = {
  [OrganisationErrorCode.COMMITTEE_INACTIVE]: ErrorKind.CONFLICT,
  [OrganisationErrorCode.DEPARTMENT_INACTIVE]: ErrorKind.CONFLICT,
  [OrganisationErrorCode.STILL_REFERENCED]: ErrorKind.CONFLICT,
  [OrganisationErrorCode.ASSIGNMENT_OVERLAP]: ErrorKind.CONFLICT,
  [OrganisationErrorCode.ASSIGNMENT_ENDED]: ErrorKind.CONFLICT,
} as const satisfies ErrorKinds<OrganisationErrorCode>;

declare module '@samverka/kernel' {
  interface ErrorKindRegistry { organisation: typeof ORGANISATION_ERROR_KINDS }
}

export class OrganisationError extends DomainError<OrganisationErrorCode> {}
