import { GRANTED_ROLES, GrantedRole, IdentityErrorCode, RoleGrantInput } from '@samverka/identity';
import { Violations } from '@samverka/kernel';
import { isUUID } from 'class-validator';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { FieldErrors, formField } from '../../shell/form-body';
import { USERS_PATH } from '../../shell/view-renderer';

export { USERS_PATH };
export const userPath = (id: string): string => `${USERS_PATH}/${id}`;

/** Users per page in the admin's list. */
export const USERS_PAGE_SIZE = 25;

/** The create-login form as typed. */
export interface NewUserFormValues {
  email: string;
  name: string;
  title: string;
}

export const emptyNewUserForm = (email = ''): NewUserFormValues => ({ email, name: '', title: '' });

export function readNewUserForm(body: unknown): NewUserFormValues {
  return { email: formField(body, 'email').trim(), name: formField(body, 'name').trim(), title: formField(body, 'title').trim() };
}

/** The command for UserAdminService.create: no password (the new user gets a link to choose one, or signs in with single sign-on). */
export function toCreateUserInput(v: NewUserFormValues): { email: string; name?: string; title?: string | null } {
  return { email: v.email, ...(v.name ? { name: v.name } : {}), ...(v.title ? { title: v.title } : {}) };
}

/** Where the service's refusals of a new login are shown. */
export const NEW_USER_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ email: 'email', name: 'name', title: 'title' }),
};

/** The grant-a-role form as typed. */
export interface GrantFormValues {
  role: string;
  departmentId: string;
  committeeId: string;
}

export const emptyGrantForm = (): GrantFormValues => ({ role: '', departmentId: '', committeeId: '' });

export function readGrantForm(body: unknown): GrantFormValues {
  return { role: formField(body, 'role'), departmentId: formField(body, 'departmentId').trim(), committeeId: formField(body, 'committeeId').trim() };
}

const isGrantedRole = (value: string): value is GrantedRole => (GRANTED_ROLES as readonly string[]).includes(value);

/**
 * The grant the form describes. A department is read only for management and a committee only for a
 * committee secretary (both lists are on the form without JavaScript, so the other one is ignored).
 * What the form checks itself: a role chosen, and the scope that role needs chosen; the rest is the service's.
 */
export function validateGrantForm(v: GrantFormValues): { errors: FieldErrors; input?: RoleGrantInput } {
  const syntax = new Violations();
  if (!isGrantedRole(v.role)) syntax.add('role', 'isIn', 'Välj en roll');
  if (v.role === 'management' && !isUUID(v.departmentId)) syntax.add('departmentId', 'requiredForRole', 'Välj vilken förvaltning personen ska vara förvaltningsledning för');
  if (v.role === 'committee_secretary' && !isUUID(v.committeeId)) syntax.add('committeeId', 'requiredForRole', 'Välj vilken nämnd personen ska vara nämndsekreterare för');
  if (syntax.list.length > 0) return { errors: Object.fromEntries(syntax.list.map((x) => [x.field, x.message])) };
  const role = v.role as GrantedRole;
  return {
    errors: {},
    input: {
      role,
      ...(role === 'management' ? { departmentId: v.departmentId } : {}),
      ...(role === 'committee_secretary' ? { committeeId: v.committeeId } : {}),
    },
  };
}

export const GRANT_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ role: 'role', departmentId: 'departmentId', committeeId: 'committeeId' }),
};

/** Refusals of the account's buttons (disable, revoke, resend) that the user page explains in its summary. */
export const ACCOUNT_ACTION_ERRORS: FormErrorMap = {
  fieldIdFor: () => undefined,
  refusals: { [IdentityErrorCode.OWN_ACCOUNT]: null, [IdentityErrorCode.LAST_ADMIN]: null, [IdentityErrorCode.ACCOUNT_DISABLED]: null },
};

/** The list's query: a search text and a page number (1 when missing or not a number). */
export function readUserListQuery(query: Record<string, unknown>): { search: string; page: number } {
  const search = typeof query.sok === 'string' ? query.sok.trim().slice(0, 200) : '';
  const page = typeof query.sida === 'string' && /^[1-9][0-9]{0,5}$/.test(query.sida) ? Number(query.sida) : 1;
  return { search, page };
}
