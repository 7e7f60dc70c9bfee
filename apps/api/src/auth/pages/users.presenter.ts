import { ACCOUNT_STATUS_LABELS, ROLE_LABELS, RoleGrantEntity, UserWithGrants } from '@samverka/identity';
import { ErrorSummaryItem, swedishDateTime, tag, TagView } from '../../shell/format';
import { FieldErrors } from '../../shell/form-body';
import { PageModel } from '../../shell/view-renderer';
import { GrantFormValues, NewUserFormValues, USERS_PAGE_SIZE, USERS_PATH, userPath } from './user-forms';

const roleText = (g: Pick<RoleGrantEntity, 'role' | 'department' | 'committee'>): string => {
  const scope = g.department?.name ?? g.committee?.name;
  return scope ? `${ROLE_LABELS[g.role]}, ${scope}` : ROLE_LABELS[g.role];
};

const accountTag = (u: UserWithGrants['user']): TagView => (u.disabledAt ? tag(ACCOUNT_STATUS_LABELS.disabled, 'grey') : tag(ACCOUNT_STATUS_LABELS.enabled, 'green'));

const signInText = (u: UserWithGrants['user'], sso: boolean): string => {
  if (u.passwordHash !== null) return 'Lösenord';
  return sso ? 'Stadens inloggning' : 'Inget lösenord ännu';
};

export interface UserListModel extends PageModel {
  search: string;
  newHref: string;
  rows: Array<{ href: string; name: string; email: string; roles: string[]; statusTag: TagView; signIn: string }>;
  summary: string;
  /** The links to the pages before and after, when there is more than one page. */
  paging: { previous: string | null; next: string | null } | null;
  notice: string | null;
}

/** The admin's list of users: one page, with the search that found it. */
export function buildUserList(result: { users: UserWithGrants[]; total: number }, search: string, page: number, sso: boolean): UserListModel {
  const pages = Math.max(1, Math.ceil(result.total / USERS_PAGE_SIZE));
  const link = (p: number) => `${USERS_PATH}?${new URLSearchParams({ ...(search ? { sok: search } : {}), sida: String(p) }).toString()}`;
  const first = (page - 1) * USERS_PAGE_SIZE + 1;
  const last = first + result.users.length - 1;
  return {
    title: 'Användare',
    section: null,
    search,
    newHref: `${USERS_PATH}/ny`,
    rows: result.users.map(({ user, grants }) => ({
      href: userPath(user.id),
      name: user.person!.name,
      email: user.person!.email,
      roles: grants.map(roleText),
      statusTag: accountTag(user),
      signIn: signInText(user, sso),
    })),
    summary:
      result.total === 0
        ? search
          ? `Ingen användare har ”${search}” i namnet eller e-postadressen.`
          : 'Det finns inga användare ännu.'
        : `Visar ${first}–${last} av ${result.total} användare${search ? ` som matchar ”${search}”` : ''}.`,
    paging: pages > 1 || page > 1 ? { previous: page > 1 ? link(Math.min(page - 1, pages)) : null, next: page < pages ? link(page + 1) : null } : null,
    notice: null,
  };
}

interface Option {
  value: string;
  text: string;
  selected: boolean;
}

export interface NewUserModel extends PageModel {
  action: string;
  values: NewUserFormValues;
  errors: FieldErrors;
  errorSummary: ErrorSummaryItem[];
  sso: boolean;
}

const summaryOf = (errors: FieldErrors, order: string[], general: string[] = [], generalHref = '#main-content'): ErrorSummaryItem[] => [
  ...general.map((text) => ({ text, href: generalHref })),
  ...order.filter((f) => errors[f]).map((f) => ({ text: errors[f]!, href: `#${f}` })),
];

export function buildNewUserPage(values: NewUserFormValues, errors: FieldErrors, general: string[], sso: boolean): NewUserModel {
  const errorSummary = summaryOf(errors, ['email', 'name', 'title'], general, '#email');
  return { title: 'Skapa inloggning', section: null, hasErrors: errorSummary.length > 0, action: USERS_PATH, values, errors, errorSummary, sso };
}

export type UserNotice = 'created' | 'granted' | 'revoked' | 'disabled' | 'enabled' | 'invited';

/** The query parameter a redirect to the user page carries: ?klart=skapad. */
export const USER_NOTICE_PARAM = 'klart';
export const USER_NOTICES: Record<string, UserNotice> = {
  skapad: 'created',
  behorighet: 'granted',
  borttagen: 'revoked',
  inaktiverad: 'disabled',
  aktiverad: 'enabled',
  lank: 'invited',
};
export const noticeParam = (notice: UserNotice): string => Object.entries(USER_NOTICES).find(([, n]) => n === notice)![0];

export interface UserPageModel extends PageModel {
  name: string;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  rows: Array<{ key: string; value: string }>;
  statusTag: TagView;
  grants: Array<{ text: string; revokeAction: string; context: string }>;
  grant: { action: string; roles: Array<{ id: string; value: string; text: string; checked: boolean }>; departments: Option[]; committees: Option[]; errors: FieldErrors };
  disableAction: string | null;
  enableAction: string | null;
  inviteAction: string | null;
  inviteText: string;
  listHref: string;
}

export interface UserPageInput {
  account: UserWithGrants;
  departments: Array<{ id: string; name: string }>;
  committees: Array<{ id: string; name: string }>;
  sso: boolean;
  notice?: UserNotice;
  grantForm?: { values: GrantFormValues; errors: FieldErrors };
  general?: string[];
}

/** One user: their account, roles (grant and revoke), and the buttons that disable, enable and resend the link. */
export function buildUserPage(input: UserPageInput): UserPageModel {
  const { user, grants } = input.account;
  const person = user.person!;
  const base = userPath(user.id);
  const values = input.grantForm?.values ?? { role: '', departmentId: '', committeeId: '' };
  const errors = input.grantForm?.errors ?? {};
  const errorSummary = summaryOf(errors, ['role', 'departmentId', 'committeeId'], input.general ?? [], '#konto');
  const notices: Record<UserNotice, string> = {
    created: input.sso
      ? `Inloggningen är skapad. ${person.name} har fått ett e-postmeddelande om att logga in med stadens inloggning.`
      : `Inloggningen är skapad. ${person.name} har fått ett e-postmeddelande med en länk för att välja lösenord.`,
    granted: 'Behörigheten är tillagd.',
    revoked: 'Behörigheten är borttagen.',
    disabled: 'Kontot är inaktiverat. Alla inloggningar är avslutade.',
    enabled: 'Kontot är aktiverat igen.',
    invited: input.sso ? `${person.name} har fått ett nytt e-postmeddelande om hur hen loggar in.` : `${person.name} har fått en ny länk för att välja lösenord. Tidigare länkar fungerar inte längre.`,
  };
  return {
    title: person.name,
    section: null,
    hasErrors: errorSummary.length > 0,
    name: person.name,
    notice: input.notice ? notices[input.notice] : null,
    errorSummary,
    rows: [
      { key: 'E-postadress', value: person.email },
      { key: 'Titel', value: person.title ?? '' },
      { key: 'Inloggning', value: signInText(user, input.sso) },
      { key: 'Senast inloggad', value: user.lastSignInAt ? swedishDateTime(user.lastSignInAt) : 'Aldrig' },
    ],
    statusTag: accountTag(user),
    grants: grants.map((g) => ({ text: roleText(g), revokeAction: `${base}/roller/${g.id}/ta-bort`, context: `${roleText(g)} för ${person.name}` })),
    grant: {
      action: `${base}/roller`,
      roles: (['admin', 'strategist', 'management', 'committee_secretary'] as const).map((role, i) => ({
        id: i === 0 ? 'role' : `role-${role}`,
        value: role,
        text: ROLE_LABELS[role],
        checked: values.role === role,
      })),
      departments: [{ value: '', text: 'Välj förvaltning', selected: values.departmentId === '' }, ...input.departments.map((d) => ({ value: d.id, text: d.name, selected: d.id === values.departmentId }))],
      committees: [{ value: '', text: 'Välj nämnd', selected: values.committeeId === '' }, ...input.committees.map((c) => ({ value: c.id, text: c.name, selected: c.id === values.committeeId }))],
      errors,
    },
    disableAction: user.disabledAt ? null : `${base}/inaktivera`,
    enableAction: user.disabledAt ? `${base}/aktivera` : null,
    inviteAction: user.disabledAt ? null : `${base}/skicka-lank`,
    inviteText: input.sso ? 'Skicka e-post om inloggning igen' : 'Skicka ny länk för att välja lösenord',
    listHref: USERS_PATH,
  };
}
