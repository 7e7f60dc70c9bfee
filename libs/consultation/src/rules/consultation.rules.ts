import { CommonError, CommonErrorCode, FieldViolation, formatCount, LocalDate, Violations } from '@samverka/kernel';
import type { ExtensionRequestInput, PrepareConsultationInput } from '../consultation.model';

export const CONSULTATION_COVER_LETTER_MAX = 20000;
export const CONSULTATION_QUESTION_MAX = 2000;
export const CONSULTATION_QUESTIONS_MAX = 50;
export const EXTENSION_REASON_MAX = 4000;

/** What the references of a prepared remiss are checked against (loaded in one statement). */
export interface PrepareReferences {
  today: LocalDate;
  /** The round's plan's frozen versions. */
  frozenVersions: readonly number[];
  /** Every committee, with whether it is active. */
  committees: ReadonlyArray<{ id: string; active: boolean }>;
  /** The round's development areas. */
  areaCodes: readonly string[];
  /** Whether the contact person exists (true when none is given). */
  contactPersonExists: boolean;
  /** The committees that responded to an earlier sending: they stay recipients (their responses are kept with them). */
  respondedCommitteeIds?: readonly string[];
}

/** The shape of the remiss (400): reply date after today, a cover letter, questions with texts. Every violation at once. */
export function prepareShapeViolations(input: PrepareConsultationInput, today: LocalDate): FieldViolation[] {
  const v = new Violations()
    .saneDate('replyBy', input.replyBy, 'Svarsdatumet')
    .when(!!input.replyBy && input.replyBy <= today, 'replyBy', 'afterToday', 'Svarsdatumet måste ligga efter dagens datum')
    .text('coverLetter', input.coverLetter ?? null, {
      max: CONSULTATION_COVER_LETTER_MAX,
      empty: 'Skriv ett följebrev',
      tooLong: `Följebrevet får vara högst ${formatCount(CONSULTATION_COVER_LETTER_MAX)} tecken`,
    })
    .when((input.questions?.length ?? 0) > CONSULTATION_QUESTIONS_MAX, 'questions', 'arrayMaxSize', `Högst ${CONSULTATION_QUESTIONS_MAX} frågor`)
    .when(input.committeeIds !== undefined && input.committeeIds.length === 0, 'committeeIds', 'arrayNotEmpty', 'Välj minst en nämnd');
  (input.questions ?? []).forEach((q, i) =>
    v.text(`questions[${i}].text`, q.text ?? null, {
      max: CONSULTATION_QUESTION_MAX,
      empty: 'Skriv frågan',
      tooLong: `Frågan får vara högst ${formatCount(CONSULTATION_QUESTION_MAX)} tecken`,
    }),
  );
  return v.list;
}

/** The references of the remiss (422): a frozen version, existing active committees, an existing contact person, the round's areas. */
export function prepareReferenceViolations(input: PrepareConsultationInput, refs: PrepareReferences): FieldViolation[] {
  const v = new Violations().when(
    !refs.frozenVersions.includes(input.planVersion),
    'planVersion',
    'frozenVersion',
    refs.frozenVersions.length === 0 ? 'Planen har ingen låst version att skicka på remiss' : `Version ${input.planVersion} är inte en låst version av planen`,
  );
  const byId = new Map(refs.committees.map((c) => [c.id, c]));
  const unknown = (input.committeeIds ?? []).filter((id) => !byId.has(id));
  const inactive = (input.committeeIds ?? []).filter((id) => byId.get(id)?.active === false);
  v.when(unknown.length > 0, 'committeeIds', 'exists', 'En vald nämnd finns inte')
    .when(inactive.length > 0, 'committeeIds', 'active', 'En vald nämnd är inte aktiv')
    .when(input.committeeIds === undefined && !refs.committees.some((c) => c.active), 'committeeIds', 'exists', 'Det finns ingen aktiv nämnd att skicka remissen till')
    .when(!refs.contactPersonExists, 'contactPersonId', 'exists', 'Kontaktpersonen finns inte');
  const chosen = new Set(input.committeeIds ?? refs.committees.filter((c) => c.active).map((c) => c.id));
  v.when(
    (refs.respondedCommitteeIds ?? []).some((id) => !chosen.has(id)),
    'committeeIds',
    'keepsResponded',
    'En nämnd som har svarat på ett tidigare utskick av remissen kan inte tas bort som remissinstans',
  );
  (input.questions ?? []).forEach((q, i) =>
    v.when(!!q.areaCode && !refs.areaCodes.includes(q.areaCode), `questions[${i}].areaCode`, 'roundArea', `Utvecklingsområdet ${q.areaCode} finns inte i planomgången`),
  );
  return v.list;
}

/** Refuses with UNKNOWN_REFERENCE (422) naming every violation, if there is any. */
export function refuseReferences(violations: readonly FieldViolation[]): void {
  if (violations.length > 0) throw new CommonError(CommonErrorCode.UNKNOWN_REFERENCE, `Okända uppgifter: ${violations.map((x) => x.field).join(', ')}`, violations);
}

/** An extension request: a date after the recipient's current reply date, and a reason. */
export function extensionRequestViolations(input: ExtensionRequestInput, currentReplyBy: LocalDate): FieldViolation[] {
  return new Violations()
    .saneDate('requestedReplyBy', input.requestedReplyBy, 'Datumet')
    .when(!!input.requestedReplyBy && input.requestedReplyBy <= currentReplyBy, 'requestedReplyBy', 'afterReplyBy', `Det nya svarsdatumet måste ligga efter nuvarande svarsdatum ${currentReplyBy}`)
    .text('reason', input.reason ?? null, { max: EXTENSION_REASON_MAX, empty: 'Skriv varför nämnden behöver anstånd', tooLong: `Skälet får vara högst ${formatCount(EXTENSION_REASON_MAX)} tecken` }).list;
}

/** An approval with another date: after the recipient's current reply date. */
export function extensionApprovalViolations(replyBy: LocalDate | undefined, currentReplyBy: LocalDate): FieldViolation[] {
  return new Violations()
    .saneDate('replyBy', replyBy, 'Datumet')
    .when(!!replyBy && replyBy <= currentReplyBy, 'replyBy', 'afterReplyBy', `Det nya svarsdatumet måste ligga efter nuvarande svarsdatum ${currentReplyBy}`).list;
}

/** A declined extension: the reason. */
export function extensionDeclineViolations(input: { reason?: string | null }): FieldViolation[] {
  return new Violations().text('reason', input.reason ?? null, { max: EXTENSION_REASON_MAX, empty: 'Skriv varför anståndet avslås', tooLong: `Skälet får vara högst ${formatCount(EXTENSION_REASON_MAX)} tecken` }).list;
}
