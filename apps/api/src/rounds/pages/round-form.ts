import { LocalDate } from '@samverka/kernel';
import { CreatePlanRoundInput, DEFAULT_AREAS, NextRoundProposal, RoundErrorCode } from '@samverka/rounds';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { formField, formFields } from '../../shell/form-body';

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
  /** "Starta från föregående omgång": the earlier round the form was filled from ('' for none). */
  fromRoundId: string;
}

/** Which button was pressed: create only, or create and start collecting needs. */
export type RoundFormAction = 'save' | 'launch';

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
    fromRoundId: '',
  };
}

/**
 * The form filled from an earlier round ("Starta från föregående omgång"): the year after, its areas and
 * its still active participants, and its deadlines one year on moved to working days, all changeable.
 */
export function nextRoundForm(proposal: NextRoundProposal): RoundFormValues {
  const areas = blankAreas();
  proposal.areas.slice(0, AREA_ROWS).forEach((a, i) => (areas[i] = { code: a.code, name: a.name }));
  return {
    title: `Utvecklingsplan för kontaktcenter ${proposal.year} och framåt`,
    year: String(proposal.year),
    caseNumber: '',
    needsDeadline: proposal.deadlines.needs,
    consultationReplyDeadline: proposal.deadlines.consultationReply ?? '',
    decisionDeadline: proposal.deadlines.decision ?? '',
    participantDepartmentIds: [...proposal.participantDepartmentIds],
    areas,
    autoCloseNeeds: false,
    autoCloseConsultation: false,
    fromRoundId: proposal.fromRoundId,
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
      fromRoundId: f('fromRoundId').toLowerCase(),
    },
    action: f('action') === 'launch' ? 'launch' : 'save',
  };
}

/** The rows the strategist filled in (code or name), by row number. */
export function filledAreaRows(v: RoundFormValues): number[] {
  return v.areas.flatMap((a, i) => (a.code !== '' || a.name !== '' ? [i] : []));
}

/**
 * The form as the command to create a round, checking nothing: the rounds' input rules judge it
 * (every problem at once) and `roundErrorsFrom` puts their violations on the form's fields.
 * Filled area rows only; a blank optional date is none; a year that is not digits is no number.
 */
export function toCreateRoundCommand(v: RoundFormValues): CreatePlanRoundInput {
  return {
    title: v.title,
    year: /^\d+$/.test(v.year) ? Number(v.year) : Number.NaN,
    caseNumber: v.caseNumber,
    participantDepartmentIds: v.participantDepartmentIds,
    areas: filledAreaRows(v).map((i) => ({ code: v.areas[i].code, name: v.areas[i].name })),
    deadlines: {
      needs: v.needsDeadline,
      consultationReply: v.consultationReplyDeadline === '' ? null : v.consultationReplyDeadline,
      decision: v.decisionDeadline === '' ? null : v.decisionDeadline,
    },
    autoClose: { needs: v.autoCloseNeeds, consultation: v.autoCloseConsultation },
    ...(v.fromRoundId === '' ? {} : { fromRoundId: v.fromRoundId }),
  };
}

/**
 * The form field of each field a violation names (CreatePlanRoundInput's paths), e.g.
 * `deadlines.needs` → `needsDeadline`. An area is named by its place among the filled rows
 * (`areas[1].name`), which is the row the strategist typed it in (`areas-2-name`).
 */
export function roundFieldIds(v: RoundFormValues): Record<string, string> {
  const fields: Record<string, string> = {
    title: 'title',
    year: 'year',
    caseNumber: 'caseNumber',
    'deadlines.needs': 'needsDeadline',
    'deadlines.consultationReply': 'consultationReplyDeadline',
    'deadlines.decision': 'decisionDeadline',
    participantDepartmentIds: 'participantDepartmentIds',
    areas: areaField(0, 'code'),
    fromRoundId: 'fromRoundId',
  };
  filledAreaRows(v).forEach((row, i) => {
    fields[`areas[${i}].code`] = areaField(row, 'code');
    fields[`areas[${i}].name`] = areaField(row, 'name');
  });
  return fields;
}

/** The form field id of one violation's field (undefined when the form has none). */
export const fieldIdFor = (path: string, v: RoundFormValues): string | undefined => roundFieldIds(v)[path];

/**
 * How the form explains PlanRoundCommandService.create's refusals: each violation where it was
 * typed, another active round that year at the year.
 */
export function roundFormErrors(v: RoundFormValues): FormErrorMap {
  return {
    fieldIdFor: fieldIds(roundFieldIds(v)),
    explain: (error) =>
      error.code === RoundErrorCode.ACTIVE_ROUND_EXISTS ? { errors: { year: `${error.message}. Avsluta eller avbryt den först, eller välj ett annat år.` }, general: [] } : null,
  };
}
