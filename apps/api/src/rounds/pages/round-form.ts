import { isLocalDate, LocalDate } from '@samverka/kernel';
import { CreatePlanRoundInput, DEFAULT_AREAS, RoundErrorCode } from '@samverka/rounds';
import { isUUID } from 'class-validator';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { dateError, FieldErrors, formField, formFields } from '../../shell/form-body';

/** The area rows the form offers: the five defaults and room for three more (blank rows are ignored). */
export const AREA_ROWS = 8;

export interface AreaRowValues {
  code: string;
  name: string;
}

/** The new-round form exactly as typed (strings), so it can be shown again. */
export interface RoundFormValues {
  title: string;
  year: string;
  caseNumber: string;
  needsDeadline: string;
  consultationReplyDeadline: string;
  decisionDeadline: string;
  participantDepartmentIds: string[];
  /** Always AREA_ROWS rows. */
  areas: AreaRowValues[];
  autoCloseNeeds: boolean;
  autoCloseConsultation: boolean;
}

/** Which button was pressed: create only, or create and start collecting needs. */
export type RoundFormAction = 'save' | 'launch';

const MAX = { title: 300, caseNumber: 60, areaName: 200 };
const AREA_CODE = /^[A-ZÅÄÖ0-9_]{2,40}$/;
const CHECKED = 'ja';

/** Form field ids of an area row (also the names the browser posts). */
export const areaField = (row: number, part: 'code' | 'name'): string => `areas-${row}-${part}`;

const blankAreas = (): AreaRowValues[] => Array.from({ length: AREA_ROWS }, () => ({ code: '', name: '' }));

/** The form as first shown: the plan for the first year from next year without an active round, every active department, the five default areas. */
export function defaultRoundForm(today: LocalDate, activeDepartmentIds: string[], yearsTaken: readonly number[] = []): RoundFormValues {
  let year = Number(today.slice(0, 4)) + 1;
  while (yearsTaken.includes(year)) year++;
  const areas = blankAreas();
  DEFAULT_AREAS.forEach((a, i) => (areas[i] = { code: a.code, name: a.name }));
  return {
    title: `Utvecklingsplan för kontaktcenter ${year} och framåt`,
    year: String(year),
    caseNumber: '',
    needsDeadline: '',
    consultationReplyDeadline: '',
    decisionDeadline: '',
    participantDepartmentIds: [...activeDepartmentIds],
    areas,
    autoCloseNeeds: false,
    autoCloseConsultation: false,
  };
}

/** Reads only the form's own fields (never `_csrf`). */
export function readRoundForm(body: unknown): { values: RoundFormValues; action: RoundFormAction } {
  const f = (name: string) => formField(body, name).trim();
  return {
    values: {
      title: f('title'),
      year: f('year'),
      caseNumber: f('caseNumber'),
      needsDeadline: f('needsDeadline'),
      consultationReplyDeadline: f('consultationReplyDeadline'),
      decisionDeadline: f('decisionDeadline'),
      participantDepartmentIds: [...new Set(formFields(body, 'participantDepartmentIds').map((id) => id.trim().toLowerCase()))],
      areas: blankAreas().map((_, i) => ({ code: f(areaField(i, 'code')), name: f(areaField(i, 'name')) })),
      autoCloseNeeds: f('autoCloseNeeds') === CHECKED,
      autoCloseConsultation: f('autoCloseConsultation') === CHECKED,
    },
    action: f('action') === 'launch' ? 'launch' : 'save',
  };
}

/** The rows the strategist filled in (code or name), by row number. */
export function filledAreaRows(v: RoundFormValues): number[] {
  return v.areas.flatMap((a, i) => (a.code !== '' || a.name !== '' ? [i] : []));
}

/**
 * Validates the whole form at once (the service stops at the first problem),
 * with the same rules as PlanRoundService.create; the input for it when valid.
 */
export function validateRoundForm(v: RoundFormValues, today: LocalDate): { errors: FieldErrors; input?: CreatePlanRoundInput } {
  const errors: FieldErrors = {};
  if (v.title === '') errors.title = 'Ange en titel';
  else if (v.title.length > MAX.title) errors.title = `Titeln får vara högst ${MAX.title} tecken`;

  const year = /^\d{4}$/.test(v.year) ? Number(v.year) : NaN;
  if (v.year === '') errors.year = 'Ange år';
  else if (!(year >= 2000 && year <= 2100)) errors.year = 'Året måste vara ett årtal mellan 2000 och 2100, till exempel 2027';

  if (v.caseNumber === '') errors.caseNumber = 'Ange diarienummer';
  else if (v.caseNumber.length > MAX.caseNumber) errors.caseNumber = `Diarienumret får vara högst ${MAX.caseNumber} tecken`;

  const needsError = dateError(v.needsDeadline, 'Sista dag för behov', true);
  if (needsError) errors.needsDeadline = needsError;
  else if (v.needsDeadline <= today) errors.needsDeadline = 'Sista dag för behov måste ligga efter i dag';
  const needs = isLocalDate(v.needsDeadline) ? v.needsDeadline : null;

  const replyError = dateError(v.consultationReplyDeadline, 'Sista dag för remissvar', false);
  if (replyError) errors.consultationReplyDeadline = replyError;
  else if (v.consultationReplyDeadline !== '' && needs && v.consultationReplyDeadline <= needs) {
    errors.consultationReplyDeadline = 'Sista dag för remissvar måste ligga efter sista dag för behov';
  }
  const reply = isLocalDate(v.consultationReplyDeadline) ? v.consultationReplyDeadline : null;

  const decisionError = dateError(v.decisionDeadline, 'Datum för planerat beslut', false);
  if (decisionError) errors.decisionDeadline = decisionError;
  else if (v.decisionDeadline !== '') {
    const before = reply ? { date: reply, label: 'sista dag för remissvar' } : needs ? { date: needs, label: 'sista dag för behov' } : null;
    if (before && v.decisionDeadline <= before.date) errors.decisionDeadline = `Datum för planerat beslut måste ligga efter ${before.label}`;
  }

  if (v.participantDepartmentIds.length === 0) errors.participantDepartmentIds = 'Välj minst en deltagande förvaltning';
  else if (v.participantDepartmentIds.some((id) => !isUUID(id))) errors.participantDepartmentIds = 'Välj förvaltningar i listan';

  const rows = filledAreaRows(v);
  if (rows.length === 0) errors[areaField(0, 'code')] = 'Ange minst ett utvecklingsområde';
  const seen = new Set<string>();
  for (const i of rows) {
    const code = v.areas[i].code.toUpperCase();
    const name = v.areas[i].name;
    if (code === '') errors[areaField(i, 'code')] = `Ange en kod för område ${i + 1}`;
    else if (!AREA_CODE.test(code)) errors[areaField(i, 'code')] = `Koden för område ${i + 1} får bara innehålla versaler, siffror och understreck (2–40 tecken)`;
    else if (seen.has(code)) errors[areaField(i, 'code')] = `Koden ${code} förekommer två gånger`;
    seen.add(code);
    if (name === '') errors[areaField(i, 'name')] = `Ange ett namn för område ${i + 1}`;
    else if (name.length > MAX.areaName) errors[areaField(i, 'name')] = `Namnet på område ${i + 1} får vara högst ${MAX.areaName} tecken`;
  }

  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    input: {
      title: v.title,
      year,
      caseNumber: v.caseNumber,
      participantDepartmentIds: v.participantDepartmentIds,
      areas: rows.map((i) => ({ code: v.areas[i].code.toUpperCase(), name: v.areas[i].name })),
      deadlines: { needs: v.needsDeadline, consultationReply: reply, decision: v.decisionDeadline === '' ? null : v.decisionDeadline },
      autoClose: { needs: v.autoCloseNeeds, consultation: v.autoCloseConsultation },
    },
  };
}

/**
 * Service field names (CreatePlanRoundInput) → form fields. An area is
 * reported by its place among the filled rows (`areas[1].name`), which is
 * mapped back to the row the strategist typed it in.
 */
export function roundServiceFields(v: RoundFormValues): Record<string, string> {
  const fields: Record<string, string> = {
    title: 'title',
    year: 'year',
    caseNumber: 'caseNumber',
    'deadlines.needs': 'needsDeadline',
    'deadlines.consultationReply': 'consultationReplyDeadline',
    'deadlines.decision': 'decisionDeadline',
    participantDepartmentIds: 'participantDepartmentIds',
    areas: areaField(0, 'code'),
  };
  filledAreaRows(v).forEach((row, i) => {
    fields[`areas[${i}].code`] = areaField(row, 'code');
    fields[`areas[${i}].name`] = areaField(row, 'name');
  });
  return fields;
}

/**
 * How the form explains PlanRoundService.create's refusals: invalid fields
 * where they were typed, another active round that year at the year.
 */
export function roundFormErrors(v: RoundFormValues): FormErrorMap {
  return {
    fieldIdFor: fieldIds(roundServiceFields(v)),
    explain: (error) =>
      error.code === RoundErrorCode.ACTIVE_ROUND_EXISTS ? { errors: { year: `${error.message}. Avsluta eller avbryt den först, eller välj ett annat år.` }, general: [] } : null,
  };
}
