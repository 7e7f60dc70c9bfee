import { FieldViolation, Violations } from '@samverka/kernel';
import { isEmail } from 'class-validator';

export const PERSON_MAX = { name: 200, email: 320, title: 200 } as const;

/** An e-mail address as people write them (a non-ASCII local part allowed). */
export const isEmailAddress = (value: string): boolean => isEmail(value.trim(), { allow_utf8_local_part: true });

/** The e-mail rule alone (a user account names its person by it): required, an address, at most 320 characters. */
export function emailViolations(email: string | undefined, field = 'email'): FieldViolation[] {
  const v = new Violations().text(field, email, { max: PERSON_MAX.email, empty: 'Ange en e-postadress', tooLong: `E-postadressen får vara högst ${PERSON_MAX.email} tecken` });
  return v.when(email !== undefined && !isEmailAddress(email), field, 'isEmail', 'Ange en giltig e-postadress, till exempel namn.efternamn@malmo.se').list;
}

/**
 * A person: a name, an e-mail address, maybe a title. `prefix` names where the
 * person sits in a larger command (`person.` when appointed with one).
 */
export function personViolations(person: { name?: string; email?: string; title?: string | null }, prefix = ''): FieldViolation[] {
  return new Violations()
    .text(`${prefix}name`, person.name, { max: PERSON_MAX.name, empty: 'Ange ett namn', tooLong: `Namnet får vara högst ${PERSON_MAX.name} tecken` })
    .addAll(emailViolations(person.email, `${prefix}email`))
    .text(`${prefix}title`, person.title, { max: PERSON_MAX.title, tooLong: `Titeln får vara högst ${PERSON_MAX.title} tecken` }).list;
}
