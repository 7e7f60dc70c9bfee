import { FieldErrors } from '../../shell/form-body';
import { SIGN_IN_PATH, SignInFormValues, SSO_SIGN_IN_PATH } from './sign-in-form';
import { PageModel } from '../../shell/view-renderer';
import { ErrorSummaryItem } from '../../shell/format';

export interface SignInPageModel extends PageModel {
  action: string;
  values: SignInFormValues;
  errors: FieldErrors;
  errorSummary: ErrorSummaryItem[];
  /** The double-submit token for the hidden field (the same value is in the login CSRF cookie). */
  loginCsrf: string;
  /** "Du är utloggad" after signing out. */
  signedOut: boolean;
  /** Single sign-on, when configured: a second way in. */
  sso: { href: string; label: string } | null;
}

export interface SignInPageInput {
  values: SignInFormValues;
  loginCsrf: string;
  errors?: FieldErrors;
  /** A refusal that belongs to no one field (wrong credentials, locked, disabled, expired form). */
  general?: string | null;
  signedOut?: boolean;
  ssoLabel?: string | null;
}

/** The sign-in page: e-mail and password, never the password again. */
export function buildSignInPage(input: SignInPageInput): SignInPageModel {
  const errors = input.errors ?? {};
  const errorSummary: ErrorSummaryItem[] = [];
  // A refusal names neither field in particular (it must not tell which was wrong); it leads to the first.
  if (input.general) errorSummary.push({ text: input.general, href: '#email' });
  for (const field of ['email', 'password'] as const) {
    const message = errors[field];
    if (message) errorSummary.push({ text: message, href: `#${field}` });
  }
  const next = input.values.next;
  return {
    title: 'Logga in',
    section: null,
    hasErrors: errorSummary.length > 0,
    action: SIGN_IN_PATH,
    values: input.values,
    errors,
    errorSummary,
    loginCsrf: input.loginCsrf,
    signedOut: input.signedOut === true && errorSummary.length === 0,
    sso: input.ssoLabel ? { href: next ? `${SSO_SIGN_IN_PATH}?${new URLSearchParams({ next })}` : SSO_SIGN_IN_PATH, label: input.ssoLabel } : null,
  };
}
