import { addDays, LocalDate } from '@samverka/kernel';
import { DepartmentEntity } from '@samverka/organisation';
import { AREA_ROWS, areaField, RoundFormValues } from './round-form';
import { FieldErrors } from '../../shell/form-body';
import { PageModel, ROUNDS_PATH } from '../../shell/view-renderer';
import { ErrorSummaryItem } from '../../shell/format';

interface CheckboxView {
  id: string;
  value: string;
  text: string;
  hint: string;
  checked: boolean;
}

interface AreaRowView {
  legend: string;
  code: { id: string; value: string; error: string | undefined };
  name: { id: string; value: string; error: string | undefined };
}

export interface NewRoundPageModel extends PageModel {
  action: string;
  cancelHref: string;
  values: RoundFormValues;
  errors: FieldErrors;
  errorSummary: ErrorSummaryItem[];
  participants: CheckboxView[];
  areas: AreaRowView[];
  /** An example date for the hints: a month from today. */
  exampleDate: LocalDate;
  /** "Starta från föregående omgång": the earlier rounds to choose from (none: no choice shown), and the one chosen. */
  startFrom: { action: string; options: Array<{ value: string; text: string; selected: boolean }>; chosen: string | null; error: string | undefined } | null;
}

/** An earlier round as the choice names it. */
export interface EarlierRound {
  id: string;
  title: string;
  year: number;
  stateLabel: string;
}

/** The form's fields in the order they appear: the error summary lists errors in that order. */
export function roundFormFieldOrder(): string[] {
  const areas = Array.from({ length: AREA_ROWS }, (_, i) => [areaField(i, 'code'), areaField(i, 'name')]).flat();
  return ['fromRoundId', 'title', 'year', 'caseNumber', 'needsDeadline', 'consultationReplyDeadline', 'decisionDeadline', 'participantDepartmentIds', ...areas];
}

/** "Ny planomgång": the form, as first shown or again with what was typed and what is wrong with it. */
export function buildNewRoundPage(
  data: { departments: DepartmentEntity[]; today: LocalDate; earlierRounds?: readonly EarlierRound[] },
  values: RoundFormValues,
  errors: FieldErrors = {},
  general: string[] = [],
): NewRoundPageModel {
  const errorSummary: ErrorSummaryItem[] = [
    ...general.map((text) => ({ text, href: '#title' })),
    ...roundFormFieldOrder().flatMap((field) => (errors[field] ? [{ text: errors[field]!, href: `#${field}` }] : [])),
  ];
  // A participant that is no longer active (or was never offered) is not shown; the service would refuse it anyway.
  const departments = [...data.departments].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return {
    title: 'Ny planomgång',
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    action: ROUNDS_PATH,
    cancelHref: ROUNDS_PATH,
    values,
    errors,
    errorSummary,
    participants: departments.map((d, i) => ({
      // The first checkbox carries the field's id, so the error summary can link to the group.
      id: i === 0 ? 'participantDepartmentIds' : `participantDepartmentIds-${d.code.toLowerCase()}`,
      value: d.id,
      text: d.name,
      hint: d.committee?.name ?? '',
      checked: values.participantDepartmentIds.includes(d.id),
    })),
    areas: values.areas.map((a, i) => ({
      legend: `Område ${i + 1}`,
      code: { id: areaField(i, 'code'), value: a.code, error: errors[areaField(i, 'code')] },
      name: { id: areaField(i, 'name'), value: a.name, error: errors[areaField(i, 'name')] },
    })),
    exampleDate: addDays(data.today, 30),
    startFrom: startFromChoice(data.earlierRounds ?? [], values.fromRoundId, errors.fromRoundId),
  };
}

/** The choice of an earlier round to start from (a form of its own that fills this one in, without JavaScript). */
function startFromChoice(rounds: readonly EarlierRound[], chosenId: string, error: string | undefined): NewRoundPageModel['startFrom'] {
  if (rounds.length === 0) return null;
  const chosen = rounds.find((r) => r.id === chosenId);
  return {
    action: `${ROUNDS_PATH}/ny`,
    options: [
      { value: '', text: 'Ingen – börja med en tom planomgång', selected: !chosen },
      ...rounds.map((r) => ({ value: r.id, text: `${r.title} (${r.year}, ${r.stateLabel.toLowerCase()})`, selected: r.id === chosenId })),
    ],
    chosen: chosen ? `${chosen.title} (${chosen.year})` : null,
    error,
  };
}
