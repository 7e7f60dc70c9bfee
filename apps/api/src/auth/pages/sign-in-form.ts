import { FieldErrors, formField } from '../../shell/form-body';

export const SIGN_IN_PATH = '/logga-in';
export const SSO_SIGN_IN_PATH = '/logga-in/sso';

/**
 * The sign-in form as typed. The password is read to sign in and never kept:
 * it is not part of the values shown again.
 */
export interface SignInFormValues {
  email: string;
  /** Where to go after signing in: a local path, or '' (the start page). */
  next: string;
}

const MAX_EMAIL = 320;
const MAX_NEXT = 2048;

/**
 * A path on this site to return to after signing in, or null. Only a local
 * path is accepted: it starts with exactly one "/" (never "//" or "/\", which
 * browsers treat as another host), has no scheme, no backslash, no whitespace
 * or control characters (browsers drop some, turning "/\t/host" into
 * "//host"), and resolves to this origin. Anything else means the start page.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_NEXT) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u0020\u007f-\u009f]/.test(value)) return null;
  const base = 'http://samverka.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const path = `${url.pathname}${url.search}`;
  // Back to the sign-in page itself would only show it again.
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return null;
  return path;
}

/** /logga-in, with ?next= when there is somewhere (other than the start page) to come back to. */
export function signInPath(next?: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  const safe = safeNextPath(next);
  if (safe && safe !== '/') params.set('next', safe);
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}

export function readSignInForm(body: unknown): SignInFormValues & { password: string } {
  return {
    email: formField(body, 'email').trim().slice(0, MAX_EMAIL),
    password: formField(body, 'password'),
    next: safeNextPath(formField(body, 'next')) ?? '',
  };
}

/** Both fields are needed; what they contain is for the sign-in service to judge (and not to reveal). */
export function validateSignInForm(v: { email: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (v.email === '') errors.email = 'Ange din e-postadress';
  if (v.password === '') errors.password = 'Ange ditt lösenord';
  return errors;
}
