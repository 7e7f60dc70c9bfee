import { CommonError, LocalDate, Violations } from '@samverka/kernel';
import { isEvidenceKind, isNeedPriority, NeedEntity, NeedFields, NeedsErrorCode, needViolations } from '@samverka/needs';
import { FormErrorMap, formErrorsFrom } from '../../shell/form-action';
import { dateError, FieldErrors, formField, formFields } from '../../shell/form-body';

/** The need form exactly as typed (strings), so it can be shown again: the texts and codes as the need has them, the rest as typed. */
export interface NeedFormValues extends Pick<NeedFields, 'areaCode' | 'title' | 'description' | 'channels' | 'districts' | 'targetGroups'> {
  /** One of EVIDENCE_KINDS, NO_EVIDENCE, or '' (nothing chosen). */
  evidenceKind: string;
  evidenceSource: string;
  evidenceDate: string;
  monthlyVolume: string;
  priority: string;
  consequence: string;
}

/** What the form may offer: the round's areas and the active reference data, by code. */
export interface NeedFormChoices {
  areas: ReadonlyArray<{ code: string; name: string }>;
  channels: ReadonlyArray<{ code: string; name: string }>;
  districts: ReadonlyArray<{ code: string; name: string }>;
  targetGroups: ReadonlyArray<{ code: string; name: string }>;
}

/** The radio for "no evidence" (radios cannot be unchecked without JavaScript). */
export const NO_EVIDENCE = 'none';

/** The form's fields in the order they appear: the error summary lists errors in that order. */
export const NEED_FORM_FIELDS = [
  'areaCode',
  'title',
  'description',
  'channels',
  'districts',
  'targetGroups',
  'evidenceKind',
  'evidenceSource',
  'evidenceDate',
  'monthlyVolume',
  'priority',
  'consequence',
] as const;

export const emptyNeedForm = (): NeedFormValues => ({
  areaCode: '',
  title: '',
  description: '',
  channels: [],
  districts: [],
  targetGroups: [],
  evidenceKind: '',
  evidenceSource: '',
  evidenceDate: '',
  monthlyVolume: '',
  priority: '',
  consequence: '',
});

/** A saved need as the edit form shows it. */
export function needFormValues(need: Pick<NeedEntity, keyof NeedFields>): NeedFormValues {
  return {
    areaCode: need.areaCode,
    title: need.title,
    description: need.description,
    channels: [...need.channels],
    districts: [...need.districts],
    targetGroups: [...need.targetGroups],
    evidenceKind: need.evidence?.kind ?? NO_EVIDENCE,
    evidenceSource: need.evidence?.source ?? '',
    evidenceDate: need.evidence?.date ?? '',
    monthlyVolume: need.monthlyVolume === null ? '' : String(need.monthlyVolume),
    priority: need.priority,
    consequence: need.consequence ?? '',
  };
}

/** Reads only the form's own fields (never `_csrf`). */
export function readNeedForm(body: unknown): NeedFormValues {
  // Browsers send a textarea's line breaks as CRLF.
  const f = (name: string) => formField(body, name).replace(/\r\n?/g, '\n').trim();
  const codes = (name: string) => [...new Set(formFields(body, name).map((c) => c.trim()).filter((c) => c !== ''))];
  return {
    areaCode: f('areaCode'),
    title: f('title'),
    description: f('description'),
    channels: codes('channels'),
    districts: codes('districts'),
    targetGroups: codes('targetGroups'),
    evidenceKind: f('evidenceKind'),
    evidenceSource: f('evidenceSource'),
    evidenceDate: f('evidenceDate'),
    monthlyVolume: f('monthlyVolume'),
    priority: f('priority'),
    consequence: f('consequence'),
  };
}

/** The form's field ids. */
export type NeedFormField = (typeof NEED_FORM_FIELDS)[number];

/**
 * Where a violation of the need (a command path of NeedFields) is shown: the
 * form field's id. The department is the page's, so a problem with it
 * belongs to no field (the error summary shows it).
 */
export const NEED_FIELD_IDS: Readonly<Record<string, NeedFormField>> = {
  areaCode: 'areaCode',
  title: 'title',
  description: 'description',
  channels: 'channels',
  districts: 'districts',
  targetGroups: 'targetGroups',
  evidence: 'evidenceKind',
  'evidence.kind': 'evidenceKind',
  'evidence.source': 'evidenceSource',
  'evidence.date': 'evidenceDate',
  monthlyVolume: 'monthlyVolume',
  priority: 'priority',
  consequence: 'consequence',
};

export const needFieldIdFor = (path: string): NeedFormField | undefined => (Object.hasOwn(NEED_FIELD_IDS, path) ? NEED_FIELD_IDS[path] : undefined);

/**
 * The need the form describes, for NeedService, which checks it (every rule
 * at once, see needViolations). Only what the form itself must read is checked
 * here: a choice that is none of the offered ones, evidence typed without its
 * kind, a date that is no date, a number that is no number. When the form has
 * such problems the service is not asked, so the need's rules are reported
 * with them, and every problem still shows at once.
 */
export function validateNeedForm(v: NeedFormValues, today: LocalDate): { errors: FieldErrors; general: string[]; input?: NeedFields } {
  const syntax = new Violations();
  const withEvidence = isEvidenceKind(v.evidenceKind);
  if (v.evidenceKind !== '' && v.evidenceKind !== NO_EVIDENCE && !withEvidence) syntax.add('evidence.kind', 'isIn', 'Välj vilken sorts underlag behovet bygger på');
  else if (!withEvidence && (v.evidenceSource !== '' || v.evidenceDate !== '')) {
    syntax.add('evidence.kind', 'isIn', 'Välj vilken sorts underlag behovet bygger på, eller töm fälten för källa och datum');
  }
  const dateProblem = dateError(v.evidenceDate, 'Underlagets datum', false);
  if (dateProblem) syntax.add('evidence.date', 'isLocalDate', dateProblem);
  const volume = v.monthlyVolume.replace(/[\s\u00a0]/g, '');
  if (volume !== '' && !/^\d+$/.test(volume)) syntax.add('monthlyVolume', 'isInt', 'Antal ärenden per månad måste vara ett heltal, till exempel 350');
  if (!isNeedPriority(v.priority)) syntax.add('priority', 'isIn', 'Välj prioritet');

  const need: Partial<NeedFields> = {
    areaCode: v.areaCode,
    title: v.title,
    description: v.description,
    channels: v.channels,
    districts: v.districts,
    targetGroups: v.targetGroups,
    evidence: isEvidenceKind(v.evidenceKind) ? { kind: v.evidenceKind, source: v.evidenceSource, date: v.evidenceDate === '' || dateProblem ? null : v.evidenceDate } : null,
    monthlyVolume: volume === '' || syntax.has('monthlyVolume') ? null : Number(volume),
    ...(isNeedPriority(v.priority) ? { priority: v.priority } : {}),
    consequence: v.consequence === '' ? null : v.consequence,
  };
  if (syntax.list.length === 0) return { errors: {}, general: [], input: need as NeedFields };
  const shown = formErrorsFrom(CommonError.invalid(syntax.addAll(needViolations(need, today)).list), NEED_FORM_ERRORS);
  return { errors: shown?.errors ?? {}, general: shown?.general ?? [] };
}

/**
 * How the form explains NeedService.create/update/delete's refusals: invalid
 * fields where they were typed; a round that no longer collects needs, or
 * needs handed in meanwhile, in the summary.
 */
export const NEED_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: needFieldIdFor,
  multiLine: ['description', 'consequence'],
  refusals: { [NeedsErrorCode.ROUND_NOT_COLLECTING]: null, [NeedsErrorCode.SUBMISSION_NOT_EDITABLE]: null },
};
