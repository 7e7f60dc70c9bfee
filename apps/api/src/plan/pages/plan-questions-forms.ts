import { PlanErrorCode, questionViolations } from '@samverka/plan';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { FieldErrors, formField } from '../../shell/form-body';

/** The deferral form of one need: its reason. */
export interface DeferralFormValues {
  reason: string;
}

/** The ask form: the item asked about and the question. */
export interface AskFormValues {
  itemId: string;
  question: string;
}

/** The answer form of one question. */
export interface AnswerFormValues {
  answer: string;
}

export const readDeferralForm = (body: unknown): DeferralFormValues => ({ reason: formField(body, 'reason') });
export const readAskForm = (body: unknown): AskFormValues => ({ itemId: formField(body, 'itemId').trim(), question: formField(body, 'question') });
export const readAnswerForm = (body: unknown): AnswerFormValues => ({ answer: formField(body, 'answer') });

/** A need's deferral form: a missing reason at its field; a need an item answers, or a plan not editable, in the summary. */
export const DEFERRAL_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ reason: 'reason' }),
  multiLine: ['reason'],
  refusals: {
    [PlanErrorCode.PLAN_NEED_ANSWERED]: null,
    [PlanErrorCode.PLAN_NOT_EDITABLE]: null,
    [PlanErrorCode.PLAN_NOT_FOUND]: null,
    [PlanErrorCode.PLAN_NEED_NOT_HANDED_IN]: null,
  },
};

/** Undoing a deferral has no fields: its refusals go in the summary. */
export const UNDEFER_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({}),
  refusals: {
    [PlanErrorCode.PLAN_NOT_EDITABLE]: null,
    [PlanErrorCode.PLAN_DEFERRAL_NOT_FOUND]: null,
  },
};

/** The ask form: the question at its field; an item no longer in the plan at the item select. */
export const ASK_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ question: 'question', itemId: 'itemId' }),
  multiLine: ['question'],
  refusals: {
    [PlanErrorCode.PLAN_ITEM_NOT_FOUND]: 'itemId',
    [PlanErrorCode.PLAN_NOT_EDITABLE]: null,
  },
};

/** A question's answer form: the answer at its field; an answer given meanwhile in the summary. */
export const ANSWER_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ answer: 'answer' }),
  multiLine: ['answer'],
  refusals: {
    [PlanErrorCode.PLAN_QUESTION_ANSWERED]: null,
    [PlanErrorCode.PLAN_NOT_EDITABLE]: null,
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ask form read: an item must be chosen (the select's values are item ids); the question is the service's to check. */
export function validateAskForm(values: AskFormValues): { errors: FieldErrors; input?: { itemId: string; question: string } } {
  const errors: FieldErrors = {};
  if (!UUID.test(values.itemId)) errors.itemId = 'Välj insatsen du vill fråga om';
  for (const v of questionViolations({ departmentId: 'the page', question: values.question })) errors[v.field] ??= v.message;
  if (Object.keys(errors).length > 0) return { errors };
  return { errors: {}, input: { itemId: values.itemId.toLowerCase(), question: values.question } };
}
