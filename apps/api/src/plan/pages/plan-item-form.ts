import { isUUID } from 'class-validator';
import { Violations } from '@samverka/kernel';
import { CreatePlanItemInput, PLAN_ITEM_STATUSES, PlanErrorCode, PlanItem, PlanItemStatus, UpdatePlanItemInput } from '@samverka/plan';
import { FormErrorMap, fieldIds, formErrorsFrom } from '../../shell/form-action';
import { FieldErrors, formField, formFields } from '../../shell/form-body';
import { CommonError } from '@samverka/kernel';

/** The item form as typed (strings), so it can be shown again. */
export interface PlanItemFormValues {
  areaCode: string;
  code: string;
  title: string;
  description: string;
  expectedEffect: string;
  indicator: string;
  startsOn: string;
  endsOn: string;
  status: string;
  needIds: string[];
}

/** The form's fields in the order they appear: the error summary lists errors in that order. */
export const PLAN_ITEM_FORM_FIELDS = ['areaCode', 'code', 'title', 'description', 'expectedEffect', 'indicator', 'startsOn', 'endsOn', 'status', 'needIds'] as const;

export const emptyPlanItemForm = (areaCode = ''): PlanItemFormValues => ({
  areaCode,
  code: '',
  title: '',
  description: '',
  expectedEffect: '',
  indicator: '',
  startsOn: '',
  endsOn: '',
  status: 'planned',
  needIds: [],
});

/** A saved item as the edit form shows it. */
export function planItemFormValues(item: PlanItem): PlanItemFormValues {
  return {
    areaCode: item.areaCode,
    code: item.code,
    title: item.title,
    description: item.description,
    expectedEffect: item.expectedEffect ?? '',
    indicator: item.indicator ?? '',
    startsOn: item.startsOn ?? '',
    endsOn: item.endsOn ?? '',
    status: item.status,
    needIds: item.needs.map((n) => n.id),
  };
}

/** Reads only the form's own fields (never `_csrf`). */
export function readPlanItemForm(body: unknown): PlanItemFormValues {
  // Browsers send a textarea's line breaks as CRLF.
  const f = (name: string) => formField(body, name).replace(/\r\n?/g, '\n').trim();
  return {
    areaCode: f('areaCode'),
    // Codes are written in capitals (LS-3); a term's T or Q too (2027 T1).
    code: f('code').toUpperCase(),
    title: f('title'),
    description: f('description'),
    expectedEffect: f('expectedEffect'),
    indicator: f('indicator'),
    startsOn: f('startsOn').toUpperCase(),
    endsOn: f('endsOn').toUpperCase(),
    status: f('status'),
    needIds: [...new Set(formFields(body, 'needIds').map((id) => id.trim()).filter((id) => id !== ''))],
  };
}

const isStatus = (s: string): s is PlanItemStatus => (PLAN_ITEM_STATUSES as readonly string[]).includes(s);
const orNull = (s: string): string | null => (s === '' ? null : s);

/**
 * The item the form describes, for PlanDraftService, which checks it (every rule at once, including that
 * each need is a handed-in need of the round: the form offers only a page of them). Only what the form
 * itself must read is checked here: a status that is none of the offered ones, and needs given as
 * something other than ids. An empty code asks the service to generate one (a new item) or keeps the
 * item's code (a change).
 */
export function validatePlanItemForm(v: PlanItemFormValues): { errors: FieldErrors; general: string[]; input?: CreatePlanItemInput } {
  const syntax = new Violations();
  if (!isStatus(v.status)) syntax.add('status', 'isIn', 'Välj status för insatsen');
  if (v.needIds.some((id) => !isUUID(id))) syntax.add('needIds', 'isIn', 'Välj bland planomgångens inlämnade behov');
  if (syntax.list.length > 0) {
    const shown = formErrorsFrom(CommonError.invalid(syntax.list), PLAN_ITEM_FORM_ERRORS);
    return { errors: shown?.errors ?? {}, general: shown?.general ?? [] };
  }
  return {
    errors: {},
    general: [],
    input: {
      areaCode: v.areaCode,
      title: v.title,
      description: v.description,
      ...(v.code !== '' ? { code: v.code } : {}),
      needIds: v.needIds,
      expectedEffect: orNull(v.expectedEffect),
      indicator: orNull(v.indicator),
      startsOn: orNull(v.startsOn),
      endsOn: orNull(v.endsOn),
      status: v.status as PlanItemStatus,
    },
  };
}

/** A change: the same fields (a code left empty keeps the item's code). */
export const toUpdatePlanItem = (input: CreatePlanItemInput): UpdatePlanItemInput => input;

/**
 * How the form explains PlanDraftService's refusals: each violation at its field (needIds[2] at the
 * needs), a code taken by another item at the code, the round's phase in the summary.
 */
const PLAN_ITEM_FIELD_ERRORS: FormErrorMap = {
  fieldIdFor: (path) => fieldIds(Object.fromEntries(PLAN_ITEM_FORM_FIELDS.map((f) => [f, f])))(path.replace(/\[\d+\].*$/, '')),
  multiLine: ['description', 'expectedEffect', 'indicator'],
  refusals: { [PlanErrorCode.PLAN_ITEM_CODE_TAKEN]: 'code', [PlanErrorCode.PLAN_NOT_EDITABLE]: null },
};

/** The service names the needs that are not handed in by id; the form, whose checkboxes say which, asks to untick them. */
export const NOT_HANDED_IN_MESSAGE = 'Kryssa ur de behov som inte längre är inlämnade';

export const PLAN_ITEM_FORM_ERRORS: FormErrorMap = {
  ...PLAN_ITEM_FIELD_ERRORS,
  explain: (error) => {
    if (!error.details?.some((d) => d.field === 'needIds' && d.rule === 'handedInNeed')) return null;
    const shown = formErrorsFrom(error, PLAN_ITEM_FIELD_ERRORS);
    return shown && { ...shown, errors: { ...shown.errors, needIds: NOT_HANDED_IN_MESSAGE } };
  },
};
