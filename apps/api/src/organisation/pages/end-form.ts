import { CommonError, Violations } from '@samverka/kernel';
import { EndAssignmentInput, endingViolations, OrganisationErrorCode } from '@samverka/organisation';
import { fieldIds, FormErrorMap, formErrorsFrom } from '../../shell/form-action';
import { dateError, FieldErrors, formField } from '../../shell/form-body';

/** "Avsluta uppdraget": an optional last day (default today) and an optional reason. */
export interface EndFormValues {
  validTo: string;
  reason: string;
}

export const emptyEndForm = (): EndFormValues => ({ validTo: '', reason: '' });

export function readEndForm(body: unknown): EndFormValues {
  return { validTo: formField(body, 'validTo').trim(), reason: formField(body, 'reason').trim() };
}

/** Where a violation of the ending (a path of EndAssignmentInput) is shown: the form field's id. */
export const END_FIELD_IDS: Readonly<Record<string, string>> = { validTo: 'validTo', reason: 'reason' };

/**
 * The ending the form describes, for CoordinatorService.end, which checks it
 * (see endingViolations). Only a last day that is no date is the form's own
 * problem; with it, the reason's rule is reported too.
 */
export function validateEndForm(v: EndFormValues): { errors: FieldErrors; general: string[]; input?: EndAssignmentInput } {
  const toError = dateError(v.validTo, 'Sista dag', false);
  const ending: EndAssignmentInput = { ...(v.validTo && !toError ? { validTo: v.validTo } : {}), ...(v.reason ? { reason: v.reason } : {}) };
  if (!toError) return { errors: {}, general: [], input: ending };
  const shown = formErrorsFrom(CommonError.invalid(new Violations().add('validTo', 'isLocalDate', toError).addAll(endingViolations(ending)).list), END_FORM_ERRORS);
  return { errors: shown?.errors ?? {}, general: shown?.general ?? [] };
}

/** How the form explains CoordinatorService.end's refusals: invalid fields where they were typed, an ended assignment in the summary. */
export const END_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds(END_FIELD_IDS),
  multiLine: ['reason'],
  refusals: { [OrganisationErrorCode.ASSIGNMENT_ENDED]: null },
};
