import { LocalDate } from '@samverka/kernel';
import { AppointCoordinatorInput, COORDINATOR_KINDS, CoordinatorKind, DEFAULT_RESPONSIBILITIES, OrganisationErrorCode } from '@samverka/organisation';
import { isEmail, isUUID } from 'class-validator';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
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

const MAX = { name: 200, email: 320, title: 200, mandate: 4000, responsibility: 1000, responsibilities: 20 };

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

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

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

/** Validates the form; the input for CoordinatorService.appoint when it is valid. */
export function validateAppointForm(v: AppointFormValues): { errors: FieldErrors; input?: AppointCoordinatorInput } {
  const errors: FieldErrors = {};
  if (!(COORDINATOR_KINDS as readonly string[]).includes(v.kind)) errors.kind = 'Välj om personen ska vara samordnare eller ersättare';

  const choice = personChoice(v);
  if (choice === null) errors.personChoice = 'Välj en befintlig person eller lägg till en ny person';
  if (choice === 'existing' && !isUUID(v.personId)) errors.personId = 'Välj en person';
  if (choice === 'new') {
    if (v.personName === '') errors.personName = 'Ange ett namn';
    else if (v.personName.length > MAX.name) errors.personName = `Namnet får vara högst ${MAX.name} tecken`;
    if (v.personEmail === '') errors.personEmail = 'Ange en e-postadress';
    else if (v.personEmail.length > MAX.email || !isEmail(v.personEmail, { allow_utf8_local_part: true })) {
      errors.personEmail = 'Ange en giltig e-postadress, till exempel namn.efternamn@malmo.se';
    }
    if (v.personTitle.length > MAX.title) errors.personTitle = `Titeln får vara högst ${MAX.title} tecken`;
  }

  if (v.mandate === '') errors.mandate = 'Beskriv uppdragets mandat';
  else if (v.mandate.length > MAX.mandate) errors.mandate = `Mandatet får vara högst ${MAX.mandate} tecken`;

  const responsibilities = lines(v.responsibilities);
  if (responsibilities.length === 0) errors.responsibilities = 'Ange minst ett ansvar';
  else if (responsibilities.length > MAX.responsibilities) errors.responsibilities = `Ange högst ${MAX.responsibilities} ansvar`;
  else if (responsibilities.some((r) => r.length > MAX.responsibility)) errors.responsibilities = `Varje ansvar får vara högst ${MAX.responsibility} tecken`;

  const fromError = dateError(v.validFrom, 'Startdatum', true);
  if (fromError) errors.validFrom = fromError;
  const toError = dateError(v.validTo, 'Slutdatum', false);
  if (toError) errors.validTo = toError;
  else if (!fromError && v.validTo !== '' && v.validTo < v.validFrom) errors.validTo = 'Slutdatum kan inte vara före startdatum';

  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    input: {
      kind: v.kind as CoordinatorKind,
      ...(choice === 'existing'
        ? { personId: v.personId }
        : { person: { name: v.personName, email: v.personEmail, title: v.personTitle === '' ? null : v.personTitle } }),
      mandate: v.mandate,
      responsibilities,
      validFrom: v.validFrom,
      validTo: v.validTo === '' ? null : v.validTo,
    },
  };
}

/** Service field names (AppointCoordinatorInput, PersonInput) → form fields. */
const SERVICE_FIELDS: Record<string, string> = {
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
  fieldIdFor: fieldIds(SERVICE_FIELDS),
  refusals: { [OrganisationErrorCode.ASSIGNMENT_OVERLAP]: 'validFrom', [OrganisationErrorCode.DEPARTMENT_INACTIVE]: null },
};
