import { CommonError } from '@samverka/kernel';
import { NeedsError, NeedsErrorCode } from '@samverka/needs';
import { formErrorsFrom } from '../../shell/form-action';
import { readSubmissionStepForm, SUBMISSION_STEP_FORM_ERRORS, submissionStepOfSlug } from './submission-step-form';

describe('a submission step form', () => {
  it("reads only the step's own text: the reason for nothing to report, the comment when returning, nothing otherwise", () => {
    const body = { _csrf: 'x', reason: '  Inga nya behov  ', comment: ' Komplettera ' };
    expect(readSubmissionStepForm('nothingToReport', body)).toEqual({ text: 'Inga nya behov' });
    expect(readSubmissionStepForm('return', body)).toEqual({ text: 'Komplettera' });
    expect(readSubmissionStepForm('submit', body)).toEqual({ text: '' });
    expect(readSubmissionStepForm('endorse', body)).toEqual({ text: '' });
  });

  it('knows the steps by their addresses', () => {
    expect(submissionStepOfSlug('lamna-in')).toBe('submit');
    expect(submissionStepOfSlug('inget-att-rapportera')).toBe('nothingToReport');
    expect(submissionStepOfSlug('godkann')).toBe('endorse');
    expect(submissionStepOfSlug('skicka-tillbaka')).toBe('return');
    expect(submissionStepOfSlug('forankra')).toBeNull();
    expect(submissionStepOfSlug('submit')).toBeNull();
    expect(submissionStepOfSlug(undefined)).toBeNull();
  });

  it("explains the service's refusals: a missing text at its field, a step the status or the phase does not allow in the summary", () => {
    expect(formErrorsFrom(CommonError.invalidField('comment', 'isNotEmpty', 'Skriv vad som behöver göras'), SUBMISSION_STEP_FORM_ERRORS)).toEqual({
      errors: { comment: 'Skriv vad som behöver göras' },
      general: [],
    });
    const notAllowed = new NeedsError(NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED, 'Det finns inga behov att lämna in.');
    expect(formErrorsFrom(notAllowed, SUBMISSION_STEP_FORM_ERRORS)).toEqual({ errors: {}, general: ['Det finns inga behov att lämna in.'] });
    expect(formErrorsFrom(new NeedsError(NeedsErrorCode.ROUND_NOT_COLLECTING, 'Planomgången tar inte emot behov just nu'), SUBMISSION_STEP_FORM_ERRORS)?.general).toHaveLength(1);
    expect(formErrorsFrom(CommonError.notFound('Förvaltningens inlämning', 'x'), SUBMISSION_STEP_FORM_ERRORS)).toBeNull();
  });
});
