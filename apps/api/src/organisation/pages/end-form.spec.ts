import { CommonError } from '@samverka/kernel';
import { OrganisationError, OrganisationErrorCode } from '@samverka/organisation';
import { formErrorsFrom } from '../../shell/form-action';
import { emptyEndForm, END_FORM_ERRORS, readEndForm, validateEndForm } from './end-form';

describe('the end form', () => {
  it('reads only its own fields, trimmed, and maps them to the ending (nothing given: the service takes today)', () => {
    const values = readEndForm({ validTo: ' 2026-06-30 ', reason: ' Byter tjänst ', _csrf: 'x' });
    expect(values).toEqual({ validTo: '2026-06-30', reason: 'Byter tjänst' });
    expect(validateEndForm(values)).toEqual({ errors: {}, general: [], input: { validTo: '2026-06-30', reason: 'Byter tjänst' } });
    expect(validateEndForm(emptyEndForm())).toEqual({ errors: {}, general: [], input: {} });
  });

  it("leaves the reason's length to the service, but reports it with a last day that is no date", () => {
    expect(validateEndForm({ validTo: '', reason: 'x'.repeat(1001) }).input).toEqual({ reason: 'x'.repeat(1001) });
    expect(validateEndForm({ validTo: '31/12', reason: 'x'.repeat(1001) })).toEqual({
      errors: {
        validTo: 'Sista dag måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01',
        reason: 'Anledningen får vara högst 1 000 tecken',
      },
      general: [],
    });
  });

  it("puts the service's refusals at the fields, an ended assignment in the summary", () => {
    expect(formErrorsFrom(CommonError.invalidField('validTo', 'notAfterCurrentEnd', 'Uppdraget slutar redan'), END_FORM_ERRORS)).toEqual({ errors: { validTo: 'Uppdraget slutar redan' }, general: [] });
    expect(formErrorsFrom(new OrganisationError(OrganisationErrorCode.ASSIGNMENT_ENDED, 'Uppdraget har upphört'), END_FORM_ERRORS)).toEqual({ errors: {}, general: ['Uppdraget har upphört'] });
    expect(formErrorsFrom(CommonError.notFound('Uppdraget', 'x'), END_FORM_ERRORS)).toBeNull();
  });
});
