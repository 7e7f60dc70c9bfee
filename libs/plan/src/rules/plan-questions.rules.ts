import { FieldViolation, formatCount, Violations } from '@samverka/kernel';

/** The longest deferral reason, question or answer. */
export const PLAN_DISCUSSION_TEXT_MAX = 4000;

const tooLong = `Texten får vara högst ${formatCount(PLAN_DISCUSSION_TEXT_MAX)} tecken`;

/** Why a need is deferred (its department reads it): required, at most PLAN_DISCUSSION_TEXT_MAX characters. */
export function deferralViolations(input: { reason?: string | null }): FieldViolation[] {
  return new Violations().text('reason', input.reason ?? null, { max: PLAN_DISCUSSION_TEXT_MAX, empty: 'Skriv varför behovet skjuts upp', tooLong }).list;
}

/** A department's question about an item: the department and the question, required. */
export function questionViolations(input: { departmentId?: string | null; question?: string | null }): FieldViolation[] {
  return new Violations()
    .when(!input.departmentId, 'departmentId', 'isNotEmpty', 'Välj förvaltningen som frågar')
    .text('question', input.question ?? null, { max: PLAN_DISCUSSION_TEXT_MAX, empty: 'Skriv din fråga', tooLong }).list;
}

/** A strategist's answer: required. */
export function answerViolations(input: { answer?: string | null }): FieldViolation[] {
  return new Violations().text('answer', input.answer ?? null, { max: PLAN_DISCUSSION_TEXT_MAX, empty: 'Skriv svaret', tooLong }).list;
}
