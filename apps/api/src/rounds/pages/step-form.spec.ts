import { CommonError, CommonErrorCode } from '@samverka/kernel';
import { RoundError, RoundErrorCode } from '@samverka/rounds';
import { readStepForm, STEP_FORM_ERRORS, validateStepForm, VERSION_CONFLICT_MESSAGE } from './step-form';
import { formErrorsFrom } from '../../shell/form-action';

const step = (values: Record<string, unknown>) => validateStepForm(readStepForm({ _csrf: 'x', version: '3', ...values }));

describe('a round step form', () => {
  it('reads the step, force, reason, outcome and the version the page showed', () => {
    expect(readStepForm({ _csrf: 'x', type: 'CLOSE_NEEDS', force: 'ja', reason: '  Alla har svarat muntligt  ', version: '4', extra: 'y' })).toEqual({
      type: 'CLOSE_NEEDS',
      force: true,
      reason: 'Alla har svarat muntligt',
      outcome: '',
      version: '4',
    });
    expect(step({ type: 'LAUNCH' })).toEqual({ errors: {}, general: [], input: { type: 'LAUNCH' }, version: 3 });
    expect(step({ type: 'CLOSE_NEEDS', force: 'ja', reason: 'Tiden är ute' }).input).toEqual({ type: 'CLOSE_NEEDS', force: true, reason: 'Tiden är ute' });
    expect(step({ type: 'RECORD_DECISION', outcome: 'returned', reason: 'Mer om bibliotek' }).input).toEqual({
      type: 'RECORD_DECISION',
      outcome: 'returned',
      reason: 'Mer om bibliotek',
    });
    // An outcome belongs to the decision only.
    expect(step({ type: 'LAUNCH', outcome: 'adopted' }).input).toEqual({ type: 'LAUNCH' });
  });

  it('asks for what the step needs written, at its field', () => {
    expect(step({ type: 'CLOSE_NEEDS', force: 'ja' }).errors).toEqual({ reason: 'Skriv en motivering till varför steget tvingas fram' });
    expect(step({ type: 'CANCEL', reason: '   ' }).errors).toEqual({ reason: 'Skriv varför planomgången avbryts' });
    expect(step({ type: 'RECORD_DECISION' }).errors).toEqual({ outcome: 'Välj om planen antogs eller återremitterades' });
    expect(step({ type: 'RECORD_DECISION', outcome: 'returned' }).errors).toEqual({ reason: 'Skriv varför planen återremitterades' });
    expect(step({ type: 'CANCEL', reason: 'x'.repeat(4001) }).errors).toEqual({ reason: 'Motiveringen får vara högst 4000 tecken' });
  });

  it('refuses what no field can fix: an unknown step, forcing a step that cannot be forced, a missing version', () => {
    expect(step({ type: 'DEADLINE_REACHED' })).toEqual({ errors: {}, general: ['Steget finns inte. Ladda om sidan och försök igen.'] });
    expect(step({ type: 'LAUNCH', force: 'ja', reason: 'Nu' }).general).toEqual(['Steget ”Starta behovsinsamlingen” kan inte tvingas fram.']);
    expect(step({ type: 'LAUNCH', version: 'tre' }).general).toEqual(['Formuläret saknar planomgångens version. Ladda om sidan och försök igen.']);
    expect(step({ type: 'LAUNCH', version: 'tre' }).input).toBeUndefined();
  });

  it("explains the service's refusals: the guard's reasons, someone else's change, invalid input at its field", () => {
    const illegal = new RoundError(RoundErrorCode.ILLEGAL_TRANSITION, 'Stäng behovsinsamlingen är inte möjligt: 2 förvaltningar har inte lämnat in behov', {
      state: 'collectingNeeds',
      event: 'CLOSE_NEEDS',
      reasons: ['2 förvaltningar har inte lämnat in behov'],
    });
    expect(formErrorsFrom(illegal, STEP_FORM_ERRORS)).toEqual({ errors: {}, general: ['Stäng behovsinsamlingen går inte: 2 förvaltningar har inte lämnat in behov'] });
    expect(formErrorsFrom(new CommonError(CommonErrorCode.VERSION_CONFLICT, 'Planomgången har ändrats'), STEP_FORM_ERRORS)).toEqual({ errors: {}, general: [VERSION_CONFLICT_MESSAGE] });
    expect(VERSION_CONFLICT_MESSAGE).toMatch(/^Planomgången har ändrats av någon annan/);
    expect(formErrorsFrom(CommonError.invalidField('reason', 'requiredWhenForced', 'Ett framtvingat steg kräver en skriftlig motivering'), STEP_FORM_ERRORS)).toEqual({
      errors: { reason: 'Ett framtvingat steg kräver en skriftlig motivering' },
      general: [],
    });
    expect(formErrorsFrom(CommonError.notFound('Planomgången', 'x'), STEP_FORM_ERRORS)).toBeNull();
  });
});
