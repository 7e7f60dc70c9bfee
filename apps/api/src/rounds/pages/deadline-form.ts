import { CommonErrorCode, DomainError } from '@samverka/kernel';
import { PlanRoundView, RoundErrorCode, UpdatePlanRoundInput } from '@samverka/rounds';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { formField } from '../../shell/form-body';
import { VERSION_CONFLICT_MESSAGE } from './step-form';

/** The round page's form for the deadlines and auto-close (and the confirmation page's hidden copy of it). */
export interface DeadlineFormValues {
  needsDeadline: string;
  consultationReplyDeadline: string;
  decisionDeadline: string;
  autoCloseNeeds: boolean;
  autoCloseConsultation: boolean;
  /** The round version the page showed (optimistic locking). */
  version: string;
  /** Posted from the confirmation page: moving the needs deadline to today or earlier is meant. */
  confirmed: boolean;
}

const CHECKED = 'ja';

/** The form as the round is now. */
export function deadlineFormOf(view: Pick<PlanRoundView, 'deadlines' | 'autoClose' | 'version'>): DeadlineFormValues {
  return {
    needsDeadline: view.deadlines.needs,
    consultationReplyDeadline: view.deadlines.consultationReply ?? '',
    decisionDeadline: view.deadlines.decision ?? '',
    autoCloseNeeds: view.autoClose.needs,
    autoCloseConsultation: view.autoClose.consultation,
    version: String(view.version),
    confirmed: false,
  };
}

export function readDeadlineForm(body: unknown): DeadlineFormValues {
  const f = (name: string) => formField(body, name).trim();
  return {
    needsDeadline: f('needsDeadline'),
    consultationReplyDeadline: f('consultationReplyDeadline'),
    decisionDeadline: f('decisionDeadline'),
    autoCloseNeeds: f('autoCloseNeeds') === CHECKED,
    autoCloseConsultation: f('autoCloseConsultation') === CHECKED,
    version: f('version'),
    confirmed: f('confirmPastDeadline') === CHECKED,
  };
}

/** The form as PlanRoundCommandService.update's change (the rules check it), and the version the page showed. */
export function toDeadlineCommand(v: DeadlineFormValues): { input: UpdatePlanRoundInput; version?: number } {
  const input: UpdatePlanRoundInput = {
    deadlines: {
      needs: v.needsDeadline,
      consultationReply: v.consultationReplyDeadline === '' ? null : v.consultationReplyDeadline,
      decision: v.decisionDeadline === '' ? null : v.decisionDeadline,
    },
    autoClose: { needs: v.autoCloseNeeds, consultation: v.autoCloseConsultation },
    ...(v.confirmed ? { confirmPastDeadline: true } : {}),
  };
  return /^\d{1,9}$/.test(v.version) ? { input, version: Number(v.version) } : { input };
}

/** The command's fields at the form's (the confirmation the form asks for itself, on a page of its own). */
export const DEADLINE_FIELD_IDS: Readonly<Record<string, string>> = {
  'deadlines.needs': 'needsDeadline',
  'deadlines.consultationReply': 'consultationReplyDeadline',
  'deadlines.decision': 'decisionDeadline',
  confirmPastDeadline: 'confirmPastDeadline',
};

export const DEADLINE_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds(DEADLINE_FIELD_IDS),
  refusals: { [RoundErrorCode.ROUND_NOT_EDITABLE]: null },
  explain: (error) => (error.code === CommonErrorCode.VERSION_CONFLICT ? { errors: {}, general: [VERSION_CONFLICT_MESSAGE] } : null),
};

/** The service refused only because the needs deadline moves to today or earlier unconfirmed: ask on the confirmation page. */
export function needsPastConfirmation(refusal: DomainError | null): boolean {
  const violations = refusal?.code === CommonErrorCode.VALIDATION_FAILED ? (refusal.details ?? []) : [];
  return violations.length > 0 && violations.every((v) => v.field === 'confirmPastDeadline');
}
