import { NeedsErrorCode, SubmissionStep } from '@samverka/needs';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { formField } from '../../shell/form-body';

/**
 * The steps of a department's submission on its needs page, each its own
 * small form at its own address: the coordinator hands in (or reports
 * nothing, with a reason); management approves (godkänner), or sends back
 * (skickar tillbaka) with a comment. Handing in and approving are confirmed
 * on a page of their own at the same address (GET asks, POST does).
 */
export const SUBMISSION_STEP_SLUGS: Record<SubmissionStep, string> = {
  submit: 'lamna-in',
  nothingToReport: 'inget-att-rapportera',
  endorse: 'godkann',
  return: 'skicka-tillbaka',
};

export const SUBMISSION_STEPS = Object.keys(SUBMISSION_STEP_SLUGS) as SubmissionStep[];

/** The written field a step asks for (its form field's name), if any. */
export const SUBMISSION_STEP_FIELD: Record<SubmissionStep, 'reason' | 'comment' | null> = {
  submit: null,
  nothingToReport: 'reason',
  endorse: null,
  return: 'comment',
};

export const submissionStepOfSlug = (slug: unknown): SubmissionStep | null => SUBMISSION_STEPS.find((s) => SUBMISSION_STEP_SLUGS[s] === slug) ?? null;

/** What was written in a step's form ('' for the steps without a text). */
export interface SubmissionStepValues {
  text: string;
}

/** Reads only the step's own field (never `_csrf`); what it must hold is SubmissionService's to check (see submission.rules). */
export function readSubmissionStepForm(step: SubmissionStep, body: unknown): SubmissionStepValues {
  const field = SUBMISSION_STEP_FIELD[step];
  return { text: field ? formField(body, field).trim() : '' };
}

/**
 * How the step forms explain SubmissionService's refusals: a missing text at
 * its field; a step the submission's status or the round's phase does not
 * allow in the summary.
 */
export const SUBMISSION_STEP_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ reason: 'reason', comment: 'comment' }),
  multiLine: Object.values(SUBMISSION_STEP_FIELD).filter((field) => field !== null),
  refusals: {
    [NeedsErrorCode.ROUND_NOT_COLLECTING]: null,
    [NeedsErrorCode.SUBMISSION_NOT_EDITABLE]: null,
    [NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED]: null,
  },
};

/** The steps confirmed on a page of their own before they are taken: handing in, and approving. */
export const CONFIRMED_STEPS = ['submit', 'endorse'] as const satisfies readonly SubmissionStep[];
export type ConfirmedStep = (typeof CONFIRMED_STEPS)[number];
