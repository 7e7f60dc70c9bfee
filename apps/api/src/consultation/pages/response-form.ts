import { ConsultationErrorCode, isResponseStance, ResponseDraftInput, ResponseInput, ResponseView } from '@samverka/consultation';
import { FormErrorMap } from '../../shell/form-action';
import { formField, formFields } from '../../shell/form-body';

/** One proposal row as typed: its text, area and item code, and whether it is kept. */
export interface ProposalRowValues {
  text: string;
  areaCode: string;
  itemCode: string;
  keep: boolean;
}

/** The response form as typed. */
export interface ResponseFormValues {
  stance: string;
  summary: string;
  text: string;
  adoptedOn: string;
  minuteReference: string;
  theirReference: string;
  /** One name a line. */
  signatories: string;
  areaComments: Array<{ areaCode: string; comment: string }>;
  answers: Array<{ questionId: string; answer: string }>;
  proposals: ProposalRowValues[];
  receivedOnPaper: boolean;
}

/** What the form's buttons ask for. */
export const RESPONSE_FORM_ACTIONS = ['draft', 'suggest', 'confirm'] as const;
export type ResponseFormAction = (typeof RESPONSE_FORM_ACTIONS)[number];

export const areaCommentId = (areaCode: string): string => `areaComment-${areaCode}`;
export const answerId = (questionId: string): string => `answer-${questionId}`;
export const proposalFieldId = (index: number, field: 'text' | 'areaCode' | 'itemCode'): string => `proposal-${index}-${field}`;

/** Browsers send a textarea's line breaks as CRLF. */
const multiLine = (value: string): string => value.replace(/\r\n?/g, '\n');

/** The empty form; area comments and answers follow the round's areas and the remiss's questions. */
export function emptyResponseForm(areaCodes: readonly string[], questionIds: readonly string[], receivedOnPaper: boolean): ResponseFormValues {
  return {
    stance: '',
    summary: '',
    text: '',
    adoptedOn: '',
    minuteReference: '',
    theirReference: '',
    signatories: '',
    areaComments: areaCodes.map((areaCode) => ({ areaCode, comment: '' })),
    answers: questionIds.map((questionId) => ({ questionId, answer: '' })),
    proposals: [],
    receivedOnPaper,
  };
}

/** The form filled from a draft or (for a correction) the current response. */
export function responseFormValues(r: ResponseView, areaCodes: readonly string[], questionIds: readonly string[], receivedOnPaper: boolean): ResponseFormValues {
  const comments = new Map(r.areaComments.map((c) => [c.areaCode, c.comment]));
  const answers = new Map(r.answers.map((a) => [a.questionId, a.answer]));
  return {
    stance: r.stance ?? '',
    summary: r.summary ?? '',
    text: r.text ?? '',
    adoptedOn: r.adoptedOn ?? '',
    minuteReference: r.minuteReference ?? '',
    theirReference: r.theirReference ?? '',
    signatories: r.signatories.join('\n'),
    areaComments: areaCodes.map((areaCode) => ({ areaCode, comment: comments.get(areaCode) ?? '' })),
    answers: questionIds.map((questionId) => ({ questionId, answer: answers.get(questionId) ?? '' })),
    proposals: r.proposals.map((p) => ({ text: p.text, areaCode: p.areaCode ?? '', itemCode: p.itemCode ?? '', keep: true })),
    receivedOnPaper,
  };
}

/**
 * Reads only the form's own fields (never `_csrf`): the area comments as the repeated pair
 * `areaCode[]` (hidden) + `areaComment[]`, the answers as `questionId[]` + `answer[]`, only the
 * round's areas and the remiss's questions, each once; the proposals as `proposalText[]`,
 * `proposalArea[]`, `proposalItem[]` in rows, kept when their row's number is among `proposalKeep[]`
 * (rows left wholly blank dropped).
 */
export function readResponseForm(body: unknown, areaCodes: readonly string[], questionIds: readonly string[], paperAllowed: boolean): ResponseFormValues {
  const pairs = (keyName: string, valueName: string, allowed: readonly string[]): Map<string, string> => {
    const keys = formFields(body, keyName);
    const values = formFields(body, valueName);
    const posted = new Map<string, string>();
    keys.forEach((key, i) => {
      if (allowed.includes(key) && !posted.has(key)) posted.set(key, multiLine(values[i] ?? ''));
    });
    return posted;
  };
  const comments = pairs('areaCode[]', 'areaComment[]', areaCodes);
  const answers = pairs('questionId[]', 'answer[]', questionIds);
  const texts = formFields(body, 'proposalText[]');
  const areas = formFields(body, 'proposalArea[]');
  const items = formFields(body, 'proposalItem[]');
  const kept = new Set(formFields(body, 'proposalKeep[]'));
  return {
    stance: formField(body, 'stance'),
    summary: multiLine(formField(body, 'summary')),
    text: multiLine(formField(body, 'text')),
    adoptedOn: formField(body, 'adoptedOn').trim(),
    minuteReference: formField(body, 'minuteReference'),
    theirReference: formField(body, 'theirReference'),
    signatories: multiLine(formField(body, 'signatories')),
    areaComments: areaCodes.map((areaCode) => ({ areaCode, comment: comments.get(areaCode) ?? '' })),
    answers: questionIds.map((questionId) => ({ questionId, answer: answers.get(questionId) ?? '' })),
    // A row left blank (the empty row for one's own proposal) is no row.
    proposals: texts
      .map((text, i) => ({ text: multiLine(text), areaCode: areas[i] ?? '', itemCode: items[i] ?? '', keep: kept.has(String(i)) }))
      .filter((p) => p.text.trim() !== '' || p.areaCode !== '' || p.itemCode.trim() !== ''),
    receivedOnPaper: paperAllowed && formField(body, 'receivedOnPaper') === 'true',
  };
}

/** The button pressed: saving the draft when none is named. */
export function readResponseFormAction(body: unknown): ResponseFormAction {
  const action = formField(body, 'action');
  return (RESPONSE_FORM_ACTIONS as readonly string[]).includes(action) ? (action as ResponseFormAction) : 'draft';
}

/** The names, one a line, the blank lines dropped. */
export const signatoryNames = (value: string): string[] =>
  value
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The kept proposals with a text: the proposals the response will have. */
export const keptProposals = (v: ResponseFormValues): ProposalRowValues[] => v.proposals.filter((p) => p.keep && p.text.trim() !== '');

/**
 * The draft to save: the fields as typed (an empty date or stance is left out, so an unfinished
 * draft is kept); blank area comments and answers are no comments; only kept proposals.
 */
export function toResponseDraft(v: ResponseFormValues): ResponseDraftInput {
  return {
    ...(isResponseStance(v.stance) ? { stance: v.stance } : {}),
    summary: v.summary.trim(),
    text: v.text,
    ...(v.adoptedOn !== '' ? { adoptedOn: v.adoptedOn } : {}),
    minuteReference: v.minuteReference.trim(),
    theirReference: v.theirReference.trim() === '' ? null : v.theirReference.trim(),
    signatories: signatoryNames(v.signatories),
    areaComments: v.areaComments.filter((c) => c.comment.trim() !== '').map((c) => ({ areaCode: c.areaCode, comment: c.comment.trim() })),
    answers: v.answers.filter((a) => a.answer.trim() !== '').map((a) => ({ questionId: a.questionId, answer: a.answer.trim() })),
    proposals: keptProposals(v).map((p) => ({ text: p.text.trim(), areaCode: p.areaCode || null, itemCode: p.itemCode.trim() || null })),
  };
}

/** The response to register, from the saved draft (what the confirmation page showed). */
export function responseFromDraft(committeeId: string, draft: ResponseView, receivedOnPaper: boolean): ResponseInput {
  return {
    committeeId,
    stance: draft.stance!,
    summary: draft.summary ?? '',
    text: draft.text ?? '',
    adoptedOn: draft.adoptedOn!,
    minuteReference: draft.minuteReference ?? '',
    theirReference: draft.theirReference,
    signatories: draft.signatories,
    areaComments: draft.areaComments,
    answers: draft.answers,
    proposals: draft.proposals.map((p) => ({ text: p.text, areaCode: p.areaCode, itemCode: p.itemCode })),
    receivedOnPaper,
  };
}

export const RESPONSE_FORM_MULTI_LINE = ['summary', 'text', 'signatories', 'areaComment[]', 'answer[]', 'proposalText[]'] as const;

/**
 * How the form explains the service's refusals: every field at its field (an area comment, an
 * answer and a proposal by their place in what was sent), the round's phase in the summary.
 * `sent` is what was sent: the area comments, answers and proposals left after the blank ones.
 */
export function responseFormErrors(sent: ResponseDraftInput, proposalRows: readonly number[]): FormErrorMap {
  return {
    fieldIdFor: (path) => {
      if (['stance', 'summary', 'text', 'adoptedOn', 'minuteReference', 'theirReference'].includes(path)) return path;
      if (path === 'signatories' || path.startsWith('signatories[')) return 'signatories';
      const comment = /^areaComments\[(\d+)\]/.exec(path);
      if (comment) {
        const code = sent.areaComments?.[Number(comment[1])]?.areaCode;
        return code ? areaCommentId(code) : undefined;
      }
      const answer = /^answers\[(\d+)\]/.exec(path);
      if (answer) {
        const id = sent.answers?.[Number(answer[1])]?.questionId;
        return id ? answerId(id) : undefined;
      }
      const proposal = /^proposals\[(\d+)\]\.(text|areaCode|itemCode)$/.exec(path);
      if (proposal) {
        const row = proposalRows[Number(proposal[1])];
        return row === undefined ? undefined : proposalFieldId(row, proposal[2] as 'text' | 'areaCode' | 'itemCode');
      }
      return undefined;
    },
    multiLine: RESPONSE_FORM_MULTI_LINE,
    readByOwnRule: ['action', 'proposalKeep[]'],
    refusals: {
      [ConsultationErrorCode.RESPONSE_EXISTS]: null,
      [ConsultationErrorCode.RESPONSE_ONLY_ON_PAPER]: null,
      [ConsultationErrorCode.RESPONSE_NOT_FOUND]: null,
      [ConsultationErrorCode.RESPONSES_CLOSED]: null,
    },
  };
}

/** The rows (of the form's proposal rows) that were sent, in order: the kept ones with a text. */
export const sentProposalRows = (v: ResponseFormValues): number[] => v.proposals.flatMap((p, i) => (p.keep && p.text.trim() !== '' ? [i] : []));
