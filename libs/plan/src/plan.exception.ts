import { DomainError, ErrorKind, ErrorKinds } from '@samverka/kernel';

export enum PlanErrorCode {
  /** The round has no plan yet (nothing drafted or frozen). */
  PLAN_NOT_FOUND = 'PLAN_NOT_FOUND',
  /** The round already has a plan (starting it twice). */
  PLAN_EXISTS = 'PLAN_EXISTS',
  /** The plan can be edited only while the round drafts it. */
  PLAN_NOT_EDITABLE = 'PLAN_NOT_EDITABLE',
  /** The item is not in the round's plan. */
  PLAN_ITEM_NOT_FOUND = 'PLAN_ITEM_NOT_FOUND',
  /** Another item of the plan has this code. */
  PLAN_ITEM_CODE_TAKEN = 'PLAN_ITEM_CODE_TAKEN',
  /** A second accountable (A) on one item. */
  PLAN_SECOND_ACCOUNTABLE = 'PLAN_SECOND_ACCOUNTABLE',
  /** The version does not exist. */
  PLAN_VERSION_NOT_FOUND = 'PLAN_VERSION_NOT_FOUND',
  /** Nothing changed since the last frozen version. */
  PLAN_UNCHANGED = 'PLAN_UNCHANGED',
  /** The previous round has no adopted plan to start from. */
  PLAN_NO_PREVIOUS = 'PLAN_NO_PREVIOUS',
  // Later features of the plan context append their codes below (questions, deferrals, summaries).
  /** Responsibility allocation: the caller may not read this (the draft, or another department's summary) or mark it read. */
  PLAN_NOT_READABLE = 'PLAN_NOT_READABLE',
  /** A need that an item of the plan answers cannot be deferred. */
  PLAN_NEED_ANSWERED = 'PLAN_NEED_ANSWERED',
  /** Only needs handed in (submitted or endorsed) can be deferred. */
  PLAN_NEED_NOT_HANDED_IN = 'PLAN_NEED_NOT_HANDED_IN',
  /** The need is not deferred (undoing a deferral that is not there). */
  PLAN_DEFERRAL_NOT_FOUND = 'PLAN_DEFERRAL_NOT_FOUND',
  /** The question is not in the round's plan. */
  PLAN_QUESTION_NOT_FOUND = 'PLAN_QUESTION_NOT_FOUND',
  /** The question already has its answer. */
  PLAN_QUESTION_ANSWERED = 'PLAN_QUESTION_ANSWERED',
}

/** What kind of refusal each code is (the API maps kinds to HTTP statuses). */
export const PLAN_ERROR_KINDS = {
  [PlanErrorCode.PLAN_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [PlanErrorCode.PLAN_EXISTS]: ErrorKind.CONFLICT,
  [PlanErrorCode.PLAN_NOT_EDITABLE]: ErrorKind.CONFLICT,
  [PlanErrorCode.PLAN_ITEM_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [PlanErrorCode.PLAN_ITEM_CODE_TAKEN]: ErrorKind.CONFLICT,
  [PlanErrorCode.PLAN_SECOND_ACCOUNTABLE]: ErrorKind.CONFLICT,
  [PlanErrorCode.PLAN_VERSION_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [PlanErrorCode.PLAN_UNCHANGED]: ErrorKind.CONFLICT,
  [PlanErrorCode.PLAN_NO_PREVIOUS]: ErrorKind.CONFLICT,
  [PlanErrorCode.PLAN_NOT_READABLE]: ErrorKind.FORBIDDEN,
  [PlanErrorCode.PLAN_NEED_ANSWERED]: ErrorKind.CONFLICT,
  [PlanErrorCode.PLAN_NEED_NOT_HANDED_IN]: ErrorKind.UNKNOWN_REFERENCE,
  [PlanErrorCode.PLAN_DEFERRAL_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [PlanErrorCode.PLAN_QUESTION_NOT_FOUND]: ErrorKind.NOT_FOUND,
  [PlanErrorCode.PLAN_QUESTION_ANSWERED]: ErrorKind.CONFLICT,
} as const satisfies ErrorKinds<PlanErrorCode>;

declare module '@samverka/kernel' {
  interface ErrorKindRegistry { plan: typeof PLAN_ERROR_KINDS }
}

export class PlanError extends DomainError<PlanErrorCode> {}
