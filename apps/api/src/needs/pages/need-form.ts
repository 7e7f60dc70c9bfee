import { LocalDate } from '@samverka/kernel';
import { EVIDENCE_KINDS, EvidenceKind, NEED_PRIORITIES, NeedEntity, NeedInput, NeedPriority, NeedsErrorCode } from '@samverka/needs';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { dateError, FieldErrors, formField, formFields } from '../../shell/form-body';

/** The need form exactly as typed (strings), so it can be shown again. */
export interface NeedFormValues {
  areaCode: string;
  title: string;
  description: string;
  channels: string[];
  districts: string[];
  targetGroups: string[];
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

/** A need's own fields (NeedInput without the department, which the page's address names). */
export type NeedFields = Omit<NeedInput, 'departmentId'>;

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

const MAX = { title: 300, description: 8000, source: 500, consequence: 4000, volume: 10_000_000 };

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

const isEvidenceKind = (value: string): value is EvidenceKind => (EVIDENCE_KINDS as readonly string[]).includes(value);
const isPriority = (value: string): value is NeedPriority => (NEED_PRIORITIES as readonly string[]).includes(value);

/**
 * Validates the whole form at once (the service stops at the first problem),
 * with the service's rules said in the form's words; the need's fields when
 * valid. Codes must be among those the form offered.
 */
export function validateNeedForm(v: NeedFormValues, choices: NeedFormChoices, today: LocalDate): { errors: FieldErrors; input?: NeedFields } {
  const errors: FieldErrors = {};
  const offered = (list: ReadonlyArray<{ code: string }>, codes: string[]) => codes.every((c) => list.some((o) => o.code === c));

  if (v.areaCode === '') errors.areaCode = 'Välj utvecklingsområde';
  else if (!choices.areas.some((a) => a.code === v.areaCode)) errors.areaCode = 'Välj ett utvecklingsområde i listan';

  if (v.title === '') errors.title = 'Ange en rubrik';
  else if (v.title.length > MAX.title) errors.title = `Rubriken får vara högst ${MAX.title} tecken`;

  if (v.description === '') errors.description = 'Beskriv behovet';
  else if (v.description.length > MAX.description) errors.description = `Beskrivningen får vara högst ${MAX.description} tecken`;

  if (v.channels.length === 0) errors.channels = 'Välj minst en kanal';
  else if (!offered(choices.channels, v.channels)) errors.channels = 'Välj kanaler i listan';
  if (!offered(choices.districts, v.districts)) errors.districts = 'Välj stadsområden i listan';
  if (!offered(choices.targetGroups, v.targetGroups)) errors.targetGroups = 'Välj målgrupper i listan';

  const withEvidence = isEvidenceKind(v.evidenceKind);
  if (v.evidenceKind !== '' && v.evidenceKind !== NO_EVIDENCE && !withEvidence) errors.evidenceKind = 'Välj vilken sorts underlag behovet bygger på';
  else if (!withEvidence && (v.evidenceSource !== '' || v.evidenceDate !== '')) errors.evidenceKind = 'Välj vilken sorts underlag behovet bygger på, eller töm fälten för källa och datum';
  if (withEvidence) {
    if (v.evidenceSource === '') errors.evidenceSource = 'Ange underlagets källa';
    else if (v.evidenceSource.length > MAX.source) errors.evidenceSource = `Källan får vara högst ${MAX.source} tecken`;
  }
  const dateProblem = dateError(v.evidenceDate, 'Underlagets datum', false);
  if (dateProblem) errors.evidenceDate = dateProblem;
  else if (v.evidenceDate !== '' && v.evidenceDate > today) errors.evidenceDate = 'Underlagets datum kan inte ligga i framtiden';

  const volume = v.monthlyVolume.replace(/[\s\u00a0]/g, '');
  if (volume !== '' && (!/^\d{1,8}$/.test(volume) || Number(volume) > MAX.volume)) {
    errors.monthlyVolume = 'Antal ärenden per månad måste vara ett heltal, till exempel 350';
  }

  if (!isPriority(v.priority)) errors.priority = 'Välj prioritet';

  if (v.consequence.length > MAX.consequence) errors.consequence = `Konsekvensen får vara högst ${MAX.consequence} tecken`;

  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    input: {
      areaCode: v.areaCode,
      title: v.title,
      description: v.description,
      channels: v.channels,
      districts: v.districts,
      targetGroups: v.targetGroups,
      evidence: withEvidence ? { kind: v.evidenceKind as EvidenceKind, source: v.evidenceSource, date: v.evidenceDate === '' ? null : v.evidenceDate } : null,
      monthlyVolume: volume === '' ? null : Number(volume),
      priority: v.priority as NeedPriority,
      consequence: v.consequence === '' ? null : v.consequence,
    },
  };
}

/** Service field names (NeedInput) → form fields; the department is the page's, so a problem with it belongs to no field. */
const SERVICE_FIELDS: Record<string, string> = {
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

/**
 * How the form explains NeedService.create/update/delete's refusals: invalid
 * fields where they were typed; a round that no longer collects needs, or
 * needs handed in meanwhile, in the summary.
 */
export const NEED_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds(SERVICE_FIELDS),
  refusals: { [NeedsErrorCode.ROUND_NOT_COLLECTING]: null, [NeedsErrorCode.SUBMISSION_NOT_EDITABLE]: null },
};
