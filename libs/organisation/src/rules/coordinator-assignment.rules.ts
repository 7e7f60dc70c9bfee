import { FieldViolation, formatCount, formatSwedishDate, LocalDate, Violations } from '@samverka/kernel';
import type { AppointCoordinatorInput, EndAssignmentInput } from '../services/coordinator.service';
import { personViolations } from './person.rules';

export const ASSIGNMENT_MAX = { mandate: 4000, responsibilities: 20, responsibility: 1000, endReason: 1000 } as const;

/** The responsibilities as kept: one per line or item, trimmed, blank ones left out. */
export const cleanResponsibilities = (items: readonly string[]): string[] => items.map((r) => r.trim()).filter((r) => r.length > 0);

/**
 * Every rule of an appointment that needs no database, all broken ones at
 * once: one person (an existing one or a new one, checked as a person), a
 * mandate, the responsibilities, and a last day not before the first.
 * Absent fields are not checked.
 */
export function appointmentViolations(input: Partial<AppointCoordinatorInput>): FieldViolation[] {
  const v = new Violations();
  v.when(
    (input.personId === undefined) === (input.person === undefined),
    'personId',
    'exactlyOneOfPersonIdOrPerson',
    'Välj en befintlig person eller lägg till en ny person',
  );
  if (input.person) v.addAll(personViolations(input.person, 'person.'));
  v.text('mandate', input.mandate, { max: ASSIGNMENT_MAX.mandate, empty: 'Beskriv uppdragets mandat', tooLong: `Mandatet får vara högst ${formatCount(ASSIGNMENT_MAX.mandate)} tecken` });
  if (input.responsibilities !== undefined) {
    const responsibilities = cleanResponsibilities(input.responsibilities);
    v.when(responsibilities.length === 0, 'responsibilities', 'arrayNotEmpty', 'Ange minst ett ansvar')
      .when(responsibilities.length > ASSIGNMENT_MAX.responsibilities, 'responsibilities', 'arrayMaxSize', `Ange högst ${ASSIGNMENT_MAX.responsibilities} ansvar`)
      .when(
        responsibilities.some((r) => r.length > ASSIGNMENT_MAX.responsibility),
        'responsibilities',
        'maxLength',
        `Varje ansvar får vara högst ${formatCount(ASSIGNMENT_MAX.responsibility)} tecken`,
      );
  }
  const { validFrom, validTo } = input;
  v.saneDate('validFrom', validFrom, 'Startdatum').saneDate('validTo', validTo, 'Slutdatum');
  return v.when(!!validFrom && !!validTo && validTo < validFrom, 'validTo', 'notBeforeValidFrom', 'Slutdatum kan inte vara före startdatum').list;
}

/** The period of the assignment being ended, and today (the default last day). */
export interface EndingContext {
  validFrom: LocalDate;
  validTo: LocalDate | null;
  today: LocalDate;
}

/**
 * Ending an assignment: a reason of at most 1000 characters; with the
 * assignment given, a last day (default today) within it: never before it
 * starts, never after it already ends (an assignment is shortened, not lengthened).
 */
export function endingViolations(input: Partial<EndAssignmentInput>, assignment?: EndingContext): FieldViolation[] {
  const v = new Violations().saneDate('validTo', input.validTo, 'Sista dagen').text('reason', input.reason, { max: ASSIGNMENT_MAX.endReason, tooLong: `Anledningen får vara högst ${formatCount(ASSIGNMENT_MAX.endReason)} tecken` });
  if (!assignment) return v.list;
  const lastDay = input.validTo ?? assignment.today;
  v.when(lastDay < assignment.validFrom, 'validTo', 'notBeforeValidFrom', `Sista dagen kan inte vara före uppdragets första dag ${formatSwedishDate(assignment.validFrom)}`);
  if (assignment.validTo !== null) {
    v.when(
      lastDay > assignment.validTo,
      'validTo',
      'notAfterCurrentEnd',
      `Uppdraget slutar redan ${formatSwedishDate(assignment.validTo)}; det kan kortas men inte förlängas`,
    );
  }
  return v.list;
}
