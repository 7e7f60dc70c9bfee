import { LaunchPreview, PlanRoundView } from '@samverka/rounds';
import { ErrorSummaryItem, swedishDate } from '../../shell/format';
import { PageModel } from '../../shell/view-renderer';
import { DeadlineFormValues } from './deadline-form';
import { roundDeadlinesPath, roundPath, roundStepPath } from './round-format';

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface LaunchConfirmModel extends PageModel {
  round: { title: string; caseNumber: string };
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  /** "7 personer får e-post när du startar: …". */
  recipients: string;
  recipientLines: string[];
  withoutCoordinator: string[];
  /** Coordinator assignments that end before a deadline of the round: "Förskoleförvaltningen: Annika Åsberg (samordnare) t.o.m. 31 januari 2027, före sista dag för behov 1 mars 2027". */
  assignmentsEnding: Array<{ department: string; person: string; endsOn: string; deadline: string }>;
  needsDeadline: string;
  /** The step can be taken now: the form; otherwise why not. */
  form: { action: string; version: number } | null;
  reasons: string[];
  backHref: string;
}

/**
 * "Starta behovsinsamlingen": what launching does before it is done, on a page of its own (no
 * script): how many people are emailed, and which participating departments have nobody to email.
 */
export function buildLaunchConfirm(view: PlanRoundView, preview: LaunchPreview, justCreated = false): LaunchConfirmModel {
  const launch = view.events.find((e) => e.type === 'LAUNCH');
  const departments = view.participants.length;
  return {
    title: 'Starta behovsinsamlingen',
    section: 'rounds',
    round: { title: view.title, caseNumber: view.caseNumber },
    notice: justCreated ? 'Planomgången är skapad och sparad som förberedelse. Bekräfta nedan för att starta behovsinsamlingen.' : null,
    errorSummary: [],
    recipients: `${count(preview.people, 'person', 'personer')} får e-post när du startar behovsinsamlingen.`,
    recipientLines: [
      `${count(preview.coordinators, 'samordnare eller ersättare', 'samordnare och ersättare')} på ${count(departments, 'deltagande förvaltning', 'deltagande förvaltningar')} får en inbjudan att lämna in behov, med sista dagen som kalenderhändelse.`,
      `${count(preview.managers, 'person', 'personer')} i förvaltningsledningarna får veta att planomgången går in i fasen behovsinsamling.`,
    ],
    withoutCoordinator: preview.withoutCoordinator,
    assignmentsEnding: preview.assignmentsEnding.map((a) => ({
      department: a.departmentName,
      person: `${a.personName} (${a.kind === 'primary' ? 'samordnare' : 'ersättare'})`,
      endsOn: swedishDate(a.endsOn),
      deadline: `${a.deadline.label} ${swedishDate(a.deadline.date)}`,
    })),
    needsDeadline: swedishDate(view.deadlines.needs),
    form: launch?.allowed ? { action: roundStepPath(view.id), version: view.version } : null,
    reasons: launch ? launch.reasons : ['Behovsinsamlingen kan bara startas medan planomgången förbereds.'],
    backHref: roundPath(view.id),
  };
}

export interface DeadlineConfirmModel extends PageModel {
  round: { title: string };
  /** "Sista dag för behov flyttas från 20 december 2026 till 30 november 2026, som är i dag." */
  change: string;
  consequences: string[];
  action: string;
  values: DeadlineFormValues;
  backHref: string;
}

/** Moving the needs deadline to today or earlier: said, with what follows, before it is saved. */
export function buildDeadlineConfirm(view: Pick<PlanRoundView, 'id' | 'title' | 'deadlines' | 'today' | 'autoClose'>, values: DeadlineFormValues): DeadlineConfirmModel {
  const date = values.needsDeadline;
  const when = date === view.today ? 'som är i dag' : 'som redan har varit';
  return {
    title: 'Bekräfta ny sista dag för behov',
    section: 'rounds',
    round: { title: view.title },
    change: `Sista dag för behov flyttas från ${swedishDate(view.deadlines.needs)} till ${swedishDate(date)}, ${when}.`,
    consequences: [
      'Förvaltningar som lämnar in efter den nya sista dagen markeras som sena.',
      'Påminnelserna efter sista dagen, och till sist till förvaltningsledningen, räknas från den nya dagen.',
      ...(values.autoCloseNeeds ? ['Behovsinsamlingen stängs automatiskt dagen efter den nya sista dagen.'] : []),
    ],
    action: roundDeadlinesPath(view.id),
    values: { ...values, confirmed: true },
    backHref: roundPath(view.id),
  };
}
