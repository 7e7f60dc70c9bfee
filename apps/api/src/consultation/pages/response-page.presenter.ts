import { CommitteeResponsesView, RESPONSE_STANCE_LABELS, RESPONSE_STANCES, ResponseView } from '@samverka/consultation';
import { ErrorSummaryItem, swedishDate, swedishDateTime } from '../../shell/format';
import { FieldErrors } from '../../shell/form-body';
import { PageModel, ROUNDS_PATH } from '../../shell/view-renderer';
import { planVersionPath } from '../../plan/pages/plan-format';
import { answerId, areaCommentId, proposalFieldId, ResponseFormValues } from './response-form';

export const responsePath = (roundId: string, committeeId: string): string => `${ROUNDS_PATH}/${roundId}/remiss/${committeeId}`;
export const responseUploadPath = (roundId: string, committeeId: string): string => `${responsePath(roundId, committeeId)}/dokument`;
export const responseSubmitPath = (roundId: string, committeeId: string): string => `${responsePath(roundId, committeeId)}/skicka`;
export const responseCorrectionPath = (roundId: string, committeeId: string): string => `${responsePath(roundId, committeeId)}?ratta=1`;
export const responseAttachmentPath = (roundId: string, committeeId: string, attachmentId: string): string => `${responsePath(roundId, committeeId)}/dokument/${attachmentId}`;

/** The round as the page names it. */
export interface ResponseRoundHead {
  id: string;
  title: string;
  areas: ReadonlyArray<{ code: string; name: string }>;
  /** The round takes responses now (in consultation, or compiling them). */
  responding: boolean;
}

/** What a failed (or re-shown) form shows again. */
export interface ResponseFormFailure {
  values: ResponseFormValues;
  errors: FieldErrors;
  general: string[];
}

/** What the viewer may do on the page. */
export interface ResponseViewer {
  /** Its secretaries and strategists write the response; admins only read it. */
  mayWrite: boolean;
  /** A strategist (not the committee's secretary) enters a response received on paper. */
  onPaper: boolean;
}

/** A notice after a redirect. */
export type ResponseNotice = 'draftSaved' | 'submitted' | 'uploaded';
export const RESPONSE_NOTICES: Readonly<Record<ResponseNotice, string>> = {
  draftSaved: 'Utkastet är sparat.',
  submitted: 'Yttrandet är registrerat som nämndens svar. Ett kvitto har skickats med e-post.',
  uploaded: 'Dokumentet är bifogat. Kontrollera texten som hämtats ur det.',
};

interface FieldView {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
}

interface ResponseDisplay {
  heading: string;
  revision: number;
  stanceLabel: string | null;
  summary: string | null;
  adoptedOn: string | null;
  minuteReference: string | null;
  theirReference: string | null;
  signatories: string[];
  areaComments: Array<{ areaName: string; comment: string }>;
  answers: Array<{ question: string; answer: string }>;
  proposals: Array<{ number: number; text: string; target: string | null }>;
  text: string | null;
  attachment: { fileName: string; href: string; size: string } | null;
  registered: string | null;
  receivedOnPaper: boolean;
}

export interface ResponseFormView {
  action: string;
  uploadAction: string;
  correction: boolean;
  stances: Array<{ id: string; value: string; label: string; checked: boolean }>;
  stanceError: string | undefined;
  summary: FieldView;
  text: FieldView;
  adoptedOn: FieldView;
  minuteReference: FieldView;
  theirReference: FieldView;
  signatories: FieldView;
  areaComments: Array<FieldView & { areaCode: string }>;
  answers: Array<FieldView & { questionId: string }>;
  proposals: Array<{
    index: number;
    number: number;
    keep: boolean;
    text: FieldView;
    areaCode: FieldView & { options: Array<{ value: string; text: string; selected: boolean }> };
    itemCode: FieldView;
  }>;
  onPaper: boolean;
  receivedOnPaper: boolean;
  draftAttachment: { fileName: string; href: string; size: string } | null;
  fileError: string | undefined;
  suggested: boolean;
}

export interface ResponsePageModel extends PageModel {
  caption: string;
  heading: string;
  backHref: string;
  errorSummary: ErrorSummaryItem[];
  notice: string | null;
  remiss: { replyBy: string; planVersion: number; planVersionHref: string; questions: Array<{ text: string; area: string | null }> };
  current: ResponseDisplay | null;
  revisions: ResponseDisplay[];
  correctionHref: string | null;
  /** No response, and the round takes none now. */
  closed: boolean;
  form: ResponseFormView | null;
}

const kilobytes = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('sv-SE')} kB`;

function display(round: ResponseRoundHead, view: CommitteeResponsesView, r: ResponseView): ResponseDisplay {
  const areaNames = new Map(round.areas.map((a) => [a.code, a.name]));
  const questions = new Map(view.questions.map((q) => [q.id, q.text]));
  return {
    heading: r.status === 'submitted' && r.sending < view.sending ? `Version ${r.revision} – svar på remissens utskick ${r.sending}` : `Version ${r.revision}`,
    revision: r.revision,
    stanceLabel: r.stanceLabel,
    summary: r.summary,
    adoptedOn: r.adoptedOn ? swedishDate(r.adoptedOn) : null,
    minuteReference: r.minuteReference,
    theirReference: r.theirReference,
    signatories: r.signatories,
    areaComments: r.areaComments.map((c) => ({ areaName: areaNames.get(c.areaCode) ?? c.areaCode, comment: c.comment })),
    answers: r.answers.map((a) => ({ question: questions.get(a.questionId) ?? '', answer: a.answer })),
    proposals: r.proposals.map((p, i) => ({
      number: i + 1,
      text: p.text,
      target: [p.itemCode ? `insats ${p.itemCode}` : null, p.areaCode ? (areaNames.get(p.areaCode) ?? p.areaCode) : null].filter(Boolean).join(', ') || null,
    })),
    text: r.text,
    attachment: r.attachment ? { fileName: r.attachment.fileName, href: responseAttachmentPath(view.roundId, view.committeeId, r.attachment.id), size: kilobytes(r.attachment.sizeBytes) } : null,
    registered: r.submittedAt ? `${swedishDateTime(r.submittedAt)} av ${r.submittedByName ?? ''}` : null,
    receivedOnPaper: r.receivedOnPaper,
  };
}

const FIELD_ORDER = ['stance', 'summary', 'text', 'adoptedOn', 'minuteReference', 'theirReference', 'signatories'];

function summary(failure: ResponseFormFailure | undefined, order: readonly string[]): ErrorSummaryItem[] {
  if (!failure) return [];
  const ordered = [...order, ...Object.keys(failure.errors).filter((f) => !order.includes(f))];
  return [
    ...failure.general.map((text) => ({ text, href: '#svar' })),
    ...ordered.flatMap((field) => (failure.errors[field] ? [{ text: failure.errors[field]!, href: `#${field === 'stance' ? 'stance-approve' : field}` }] : [])),
  ];
}

function formView(round: ResponseRoundHead, view: CommitteeResponsesView, values: ResponseFormValues, errors: FieldErrors, viewer: ResponseViewer, suggested: boolean): ResponseFormView {
  const field = (id: string, label: string, value: string, hint?: string): FieldView => ({ id, name: id, label, hint, value, error: errors[id] });
  const areaNames = new Map(round.areas.map((a) => [a.code, a.name]));
  const questions = new Map(view.questions.map((q) => [q.id, q]));
  // Every proposal row as typed, and one empty row to add a proposal of one's own.
  const rows = [...values.proposals, { text: '', areaCode: '', itemCode: '', keep: true }];
  const draftAttachment = view.draft?.attachment ?? null;
  return {
    action: responsePath(view.roundId, view.committeeId),
    uploadAction: responseUploadPath(view.roundId, view.committeeId),
    correction: view.current !== null,
    stances: RESPONSE_STANCES.map((s) => ({ id: `stance-${s}`, value: s, label: RESPONSE_STANCE_LABELS[s], checked: values.stance === s })),
    stanceError: errors.stance,
    summary: field('summary', 'Sammanfattning', values.summary, 'Nämndens ställningstagande i några meningar.'),
    text: field('text', 'Yttrandets fullständiga text', values.text, 'Texten som nämnden antog. Bifogar ni dokumentet hämtas texten ur det; kontrollera den.'),
    adoptedOn: field('adoptedOn', 'Antaget den', values.adoptedOn, 'Sammanträdets datum, ÅÅÅÅ-MM-DD, till exempel 2027-03-14.'),
    minuteReference: field('minuteReference', 'Protokollsparagraf (§)', values.minuteReference, 'Till exempel § 45.'),
    theirReference: field('theirReference', 'Er beteckning (valfritt)', values.theirReference, 'Nämndens diarienummer för ärendet.'),
    signatories: field('signatories', 'Undertecknare', values.signatories, 'En person per rad: namn och titel.'),
    areaComments: values.areaComments.map((c) => ({
      ...field(areaCommentId(c.areaCode), `Synpunkter på ${areaNames.get(c.areaCode) ?? c.areaCode} (valfritt)`, c.comment),
      name: 'areaComment[]',
      areaCode: c.areaCode,
    })),
    answers: values.answers.map((a) => ({ ...field(answerId(a.questionId), questions.get(a.questionId)?.text ?? '', a.answer), name: 'answer[]', questionId: a.questionId })),
    proposals: rows.map((p, index) => ({
      index,
      number: index + 1,
      keep: p.keep,
      text: { ...field(proposalFieldId(index, 'text'), index < values.proposals.length ? `Förslag ${index + 1}` : 'Nytt förslag (valfritt)', p.text), name: 'proposalText[]' },
      areaCode: {
        ...field(proposalFieldId(index, 'areaCode'), 'Utvecklingsområde (valfritt)', p.areaCode),
        name: 'proposalArea[]',
        options: [{ value: '', text: 'Inget särskilt område', selected: p.areaCode === '' }, ...round.areas.map((a) => ({ value: a.code, text: a.name, selected: a.code === p.areaCode }))],
      },
      itemCode: { ...field(proposalFieldId(index, 'itemCode'), 'Insatsens kod (valfritt)', p.itemCode), name: 'proposalItem[]' },
    })),
    onPaper: viewer.onPaper,
    receivedOnPaper: viewer.onPaper && values.receivedOnPaper,
    draftAttachment: draftAttachment ? { fileName: draftAttachment.fileName, href: responseAttachmentPath(view.roundId, view.committeeId, draftAttachment.id), size: kilobytes(draftAttachment.sizeBytes) } : null,
    fileError: errors.file,
    suggested,
  };
}

/**
 * The committee's page: the remiss (reply date, the plan version, the questions), the current
 * response and earlier revisions, and (when there is none, or for a correction, to those who write
 * it) the response form, as saved in the draft or as typed.
 */
export function buildResponsePage(
  round: ResponseRoundHead,
  view: CommitteeResponsesView,
  viewer: ResponseViewer,
  options: { values: ResponseFormValues | null; failure?: ResponseFormFailure; notice?: string | null; suggested?: boolean },
): ResponsePageModel {
  const values = options.failure?.values ?? options.values;
  const errors = options.failure?.errors ?? {};
  const areaNames = new Map(round.areas.map((a) => [a.code, a.name]));
  const form = viewer.mayWrite && values ? formView(round, view, values, errors, viewer, options.suggested === true) : null;
  const order = form
    ? [
        ...FIELD_ORDER,
        ...form.areaComments.map((c) => c.id),
        ...form.answers.map((a) => a.id),
        ...form.proposals.flatMap((p) => [p.text.id, p.areaCode.id, p.itemCode.id]),
      ]
    : FIELD_ORDER;
  const errorSummary = summary(options.failure, order);
  return {
    title: `Yttrande från ${view.committeeName}`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    caption: round.title,
    heading: `Yttrande från ${view.committeeName}`,
    backHref: `${ROUNDS_PATH}/${round.id}`,
    errorSummary,
    notice: options.notice ?? null,
    remiss: {
      replyBy: swedishDate(view.replyBy),
      planVersion: view.planVersion,
      planVersionHref: planVersionPath(view.roundId, view.planVersion),
      questions: view.questions.map((q) => ({ text: q.text, area: q.areaCode ? (areaNames.get(q.areaCode) ?? q.areaCode) : null })),
    },
    current: view.current ? display(round, view, view.current) : null,
    revisions: view.revisions.map((r) => display(round, view, r)),
    correctionHref: viewer.mayWrite && round.responding && view.current && !form ? responseCorrectionPath(view.roundId, view.committeeId) : null,
    closed: !round.responding && view.current === null,
    form,
  };
}

export interface ResponseConfirmPageModel extends PageModel {
  caption: string;
  heading: string;
  backHref: string;
  action: string;
  correction: boolean;
  onPaper: boolean;
  receivedOnPaper: boolean;
  /** The draft as confirmed (its last change): submitting refuses a draft changed since. */
  draftSavedAt: string;
  response: ResponseDisplay;
  consequences: string[];
  /** A correction without a new document keeps the current revision's, unless "Ta bort bifogad fil" is checked. */
  keptAttachment: { fileName: string; revision: number } | null;
}

/** The confirmation: what will be registered (the saved draft) and what follows; its button submits. */
export function buildResponseConfirmPage(round: ResponseRoundHead, view: CommitteeResponsesView, draft: ResponseView, viewer: ResponseViewer, receivedOnPaper: boolean): ResponseConfirmPageModel {
  const correction = view.current !== null;
  const earlier = correction && !draft.attachment ? view.current!.attachment : null;
  return {
    title: correction ? 'Skicka in rättelsen' : 'Skicka in yttrandet',
    section: 'rounds',
    caption: `${round.title} – ${view.committeeName}`,
    heading: correction ? 'Vill du skicka in rättelsen av yttrandet?' : 'Vill du skicka in yttrandet?',
    backHref: responsePath(view.roundId, view.committeeId),
    action: responseSubmitPath(view.roundId, view.committeeId),
    correction,
    onPaper: viewer.onPaper,
    receivedOnPaper: viewer.onPaper && receivedOnPaper,
    draftSavedAt: draft.updatedAt.toISOString(),
    response: { ...display(round, view, draft), heading: 'Det här skickas in' },
    consequences: [
      correction
        ? `Rättelsen registreras som ${view.committeeName}s yttrande, version ${view.current!.revision + 1}. Den tidigare versionen sparas och visas under tidigare versioner.`
        : `Yttrandet registreras som ${view.committeeName}s svar på remissen.`,
      'Ett kvitto skickas med e-post till dig och till nämndens sekreterare.',
      ...(viewer.onPaper ? [receivedOnPaper ? 'Yttrandet registreras som mottaget på papper.' : 'Du har inte markerat yttrandet som mottaget på papper; bara nämndens sekreterare kan skicka in det digitalt.'] : []),
      ...(earlier ? [`Den bifogade filen ${earlier.fileName} från version ${view.current!.revision} följer med rättelsen, om du inte kryssar i Ta bort bifogad fil.`] : []),
      'Förslagen i yttrandet blir förslag som strategerna tar ställning till. Texten ändras inte efteråt; en ändring lämnas som en rättelse.',
    ],
    keptAttachment: earlier ? { fileName: earlier.fileName, revision: view.current!.revision } : null,
  };
}
