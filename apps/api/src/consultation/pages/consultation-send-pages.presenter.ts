import { committeeResponsePath, type ConsultationView, EXTENSION_STATUS_LABELS, type PrepareOptions, RECIPIENT_STATUS_LABELS, type RecipientStatus } from '@samverka/consultation';
import type { Principal } from '@samverka/identity';
import type { RoundBasics } from '@samverka/rounds';
import { FormFailure } from '../../shell/form-body';
import { ErrorSummaryItem, swedishDate, swedishDateTime, tag, TagView } from '../../shell/format';
import type { PageModel } from '../../shell/view-renderer';
import { DecideFormValues, ExtensionRequestFormValues, PrepareFormValues, QUESTION_ROWS } from './consultation-send-forms';

export const consultationPagePath = (roundId: string): string => `/planomgangar/${roundId}/remiss`;
export const preparePagePath = (roundId: string): string => `${consultationPagePath(roundId)}/forbered`;
export const extensionRequestPagePath = (roundId: string, committeeId: string): string => `${consultationPagePath(roundId)}/${committeeId}/anstand`;
export const decidePath = (roundId: string, committeeId: string, extensionId: string, decision: 'bevilja' | 'avsla'): string =>
  `${extensionRequestPagePath(roundId, committeeId)}/${extensionId}/${decision}`;

/** `?klart=…` after a form. */
export type ConsultationNotice = 'prepared' | 'requested' | 'approved' | 'declined';
export const CONSULTATION_NOTICE_PARAM: Record<ConsultationNotice, string> = { prepared: 'forberedd', requested: 'begart', approved: 'beviljat', declined: 'avslaget' };
export function readConsultationNotice(query: Record<string, unknown>): ConsultationNotice | undefined {
  return (Object.keys(CONSULTATION_NOTICE_PARAM) as ConsultationNotice[]).find((k) => CONSULTATION_NOTICE_PARAM[k] === query.klart);
}
const NOTICE_TEXT: Record<ConsultationNotice, string> = {
  prepared: 'Remissen är förberedd. Den skickas när planomgången går vidare till remiss.',
  requested: 'Begäran om anstånd är skickad till kontaktcenter.',
  approved: 'Anståndet är beviljat och nämndens svarsdatum flyttat.',
  declined: 'Anståndet är avslaget.',
};

const STATUS_COLOURS: Record<RecipientStatus, Parameters<typeof tag>[1]> = { awaiting: 'blue', responded: 'green', declined: 'grey', overdue: 'red' };
const round_back = (roundId: string) => `/planomgangar/${roundId}`;

// ---- vem har svarat ----

export interface DecideFormView {
  approveAction: string;
  declineAction: string;
  replyById: string;
  reasonId: string;
  replyBy: string;
  reason: string;
  replyByError: string | null;
  reasonError: string | null;
}

export interface RecipientRowView {
  name: string;
  status: TagView;
  replyBy: string;
  extensions: Array<{ text: string; status: string; decision: string | null; form: DecideFormView | null }>;
  requestHref: string | null;
  /** The committee's response page, once the remiss is sent, for strategists and that committee's secretaries. */
  responseHref: string | null;
}

export interface ConsultationPageModel extends PageModel {
  backHref: string;
  caption: string;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  prepared: boolean;
  summary: Array<{ key: string; value: string }>;
  recipients: RecipientRowView[];
  prepareHref: string | null;
  /** The link's text: "Ändra remissen", or after a return (sent, drafting again) "Förbered remissen på nytt". */
  prepareText: string;
}

export interface ConsultationPageState {
  notice?: ConsultationNotice;
  failed?: { extensionId: string; failure: FormFailure<DecideFormValues> };
}

export function buildConsultationPage(round: RoundBasics, view: ConsultationView | null, principal: Principal, state: ConsultationPageState = {}): ConsultationPageModel {
  const drafting = round.state === 'draftingPlan';
  const consulting = round.state === 'consultation';
  const failed = state.failed;
  const errorSummary: ErrorSummaryItem[] = failed
    ? [
        ...Object.entries(failed.failure.errors).map(([field, text]) => ({ text: text!, href: `#${field}-${failed.extensionId}` })),
        ...failed.failure.general.map((text) => ({ text, href: `#utokning-${failed.extensionId}` })),
      ]
    : [];
  const recipients: RecipientRowView[] = (view?.recipients ?? []).map((r) => ({
    name: r.name,
    status: tag(RECIPIENT_STATUS_LABELS[r.status], STATUS_COLOURS[r.status]),
    replyBy: swedishDate(r.replyBy),
    responseHref: view && (view.sentAt || view.sending > 1) && (principal.strategist || principal.committeeSecretary.includes(r.committeeId)) ? committeeResponsePath(round.id, r.committeeId) : null,
    requestHref:
      consulting && (r.status === 'awaiting' || r.status === 'overdue') && (principal.strategist || principal.committeeSecretary.includes(r.committeeId))
        ? extensionRequestPagePath(round.id, r.committeeId)
        : null,
    extensions: r.extensions.map((e) => {
      const mine = failed?.extensionId === e.id ? failed.failure : undefined;
      return {
        text: `Begärt ${swedishDateTime(e.requestedAt)} av ${e.requestedBy}: svar senast ${swedishDate(e.requestedReplyBy)}. Skäl: ${e.reason}`,
        status: EXTENSION_STATUS_LABELS[e.status],
        decision:
          e.status === 'approved'
            ? `Beviljat av ${e.decidedBy ?? 'kontaktcenter'} ${e.decidedAt ? swedishDateTime(e.decidedAt) : ''}: nytt svarsdatum ${swedishDate(e.decidedReplyBy!)}`
            : e.status === 'declined'
              ? `Avslaget av ${e.decidedBy ?? 'kontaktcenter'} ${e.decidedAt ? swedishDateTime(e.decidedAt) : ''}. Skäl: ${e.decisionReason ?? ''}`
              : null,
        form:
          e.status === 'requested' && principal.strategist && consulting
            ? {
                approveAction: decidePath(round.id, r.committeeId, e.id, 'bevilja'),
                declineAction: decidePath(round.id, r.committeeId, e.id, 'avsla'),
                replyById: `replyBy-${e.id}`,
                reasonId: `reason-${e.id}`,
                replyBy: mine?.values.replyBy ?? '',
                reason: mine?.values.reason ?? '',
                replyByError: mine?.errors.replyBy ?? null,
                reasonError: mine?.errors.reason ?? null,
              }
            : null,
      };
    }),
  }));
  return {
    title: 'Remissen – vem har svarat',
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    backHref: round_back(round.id),
    caption: round.title,
    notice: state.notice ? NOTICE_TEXT[state.notice] : null,
    errorSummary,
    prepared: view !== null,
    summary: view
      ? [
          ...(view.sending > 1 ? [{ key: 'Utskick', value: `${view.sending} (planen återremitterades och skickas på remiss igen)` }] : []),
          { key: 'Planversion', value: `Version ${view.planVersion}` },
          { key: 'Svarsdatum', value: swedishDate(view.replyBy) },
          { key: 'Skickad', value: view.sentAt ? swedishDateTime(view.sentAt) : 'Inte skickad ännu' },
          { key: 'Kontaktperson', value: view.contactPerson ? view.contactPerson.name : 'Ingen angiven' },
        ]
      : [],
    recipients,
    prepareHref: drafting && principal.strategist ? preparePagePath(round.id) : null,
    prepareText: view?.sentAt ? 'Förbered remissen på nytt' : 'Ändra remissen',
  };
}

// ---- förbered remissen ----

export interface PrepareFormModel extends PageModel {
  backHref: string;
  caption: string;
  errorSummary: ErrorSummaryItem[];
  action: string;
  noVersion: boolean;
  versions: Array<{ value: string; text: string; selected: boolean }>;
  replyBy: string;
  committees: Array<{ id: string; value: string; text: string; checked: boolean }>;
  coverLetter: string;
  contacts: Array<{ value: string; text: string; selected: boolean }>;
  questions: Array<{ number: number; areaId: string; textId: string; areas: Array<{ value: string; text: string; selected: boolean }>; text: string; areaError: string | null; textError: string | null }>;
  errors: Record<string, string | undefined>;
  /** Preparing the remiss's next sending, after the plan was returned: what happens to the earlier one. */
  again: string | null;
}

export function buildPreparePage(round: RoundBasics, options: PrepareOptions, current: ConsultationView | null, failure?: FormFailure<PrepareFormValues>): PrepareFormModel {
  const latest = options.frozenVersions[options.frozenVersions.length - 1];
  // Sent before (the plan was returned): the next sending, of the latest version with a new reply date; the rest as before.
  const again = current !== null && current.sentAt !== null;
  const values: PrepareFormValues = failure?.values ?? {
    planVersion: String((again ? undefined : current?.planVersion) ?? latest ?? ''),
    replyBy: again ? '' : (current?.replyBy ?? ''),
    committeeIds: current ? current.recipients.map((r) => r.committeeId) : options.committees.map((c) => c.id),
    coverLetter: current?.coverLetter ?? '',
    contactPersonId: current?.contactPerson?.id ?? '',
    questions: Array.from({ length: QUESTION_ROWS }, (_, i) => ({ areaCode: current?.questions[i]?.areaCode ?? '', text: current?.questions[i]?.text ?? '' })),
  };
  const errors = failure?.errors ?? {};
  const errorSummary: ErrorSummaryItem[] = [
    ...Object.entries(errors).map(([field, text]) => ({ text: text!, href: `#${field === 'committeeIds' ? `committee-${options.committees[0]?.id ?? ''}` : field}` })),
    ...(failure?.general ?? []).map((text) => ({ text, href: '#planVersion' })),
  ];
  return {
    title: again ? 'Förbered remissen på nytt' : 'Förbered remissen',
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    backHref: consultationPagePath(round.id),
    caption: round.title,
    errorSummary,
    action: preparePagePath(round.id),
    noVersion: options.frozenVersions.length === 0,
    again: again
      ? `Remissen skickades ${swedishDateTime(current!.sentAt!)} (utskick ${current!.sending}). När du sparar förbereds utskick ${current!.sending + 1}: nämnderna svarar på nytt till ett nytt svarsdatum. Svaren på det tidigare utskicket sparas och visas som det utskickets.`
      : null,
    versions: options.frozenVersions.map((v) => ({ value: String(v), text: `Version ${v}${v === latest ? ' (senast låst)' : ''}`, selected: String(v) === values.planVersion })),
    replyBy: values.replyBy,
    committees: options.committees.map((c) => ({ id: `committee-${c.id}`, value: c.id, text: c.name, checked: values.committeeIds.includes(c.id) })),
    coverLetter: values.coverLetter,
    contacts: [{ value: '', text: 'Ingen kontaktperson', selected: values.contactPersonId === '' }, ...options.contactPeople.map((p) => ({ value: p.id, text: p.name, selected: p.id === values.contactPersonId }))],
    questions: values.questions.map((q, i) => ({
      number: i + 1,
      areaId: `questionArea${i}`,
      textId: `questionText${i}`,
      areas: [{ value: '', text: 'Hela planen', selected: q.areaCode === '' }, ...round.areas.map((a) => ({ value: a.code, text: a.name, selected: a.code === q.areaCode }))],
      text: q.text,
      areaError: errors[`questionArea${i}`] ?? null,
      textError: errors[`questionText${i}`] ?? null,
    })),
    errors,
  };
}

// ---- begär anstånd ----

export interface ExtensionRequestModel extends PageModel {
  backHref: string;
  caption: string;
  errorSummary: ErrorSummaryItem[];
  action: string;
  committeeName: string;
  replyBy: string;
  values: ExtensionRequestFormValues;
  errors: Record<string, string | undefined>;
}

export function buildExtensionRequestPage(round: RoundBasics, recipient: { committeeId: string; name: string; replyBy: string }, failure?: FormFailure<ExtensionRequestFormValues>): ExtensionRequestModel {
  const errors = failure?.errors ?? {};
  const errorSummary: ErrorSummaryItem[] = [
    ...Object.entries(errors).map(([field, text]) => ({ text: text!, href: `#${field}` })),
    ...(failure?.general ?? []).map((text) => ({ text, href: '#requestedReplyBy' })),
  ];
  return {
    title: `Begär anstånd för ${recipient.name}`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    backHref: consultationPagePath(round.id),
    caption: round.title,
    errorSummary,
    action: extensionRequestPagePath(round.id, recipient.committeeId),
    committeeName: recipient.name,
    replyBy: swedishDate(recipient.replyBy),
    values: failure?.values ?? { requestedReplyBy: '', reason: '' },
    errors,
  };
}
