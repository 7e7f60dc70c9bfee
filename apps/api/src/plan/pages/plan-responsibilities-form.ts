import { CommonError, Violations } from '@samverka/kernel';
import { CONTACT_CENTRE_NAME, PlanErrorCode, PlanItem, RESPONSIBILITY_ROLES, ResponsibilityInput, ResponsibilityRole, organisationKey } from '@samverka/plan';
import { FormErrorMap, formErrorsFrom } from '../../shell/form-action';
import { FieldErrors, formFields } from '../../shell/form-body';

/** The contact centre's key among the organisations (a department's is its id). */
export const CONTACT_CENTRE_KEY = 'contactCentre';

/** One organisation that may take part in an item: the contact centre, or a participating department. */
export interface PlanOrganisationChoice {
  key: string;
  name: string;
}

/** One row of the form, as typed: the organisation, its role ('' for none), expectations and effort. */
export interface ResponsibilityRowValues {
  key: string;
  name: string;
  role: string;
  expectations: string;
  effortHours: string;
}

export interface PlanResponsibilitiesFormValues {
  rows: ResponsibilityRowValues[];
}

/** The organisations of the form: the contact centre first, then every participating department by name. */
export function responsibilityOrganisations(departments: ReadonlyArray<{ departmentId: string; name: string }>): PlanOrganisationChoice[] {
  return [
    { key: CONTACT_CENTRE_KEY, name: CONTACT_CENTRE_NAME },
    ...[...departments].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((d) => ({ key: d.departmentId, name: d.name })),
  ];
}

const NUMBER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1, useGrouping: false });

/** The item's responsibilities as the form shows them: one row per organisation, empty where it has no role. */
export function planResponsibilitiesFormValues(item: PlanItem, organisations: readonly PlanOrganisationChoice[]): PlanResponsibilitiesFormValues {
  const byKey = new Map(item.responsibilities.map((r) => [organisationKey(r.organisation), r]));
  return {
    rows: organisations.map((o) => {
      const r = byKey.get(o.key);
      return { key: o.key, name: o.name, role: r?.role ?? '', expectations: r?.expectations ?? '', effortHours: r?.effortHours == null ? '' : NUMBER.format(r.effortHours) };
    }),
  };
}

/**
 * Reads the rows, posted in order as the repeated fields `organisation[]` (hidden), `role[]`,
 * `expectations[]` and `effortHours[]`. Only the offered organisations are read, each once, in the
 * form's order; an organisation the form did not post gets an empty row.
 */
export function readPlanResponsibilitiesForm(body: unknown, organisations: readonly PlanOrganisationChoice[]): PlanResponsibilitiesFormValues {
  const keys = formFields(body, 'organisation[]');
  const roles = formFields(body, 'role[]');
  const expectations = formFields(body, 'expectations[]');
  const efforts = formFields(body, 'effortHours[]');
  const posted = new Map<string, Omit<ResponsibilityRowValues, 'key' | 'name'>>();
  keys.forEach((key, i) => {
    if (posted.has(key)) return;
    posted.set(key, {
      role: (roles[i] ?? '').trim(),
      expectations: (expectations[i] ?? '').replace(/\r\n?/g, '\n').trim(),
      effortHours: (efforts[i] ?? '').trim(),
    });
  });
  return { rows: organisations.map((o) => ({ key: o.key, name: o.name, ...(posted.get(o.key) ?? { role: '', expectations: '', effortHours: '' }) })) };
}

const isRole = (s: string): s is ResponsibilityRole => (RESPONSIBILITY_ROLES as readonly string[]).includes(s);

/** The field id of one row's field: role-0, expectations-2, effortHours-1. */
export const rowFieldId = (field: 'role' | 'expectations' | 'effortHours', row: number): string => `${field}-${row}`;

/** The hours as a number: "120", "37,5", "1 700"; undefined when it is no number. */
function hours(text: string): number | undefined {
  const plain = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}

/**
 * The whole list for the item, for PlanDraftService: every row with a role, in the form's order (rows
 * with no role are left out). The form checks what only it can: a role that is none of the offered ones,
 * effort that is no number, expectations or effort typed without a role. The rest (one accountable,
 * the texts' limits) is the service's.
 */
export function validatePlanResponsibilitiesForm(v: PlanResponsibilitiesFormValues): {
  errors: FieldErrors;
  general: string[];
  input?: { responsibilities: ResponsibilityInput[] };
  /** Which form row each entry of the list came from (for the service's violations). */
  rowOfEntry: number[];
} {
  const syntax = new Violations();
  const responsibilities: ResponsibilityInput[] = [];
  const rowOfEntry: number[] = [];
  v.rows.forEach((row, i) => {
    if (row.role === '') {
      if (row.expectations !== '' || row.effortHours !== '') syntax.add(rowFieldId('role', i), 'isIn', `Välj en roll för ${row.name}, eller töm förväntningar och tid`);
      return;
    }
    if (!isRole(row.role)) {
      syntax.add(rowFieldId('role', i), 'isIn', `Välj en roll för ${row.name} bland R, A, C och I`);
      return;
    }
    const effort = row.effortHours === '' ? null : hours(row.effortHours);
    if (effort === undefined) syntax.add(rowFieldId('effortHours', i), 'isNumber', `Ange tid för ${row.name} i timmar per år som ett tal, till exempel 120`);
    responsibilities.push({
      ...(row.key === CONTACT_CENTRE_KEY ? { contactCentre: true as const } : { departmentId: row.key }),
      role: row.role,
      expectations: row.expectations,
      effortHours: effort ?? null,
    });
    rowOfEntry.push(i);
  });
  if (syntax.list.length > 0) {
    const shown = formErrorsFrom(CommonError.invalid(syntax.list), { fieldIdFor: (path) => path });
    return { errors: shown?.errors ?? {}, general: shown?.general ?? [], rowOfEntry };
  }
  return { errors: {}, general: [], input: { responsibilities }, rowOfEntry };
}

/**
 * How the form explains the service's refusals: `responsibilities[k].field` at the field of the row
 * entry k came from; a second accountable (A), and the round's phase, in the error summary.
 */
export function planResponsibilitiesFormErrors(rowOfEntry: readonly number[]): FormErrorMap {
  return {
    fieldIdFor: (path) => {
      const m = /^responsibilities\[(\d+)\]\.?(\w*)/.exec(path);
      const row = m ? rowOfEntry[Number(m[1])] : undefined;
      if (!m || row === undefined) return undefined;
      const field = m[2] === 'expectations' || m[2] === 'effortHours' ? m[2] : 'role';
      return rowFieldId(field, row);
    },
    multiLine: ['expectations[]'],
    refusals: { [PlanErrorCode.PLAN_SECOND_ACCOUNTABLE]: null, [PlanErrorCode.PLAN_NOT_EDITABLE]: null },
  };
}

/** The textareas of the form (for the check that keeps them and the templates the same set). */
export const PLAN_RESPONSIBILITIES_FORM_ERRORS: FormErrorMap = planResponsibilitiesFormErrors([]);
