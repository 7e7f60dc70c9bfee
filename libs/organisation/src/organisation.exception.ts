import { DomainError } from '@samverka/kernel';

export enum OrganisationErrorCode {
  COMMITTEE_INACTIVE = 'COMMITTEE_INACTIVE',
  DEPARTMENT_INACTIVE = 'DEPARTMENT_INACTIVE',
  STILL_REFERENCED = 'STILL_REFERENCED',
  ASSIGNMENT_OVERLAP = 'ASSIGNMENT_OVERLAP',
  ASSIGNMENT_ENDED = 'ASSIGNMENT_ENDED',
}

export class OrganisationError extends DomainError<OrganisationErrorCode> {
  constructor(code: OrganisationErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
