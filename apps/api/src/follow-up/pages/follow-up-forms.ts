import { FOLLOW_UP_LIMITS, FollowUpErrorCode, ReportInput, ReportStatus, SetPeriodsInput } from '@samverka/follow-up';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { dateError, FieldErrors, formField } from '../../shell/form-body';

/** The organisation field's value for the contact centre (a department is its id). */
export const CONTACT_CENTRE_VALUE = 'kontaktcenter';

/** The report form of one item: period, organisation, status, progress, comment, and cause and need. */
export interface ReportFormValues {
  periodId: string;
  organisation: string;
  status: string;
  progress: string;
  comment: string;
  cause: string;
  needed: string;
}

export const readReportForm = (body: unknown): ReportFormValues => ({
  periodId: formField(body, 'periodId').trim(),
  organisation: formField(body, 'organisation').trim(),
  status: formField(body, 'status').trim(),
  progress: formField(body, 'progress').trim(),
  comment: formField(body, 'comment'),
  cause: formField(body, 'cause'),
  needed: formField(body, 'needed'),
});

/**
 * The command the form makes: the organisation as a department or the contact centre, the progress as a
 * number (NaN when it is none, which the rules name at the field). The rules themselves are the service's.
 */
export function toReportInput(values: ReportFormValues): ReportInput {
  const progress = /^\d{1,3}$/.test(values.progress) ? Number(values.progress) : Number.NaN;
  return {
    periodId: values.periodId,
    ...(values.organisation === CONTACT_CENTRE_VALUE ? { contactCentre: true } : values.organisation ? { departmentId: values.organisation } : {}),
    status: values.status as ReportStatus,
    progress,
    comment: values.comment,
    cause: values.cause,
    needed: values.needed,
  };
}

/** The report form's errors: every rule at its field; a report not allowed, follow-up closed or a race in the summary. */
export const REPORT_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ periodId: 'periodId', departmentId: 'organisation', contactCentre: 'organisation', status: 'status', progress: 'progress', comment: 'comment', cause: 'cause', needed: 'needed' }),
  multiLine: ['comment', 'cause', 'needed'],
  refusals: {
    [FollowUpErrorCode.REPORT_NOT_ALLOWED]: null,
    [FollowUpErrorCode.FOLLOW_UP_NOT_OPEN]: null,
    [FollowUpErrorCode.REPORT_CONFLICT]: null,
  },
};

/** The periods form: rows of id (hidden), label and due date; a few blank rows for new periods. */
export interface PeriodRowValues {
  id: string;
  label: string;
  dueOn: string;
}

export interface PeriodsFormValues {
  rows: PeriodRowValues[];
}

/** How many rows the form may post (the limit and the blank rows). */
export const PERIOD_FORM_ROWS = FOLLOW_UP_LIMITS.periods + 2;

export function readPeriodsForm(body: unknown): PeriodsFormValues {
  const rows: PeriodRowValues[] = Array.from({ length: PERIOD_FORM_ROWS }, (_, i) => ({
    id: formField(body, `id-${i}`).trim(),
    label: formField(body, `label-${i}`),
    dueOn: formField(body, `dueOn-${i}`).trim(),
  }));
  const blank = (r: PeriodRowValues) => !r.id && !r.label.trim() && !r.dueOn;
  let last = rows.length;
  while (last > 0 && blank(rows[last - 1])) last--;
  return { rows: rows.slice(0, last) };
}

/**
 * The command from the rows: a row with neither label nor date is left out (an existing period left out
 * is removed); `rowOf[i]` is the form row of the command's period i (for the errors). A date that is no
 * date is the form's own error.
 */
export function toSetPeriodsInput(values: PeriodsFormValues): { errors: FieldErrors; input?: SetPeriodsInput; rowOf: number[] } {
  const errors: FieldErrors = {};
  const rowOf: number[] = [];
  const periods: SetPeriodsInput['periods'] = [];
  values.rows.forEach((r, i) => {
    if (!r.label.trim() && !r.dueOn) return;
    const bad = r.dueOn ? dateError(r.dueOn, 'Sista rapportdag', true) : undefined;
    if (bad) errors[`dueOn-${i}`] = bad;
    rowOf.push(i);
    periods.push({ ...(r.id ? { id: r.id } : {}), label: r.label, dueOn: r.dueOn });
  });
  if (Object.keys(errors).length > 0) return { errors, rowOf };
  return { errors, input: { periods }, rowOf };
}

/** The periods form's errors: `periods.3.label` at the row the period came from; a period with reports in the summary. */
export function periodsFormErrors(rowOf: readonly number[]): FormErrorMap {
  return {
    fieldIdFor: (path) => {
      const m = /^periods\.(\d+)\.(label|dueOn|id)$/.exec(path);
      if (!m) return path === 'periods' ? 'label-0' : undefined;
      const row = rowOf[Number(m[1])];
      return row === undefined ? undefined : `${m[2] === 'id' ? 'label' : m[2]}-${row}`;
    },
    refusals: {
      [FollowUpErrorCode.PERIOD_HAS_REPORTS]: null,
      [FollowUpErrorCode.FOLLOW_UP_NOT_OPEN]: null,
    },
    readByOwnRule: [],
  };
}
