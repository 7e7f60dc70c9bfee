import { LocalDate } from '@samverka/kernel';
import { EVIDENCE_KIND_LABELS, EVIDENCE_KINDS, NEED_PRIORITIES, NEED_PRIORITY_LABELS } from '@samverka/needs';
import { FieldErrors } from '../../shell/form-body';
import { NEED_FORM_FIELDS, NeedFormChoices, NeedFormValues, NO_EVIDENCE } from './need-form';
import { ErrorSummaryItem } from '../../shell/format';
import { ReferenceData } from './needs-format';

interface OptionView {
  value: string;
  text: string;
  selected: boolean;
}

interface ChoiceView {
  id: string;
  value: string;
  text: string;
  checked: boolean;
}

interface CheckboxGroupView {
  /** The field's name; also the id of its first checkbox, so the error summary can link to the group. */
  name: string;
  legend: string;
  hint: string;
  error: string | undefined;
  items: ChoiceView[];
}

/** The need form (to add or change a need), as its partial prints it. */
export interface NeedFormView {
  action: string;
  submitLabel: string;
  cancelHref: string | null;
  values: NeedFormValues;
  errors: FieldErrors;
  areas: OptionView[];
  checkboxGroups: CheckboxGroupView[];
  evidenceKinds: ChoiceView[];
  priorities: ChoiceView[];
  /** An example date for the hint: today. */
  exampleDate: LocalDate;
}

/** The choices the form offers: the round's areas and the reference data still in use (retired items are not offered). */
export function needFormChoices(areas: ReadonlyArray<{ code: string; name: string }>, reference: ReferenceData): NeedFormChoices {
  return {
    areas,
    channels: reference.channels.filter((i) => i.active),
    districts: reference.districts.filter((i) => i.active),
    targetGroups: reference.targetGroups.filter((i) => i.active),
  };
}

/** Radios or checkboxes: the first carries the field's own id (the error summary links there), the others `<field>-<value>`. */
const choices = (name: string, options: ReadonlyArray<{ value: string; text: string }>, isChecked: (value: string) => boolean): ChoiceView[] =>
  options.map((o, i) => ({ id: i === 0 ? name : `${name}-${o.value}`, value: o.value, text: o.text, checked: isChecked(o.value) }));

export function needFormView(
  target: { action: string; submitLabel: string; cancelHref: string | null },
  values: NeedFormValues,
  errors: FieldErrors,
  offered: NeedFormChoices,
  today: LocalDate,
): NeedFormView {
  const group = (name: 'channels' | 'districts' | 'targetGroups', legend: string, hint: string): CheckboxGroupView => ({
    name,
    legend,
    hint,
    error: errors[name],
    items: choices(
      name,
      offered[name].map((i) => ({ value: i.code, text: i.name })),
      (code) => values[name].includes(code),
    ),
  });
  return {
    ...target,
    values,
    errors,
    areas: [
      { value: '', text: 'Välj utvecklingsområde', selected: values.areaCode === '' },
      ...offered.areas.map((a) => ({ value: a.code, text: a.name, selected: a.code === values.areaCode })),
    ],
    checkboxGroups: [
      group('channels', 'Kanaler', 'Var invånarna söker service för det här. Välj minst en.'),
      group('districts', 'Stadsområden (valfritt)', 'Välj de stadsområden behovet gäller, eller Hela staden.'),
      group('targetGroups', 'Målgrupper (valfritt)', 'Välj de grupper av invånare behovet främst gäller.'),
    ],
    evidenceKinds: choices(
      'evidenceKind',
      [...EVIDENCE_KINDS.map((k) => ({ value: k as string, text: EVIDENCE_KIND_LABELS[k] })), { value: NO_EVIDENCE, text: 'Inget underlag' }],
      (kind) => kind === values.evidenceKind,
    ),
    priorities: choices(
      'priority',
      NEED_PRIORITIES.map((p) => ({ value: p as string, text: NEED_PRIORITY_LABELS[p] })),
      (p) => p === values.priority,
    ),
    exampleDate: today,
  };
}

/** The error summary for a need form that failed: general errors first (linking to `generalHref`), then each field's, in the order of the form. */
export function needFormErrorSummary(errors: FieldErrors, general: string[], generalHref: string): ErrorSummaryItem[] {
  return [
    ...general.map((text) => ({ text, href: generalHref })),
    ...NEED_FORM_FIELDS.flatMap((field) => (errors[field] ? [{ text: errors[field]!, href: `#${field}` }] : [])),
  ];
}
