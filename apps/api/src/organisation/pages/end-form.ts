import { EndAssignmentInput, OrganisationErrorCode } from '@samverka/organisation';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { dateError, FieldErrors, formField } from '../../shell/form-body';

/** "Avsluta uppdraget": an optional last day (default today) and an optional reason. */
export interface EndFormValues {
  validTo: string;
  reason: string;
}

const MAX_REASON = 1000;

export const emptyEndForm = (): EndFormValues => ({ validTo: '', reason: '' });

export function readEndForm(body: unknown): EndFormValues {
  return { validTo: formField(body, 'validTo').trim(), reason: formField(body, 'reason').trim() };
}

export function validateEndForm(v: EndFormValues): { errors: FieldErrors; input?: EndAssignmentInput } {
  const errors: FieldErrors = {};
  const toError = dateError(v.validTo, 'Sista dag', false);
  if (toError) errors.validTo = toError;
  if (v.reason.length > MAX_REASON) errors.reason = `Anledningen får vara högst ${MAX_REASON} tecken`;
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, input: { ...(v.validTo ? { validTo: v.validTo } : {}), ...(v.reason ? { reason: v.reason } : {}) } };
}

/** How the form explains CoordinatorService.end's refusals: invalid fields where they were typed, an ended assignment in the summary. */
export const END_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ validTo: 'validTo', reason: 'reason' }),
  refusals: { [OrganisationErrorCode.ASSIGNMENT_ENDED]: null },
};
