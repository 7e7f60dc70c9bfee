import { PlanRoundView, SteeringEventType } from '@samverka/rounds';
import { DECISION_OUTCOME_WORDS } from '@samverka/workflow';
import { ErrorSummaryItem } from '../../shell/format';
import { FormFailure } from '../../shell/form-body';
import { eventSlug, roundLaunchPath, roundStepPath } from './round-format';
import { DECISION_FIELDS, DecisionField, isSteeringEventType, StepFormValues } from './step-form';

/** The section with the next steps (the error summary links here when no step's own form can show the error). */
export const ACTIONS_ID = 'atgarder';

interface TextField {
  id: string;
  label: string;
  hint: string | null;
  value: string;
  error: string | undefined;
}

interface RadioView {
  id: string;
  value: string;
  text: string;
  checked: boolean;
}

/** One step the strategist may take now (or could, were it not blocked), as its own small form. */
export interface ActionView {
  type: SteeringEventType;
  label: string;
  /** The step's section (the error summary links here). */
  anchor: string;
  action: string;
  /** Launching asks first, on a page of its own: the step's button opens it (a GET form). */
  confirmHref: string | null;
  version: number;
  allowed: boolean;
  /** The button is disabled, described by the reasons under it. */
  disabled: boolean;
  reasons: string[];
  reasonsId: string;
  buttonClasses: string;
  /** The form sits in a <details> (cancelling is not done by accident); open when it failed. */
  disclosure: boolean;
  open: boolean;
  reason: TextField | null;
  outcome: { legend: string; id: string; options: RadioView[]; error: string | undefined } | null;
  /** RECORD_DECISION: the meeting's date, who decided (default Kommunstyrelsen) and the §. */
  decision: { decidedOn: TextField; body: TextField; minuteReference: TextField } | null;
  /** A blocked step that may be forced: a separate form with a required motivation. */
  force: { button: string; reason: TextField } | null;
}

/** Ids of a step's form fields: the main form's, or the force form's. */
export const stepFieldId = (type: string, field: 'reason' | 'outcome' | DecisionField, force = false): string => `${eventSlug(type)}${force ? '-force' : ''}-${field}`;

const REASON_FIELDS: Partial<Record<SteeringEventType, { label: string; hint: string | null }>> = {
  REOPEN_NEEDS: { label: 'Motivering (valfritt)', hint: 'Varför förvaltningarna får lämna in behov igen. Motiveringen syns i historiken.' },
  RECORD_DECISION: { label: 'Motivering vid återremiss', hint: 'Krävs om planen återremitterades. Skriv vad som ska göras om.' },
  CANCEL: { label: 'Varför avbryts planomgången?', hint: 'Motiveringen syns i historiken för alla som läser planomgången.' },
};

/**
 * The steps possible in the round's phase, for strategists: each its own
 * form (with the round version); a step the facts do not allow has its
 * button disabled with the reasons listed under it, and a blocked step that
 * may be forced gets a second form asking for the motivation. A form that
 * failed is shown again with what was typed and its errors.
 */
export function buildActions(view: Pick<PlanRoundView, 'id' | 'version' | 'events'>, failure?: FormFailure<StepFormValues>): ActionView[] {
  return view.events.filter((e) => isSteeringEventType(e.type)).map((e): ActionView => {
    const type = e.type as SteeringEventType;
    const slug = eventSlug(type);
    const failed = (force: boolean) => (failure && failure.values.type === type && failure.values.force === force ? failure : undefined);
    const main = failed(false);
    const forced = failed(true);
    const reasonField = (force: boolean, f: FormFailure<StepFormValues> | undefined, label: string, hint: string | null): TextField => ({
      id: stepFieldId(type, 'reason', force),
      label,
      hint,
      value: f?.values.reason ?? '',
      error: f?.errors.reason,
    });
    const reasonSpec = REASON_FIELDS[type];
    return {
      type,
      label: e.label,
      anchor: `steg-${slug}`,
      action: roundStepPath(view.id),
      confirmHref: type === 'LAUNCH' ? roundLaunchPath(view.id) : null,
      version: view.version,
      allowed: e.allowed,
      disabled: !e.allowed,
      reasons: e.reasons,
      reasonsId: `${slug}-hinder`,
      buttonClasses: type === 'CANCEL' ? 'govuk-button--warning' : type === 'REOPEN_NEEDS' ? 'govuk-button--secondary' : '',
      disclosure: type === 'CANCEL',
      open: main !== undefined,
      reason: reasonSpec ? reasonField(false, main, reasonSpec.label, reasonSpec.hint) : null,
      outcome:
        type === 'RECORD_DECISION'
          ? {
              legend: 'Beslut',
              id: stepFieldId(type, 'outcome'),
              options: (['adopted', 'returned'] as const).map((outcome, i) => ({
                id: `${stepFieldId(type, 'outcome')}${i === 0 ? '' : `-${outcome}`}`,
                value: outcome,
                text: DECISION_OUTCOME_WORDS[outcome].label,
                checked: main?.values.outcome === outcome,
              })),
              error: main?.errors.outcome,
            }
          : null,
      decision:
        type === 'RECORD_DECISION'
          ? {
              decidedOn: {
                id: stepFieldId(type, 'decidedOn'),
                label: 'Beslutsdatum',
                hint: 'Dagen då beslutet fattades, skrivet ÅÅÅÅ-MM-DD, till exempel 2025-05-07.',
                value: main?.values.decidedOn ?? '',
                error: main?.errors.decidedOn,
              },
              body: { id: stepFieldId(type, 'body'), label: 'Beslutande organ', hint: null, value: main ? main.values.body : 'Kommunstyrelsen', error: main?.errors.body },
              minuteReference: {
                id: stepFieldId(type, 'minuteReference'),
                label: 'Paragraf i protokollet (§)',
                hint: 'Till exempel § 123.',
                value: main?.values.minuteReference ?? '',
                error: main?.errors.minuteReference,
              },
            }
          : null,
      force:
        e.forcible && !e.allowed
          ? {
              // Closing steps are "Stäng ändå"; SUBMIT_FOR_DECISION (past untriaged proposals) is "Lämna till beslut ändå".
              button: type === 'SUBMIT_FOR_DECISION' ? 'Lämna till beslut ändå' : 'Stäng ändå',
              reason: reasonField(
                true,
                forced,
                'Motivering',
                type === 'SUBMIT_FOR_DECISION'
                  ? 'Du kan lämna planen till beslut ändå, trots hindren ovan. Skriv varför; motiveringen sparas i historiken och visas för alla som läser planomgången.'
                  : 'Du kan stänga ändå, trots hindren ovan. Skriv varför; motiveringen sparas i historiken och visas för alla som läser planomgången.',
              ),
            }
          : null,
    };
  });
}

/** The error summary for a step's form that failed: each error links to its field, or to the step (or the steps) when no field can fix it. */
export function stepErrorSummary(failure: FormFailure<StepFormValues> | undefined, actions: ActionView[]): ErrorSummaryItem[] {
  if (!failure) return [];
  const action = actions.find((a) => a.type === failure.values.type);
  const section = action ? `#${action.anchor}` : `#${ACTIONS_ID}`;
  const formShown = action !== undefined && (failure.values.force ? action.force !== null : true);
  const fieldHref = (field: 'reason' | 'outcome' | DecisionField) => {
    const present =
      field === 'reason' ? (failure.values.force ? action?.force?.reason : action?.reason) : field === 'outcome' ? action?.outcome : action?.decision?.[field];
    return formShown && present ? `#${stepFieldId(failure.values.type, field, failure.values.force)}` : section;
  };
  const items: ErrorSummaryItem[] = failure.general.map((text) => ({ text, href: section }));
  for (const field of ['outcome', ...DECISION_FIELDS, 'reason'] as const) {
    const message = failure.errors[field];
    if (message) items.push({ text: message, href: fieldHref(field) });
  }
  return items;
}
