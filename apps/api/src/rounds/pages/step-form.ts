import { CommonErrorCode } from '@samverka/kernel';
import { RoundErrorCode, RoundEventInput, STEERING_EVENT_TYPES, SteeringEventType } from '@samverka/rounds';
import { DecisionOutcome, FORCIBLE_EVENTS, PLAN_ROUND_EVENT_LABELS } from '@samverka/workflow';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { FieldErrors, formField } from '../../shell/form-body';

/**
 * One step's form on the round page (each step has its own small form): the
 * step, whether it is forced, the written reason, a decision's outcome, and
 * the round version the page showed (optimistic locking).
 */
export interface StepFormValues {
  type: string;
  force: boolean;
  reason: string;
  outcome: string;
  version: string;
}

const MAX_REASON = 4000;
const OUTCOMES: readonly DecisionOutcome[] = ['adopted', 'returned'];

/** What the page says when someone else changed the round first; the page below it is the fresh one. */
export const VERSION_CONFLICT_MESSAGE =
  'Planomgången har ändrats av någon annan sedan du öppnade sidan. Sidan visar nu planomgången som den är nu: kontrollera den och försök igen om steget fortfarande behövs.';

export const isSteeringEventType = (value: unknown): value is SteeringEventType => (STEERING_EVENT_TYPES as readonly unknown[]).includes(value);

export function readStepForm(body: unknown): StepFormValues {
  return {
    type: formField(body, 'type').trim(),
    force: formField(body, 'force') === 'ja',
    reason: formField(body, 'reason').trim(),
    outcome: formField(body, 'outcome').trim(),
    version: formField(body, 'version').trim(),
  };
}

/**
 * Checks what the person must write for the step (the service's own rules,
 * said in the form's words); the input for PlanRoundService.transition and
 * the version the page showed when it is valid. Problems that no field of
 * the form can fix (an unknown step, a missing version) are general.
 */
export function validateStepForm(v: StepFormValues): { errors: FieldErrors; general: string[]; input?: RoundEventInput; version?: number } {
  const errors: FieldErrors = {};
  const general: string[] = [];
  if (!isSteeringEventType(v.type)) {
    general.push('Steget finns inte. Ladda om sidan och försök igen.');
    return { errors, general };
  }
  const type = v.type;
  if (!/^\d{1,9}$/.test(v.version)) general.push('Formuläret saknar planomgångens version. Ladda om sidan och försök igen.');
  if (v.force && !FORCIBLE_EVENTS.includes(type)) general.push(`Steget ”${PLAN_ROUND_EVENT_LABELS[type]}” kan inte tvingas fram.`);

  if (v.reason.length > MAX_REASON) errors.reason = `Motiveringen får vara högst ${MAX_REASON} tecken`;
  else if (v.force && v.reason === '') errors.reason = 'Skriv en motivering till varför steget tvingas fram';
  else if (type === 'CANCEL' && v.reason === '') errors.reason = 'Skriv varför planomgången avbryts';

  if (type === 'RECORD_DECISION') {
    if (!(OUTCOMES as readonly string[]).includes(v.outcome)) errors.outcome = 'Välj om planen antogs eller återremitterades';
    else if (v.outcome === 'returned' && v.reason === '' && !errors.reason) errors.reason = 'Skriv varför planen återremitterades';
  }

  if (general.length > 0 || Object.keys(errors).length > 0) return { errors, general };
  return {
    errors,
    general,
    input: {
      type,
      ...(v.force ? { force: true } : {}),
      ...(v.reason !== '' ? { reason: v.reason } : {}),
      ...(type === 'RECORD_DECISION' ? { outcome: v.outcome as DecisionOutcome } : {}),
    },
    version: Number(v.version),
  };
}

/**
 * How a step form explains PlanRoundService.transition's refusals: invalid
 * input at its field, a step the facts do not allow with its reasons, a
 * round someone else changed first, a round that can no longer change.
 */
export const STEP_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ reason: 'reason', outcome: 'outcome' }),
  refusals: { [RoundErrorCode.ROUND_NOT_EDITABLE]: null },
  explain: (error) => {
    switch (error.code) {
      case RoundErrorCode.ILLEGAL_TRANSITION: {
        const details = (error.details ?? {}) as { event?: unknown; reasons?: unknown };
        const label = isSteeringEventType(details.event) ? PLAN_ROUND_EVENT_LABELS[details.event] : 'Steget';
        const reasons = Array.isArray(details.reasons) ? details.reasons.filter((r): r is string => typeof r === 'string') : [];
        return { errors: {}, general: reasons.length > 0 ? reasons.map((r) => `${label} går inte: ${r}`) : [error.message] };
      }
      case CommonErrorCode.VERSION_CONFLICT:
        return { errors: {}, general: [VERSION_CONFLICT_MESSAGE] };
      default:
        return null;
    }
  },
};
