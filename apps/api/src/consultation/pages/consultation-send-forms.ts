import { ConsultationErrorCode, type PrepareConsultationInput } from '@samverka/consultation';
import { fieldIds, FieldIdFor, FormErrorMap } from '../../shell/form-action';
import { dateError, FieldErrors, formField, formFields } from '../../shell/form-body';

/** How many question rows the prepare form shows. */
export const QUESTION_ROWS = 3;

export interface PrepareFormValues {
  planVersion: string;
  replyBy: string;
  committeeIds: string[];
  coverLetter: string;
  contactPersonId: string;
  questions: Array<{ areaCode: string; text: string }>;
}

export interface ExtensionRequestFormValues {
  requestedReplyBy: string;
  reason: string;
}

export interface DecideFormValues {
  replyBy: string;
  reason: string;
}

export const readPrepareForm = (body: unknown): PrepareFormValues => ({
  planVersion: formField(body, 'planVersion').trim(),
  replyBy: formField(body, 'replyBy').trim(),
  committeeIds: formFields(body, 'committeeIds'),
  coverLetter: formField(body, 'coverLetter'),
  contactPersonId: formField(body, 'contactPersonId').trim(),
  questions: Array.from({ length: QUESTION_ROWS }, (_, i) => ({ areaCode: formField(body, `questionArea${i}`).trim(), text: formField(body, `questionText${i}`) })),
});

/** The form's own reading: a version number and a real date; the rows with a question become the questions (their row kept for the errors). */
export function validatePrepareForm(v: PrepareFormValues): { errors: FieldErrors; input?: PrepareConsultationInput } {
  const errors: FieldErrors = {};
  const version = Number(v.planVersion);
  if (!Number.isInteger(version) || version < 1) errors.planVersion = 'Välj den låsta version av planen som ska skickas på remiss';
  const date = dateError(v.replyBy, 'Svarsdatumet', true);
  if (date) errors.replyBy = date;
  if (v.committeeIds.length === 0) errors.committeeIds = 'Välj minst en nämnd';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    input: {
      planVersion: version,
      replyBy: v.replyBy,
      committeeIds: v.committeeIds,
      coverLetter: v.coverLetter,
      contactPersonId: v.contactPersonId || null,
      questions: v.questions.filter((q) => q.text.trim() !== '').map((q) => ({ areaCode: q.areaCode || null, text: q.text })),
    },
  };
}

/** `questions[1].text` → the row it came from (rows without text are left out of the command). */
const prepareFieldIdFor =
  (v: PrepareFormValues): FieldIdFor =>
  (path) => {
    const table: Record<string, string> = { planVersion: 'planVersion', replyBy: 'replyBy', committeeIds: 'committeeIds', coverLetter: 'coverLetter', contactPersonId: 'contactPersonId' };
    if (table[path]) return table[path];
    const m = /^questions\[(\d+)\]\.(text|areaCode)$/.exec(path);
    if (!m) return undefined;
    const rows = v.questions.map((q, i) => ({ q, i })).filter(({ q }) => q.text.trim() !== '');
    const row = rows[Number(m[1])];
    return row ? `${m[2] === 'text' ? 'questionText' : 'questionArea'}${row.i}` : undefined;
  };

export const prepareFormErrors = (v: PrepareFormValues): FormErrorMap => ({
  fieldIdFor: prepareFieldIdFor(v),
  multiLine: ['coverLetter', ...Array.from({ length: QUESTION_ROWS }, (_, i) => `questionText${i}`)],
  refusals: { [ConsultationErrorCode.CONSULTATION_NOT_EDITABLE]: null },
});

export const readExtensionRequestForm = (body: unknown): ExtensionRequestFormValues => ({ requestedReplyBy: formField(body, 'requestedReplyBy').trim(), reason: formField(body, 'reason') });

export function validateExtensionRequestForm(v: ExtensionRequestFormValues): { errors: FieldErrors; input?: { requestedReplyBy: string; reason: string } } {
  const date = dateError(v.requestedReplyBy, 'Det nya svarsdatumet', true);
  return date ? { errors: { requestedReplyBy: date } } : { errors: {}, input: { requestedReplyBy: v.requestedReplyBy, reason: v.reason } };
}

export const EXTENSION_REQUEST_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ requestedReplyBy: 'requestedReplyBy', reason: 'reason' }),
  multiLine: ['reason'],
  refusals: { [ConsultationErrorCode.EXTENSION_ALREADY_OPEN]: null, [ConsultationErrorCode.EXTENSION_NOT_ALLOWED]: null },
};

export const readDecideForm = (body: unknown): DecideFormValues => ({ replyBy: formField(body, 'replyBy').trim(), reason: formField(body, 'reason') });

/** The decide forms of an extension: the other date (approve) or the reason (decline), at their fields (the page suffixes the extension's id). */
export const DECIDE_FORM_ERRORS: FormErrorMap = {
  fieldIdFor: fieldIds({ replyBy: 'replyBy', reason: 'reason' }),
  multiLine: ['reason'],
  refusals: { [ConsultationErrorCode.EXTENSION_ALREADY_DECIDED]: null, [ConsultationErrorCode.EXTENSION_NOT_ALLOWED]: null },
};
