import { CommonErrorCode } from '@samverka/kernel';
import { isSteeringEventType, RoundErrorCode, RoundEventInput } from '@samverka/rounds';
import { DecisionOutcome, PLAN_ROUND_EVENT_LABELS } from '@samverka/workflow';
import { fieldIds, FormErrorMap } from '../../shell/form-action';
import { formField } from '../../shell/form-body';

export { isSteeringEventType } from '@samverka/rounds';

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
  /** RECORD_DECISION: the meeting's date, who decided, the §. */
  decidedOn: string;
  body: string;
  minuteReference: string;
  version: string;
}

/** What the page says when someone else changed the round first; the page below it is the fresh one. */
export const VERSION_CONFLICT_MESSAGE =
  'Planomgången har ändrats av någon annan sedan du öppnade sidan. Sidan visar nu planomgången som den är nu: kontrollera den och försök igen om steget fortfarande behövs.';

const MISSING_VERSION = 'Formuläret saknar planomgångens version. Ladda om sidan och försök igen.';

/** The form fields a step's violations are shown at (the others, such as `type` and `force`, are general). */
export const STEP_FIELD_IDS: Readonly<Record<string, string>> = { reason: 'reason', outcome: 'outcome', decidedOn: 'decidedOn', body: 'body', minuteReference: 'minuteReference' };

/** The decision's own fields (the RECORD_DECISION form only). */
export const DECISION_FIELDS = ['decidedOn', 'body', 'minuteReference'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

export function readStepForm(body: unknown): StepFormValues {
  return {
    type: formField(body, 'type').trim(),
    force: formField(body, 'force') === 'ja',
    reason: formField(body, 'reason').trim(),
    outcome: formField(body, 'outcome').trim(),
    decidedOn: formField(body, 'decidedOn').trim(),
    body: formField(body, 'body').trim(),
    minuteReference: formField(body, 'minuteReference').trim(),
    version: formField(body, 'version').trim(),
  };
}

/**
 * The form as the step's command for PlanRoundStepService.transition, checking nothing of it (the
 * rounds' input rules do), and the version the page showed: without one the step is not sent
 * (`general` says so), since it would be taken against whatever version is current.
 * A decision's outcome, date, body and § belong to the decision's form only.
 */
export function toStepCommand(v: StepFormValues): { input: RoundEventInput; version?: number; general: string[] } {
  const input = {
    type: v.type,
    ...(v.force ? { force: true } : {}),
    ...(v.reason !== '' ? { reason: v.reason } : {}),
    ...(v.type === 'RECORD_DECISION' && v.outcome !== '' ? { outcome: v.outcome as DecisionOutcome } : {}),
    ...(v.type === 'RECORD_DECISION' ? { decidedOn: v.decidedOn, body: v.body, minuteReference: v.minuteReference } : {}),
  } as RoundEventInput;
  return /^\d{1,9}$/.test(v.version) ? { input, version: Number(v.version), general: [] } : { input, general: [MISSING_VERSION] };
}

/**
 * How a step form explains PlanRoundStepService.transition's refusals: invalid input at its field,
 * a step the facts do not allow with its reasons, a round someone else changed first, a round that
 * can no longer change.
 */
export const STEP_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds(STEP_FIELD_IDS),
  multiLine: ['reason'],
  refusals: { [RoundErrorCode.ROUND_NOT_EDITABLE]: null },
  explain: (error) => {
    switch (error.code) {
      case RoundErrorCode.ILLEGAL_TRANSITION: {
        const context = error.context ?? {};
        const label = isSteeringEventType(context.event) ? PLAN_ROUND_EVENT_LABELS[context.event] : 'Steget';
        const reasons = Array.isArray(context.reasons) ? context.reasons.filter((r): r is string => typeof r === 'string') : [];
        return { errors: {}, general: reasons.length > 0 ? reasons.map((r) => `${label} går inte: ${r}`) : [error.message] };
      }
      case CommonErrorCode.VERSION_CONFLICT:
        return { errors: {}, general: [VERSION_CONFLICT_MESSAGE] };
      default:
        return null;
    }
  },
};
