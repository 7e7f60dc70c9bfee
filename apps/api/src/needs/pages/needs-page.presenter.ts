import { LocalDate, lowerFirst } from '@samverka/kernel';
import { EDITABLE_STATUSES, HANDED_IN_STATUSES, needsChangeRefusal, NeedEntity, SUBMISSION_STEP_LABELS, SubmissionHistoryEntry, SubmissionRow, SubmissionStep } from '@samverka/needs';
import { RoundBasics } from '@samverka/rounds';
import { PLAN_ROUND_STATE_LABELS } from '@samverka/workflow';
import { isUUID } from 'class-validator';
import { FormFailure } from '../../shell/form-body';
import { emptyNeedForm, NeedFormValues } from './need-form';
import { ConfirmedStep, SUBMISSION_STEP_FIELD, SUBMISSION_STEP_SLUGS, submissionStepOfSlug, SubmissionStepValues } from './submission-step-form';
import { PageModel } from '../../shell/view-renderer';
import { ErrorSummaryItem, swedishDate, swedishDateTime, TagView } from '../../shell/format';
import { needFormChoices, needFormErrorSummary, needFormView, NeedFormView } from './need-form.presenter';
import { genitive, LATE_TAG, needCard, NeedCardView, needsPath, ReferenceData, submissionStepPath, submissionTag } from './needs-format';
import { OVERDUE_TAG, roundPath } from '../../rounds/pages/round-format';

/** What the needs page shows, loaded by the controller. */
export interface NeedsPageData {
  round: RoundBasics;
  departmentId: string;
  submission: SubmissionRow;
  needs: NeedEntity[];
  reference: ReferenceData;
  today: LocalDate;
  /** The submission's steps so far, oldest first (every comment it was sent back with among them). */
  history?: SubmissionHistoryEntry[];
  /** What the plan does with each need, by need id ("Besvaras av insats LS-3", "Skjuts upp: …"), once the round is past collecting needs. */
  planAnswers?: ReadonlyMap<string, string>;
}

/** What the person looking may do: the department's coordinators write and hand in; its managers endorse or return. */
export interface NeedsPageAccess {
  coordinator: boolean;
  management: boolean;
}

export type NeedsNotice = { kind: 'added' | 'changed' | 'deleted'; needId: string } | { kind: 'step'; step: SubmissionStep };

/** What just happened (after a redirect) or which form failed. */
export interface NeedsPageState {
  notice?: NeedsNotice;
  add?: FormFailure<NeedFormValues>;
  step?: FormFailure<SubmissionStepValues> & { step: SubmissionStep };
}

/** The query parameters a redirect carries: ?tillagt=<need id>, ?steg=lamna-in. */
export const NEEDS_NOTICE_PARAMS = { added: 'tillagt', changed: 'andrat', deleted: 'borttaget', step: 'steg' } as const;

/** The notice a redirect's query names (a need by its id, a step by its address), if any. */
export function readNeedsNotice(query: Record<string, unknown>): NeedsNotice | undefined {
  for (const kind of ['added', 'changed', 'deleted'] as const) {
    const needId = query[NEEDS_NOTICE_PARAMS[kind]];
    if (typeof needId === 'string' && isUUID(needId)) return { kind, needId: needId.toLowerCase() };
  }
  const step = submissionStepOfSlug(query[NEEDS_NOTICE_PARAMS.step]);
  return step ? { kind: 'step', step } : undefined;
}

/** Section ids on the page (the error summary links to them). */
export const NEEDS_SECTIONS = { status: 'status', list: 'behov', add: 'lagg-till' } as const;

interface SummaryRow {
  key: string;
  value?: string;
  tags?: TagView[];
  text?: boolean;
}

interface TextField {
  id: string;
  name: 'reason' | 'comment';
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
}

/** One submission step's form: its section, address, button and (for some) what must be written. */
export interface StepFormView {
  anchor: string;
  action: string;
  button: string;
  buttonClasses: string;
  field: TextField | null;
  /** The step is confirmed on a page of its own: the button is a link there (GET), not a form. */
  confirm: boolean;
}

/** One row of the submission's history: "22 november 2026 kl. 09:00 · Märta Öhman skickade tillbaka behoven" and the comment. */
export interface HistoryRowView {
  when: string;
  what: string;
  text: string | null;
}

export interface NeedsPageModel extends PageModel {
  backHref: string;
  caption: string;
  heading: string;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  summary: SummaryRow[];
  returnComment: string | null;
  /** The submission's steps, oldest first. */
  history: HistoryRowView[];
  /** For a reader outside the department while the needs are not handed in: that a draft exists, and how many needs it has. */
  draftHidden: string | null;
  /** Why nothing can be changed in the round now (not collecting needs). */
  closed: string | null;
  needs: NeedCardView[];
  noNeeds: string;
  add: NeedFormView | null;
  /** The coordinator's part: hand in, or report nothing (or why neither is possible now). */
  coordinator: { text: string | null; submit: StepFormView | null; nothingToReport: StepFormView | null } | null;
  /** Management's part: endorse and/or return (or why neither is possible now). */
  management: { text: string | null; endorse: StepFormView | null; returnForm: StepFormView | null } | null;
}

export const stepFieldId = (step: SubmissionStep): string | null => {
  const field = SUBMISSION_STEP_FIELD[step];
  return field ? `${SUBMISSION_STEP_SLUGS[step]}-${field}` : null;
};

const STEP_DONE: Record<SubmissionStep, { status: SubmissionRow['status']; text: string }> = {
  submit: { status: 'submitted', text: 'Behoven är inlämnade. Förvaltningsledningen ombeds nu godkänna dem.' },
  nothingToReport: { status: 'nothingToReport', text: 'Du har meddelat att förvaltningen inte har något att rapportera i planomgången.' },
  endorse: { status: 'endorsed', text: 'Behoven är godkända. Samordnaren får ett mejl om det.' },
  return: { status: 'returned', text: 'Behoven är skickade tillbaka till samordnaren, med din kommentar.' },
};

/** The banner after a redirect: only when the page confirms it (the need is there, or gone; the submission has the step's status). */
export function needsNoticeText(notice: NeedsNotice | undefined, needs: Pick<NeedEntity, 'id' | 'title'>[], status: SubmissionRow['status']): string | null {
  if (!notice) return null;
  if (notice.kind === 'step') return STEP_DONE[notice.step].status === status ? STEP_DONE[notice.step].text : null;
  const need = needs.find((n) => n.id === notice.needId);
  if (notice.kind === 'deleted') return need ? null : 'Behovet är borttaget.';
  if (!need) return null;
  return notice.kind === 'added' ? `Behovet ”${need.title}” är tillagt.` : `Behovet ”${need.title}” är ändrat.`;
}

function stepForm(
  data: NeedsPageData,
  step: SubmissionStep,
  button: string,
  buttonClasses: string,
  failure: NeedsPageState['step'],
  field?: { label: string; hint: string },
): StepFormView {
  const failed = failure?.step === step ? failure : undefined;
  const name = SUBMISSION_STEP_FIELD[step];
  return {
    confirm: step === 'submit' || step === 'endorse',
    anchor: SUBMISSION_STEP_SLUGS[step],
    action: submissionStepPath(data.round.id, data.departmentId, step),
    button,
    buttonClasses,
    field:
      name && field
        ? { id: stepFieldId(step)!, name, label: field.label, hint: field.hint, value: failed?.values.text ?? '', error: failed?.errors[name] }
        : null,
  };
}

function coordinatorPart(data: NeedsPageData, editable: boolean, failure: NeedsPageState['step']): NeedsPageModel['coordinator'] {
  const { submission } = data;
  if (data.round.state !== 'collectingNeeds') return null;
  if (!editable) {
    return {
      text:
        submission.status === 'nothingToReport'
          ? 'Förvaltningen har meddelat att den inte har något att rapportera. Förvaltningsledningen kan skicka tillbaka inlämningen om förvaltningen ändå har behov.'
          : 'Behoven är inlämnade och kan inte ändras. Förvaltningsledningen kan skicka tillbaka dem om något behöver ändras.',
      submit: null,
      nothingToReport: null,
    };
  }
  const count = data.needs.length;
  if (count === 0) {
    return {
      text: 'Lägg till minst ett behov för att kunna lämna in. Har förvaltningen inga behov i den här planomgången? Meddela det här under i stället.',
      submit: null,
      nothingToReport: stepForm(data, 'nothingToReport', 'Meddela inget att rapportera', 'govuk-button--secondary', failure, {
        label: 'Varför har förvaltningen inget att rapportera?',
        hint: 'Motiveringen syns för kontaktcenter och förvaltningsledningen.',
      }),
    };
  }
  return {
    text: `Förvaltningen har ${count === 1 ? 'ett behov' : `${count} behov`} i planomgången. När behoven är inlämnade kan de inte ändras, och förvaltningsledningen ombeds godkänna dem.`,
    submit: stepForm(data, 'submit', 'Lämna in behoven', '', failure),
    nothingToReport: null,
  };
}

function managementPart(data: NeedsPageData, failure: NeedsPageState['step']): NeedsPageModel['management'] {
  const { status } = data.submission;
  if (data.round.state !== 'collectingNeeds') return null;
  if (!HANDED_IN_STATUSES.includes(status)) {
    return { text: 'Samordnaren har inte lämnat in behoven ännu. När de är inlämnade kan du godkänna dem eller skicka tillbaka dem här.', endorse: null, returnForm: null };
  }
  const returnForm = stepForm(data, 'return', 'Skicka tillbaka behoven', 'govuk-button--secondary', failure, {
    label: 'Kommentar till samordnaren',
    hint: 'Skriv vad som behöver ändras eller kompletteras. Samordnaren ser kommentaren och kan ändra behoven och lämna in dem igen.',
  });
  if (status === 'submitted') {
    return {
      text: 'Läs igenom behoven. Godkänn dem om förvaltningsledningen står bakom dem, eller skicka tillbaka dem till samordnaren med en kommentar.',
      endorse: stepForm(data, 'endorse', 'Godkänn behoven', '', failure),
      returnForm,
    };
  }
  return {
    text:
      status === 'endorsed'
        ? 'Behoven är godkända. Om något ändå behöver ändras kan du skicka tillbaka dem till samordnaren.'
        : 'Samordnaren har meddelat att förvaltningen inte har något att rapportera. Skicka tillbaka inlämningen om förvaltningen ändå har behov.',
    endorse: null,
    returnForm,
  };
}

/** The error summary for a step's form that failed: each error links to its field, or to its section (or the status when the form is gone). */
function stepErrorSummary(failure: NeedsPageState['step'], model: Pick<NeedsPageModel, 'coordinator' | 'management'>): ErrorSummaryItem[] {
  if (!failure) return [];
  const forms = [model.coordinator?.submit, model.coordinator?.nothingToReport, model.management?.endorse, model.management?.returnForm];
  const shown = forms.find((f) => f?.anchor === SUBMISSION_STEP_SLUGS[failure.step]);
  const section = shown ? `#${shown.anchor}` : `#${NEEDS_SECTIONS.status}`;
  const items: ErrorSummaryItem[] = failure.general.map((text) => ({ text, href: section }));
  const name = SUBMISSION_STEP_FIELD[failure.step];
  const message = name ? failure.errors[name] : undefined;
  if (message) items.push({ text: message, href: shown?.field ? `#${shown.field.id}` : section });
  return items;
}

function closedText(round: RoundBasics): string | null {
  if (round.state === 'collectingNeeds') return null;
  if (round.state === 'preparing') return 'Behovsinsamlingen har inte startat. Behov kan läggas till när kontaktcenter har startat den.';
  return `Behovsinsamlingen är stängd: planomgången är i fasen ${lowerFirst(PLAN_ROUND_STATE_LABELS[round.state])}. Behoven kan inte längre ändras.`;
}

/** The history's rows: when, who did what, and what they wrote. */
export function historyRows(history: SubmissionHistoryEntry[]): HistoryRowView[] {
  return history.map((h) => ({
    when: swedishDateTime(h.at),
    what: `${h.by} ${SUBMISSION_STEP_LABELS[h.step].toLocaleLowerCase('sv-SE')}`,
    text: h.text,
  }));
}

/**
 * A draft (or needs sent back) is the department's own: a reader outside it gets no needs from the
 * service, and is told here that the draft exists and how many needs it has.
 */
export function draftHiddenText(submission: Pick<SubmissionRow, 'status' | 'needCount'>, shown: number): string | null {
  if (!EDITABLE_STATUSES.includes(submission.status) || submission.needCount === 0 || shown > 0) return null;
  const count = submission.needCount === 1 ? 'ett behov' : `${submission.needCount} behov`;
  return `Förvaltningen har ett utkast med ${count}. Behoven visas här när förvaltningen har lämnat in dem.`;
}

/** What a confirmation page says and posts: handing in, or approving. */
export interface StepConfirmModel extends PageModel {
  backHref: string;
  caption: string;
  heading: string;
  paragraphs: string[];
  action: string;
  button: string;
}

/**
 * The page that asks before a step is taken (no JavaScript: GET shows it, its form POSTs the step):
 * "Du lämnar in 7 behov för Förskoleförvaltningen …"; null when the step is not offered now (the
 * needs page says why).
 */
export function buildStepConfirmPage(data: NeedsPageData, step: ConfirmedStep, access: NeedsPageAccess): StepConfirmModel | null {
  const model = buildNeedsPage(data, {}, access);
  const form = step === 'submit' ? model.coordinator?.submit : model.management?.endorse;
  if (!form) return null;
  const { round, submission } = data;
  const count = submission.needCount === 1 ? 'ett behov' : `${submission.needCount} behov`;
  const department = submission.departmentName;
  const back = needsPath(round.id, data.departmentId);
  if (step === 'submit') {
    const late = data.today > round.needsDeadline;
    return {
      title: `Lämna in behoven – ${department}`,
      section: 'rounds',
      backHref: back,
      caption: round.title,
      heading: 'Vill du lämna in behoven?',
      paragraphs: [
        `Du lämnar in ${count} för ${department} till planomgången ${round.title}.`,
        'När behoven är inlämnade kan du inte ändra dem. Förvaltningsledningen får ett mejl och ombeds godkänna dem, eller skicka tillbaka dem till dig med en kommentar.',
        ...(late ? [`Sista dagen för behov var ${swedishDate(round.needsDeadline)}, så inlämningen markeras som sen.`] : []),
      ],
      action: form.action,
      button: 'Ja, lämna in behoven',
    };
  }
  return {
    title: `Godkänn behoven – ${department}`,
    section: 'rounds',
    backHref: back,
    caption: round.title,
    heading: 'Vill du godkänna behoven?',
    paragraphs: [
      `Du godkänner ${count} från ${department} i planomgången ${round.title}.`,
      'Samordnaren får ett mejl om att behoven är godkända. Om något ändå behöver ändras kan du skicka tillbaka dem så länge behovsinsamlingen pågår.',
    ],
    action: form.action,
    button: 'Ja, godkänn behoven',
  };
}

/**
 * A department's needs in a round: the submission's status (late marked),
 * management's comment when returned, the needs as summary cards; for the
 * department's coordinators while the needs may change, the form to add one,
 * links to change or remove each, and the forms to hand in or report
 * nothing; for its managers once handed in, endorse and return.
 */
export function buildNeedsPage(data: NeedsPageData, state: NeedsPageState = {}, access: NeedsPageAccess = { coordinator: false, management: false }): NeedsPageModel {
  const { round, submission, today } = data;
  const departmentName = submission.departmentName;
  const editable = needsChangeRefusal(round, submission.status) === null;
  const canEdit = access.coordinator && editable;
  const s = submission.submission;

  const coordinator = access.coordinator ? coordinatorPart(data, editable, state.step) : null;
  const management = access.management ? managementPart(data, state.step) : null;
  const add = canEdit
    ? needFormView(
        { action: needsPath(round.id, data.departmentId), submitLabel: 'Lägg till behovet', cancelHref: null },
        state.add?.values ?? emptyNeedForm(),
        state.add?.errors ?? {},
        needFormChoices(round.areas, data.reference),
        today,
      )
    : null;
  const errorSummary = [
    ...(state.add ? needFormErrorSummary(state.add.errors, state.add.general, `#${NEEDS_SECTIONS.add}`) : []),
    ...stepErrorSummary(state.step, { coordinator, management }),
  ];

  const handedIn = HANDED_IN_STATUSES.includes(submission.status);
  const summary: SummaryRow[] = [
    { key: 'Status', tags: [submissionTag(submission.status), ...(s?.late && handedIn ? [LATE_TAG] : [])] },
    {
      key: 'Sista dag för behov',
      value: swedishDate(round.needsDeadline),
      tags: editable && today > round.needsDeadline ? [OVERDUE_TAG] : undefined,
    },
    { key: 'Antal behov', value: String(submission.needCount) },
    ...(handedIn && s?.submittedAt ? [{ key: 'Inlämnad', value: swedishDateTime(s.submittedAt) }] : []),
    ...(submission.status === 'endorsed' && s?.endorsedAt ? [{ key: 'Godkänd', value: swedishDateTime(s.endorsedAt) }] : []),
    ...(submission.status === 'nothingToReport' && s?.nothingToReportReason ? [{ key: 'Varför inget att rapportera', value: s.nothingToReportReason, text: true }] : []),
  ];

  return {
    title: `${genitive(departmentName)} behov – ${round.title}`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    backHref: roundPath(round.id),
    caption: round.title,
    heading: `${genitive(departmentName)} behov`,
    notice: errorSummary.length > 0 ? null : needsNoticeText(state.notice, data.needs, submission.status),
    errorSummary,
    summary,
    returnComment: submission.status === 'returned' ? (s?.returnComment ?? null) : null,
    history: historyRows(data.history ?? []),
    draftHidden: draftHiddenText(submission, data.needs.length),
    closed: closedText(round),
    needs: data.needs.map((n) => withPlanAnswer(needCard(n, round.areas, data.reference, canEdit), data.planAnswers?.get(n.id))),
    noNeeds: submission.status === 'nothingToReport' ? 'Förvaltningen har inga behov i planomgången.' : 'Förvaltningen har inte lagt till några behov ännu.',
    add,
    coordinator,
    management,
  };
}

/** The need's card with what the plan does with it, as its last row ("I planen"), once there is something to say. */
function withPlanAnswer(card: NeedCardView, answer: string | undefined): NeedCardView {
  return answer === undefined ? card : { ...card, rows: [...card.rows, { key: 'I planen', value: answer, text: true }] };
}
