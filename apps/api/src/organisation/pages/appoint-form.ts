import { CommonError, LocalDate, Violations } from '@samverka/kernel';
import {
  AppointCoordinatorInput,
  appointmentViolations,
  cleanResponsibilities,
  COORDINATOR_KINDS,
  CoordinatorKind,
  DEFAULT_RESPONSIBILITIES,
  OrganisationErrorCode,
} from '@samverka/organisation';
import { isUUID } from 'class-validator';
import { fieldIds, FormErrorMap, formErrorsFrom } from '../../shell/form-action';
import { dateError, FieldErrors, formField } from '../../shell/form-body';

/** The appoint form exactly as typed (strings), so it can be shown again. */
export interface AppointFormValues {
  kind: string;
  /** 'existing' or 'new' */
  personChoice: string;
  personId: string;
  personName: string;
  personEmail: string;
  personTitle: string;
  mandate: string;
  /** One responsibility per line. */
  responsibilities: string;
  validFrom: string;
  validTo: string;
}

export const DEFAULT_MANDATE =
  'Mandat att företräda förvaltningen i samarbetsprocessen för medborgarservice, ' +
  'lyfta förvaltningens strategiska behov till kontaktcenter och förankra arbetet i förvaltningsledningen.';

export function defaultAppointForm(today: LocalDate): AppointFormValues {
  return {
    kind: '',
    personChoice: '',
    personId: '',
    personName: '',
    personEmail: '',
    personTitle: '',
    mandate: DEFAULT_MANDATE,
    responsibilities: DEFAULT_RESPONSIBILITIES.join('\n'),
    validFrom: today,
    validTo: '',
  };
}

export function readAppointForm(body: unknown): AppointFormValues {
  const f = (name: string) => formField(body, name);
  return {
    kind: f('kind'),
    personChoice: f('personChoice'),
    personId: f('personId').trim(),
    personName: f('personName').trim(),
    personEmail: f('personEmail').trim(),
    personTitle: f('personTitle').trim(),
    mandate: f('mandate').trim(),
    responsibilities: f('responsibilities'),
    validFrom: f('validFrom').trim(),
    validTo: f('validTo').trim(),
  };
}

/**
 * Which person the user meant: the radio when chosen; otherwise whichever
 * part of the form they filled in (a select without a radio, or a name/e-mail).
 */
function personChoice(v: AppointFormValues): 'existing' | 'new' | null {
  if (v.personChoice === 'existing' || v.personChoice === 'new') return v.personChoice;
  const typedNew = v.personName !== '' || v.personEmail !== '';
  if (v.personId !== '' && !typedNew) return 'existing';
  if (typedNew && v.personId === '') return 'new';
  return null;
}

const isCoordinatorKind = (value: string): value is CoordinatorKind => (COORDINATOR_KINDS as readonly string[]).includes(value);

/**
 * The appointment the form describes, for CoordinatorService.appoint, which
 * checks it (every rule at once, see appointmentViolations); one
 * responsibility per line. Only what the form itself must read is checked
 * here: a kind and a person chosen, an existing person's id, dates that are
 * dates. When the form has such problems the service is not asked, so the
 * appointment's rules are reported with them, and every problem still shows at once.
 */
export function validateAppointForm(v: AppointFormValues): { errors: FieldErrors; general: string[]; input?: AppointCoordinatorInput } {
  const syntax = new Violations();
  if (!isCoordinatorKind(v.kind)) syntax.add('kind', 'isIn', 'Välj om personen ska vara samordnare eller ersättare');
  const choice = personChoice(v);
  if (choice === null) syntax.add('person', 'isIn', 'Välj en befintlig person eller lägg till en ny person');
  if (choice === 'existing' && !isUUID(v.personId)) syntax.add('personId', 'isUuid', 'Välj en person');
  const fromError = dateError(v.validFrom, 'Startdatum', true);
  if (fromError) syntax.add('validFrom', 'isLocalDate', fromError);
  const toError = dateError(v.validTo, 'Slutdatum', false);
  if (toError) syntax.add('validTo', 'isLocalDate', toError);

  const appointment: Partial<AppointCoordinatorInput> = {
    ...(isCoordinatorKind(v.kind) ? { kind: v.kind } : {}),
    ...(choice === 'existing' && isUUID(v.personId) ? { personId: v.personId } : {}),
    ...(choice === 'new' ? { person: { name: v.personName, email: v.personEmail, title: v.personTitle === '' ? null : v.personTitle } } : {}),
    mandate: v.mandate,
    responsibilities: cleanResponsibilities(v.responsibilities.split(/\r?\n/)),
    ...(fromError ? {} : { validFrom: v.validFrom }),
    ...(toError ? {} : { validTo: v.validTo === '' ? null : v.validTo }),
  };
  if (syntax.list.length === 0) return { errors: {}, general: [], input: appointment as AppointCoordinatorInput };
  // Which person was meant is the form's own question, asked at its radios: the rule that one person is given says it again.
  const rules = appointmentViolations(appointment).filter((r) => choice !== null || r.rule !== 'exactlyOneOfPersonIdOrPerson');
  const shown = formErrorsFrom(CommonError.invalid(syntax.addAll(rules).list), APPOINT_FORM_ERRORS);
  return { errors: shown?.errors ?? {}, general: shown?.general ?? [] };
}

/** Where a violation of the appointment (a path of AppointCoordinatorInput, or of PersonInput) is shown: the form field's id. */
export const APPOINT_FIELD_IDS: Readonly<Record<string, string>> = {
  kind: 'kind',
  personId: 'personId',
  person: 'personChoice',
  name: 'personName',
  email: 'personEmail',
  title: 'personTitle',
  'person.name': 'personName',
  'person.email': 'personEmail',
  'person.title': 'personTitle',
  mandate: 'mandate',
  responsibilities: 'responsibilities',
  validFrom: 'validFrom',
  validTo: 'validTo',
};

/**
 * How the form explains CoordinatorService.appoint's refusals: invalid
 * fields where they were typed, an overlapping appointment at the start
 * date, a used e-mail at the e-mail field, an inactive department in the summary.
 */
export const APPOINT_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds(APPOINT_FIELD_IDS),
  multiLine: ['mandate', 'responsibilities'],
  refusals: { [OrganisationErrorCode.ASSIGNMENT_OVERLAP]: 'validFrom', [OrganisationErrorCode.DEPARTMENT_INACTIVE]: null },
};
