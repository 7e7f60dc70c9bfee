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
  /** Responses: the committee already has a current submitted response (a correction is a new revision). */
  RESPONSE_EXISTS = 'RESPONSE_EXISTS',
  /** Responses: the round takes no responses now (only while in consultation or compiling responses). */
  RESPONSES_CLOSED = 'RESPONSES_CLOSED',
  /** Responses: the committee has no submitted response to correct. */
  RESPONSE_NOT_FOUND = 'RESPONSE_NOT_FOUND',
  /** Responses: a strategist enters a committee's response only as one received on paper (`receivedOnPaper: true`). */
  RESPONSE_ONLY_ON_PAPER = 'RESPONSE_ONLY_ON_PAPER',
  /** Responses: the caller may not read this committee's response, draft or attachment. */
  RESPONSE_NOT_READABLE = 'RESPONSE_NOT_READABLE',
  /** Responses: no such attachment in the round. */
  ATTACHMENT_NOT_FOUND = 'ATTACHMENT_NOT_FOUND',
  /** The round has no such proposal in a current (submitted, not superseded) response. */
  PROPOSAL_NOT_FOUND = 'PROPOSAL_NOT_FOUND',
  /** Proposals are triaged only while the round is in consultation, compiling the responses or awaiting the decision. */
  TRIAGE_NOT_OPEN = 'TRIAGE_NOT_OPEN',
  /** Only strategists triage proposals. */
  TRIAGE_NOT_ALLOWED = 'TRIAGE_NOT_ALLOWED',
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
  [ConsultationErrorCode.RESPONSE_EXISTS]: ErrorKind.CONFLICT,
  [ConsultationErrorCode.RESPONSES_CLOSED]: ErrorKind.CONFLICT,
  [ConsultationErrorCode.RESPONSE_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [ConsultationErrorCode.RESPONSE_ONLY_ON_PAPER]: ErrorKind.FORBIDDEN,
  [ConsultationErrorCode.RESPONSE_NOT_READABLE]: ErrorKind.FORBIDDEN,
  [ConsultationErrorCode.ATTACHMENT_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [ConsultationErrorCode.PROPOSAL_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [ConsultationErrorCode.TRIAGE_NOT_OPEN]: ErrorKind.CONFLICT,
  [ConsultationErrorCode.TRIAGE_NOT_ALLOWED]: ErrorKind.FORBIDDEN,
} as const satisfies ErrorKinds<ConsultationErrorCode>;

declare module '@samverka/kernel' {
  interface ErrorKindRegistry { consultation: typeof CONSULTATION_ERROR_KINDS }
}

export class ConsultationError extends DomainError<ConsultationErrorCode> {}
