import { actorName } from '@samverka/audit';
import { lowerFirst } from '@samverka/kernel';
import { DEADLINE_LABELS, PlanRoundEventEntity, PlanRoundView, SteeringEventType, SubmissionStepEntry } from '@samverka/rounds';
import { DECISION_OUTCOME_WORDS, isPlanRoundState, PLAN_ROUND_STATE_LABELS, PLAN_ROUND_STEP_WORDS } from '@samverka/workflow';
import { swedishDate, swedishDateTime } from '../../shell/format';
import { isSteeringEventType } from './step-form';

/** What the banner after a redirect names: a round just created, a step just taken. */
export interface RoundNotice {
  created: boolean;
  step: SteeringEventType | null;
  /** A department just reminded (its id). */
  reminded?: string | null;
  /** The deadlines were just changed. */
  deadlinesChanged?: boolean;
}

/** One line of the round's history. */
export interface HistoryLine {
  when: string;
  who: string;
  what: string;
  detail: string | null;
  phase: string | null;
}

/** The round's details, by the service's names, as the history names a change. */
const DETAIL_NAMES: Record<string, string> = {
  title: 'titel',
  caseNumber: 'diarienummer',
  deadlines: 'tidsfrister',
  autoClose: 'automatisk stängning',
  areas: 'utvecklingsområden',
  participantDepartmentIds: 'deltagande förvaltningar',
};

const stateLabel = (state: string | null): string | null => (isPlanRoundState(state) ? PLAN_ROUND_STATE_LABELS[state] : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** One history entry in Swedish: "Stängde behovsinsamlingen (framtvingad): <motivering>", "Sista dag för behov passerade". */
export function historyLine(e: PlanRoundEventEntity): HistoryLine {
  const from = stateLabel(e.fromState);
  const to = stateLabel(e.toState);
  const line = (what: string, detail: string | null = null): HistoryLine => ({
    when: swedishDateTime(e.occurredAt),
    who: actorName(e),
    what,
    detail,
    phase: from && to && from !== to ? `${from} → ${to}` : null,
  });
  const withReason = (text: string) => (e.reason ? `${text}: ${e.reason}` : text);
  switch (e.type) {
    case 'CREATED':
      return line('Skapade planomgången');
    case 'UPDATED': {
      const changed = Object.keys((e.data?.changed as Record<string, unknown> | undefined) ?? {}).map((k) => DETAIL_NAMES[k] ?? k);
      return line(changed.length > 0 ? `Ändrade ${changed.join(', ')}` : 'Ändrade planomgången');
    }
    case 'DEADLINE_REACHED': {
      const label = e.deadline ? DEADLINE_LABELS[e.deadline] : 'En tidsfrist';
      const outstanding = strings(e.data?.outstanding);
      return line(`${label} passerade${e.deadlineDate ? ` (${swedishDate(e.deadlineDate)})` : ''}`, outstanding.length > 0 ? `Då saknades: ${outstanding.join('; ')}` : null);
    }
    case 'REMINDER_SENT': {
      const department = typeof e.data?.departmentName === 'string' ? e.data.departmentName : 'en förvaltning';
      const recipients = strings(e.data?.recipients);
      return line(`Påminde ${department} om att lämna in behoven`, recipients.length > 0 ? `E-post till ${recipients.join(', ')}` : null);
    }
    case 'RECORD_DECISION': {
      const outcome = e.data?.outcome === 'returned' || e.data?.outcome === 'adopted' ? DECISION_OUTCOME_WORDS[e.data.outcome].happened : null;
      return line(withReason(outcome ? `${PLAN_ROUND_STEP_WORDS.RECORD_DECISION.did}: ${outcome}` : PLAN_ROUND_STEP_WORDS.RECORD_DECISION.did));
    }
    default: {
      if (!isSteeringEventType(e.type)) return line(e.type);
      const unmet = strings(e.data?.unmetConditions);
      const verb = `${PLAN_ROUND_STEP_WORDS[e.type].did}${e.forced ? ' (framtvingad)' : ''}`;
      return line(withReason(verb), e.forced && unmet.length > 0 ? `Villkor som inte var uppfyllda: ${unmet.join('; ')}` : null);
    }
  }
}

/** A department's step with its needs, as a line of the round's history: "Förskoleförvaltningen lämnade in behoven (sent)". */
export function submissionStepLine(s: SubmissionStepEntry, departmentName: string): HistoryLine {
  const what = {
    submit: `${departmentName}: behoven lämnades in${s.late ? ' efter sista dagen' : ''}`,
    nothingToReport: `${departmentName}: inget att rapportera${s.late ? ' (efter sista dagen)' : ''}`,
    endorse: `${departmentName}: behoven godkändes`,
    return: `${departmentName}: behoven skickades tillbaka`,
  }[s.step];
  return { when: swedishDateTime(s.occurredAt), who: actorName(s), what, detail: s.comment ? `Kommentar: ${s.comment}` : null, phase: null };
}

/** The banner after a redirect; only when the round's latest step is the one named (a link cannot claim a step that did not happen). */
export function noticeText(notice: RoundNotice | undefined, view: Pick<PlanRoundView, 'stateLabel'>, history: PlanRoundEventEntity[]): string | null {
  if (!notice) return null;
  if (notice.reminded) {
    const reminder = [...history].reverse().find((e) => e.type === 'REMINDER_SENT' && e.departmentId === notice.reminded);
    if (!reminder) return null;
    const recipients = strings(reminder.data?.recipients);
    return `Påminnelsen är skickad till ${typeof reminder.data?.departmentName === 'string' ? reminder.data.departmentName : 'förvaltningen'}${recipients.length > 0 ? ` (${recipients.join(', ')})` : ''}.`;
  }
  if (notice.deadlinesChanged) return [...history].reverse().find((e) => e.type === 'UPDATED') ? 'Tidsfristerna är sparade.' : null;
  const last = [...history].reverse().find((e) => e.type !== 'DEADLINE_REACHED' && e.type !== 'UPDATED');
  const step = notice.step && last?.type === notice.step ? notice.step : null;
  const phase = `Planomgången är nu i fasen ${lowerFirst(view.stateLabel)}.`;
  if (notice.created && step === 'LAUNCH') return `Planomgången är skapad och behovsinsamlingen har startat. ${phase}`;
  if (notice.created) return 'Planomgången är skapad och sparad som förberedelse. Starta behovsinsamlingen när allt är klart.';
  if (!step) return null;
  const done = PLAN_ROUND_STEP_WORDS[step].done;
  return `${last?.forced ? `${done.slice(0, -1)} (framtvingad).` : done} ${step === 'CANCEL' || step === 'CLOSE_ROUND' ? '' : phase}`.trim();
}
