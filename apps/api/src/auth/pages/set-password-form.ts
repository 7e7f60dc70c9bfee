import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PasswordSetupStatus } from '@samverka/identity';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { FieldErrors, formField } from '../../shell/form-body';

export const SET_PASSWORD_PATH = '/satt-losenord';

/** The set-password form as posted: the link's token (hidden) and the password twice. */
export interface SetPasswordFormValues {
  token: string;
  password: string;
  confirmation: string;
}

export function readSetPasswordForm(body: unknown): SetPasswordFormValues {
  return { token: formField(body, 'token').trim(), password: formField(body, 'password'), confirmation: formField(body, 'confirmation') };
}

/** The form's own check (the rules of a password are the service's): the two must be the same. */
export function setPasswordFormErrors(v: SetPasswordFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (v.password !== '' && v.confirmation !== v.password) errors.confirmation = 'Skriv samma lösenord två gånger';
  return errors;
}

/** Where the password's rules are shown. The token and the passwords are never shown again. */
export const SET_PASSWORD_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ password: 'password' }),
  readByOwnRule: ['token', 'password', 'confirmation'],
};

/** Why a link cannot be used, in Swedish, for the page that says so. */
export const LINK_PROBLEMS: Record<Exclude<PasswordSetupStatus, 'valid'>, { heading: string; text: string }> = {
  used: { heading: 'Länken har redan använts', text: 'Du har redan valt ett lösenord med den här länken. Logga in med din e-postadress och ditt lösenord. Har du glömt lösenordet ber du en administratör skicka en ny länk.' },
  expired: { heading: 'Länken har gått ut', text: 'Länken gällde i 72 timmar. Be en administratör skicka en ny länk till dig.' },
  disabled: { heading: 'Kontot är inaktiverat', text: 'Ditt konto i Samverka är inaktiverat. Kontakta en administratör.' },
  unknown: { heading: 'Länken fungerar inte', text: 'Länken är inte giltig. Kontrollera att du har fått med hela länken från e-postmeddelandet, eller be en administratör skicka en ny.' },
};

export const PASSWORD_HINT = `Minst ${MIN_PASSWORD_LENGTH} och högst ${MAX_PASSWORD_LENGTH} tecken. En lång fras är lättare att komma ihåg än ett kort lösenord.`;
