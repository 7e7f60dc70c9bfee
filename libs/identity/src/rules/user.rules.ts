import { FieldViolation, Violations } from '@samverka/kernel';
import { personViolations } from '@samverka/organisation';
import { MIN_PASSWORD_LENGTH } from '../services/password-hasher';
import type { CreateUserInput } from '../services/user-admin.service';

export const MAX_PASSWORD_LENGTH = 200;

/** A password: at least MIN_PASSWORD_LENGTH characters, at most MAX_PASSWORD_LENGTH (not checked when absent). */
export function passwordViolations(password: string | undefined): FieldViolation[] {
  if (password === undefined) return [];
  return new Violations()
    .when(password.length < MIN_PASSWORD_LENGTH, 'password', 'minLength', `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken`)
    .when(password.length > MAX_PASSWORD_LENGTH, 'password', 'maxLength', `Lösenordet får ha högst ${MAX_PASSWORD_LENGTH} tecken`).list;
}

/**
 * A new user: the person's rules (an e-mail address; a name and title, when
 * given, as for any person) and the password's. Whether a name is needed
 * (no person has the address yet) is for UserAdminService, which asks the database.
 */
export function newUserViolations(input: Partial<CreateUserInput>): FieldViolation[] {
  return [...personViolations(input), ...passwordViolations(input.password)];
}
