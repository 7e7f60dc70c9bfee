import { DomainError, ErrorKind, ErrorKinds } from '@samverka/kernel';

export enum ConsultationErrorCode {
  /** The round has no consultation prepared. */
  CONSULTATION_NOT_FOUND = 'CONSULTATION_NOT_FOUND',
  /** The consultation can be prepared only while the round drafts its plan (before it is sent). */
  CONSULTATION_NOT_EDITABLE = 'CONSULTATION_NOT_EDITABLE',
  /** The committee is not a recipient of the round's consultation. */
  RECIPIENT_NOT_FOUND = 'RECIPIENT_NOT_FOUND',
  // Later features of the consultation context append their codes below (extensions, responses, triage, decision).
  /** An extension can be asked for only while the round is in consultation and the recipient has not responded. */
  EXTENSION_NOT_ALLOWED = 'EXTENSION_NOT_ALLOWED',
  /** The recipient already has an open extension request. */
  EXTENSION_ALREADY_OPEN = 'EXTENSION_ALREADY_OPEN',
  /** No such extension request of that recipient. */
  EXTENSION_NOT_FOUND = 'EXTENSION_NOT_FOUND',
  /** The extension request is already approved or declined. */
  EXTENSION_ALREADY_DECIDED = 'EXTENSION_ALREADY_DECIDED',
}

/** What kind of refusal each code is (the API maps kinds to HTTP statuses). */
export const CONSULTATION_ERROR_KINDS = {
  [ConsultationErrorCode.CONSULTATION_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [ConsultationErrorCode.CONSULTATION_NOT_EDITABLE]: ErrorKind.CONFLICT,
  [ConsultationErrorCode.RECIPIENT_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [ConsultationErrorCode.EXTENSION_NOT_ALLOWED]: ErrorKind.CONFLICT,
  [ConsultationErrorCode.EXTENSION_ALREADY_OPEN]: ErrorKind.CONFLICT,
  [ConsultationErrorCode.EXTENSION_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [ConsultationErrorCode.EXTENSION_ALREADY_DECIDED]: ErrorKind.CONFLICT,
} as const satisfies ErrorKinds<ConsultationErrorCode>;

declare module '@samverka/kernel' {
  interface ErrorKindRegistry { consultation: typeof CONSULTATION_ERROR_KINDS }
}

export class ConsultationError extends DomainError<ConsultationErrorCode> {}
