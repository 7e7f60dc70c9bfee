import type { LocalDate } from '@samverka/kernel';

/**
 * The consultation (remiss) of a round's frozen plan version: prepared while drafting, sent by the
 * workflow's SEND_FOR_CONSULTATION, answered by each recipient committee with a formal response
 * (yttrande) of its own, compiled, its proposals triaged; then the decision.
 */

export const RESPONSE_STANCES = ['approve', 'approve_with_remarks', 'reject', 'decline'] as const;
/** Tillstyrker, tillstyrker med synpunkter, avstyrker, avstår från att yttra sig. */
export type ResponseStance = (typeof RESPONSE_STANCES)[number];

/** Where a recipient stands (derived: never stored). */
export const RECIPIENT_STATUSES = ['awaiting', 'responded', 'declined', 'overdue'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const EXTENSION_STATUSES = ['requested', 'approved', 'declined'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** A response is a draft until its committee's secretary (or a strategist, for one received on paper) submits it. */
export const RESPONSE_STATUSES = ['draft', 'submitted'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export const TRIAGE_DECISIONS = ['accepted', 'partly_accepted', 'rejected', 'noted'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

/** The signed response document: PDF or DOCX (checked by content), at most 20 MB. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

export interface ConsultationQuestionInput {
  areaCode?: string | null;
  text: string;
}

/** `PUT /rounds/{id}/consultation` (unchecked: `rules/` checks it). */
export interface PrepareConsultationInput {
  planVersion: number;
  replyBy: LocalDate;
  /** Default: every active committee. */
  committeeIds?: string[];
  coverLetter: string;
  contactPersonId?: string | null;
  questions?: ConsultationQuestionInput[];
}

export interface ExtensionRequestInput {
  requestedReplyBy: LocalDate;
  reason: string;
}

export interface ExtensionApprovalInput {
  /** Another date than the one asked for. */
  replyBy?: LocalDate;
}

export interface ExtensionDeclineInput {
  reason: string;
}

export interface ResponseInput {
  committeeId: string;
  stance: ResponseStance;
  summary: string;
  text: string;
  adoptedOn: LocalDate;
  minuteReference: string;
  theirReference?: string | null;
  signatories: string[];
  areaComments?: Array<{ areaCode: string; comment: string }>;
  answers?: Array<{ questionId: string; answer: string }>;
  proposals?: Array<{ text: string; areaCode?: string | null; itemCode?: string | null }>;
  receivedOnPaper?: boolean;
  /** A correction only: the new revision drops the earlier revision's signed document (by default it keeps it unless a new one was attached). */
  removeAttachment?: boolean;
}

export interface TriageInput {
  decision: TriageDecision;
  motivation: string;
  itemCodes?: string[];
}

export type { LocalDate };
