import { CommonError } from '@samverka/kernel';
import { DEFAULT_RESPONSIBILITIES, OrganisationError, OrganisationErrorCode } from '@samverka/organisation';
import { APPOINT_FORM_ERRORS, AppointFormValues, defaultAppointForm, readAppointForm, validateAppointForm } from './appoint-form';
import { formErrorsFrom } from '../../shell/form-action';

const form = (values: Partial<AppointFormValues>): AppointFormValues => ({ ...defaultAppointForm('2026-05-10'), kind: 'primary', ...values });
const PERSON_ID = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';

describe('the appoint form', () => {
  it('turns a filled-in form into the service input, one responsibility per line', () => {
    const values = readAppointForm({
      kind: 'deputy',
      personChoice: 'new',
      personName: '  Örjan Åström ',
      personEmail: 'orjan.astrom@malmo.example',
      personTitle: '',
      mandate: 'Mandat',
      responsibilities: 'Första\r\n\r\n  Andra  \n',
      validFrom: '2026-05-10',
      validTo: '',
      _csrf: 'the session token is the guard’s, never a field of the form',
    });
    expect(Object.values(values)).not.toContain('the session token is the guard’s, never a field of the form');
    expect(validateAppointForm(values)).toEqual({
      errors: {},
      general: [],
      input: {
        kind: 'deputy',
        person: { name: 'Örjan Åström', email: 'orjan.astrom@malmo.example', title: null },
        mandate: 'Mandat',
        responsibilities: ['Första', 'Andra'],
        validFrom: '2026-05-10',
        validTo: null,
      },
    });
  });

  it('starts with the default mandate, the three responsibilities and today', () => {
    const values = defaultAppointForm('2026-05-10');
    expect(values.responsibilities.split('\n')).toEqual([...DEFAULT_RESPONSIBILITIES]);
    expect(values.validFrom).toBe('2026-05-10');
    expect(values.mandate).not.toBe('');
  });

  it("leaves the appointment's rules to the service: a form without a name, a mandate or a valid e-mail is still mapped", () => {
    const { errors, input } = validateAppointForm(form({ personChoice: 'new', personName: '', personEmail: 'inte-en-adress', mandate: '', validTo: '2026-05-09' }));
    expect(errors).toEqual({});
    expect(input).toMatchObject({ person: { name: '', email: 'inte-en-adress' }, mandate: '', validFrom: '2026-05-10', validTo: '2026-05-09' });
  });

  it("with a problem of the form's own, reports the appointment's rules with it, every wrong field in Swedish", () => {
    const { errors, input } = validateAppointForm(
      form({ kind: '', personChoice: 'new', personName: '', personEmail: 'inte-en-adress', mandate: '', responsibilities: ' \n ', validFrom: '2026-02-30', validTo: 'snart' }),
    );
    expect(input).toBeUndefined();
    expect(errors).toEqual({
      kind: 'Välj om personen ska vara samordnare eller ersättare',
      personName: 'Ange ett namn',
      personEmail: expect.stringContaining('Ange en giltig e-postadress'),
      mandate: 'Beskriv uppdragets mandat',
      responsibilities: 'Ange minst ett ansvar',
      validFrom: expect.stringContaining('Startdatum måste vara ett riktigt datum'),
      validTo: expect.stringContaining('Slutdatum måste vara ett riktigt datum'),
    });
    expect(validateAppointForm(form({ personChoice: 'existing', validTo: '2026-05-09' })).errors).toEqual({
      personId: 'Välj en person',
      validTo: 'Slutdatum kan inte vara före startdatum',
    });
  });

  it('works out which person was meant when the radio was not chosen', () => {
    expect(validateAppointForm(form({ personId: PERSON_ID })).input).toMatchObject({ personId: PERSON_ID });
    expect(validateAppointForm(form({ personName: 'Ny Person', personEmail: 'ny@malmo.example' })).input).toMatchObject({ person: { name: 'Ny Person' } });
    expect(validateAppointForm(form({})).errors).toEqual({ personChoice: 'Välj en befintlig person eller lägg till en ny person' });
    expect(validateAppointForm(form({ personChoice: 'existing', personId: 'inte-ett-id' })).errors).toEqual({ personId: 'Välj en person' });
    expect(validateAppointForm(form({ personId: PERSON_ID, personName: 'Ny Person' })).errors).toHaveProperty('personChoice');
  });

  it('puts the service’s refusals beside the fields they concern', () => {
    expect(formErrorsFrom(CommonError.duplicate('email', 'a@b.se', 'E-postadressen a@b.se tillhör redan en person'), APPOINT_FORM_ERRORS)).toEqual({
      errors: { personEmail: 'E-postadressen a@b.se tillhör redan en person' },
      general: [],
    });
    expect(formErrorsFrom(new OrganisationError(OrganisationErrorCode.ASSIGNMENT_OVERLAP, 'Stadskontoret har redan en samordnare'), APPOINT_FORM_ERRORS)).toEqual({
      errors: { validFrom: 'Stadskontoret har redan en samordnare' },
      general: [],
    });
    expect(formErrorsFrom(CommonError.invalidField('somethingElse', 'rule', 'Något annat'), APPOINT_FORM_ERRORS)).toEqual({ errors: {}, general: ['Något annat'] });
    expect(formErrorsFrom(CommonError.invalidField('person.email', 'isEmail', 'Ange en giltig e-postadress'), APPOINT_FORM_ERRORS)).toEqual({ errors: { personEmail: 'Ange en giltig e-postadress' }, general: [] });
    expect(formErrorsFrom(CommonError.notFound('Förvaltningen', 'x'), APPOINT_FORM_ERRORS)).toBeNull();
  });
});
