import { AppointCoordinatorInput } from '../services/coordinator.service';
import { appointmentViolations, ASSIGNMENT_MAX, cleanResponsibilities, endingViolations } from './coordinator-assignment.rules';

const appointment = (over: Partial<AppointCoordinatorInput> = {}): AppointCoordinatorInput => ({
  personId: '6f1c2a52-4d0e-4e0c-9d8e-3a1f7c1b2e10',
  kind: 'primary',
  mandate: 'Företräder förvaltningen.',
  validFrom: '2026-05-01',
  ...over,
});
const rulesOf = (input: Partial<AppointCoordinatorInput>) => appointmentViolations(input).map((v) => `${v.field}:${v.rule}`);

describe(appointmentViolations.name, () => {
  it('accepts an appointment of an existing person, or of a new one', () => {
    expect(rulesOf(appointment())).toEqual([]);
    expect(rulesOf(appointment({ personId: undefined, person: { name: 'Per Ek', email: 'per.ek@malmo.example' } }))).toEqual([]);
  });

  it('exactly one person: an existing one or a new one, not both and not neither', () => {
    expect(rulesOf(appointment({ personId: undefined }))).toEqual(['personId:exactlyOneOfPersonIdOrPerson']);
    expect(rulesOf(appointment({ person: { name: 'Per Ek', email: 'per.ek@malmo.example' } }))).toEqual(['personId:exactlyOneOfPersonIdOrPerson']);
  });

  it('a new person is checked as a person, named under person.', () => {
    expect(rulesOf(appointment({ personId: undefined, person: { name: '', email: 'x' } }))).toEqual(['person.name:isNotEmpty', 'person.email:isEmail']);
  });

  it('the last day: the first day itself is accepted, the day before is notBeforeValidFrom', () => {
    expect(rulesOf(appointment({ validTo: '2026-05-01' }))).toEqual([]);
    expect(appointmentViolations(appointment({ validTo: '2026-04-30' }))).toEqual([
      { field: 'validTo', rule: 'notBeforeValidFrom', message: 'Slutdatum kan inte vara före startdatum' },
    ]);
    expect(rulesOf(appointment({ validTo: null }))).toEqual([]);
    expect(rulesOf({ validTo: '2026-04-30', personId: 'p' })).toEqual([]);
  });

  it('the mandate: required, at most its maximum', () => {
    expect(rulesOf(appointment({ mandate: 'x'.repeat(ASSIGNMENT_MAX.mandate) }))).toEqual([]);
    expect(rulesOf(appointment({ mandate: 'x'.repeat(ASSIGNMENT_MAX.mandate + 1) }))).toEqual(['mandate:maxLength']);
    expect(rulesOf(appointment({ mandate: '  ' }))).toEqual(['mandate:isNotEmpty']);
  });

  it('responsibilities: at least one that is not blank, at most the maximum, each at most its maximum', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `Ansvar ${i}`);
    expect(rulesOf(appointment({ responsibilities: many(ASSIGNMENT_MAX.responsibilities) }))).toEqual([]);
    expect(rulesOf(appointment({ responsibilities: many(ASSIGNMENT_MAX.responsibilities + 1) }))).toEqual(['responsibilities:arrayMaxSize']);
    expect(rulesOf(appointment({ responsibilities: [' ', ''] }))).toEqual(['responsibilities:arrayNotEmpty']);
    expect(rulesOf(appointment({ responsibilities: ['x'.repeat(ASSIGNMENT_MAX.responsibility)] }))).toEqual([]);
    expect(rulesOf(appointment({ responsibilities: ['Kort', 'x'.repeat(ASSIGNMENT_MAX.responsibility + 1)] }))).toEqual(['responsibilities:maxLength']);
  });

  it('reports several problems together', () => {
    expect(rulesOf(appointment({ personId: undefined, mandate: '', responsibilities: [], validTo: '2026-01-01' }))).toEqual([
      'personId:exactlyOneOfPersonIdOrPerson',
      'mandate:isNotEmpty',
      'responsibilities:arrayNotEmpty',
      'validTo:notBeforeValidFrom',
    ]);
  });
});

describe(cleanResponsibilities.name, () => {
  it('trims and leaves out blank lines', () => {
    expect(cleanResponsibilities([' Lyssna ', '', '  ', 'Föra fram'])).toEqual(['Lyssna', 'Föra fram']);
  });
});

describe(endingViolations.name, () => {
  const open = { validFrom: '2026-01-10', validTo: null, today: '2026-03-01' };
  const rulesOf = (input: { validTo?: string; reason?: string }, assignment?: { validFrom: string; validTo: string | null; today: string }) =>
    endingViolations(input, assignment).map((v) => `${v.field}:${v.rule}`);

  it('the last day: the first day of the assignment is accepted, the day before is refused', () => {
    expect(rulesOf({ validTo: '2026-01-10' }, open)).toEqual([]);
    expect(endingViolations({ validTo: '2026-01-09' }, open)).toEqual([
      { field: 'validTo', rule: 'notBeforeValidFrom', message: 'Sista dagen kan inte vara före uppdragets första dag 10 januari 2026' },
    ]);
  });

  it('an assignment is shortened, never lengthened: its own last day is accepted, the day after refused', () => {
    const ending = { ...open, validTo: '2026-06-30' };
    expect(rulesOf({ validTo: '2026-06-30' }, ending)).toEqual([]);
    expect(rulesOf({ validTo: '2026-07-01' }, ending)).toEqual(['validTo:notAfterCurrentEnd']);
  });

  it('without a last day, today is the last day', () => {
    expect(rulesOf({}, open)).toEqual([]);
    expect(rulesOf({}, { ...open, today: '2026-01-09' })).toEqual(['validTo:notBeforeValidFrom']);
  });

  it('a reason: at most its maximum; without the assignment only the reason is checked', () => {
    expect(rulesOf({ reason: 'x'.repeat(ASSIGNMENT_MAX.endReason) })).toEqual([]);
    expect(rulesOf({ reason: 'x'.repeat(ASSIGNMENT_MAX.endReason + 1), validTo: '2000-01-01' })).toEqual(['reason:maxLength']);
    expect(rulesOf({ reason: 'x'.repeat(ASSIGNMENT_MAX.endReason + 1), validTo: '2026-01-09' }, open)).toEqual(['reason:maxLength', 'validTo:notBeforeValidFrom']);
  });
});
