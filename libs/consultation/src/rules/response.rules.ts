import { FieldViolation, formatCount, isBlank, isLocalDate, LocalDate, Violations } from '@samverka/kernel';
import { RESPONSE_STANCES, ResponseInput, ResponseStance } from '../consultation.model';

/** The maxima of a response's fields: the REST DTOs show them in OpenAPI, the service enforces them here. */
export const RESPONSE_LIMITS = {
  summary: 4000,
  /** The full text of a response (a long yttrande pasted whole). */
  text: 200_000,
  minuteReference: 100,
  theirReference: 100,
  signatory: 200,
  signatories: 30,
  comment: 8000,
  answer: 8000,
  proposal: 4000,
  proposals: 100,
} as const;

export const isResponseStance = (value: unknown): value is ResponseStance => (RESPONSE_STANCES as readonly unknown[]).includes(value);

/** What a draft may hold: any subset of a response's fields (the committee is the path's). */
export type ResponseDraftInput = Partial<Omit<ResponseInput, 'committeeId' | 'receivedOnPaper'>>;

/**
 * Every rule of a response that needs no database, all broken ones at once. `complete`: a response
 * being submitted (every required field present); otherwise a draft, whose absent fields are not
 * checked. `today` is the day in Europe/Stockholm (the adopting meeting cannot lie in the future).
 * Whether the areas are the round's, the questions the consultation's and the items the plan
 * version's is for ResponseService, which asks the database, in the same shape.
 */
export function responseViolations(input: ResponseDraftInput, today: LocalDate, complete: boolean): FieldViolation[] {
  const v = new Violations();
  const required = <T>(field: string, value: T | undefined | null, message: string): value is T => {
    if (value === undefined || value === null) {
      if (complete) v.add(field, 'isNotEmpty', message);
      return false;
    }
    return true;
  };
  if (required('stance', input.stance, 'Välj nämndens ställningstagande')) {
    v.when(!isResponseStance(input.stance), 'stance', 'isIn', `Ställningstagandet ska vara ett av ${RESPONSE_STANCES.join(', ')}`);
  }
  if (required('summary', input.summary, 'Sammanfatta yttrandet')) {
    v.text('summary', input.summary, { max: RESPONSE_LIMITS.summary, empty: complete ? 'Sammanfatta yttrandet' : undefined, tooLong: `Sammanfattningen får vara högst ${formatCount(RESPONSE_LIMITS.summary)} tecken` });
  }
  if (required('text', input.text, 'Ange yttrandets fullständiga text')) {
    v.when(complete && isBlank(input.text), 'text', 'isNotEmpty', 'Ange yttrandets fullständiga text');
    v.when(input.text!.length > RESPONSE_LIMITS.text, 'text', 'maxLength', `Yttrandets text får vara högst ${formatCount(RESPONSE_LIMITS.text)} tecken`);
  }
  if (required('adoptedOn', input.adoptedOn, 'Ange datum för sammanträdet där yttrandet antogs')) {
    if (!isLocalDate(input.adoptedOn)) v.add('adoptedOn', 'isDate', 'Ange datumet som ÅÅÅÅ-MM-DD');
    else {
      v.saneDate('adoptedOn', input.adoptedOn, 'Sammanträdesdatumet');
      v.when(input.adoptedOn > today, 'adoptedOn', 'notInFuture', 'Sammanträdet där yttrandet antogs kan inte ligga i framtiden');
    }
  }
  if (required('minuteReference', input.minuteReference, 'Ange protokollets paragraf (§)')) {
    v.text('minuteReference', input.minuteReference, { max: RESPONSE_LIMITS.minuteReference, empty: complete ? 'Ange protokollets paragraf (§)' : undefined, tooLong: `Paragrafen får vara högst ${RESPONSE_LIMITS.minuteReference} tecken` });
  }
  v.text('theirReference', input.theirReference ?? undefined, { max: RESPONSE_LIMITS.theirReference, tooLong: `Er beteckning får vara högst ${RESPONSE_LIMITS.theirReference} tecken` });

  const signatories = input.signatories;
  if (signatories !== undefined) {
    signatories.forEach((name, i) => {
      v.when(isBlank(name), `signatories[${i}]`, 'isNotEmpty', 'Ange undertecknarens namn');
      v.when(!isBlank(name) && name.trim().length > RESPONSE_LIMITS.signatory, `signatories[${i}]`, 'maxLength', `Ett namn får vara högst ${RESPONSE_LIMITS.signatory} tecken`);
    });
    v.when(signatories.length > RESPONSE_LIMITS.signatories, 'signatories', 'arrayMaxSize', `Ange högst ${RESPONSE_LIMITS.signatories} undertecknare`);
  }
  const stance = input.stance;
  if (complete && stance !== 'decline') {
    v.when(signatories === undefined || signatories.filter((s) => !isBlank(s)).length === 0, 'signatories', 'arrayNotEmpty', 'Ange minst en undertecknare (utom när nämnden avstår från att yttra sig)');
  }

  const seenAreas = new Set<string>();
  (input.areaComments ?? []).forEach((c, i) => {
    v.text(`areaComments[${i}].areaCode`, c.areaCode, { max: 40, empty: 'Välj utvecklingsområde', tooLong: 'Områdets kod får vara högst 40 tecken' });
    v.text(`areaComments[${i}].comment`, c.comment, { max: RESPONSE_LIMITS.comment, empty: 'Skriv en synpunkt på området', tooLong: `En synpunkt får vara högst ${formatCount(RESPONSE_LIMITS.comment)} tecken` });
    const code = (c.areaCode ?? '').trim().toUpperCase();
    v.when(code !== '' && seenAreas.has(code), `areaComments[${i}].areaCode`, 'unique', 'Samla synpunkterna på ett område i en kommentar');
    seenAreas.add(code);
  });
  const seenQuestions = new Set<string>();
  (input.answers ?? []).forEach((a, i) => {
    v.text(`answers[${i}].answer`, a.answer, { max: RESPONSE_LIMITS.answer, empty: 'Skriv ett svar på frågan', tooLong: `Ett svar får vara högst ${formatCount(RESPONSE_LIMITS.answer)} tecken` });
    v.when(seenQuestions.has(a.questionId), `answers[${i}].questionId`, 'unique', 'Frågan är redan besvarad i yttrandet');
    seenQuestions.add(a.questionId);
  });
  const proposals = input.proposals ?? [];
  proposals.forEach((p, i) => {
    v.text(`proposals[${i}].text`, p.text, { max: RESPONSE_LIMITS.proposal, empty: 'Skriv förslagets text (eller ta bort förslaget)', tooLong: `Ett förslag får vara högst ${formatCount(RESPONSE_LIMITS.proposal)} tecken` });
  });
  v.when(proposals.length > RESPONSE_LIMITS.proposals, 'proposals', 'arrayMaxSize', `Ett yttrande kan ha högst ${RESPONSE_LIMITS.proposals} förslag`);
  return v.list;
}
