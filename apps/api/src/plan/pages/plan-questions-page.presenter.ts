import type { AskableItem, PlanQuestion } from '@samverka/plan';
import type { RoundBasics } from '@samverka/rounds';
import { FormFailure } from '../../shell/form-body';
import { ErrorSummaryItem, swedishDateTime } from '../../shell/format';
import type { PageModel } from '../../shell/view-renderer';
import { AnswerFormValues, AskFormValues } from './plan-questions-forms';

export const strategistQuestionsPagePath = (roundId: string): string => `/planomgangar/${roundId}/plan/fragor`;
export const answerPath = (roundId: string, questionId: string): string => `${strategistQuestionsPagePath(roundId)}/${questionId}/svara`;
export const departmentQuestionsPagePath = (roundId: string, departmentId: string): string => `/planomgangar/${roundId}/ansvarsfordelning/${departmentId}/fragor`;

/** `?klart=fragat` after asking, `?klart=besvarat` after answering. */
export type QuestionsNotice = 'asked' | 'answered';
export const QUESTIONS_NOTICE_PARAM: Record<QuestionsNotice, string> = { asked: 'fragat', answered: 'besvarat' };
export function readQuestionsNotice(query: Record<string, unknown>): QuestionsNotice | undefined {
  return (Object.keys(QUESTIONS_NOTICE_PARAM) as QuestionsNotice[]).find((k) => QUESTIONS_NOTICE_PARAM[k] === query.klart);
}
const NOTICE_TEXT: Record<QuestionsNotice, string> = {
  asked: 'Frågan är skickad till kontaktcenter. Svaret kommer här och med e-post.',
  answered: 'Svaret är sparat och skickat till den som frågade och förvaltningens samordnare.',
};

export interface ThreadView {
  id: string;
  headingId: string;
  heading: string;
  department: string;
  about: string;
  question: string;
  asked: string;
  answer: string | null;
  answered: string | null;
  form: { action: string; fieldId: string; value: string; error: string | null } | null;
}

function thread(q: PlanQuestion, form: ThreadView['form']): ThreadView {
  return {
    id: `fraga-${q.id}`,
    headingId: `fraga-${q.id}-rubrik`,
    heading: `${q.itemCode} ${q.itemTitle}`,
    department: q.departmentName,
    about: q.version === null ? 'Utkastet till planen' : `Version ${q.version}`,
    question: q.question,
    asked: `${q.askedBy}, ${swedishDateTime(q.askedAt)}`,
    answer: q.answer,
    answered: q.answeredAt ? `${q.answeredBy ?? 'Kontaktcenter'}, ${swedishDateTime(q.answeredAt)}` : null,
    form,
  };
}

// ---- the strategists' page: every thread, unanswered first, an answer form per unanswered question ----

export interface StrategistQuestionsData {
  round: RoundBasics;
  questions: PlanQuestion[];
  /** The viewer answers (a strategist, while the round discusses its plan). */
  mayAnswer: boolean;
}

export interface StrategistQuestionsState {
  notice?: QuestionsNotice;
  failed?: { questionId: string; failure: FormFailure<AnswerFormValues> };
}

export interface StrategistQuestionsModel extends PageModel {
  backHref: string;
  caption: string;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  unanswered: ThreadView[];
  answered: ThreadView[];
}

export function buildStrategistQuestionsPage(data: StrategistQuestionsData, state: StrategistQuestionsState = {}): StrategistQuestionsModel {
  const { round } = data;
  const failed = state.failed;
  const view = (q: PlanQuestion): ThreadView => {
    const mine = failed?.questionId === q.id ? failed.failure : undefined;
    const fieldId = `answer-${q.id}`;
    return thread(q, data.mayAnswer && !q.answeredAt ? { action: answerPath(round.id, q.id), fieldId, value: mine?.values.answer ?? '', error: mine?.errors.answer ?? null } : null);
  };
  const errorSummary: ErrorSummaryItem[] = failed
    ? [
        ...Object.values(failed.failure.errors)
          .filter((m): m is string => !!m)
          .map((text) => ({ text, href: `#answer-${failed.questionId}` })),
        ...failed.failure.general.map((text) => ({ text, href: `#fraga-${failed.questionId}` })),
      ]
    : [];
  return {
    title: `Frågor om planen – ${round.title}`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    backHref: `/planomgangar/${round.id}`,
    caption: round.title,
    notice: errorSummary.length === 0 && state.notice ? NOTICE_TEXT[state.notice] : null,
    errorSummary,
    unanswered: data.questions.filter((q) => !q.answeredAt).map(view),
    answered: data.questions.filter((q) => q.answeredAt).map(view),
  };
}

// ---- a department's page: its threads and the ask form ----

export interface DepartmentQuestionsData {
  round: RoundBasics;
  departmentId: string;
  questions: PlanQuestion[];
  /** The draft's items (with the department's roles marked). */
  items: AskableItem[];
  /** The viewer asks for the department (its management or coordinator, while the round discusses its plan). */
  mayAsk: boolean;
}

export interface DepartmentQuestionsState {
  notice?: QuestionsNotice;
  ask?: FormFailure<AskFormValues>;
}

export interface DepartmentQuestionsModel extends PageModel {
  backHref: string;
  caption: string;
  heading: string;
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  ask: {
    action: string;
    items: Array<{ value: string; text: string; selected: boolean }>;
    /** Only the items where the department has a role are offered. */
    ownItemsOnly: boolean;
    itemError: string | null;
    question: string;
    questionError: string | null;
  } | null;
  noItems: boolean;
  threads: ThreadView[];
}

export function buildDepartmentQuestionsPage(data: DepartmentQuestionsData, state: DepartmentQuestionsState = {}): DepartmentQuestionsModel {
  const { round } = data;
  const department = round.participants.find((p) => p.departmentId === data.departmentId)?.name ?? '';
  const own = data.items.filter((i) => i.hasRole);
  const offered = own.length > 0 ? own : data.items;
  const failure = state.ask;
  const errorSummary: ErrorSummaryItem[] = failure
    ? [
        ...(failure.errors.itemId ? [{ text: failure.errors.itemId, href: '#itemId' }] : []),
        ...(failure.errors.question ? [{ text: failure.errors.question, href: '#question' }] : []),
        ...failure.general.map((text) => ({ text, href: '#question' })),
      ]
    : [];
  return {
    title: `Frågor om planen – ${department}`,
    section: 'rounds',
    hasErrors: errorSummary.length > 0,
    backHref: `/planomgangar/${round.id}`,
    caption: `${round.title} – ${department}`,
    heading: 'Frågor om planen',
    notice: errorSummary.length === 0 && state.notice ? NOTICE_TEXT[state.notice] : null,
    errorSummary,
    ask:
      data.mayAsk && offered.length > 0
        ? {
            action: departmentQuestionsPagePath(round.id, data.departmentId),
            items: [
              { value: '', text: 'Välj insats', selected: !failure?.values.itemId },
              ...offered.map((i) => ({ value: i.id, text: `${i.code} ${i.title}`, selected: failure?.values.itemId === i.id })),
            ],
            ownItemsOnly: own.length > 0,
            itemError: failure?.errors.itemId ?? null,
            question: failure?.values.question ?? '',
            questionError: failure?.errors.question ?? null,
          }
        : null,
    noItems: data.mayAsk && offered.length === 0,
    threads: data.questions.map((q) => thread(q, null)),
  };
}
