import { FieldViolation, formatCount, Violations } from '@samverka/kernel';

/** The longest reason (nothing to report) or comment (returned) a submission step takes. */
export const SUBMISSION_TEXT_MAX = 4000;

const tooLong = `Texten får vara högst ${formatCount(SUBMISSION_TEXT_MAX)} tecken`;

/** Why a department has nothing to report: required, at most SUBMISSION_TEXT_MAX characters. */
export function nothingToReportViolations(reason: string | null | undefined): FieldViolation[] {
  return new Violations().text('reason', reason ?? null, { max: SUBMISSION_TEXT_MAX, empty: 'Skriv varför förvaltningen inte har något att rapportera', tooLong }).list;
}

/** What management asks for when it returns a submission: required, at most SUBMISSION_TEXT_MAX characters. */
export function returnCommentViolations(comment: string | null | undefined): FieldViolation[] {
  return new Violations().text('comment', comment ?? null, { max: SUBMISSION_TEXT_MAX, empty: 'Skriv vad som behöver göras innan behoven lämnas in igen', tooLong }).list;
}
