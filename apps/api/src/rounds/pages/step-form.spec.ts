import { CommonError, CommonErrorCode } from '@samverka/kernel';
import { RoundError, RoundErrorCode, roundEventViolations } from '@samverka/rounds';
import { formErrorsFrom } from '../../shell/form-action';
import { readStepForm, STEP_FORM_ERRORS, toStepCommand, VERSION_CONFLICT_MESSAGE } from './step-form';

const step = (values: Record<string, unknown>) => toStepCommand(readStepForm({ _csrf: 'x', version: '3', ...values }));

/** What the page shows for a posted step: the rounds' rules judge its command, their violations land on the form's fields. */
const shown = (values: Record<string, unknown>) => {
  const violations = roundEventViolations(step(values).input);
  return violations.length === 0 ? null : formErrorsFrom(CommonError.invalid(violations), STEP_FORM_ERRORS);
};

describe('a round step form', () => {
  it('reads the step, force, reason, outcome and the version the page showed, and maps them to the command', () => {
    expect(readStepForm({ _csrf: 'x', type: 'CLOSE_NEEDS', force: 'ja', reason: '  Alla har svarat muntligt  ', version: '4', extra: 'y' })).toEqual({
      type: 'CLOSE_NEEDS',
      force: true,
      reason: 'Alla har svarat muntligt',
      outcome: '',
      decidedOn: '',
      body: '',
      minuteReference: '',
      version: '4',
    });
    expect(step({ type: 'LAUNCH' })).toEqual({ input: { type: 'LAUNCH' }, version: 3, general: [] });
    expect(step({ type: 'CLOSE_NEEDS', force: 'ja', reason: 'Tiden är ute' }).input).toEqual({ type: 'CLOSE_NEEDS', force: true, reason: 'Tiden är ute' });
    expect(step({ type: 'RECORD_DECISION', outcome: 'returned', reason: 'Mer om bibliotek', decidedOn: ' 2025-05-07 ', body: 'Kommunstyrelsen', minuteReference: '§ 123' }).input).toEqual({
      type: 'RECORD_DECISION',
      outcome: 'returned',
      reason: 'Mer om bibliotek',
      decidedOn: '2025-05-07',
      body: 'Kommunstyrelsen',
      minuteReference: '§ 123',
    });
    // An outcome, a date, a body and a § belong to the decision's form only.
    expect(step({ type: 'LAUNCH', outcome: 'adopted', decidedOn: '2025-05-07', body: 'KS', minuteReference: '§ 1' }).input).toEqual({ type: 'LAUNCH' });
  });

  it('does not send a step without the version the page showed', () => {
    expect(step({ type: 'LAUNCH', version: 'tre' })).toEqual({
      input: { type: 'LAUNCH' },
      general: ['Formuläret saknar planomgångens version. Ladda om sidan och försök igen.'],
    });
    expect(step({ type: 'LAUNCH', version: '' }).version).toBeUndefined();
  });

  it("shows what the step needs written at its field, from the rounds' rules", () => {
    expect(shown({ type: 'CLOSE_NEEDS', force: 'ja' })).toEqual({ errors: { reason: 'Skriv en motivering till varför du stänger ändå' }, general: [] });
    expect(shown({ type: 'CANCEL', reason: '   ' })?.errors).toEqual({ reason: 'Skriv varför planomgången avbryts' });
    const decided = { decidedOn: '2025-05-07', body: 'Kommunstyrelsen', minuteReference: '§ 123' };
    expect(shown({ type: 'RECORD_DECISION', ...decided })?.errors).toEqual({ outcome: 'Välj om planen antogs (adopted) eller återremitterades (returned)' });
    expect(shown({ type: 'RECORD_DECISION', outcome: 'returned', ...decided })?.errors).toEqual({ reason: 'Skriv varför planen återremitterades' });
    expect(shown({ type: 'RECORD_DECISION', outcome: 'adopted', decidedOn: '7 maj', body: ' ' })?.errors).toEqual({
      decidedOn: 'Beslutsdatum måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2025-05-07',
      body: 'Ange vem som fattade beslutet, till exempel Kommunstyrelsen',
      minuteReference: 'Ange paragrafen i protokollet (§)',
    });
    expect(shown({ type: 'CANCEL', reason: 'x'.repeat(4001) })?.errors).toEqual({ reason: 'Motiveringen får vara högst 4000 tecken' });
    expect(shown({ type: 'CLOSE_NEEDS' })).toBeNull();
  });

  it('shows what no field can fix in the summary: an unknown step, forcing a step that cannot be forced', () => {
    expect(shown({ type: 'DEADLINE_REACHED' })).toEqual({ errors: {}, general: [expect.stringMatching(/^Steget finns inte/)] });
    expect(shown({ type: 'LAUNCH', force: 'ja', reason: 'Nu' })).toEqual({ errors: {}, general: ['Starta behovsinsamlingen kan inte tas som framtvingat steg: bara Stäng behovsinsamlingen, Stäng remissen och Lämna planen till beslut kan tas ändå'] });
  });

  it("explains the service's other refusals: the guard's reasons, someone else's change", () => {
    const illegal = new RoundError(RoundErrorCode.ILLEGAL_TRANSITION, 'Stäng behovsinsamlingen är inte möjligt: 2 förvaltningar har inte lämnat in behov', {
      state: 'collectingNeeds',
      event: 'CLOSE_NEEDS',
      reasons: ['2 förvaltningar har inte lämnat in behov'],
    });
    expect(formErrorsFrom(illegal, STEP_FORM_ERRORS)).toEqual({ errors: {}, general: ['Stäng behovsinsamlingen går inte: 2 förvaltningar har inte lämnat in behov'] });
    expect(formErrorsFrom(new CommonError(CommonErrorCode.VERSION_CONFLICT, 'Planomgången har ändrats'), STEP_FORM_ERRORS)).toEqual({ errors: {}, general: [VERSION_CONFLICT_MESSAGE] });
    expect(VERSION_CONFLICT_MESSAGE).toMatch(/^Planomgången har ändrats av någon annan/);
    expect(formErrorsFrom(new RoundError(RoundErrorCode.ROUND_NOT_EDITABLE, 'Planomgången är avbruten och kan inte ändras'), STEP_FORM_ERRORS)).toEqual({
      errors: {},
      general: ['Planomgången är avbruten och kan inte ändras'],
    });
    expect(formErrorsFrom(CommonError.notFound('Planomgången', 'x'), STEP_FORM_ERRORS)).toBeNull();
  });
});
