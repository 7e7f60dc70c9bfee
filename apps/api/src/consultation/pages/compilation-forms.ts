import { ConsultationErrorCode, TRIAGE_DECISIONS, TriageDecision, TriageInput } from '@samverka/consultation';
import { CommonErrorCode } from '@samverka/kernel';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { formField, formFields } from '../../shell/form-body';

/** The triage form of one proposal: a decision (radios), a motivation, the items it changed (checkboxes). */
export interface TriageFormValues {
  decision: string;
  motivation: string;
  itemCodes: string[];
  /** The triage's version the page showed (hidden): a re-triage changes that one, or is refused. */
  version: string;
}

export const readTriageForm = (body: unknown): TriageFormValues => ({
  decision: formField(body, 'decision'),
  motivation: formField(body, 'motivation'),
  itemCodes: formFields(body, 'itemCodes').map((c) => c.trim()).filter((c) => c !== ''),
  version: formField(body, 'version').trim(),
});

/** The version the form names: none (a first triage) when the field is empty or no whole number. */
export const triageVersion = (values: TriageFormValues): number | undefined => (/^\d{1,9}$/.test(values.version) ? Number(values.version) : undefined);

/** The command made from the form (an unknown decision is left for the rules to name). */
export const triageInput = (values: TriageFormValues): TriageInput => ({
  decision: (TRIAGE_DECISIONS as readonly string[]).includes(values.decision) ? (values.decision as TriageDecision) : (values.decision as TriageDecision),
  motivation: values.motivation,
  itemCodes: values.itemCodes,
});

/** Violations at their fields (named per proposal by the presenter); a round past triage or a proposal gone in the summary. */
export const TRIAGE_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ decision: 'decision', motivation: 'motivation', itemCodes: 'itemCodes' }),
  multiLine: ['motivation'],
  refusals: {
    [ConsultationErrorCode.TRIAGE_NOT_OPEN]: null,
    [ConsultationErrorCode.PROPOSAL_NOT_FOUND]: null,
    // Someone triaged it since the page was read: the page shows their triage, and what was typed.
    [CommonErrorCode.VERSION_CONFLICT]: null,
  },
};
