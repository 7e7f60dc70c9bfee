import { DomainError, ErrorKind, ErrorKinds } from '@samverka/kernel';

export enum ConsultationErrorCode {
  /** The round has no consultation prepared. */
  CONSULTATION_NOT_FOUND = 'CONSULTATION_NOT_FOUND',
  /** The consultation can be prepared only while the round drafts its plan (before it is sent). */
  CONSULTATION_NOT_EDITABLE = 'CONSULTATION_NOT_EDITABLE',
  /** The committee is not a recipient of the round's consultation. */
  RECIPIENT_NOT_FOUND = 'RECIPIENT_NOT_FOUND',
  // Later features of the consultation context append their codes below (extensions, responses, triage, decision).
}

/** What kind of refusal each code is (the API maps kinds to HTTP statuses). */
export const CONSULTATION_ERROR_KINDS = {
  [ConsultationErrorCode.CONSULTATION_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [ConsultationErrorCode.CONSULTATION_NOT_EDITABLE]: ErrorKind.CONFLICT,
  [ConsultationErrorCode.RECIPIENT_NOT_FOUND]: ErrorKind.NOT_FOUND,
} as const satisfies ErrorKinds<ConsultationErrorCode>;

declare module '@samverka/kernel' {
  interface ErrorKindRegistry { consultation: typeof CONSULTATION_ERROR_KINDS }
}

export class ConsultationError extends DomainError<ConsultationErrorCode> {}
