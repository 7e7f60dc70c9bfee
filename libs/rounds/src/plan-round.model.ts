import { LocalDate } from '@samverka/kernel';
import { AvailableEvent, DecisionOutcome, PLAN_ROUND_EVENT_TYPES, PlanRoundContext, PlanRoundEventType, PlanRoundState } from '@samverka/workflow';
import { DeadlineKind } from './entities/plan-round-event.entity';
import type { ParticipantSubmissionStatus } from './facts/round-fact-provider';

/** The events a person may send (DEADLINE_REACHED is the worker's). */
export type SteeringEventType = Exclude<PlanRoundEventType, 'DEADLINE_REACHED'>;
export const STEERING_EVENT_TYPES = PLAN_ROUND_EVENT_TYPES.filter((type): type is SteeringEventType => type !== 'DEADLINE_REACHED');

export interface AreaInput {
  code: string;
  name: string;
}

export interface DeadlinesInput {
  needs: LocalDate;
  consultationReply?: LocalDate | null;
  decision?: LocalDate | null;
}

/** A round's three dates as stored (the later two optional). */
export interface RoundDeadlines {
  needs: LocalDate;
  consultationReply: LocalDate | null;
  decision: LocalDate | null;
}

/**
 * The commands below arrive unchecked (from JSON, a form, the CLI): their types say what a valid
 * command holds, and `rules/plan-round.rules.ts` is the one place that checks that it does.
 */
export interface CreatePlanRoundInput {
  title: string;
  year: number;
  caseNumber: string;
  /** Default: every active department. */
  participantDepartmentIds?: string[];
  /** Default: the five areas of the plan. */
  areas?: AreaInput[];
  /**
   * Required, unless the round starts from an earlier one (`fromRoundId`): then the earlier round's
   * deadlines one year on, moved to working days, are proposed for those not given.
   */
  deadlines: DeadlinesInput;
  autoClose?: { needs?: boolean; consultation?: boolean };
  /**
   * Next year's round from this one: the earlier round's areas and participants (unless given), its
   * deadlines one year on (unless given), and its adopted plan as the first draft (the unfinished items).
   */
  fromRoundId?: string;
}

/** A create command as it arrives: with `fromRoundId`, the deadlines may be left out (or given in part). */
export type CreatePlanRoundRequest = Omit<CreatePlanRoundInput, 'deadlines'> & { deadlines?: Partial<DeadlinesInput> };

export interface UpdatePlanRoundInput {
  title?: string;
  caseNumber?: string;
  participantDepartmentIds?: string[];
  areas?: AreaInput[];
  deadlines?: Partial<DeadlinesInput>;
  autoClose?: { needs?: boolean; consultation?: boolean };
  /** Says that moving the needs deadline to today or earlier is meant. */
  confirmPastDeadline?: boolean;
}

export interface RoundEventInput {
  type: SteeringEventType;
  /** Take a step past an unmet condition (CLOSE_NEEDS, CLOSE_CONSULTATION), with a written reason. */
  force?: boolean;
  reason?: string;
  /** RECORD_DECISION: adopted, or returned (back to drafting, with a reason). */
  outcome?: DecisionOutcome;
  /** RECORD_DECISION: the meeting's date (not in the future). */
  decidedOn?: LocalDate;
  /** RECORD_DECISION: who decided, e.g. "Kommunstyrelsen". */
  body?: string;
  /** RECORD_DECISION: the minute reference (§), e.g. "§ 123". */
  minuteReference?: string;
}

export interface ParticipantView {
  departmentId: string;
  code: string;
  name: string;
  committeeId: string;
  active: boolean;
  coordinators: Array<{ personId: string; name: string; kind: 'primary' | 'deputy' }>;
  submitted: boolean;
  nothingToReport: boolean;
  /** The department's submission: status, late, number of needs, dates and who acted. */
  submission: ParticipantSubmissionView;
}

/** A participant's submission as the round shows it (no submission yet: a draft without needs). */
export interface ParticipantSubmissionView {
  status: ParticipantSubmissionStatus;
  /** Handed in after the needs deadline, or (while needs are collected) not handed in and the deadline has passed. */
  late: boolean;
  needCount: number;
  submittedAt: Date | null;
  submittedBy: string | null;
  /** Endorsed: when and by whom (null unless the status is endorsed). */
  endorsedAt: Date | null;
  endorsedBy: string | null;
  /** Returned: when and by whom (null unless the status is returned). */
  returnedAt: Date | null;
  returnedBy: string | null;
}

export interface DeadlineView {
  kind: DeadlineKind;
  label: string;
  date: LocalDate;
  /** Today is after the last day. */
  passed: boolean;
}

export interface PlanRoundView {
  id: string;
  title: string;
  year: number;
  caseNumber: string;
  state: PlanRoundState;
  stateLabel: string;
  version: number;
  machineVersion: number;
  deadlines: RoundDeadlines;
  autoClose: { needs: boolean; consultation: boolean };
  /** The deadline of the phase the round is in, if it has one. */
  currentDeadline: DeadlineView | null;
  /** Deadlines the worker saw pass while their phase was still open (overdue). */
  deadlinesReached: Array<{ kind: DeadlineKind; label: string; date: LocalDate; recordedAt: Date }>;
  areas: AreaInput[];
  participants: ParticipantView[];
  /** The steps meaningful now, whether the facts allow them, and why not. */
  events: Array<AvailableEvent & { label: string }>;
  forcedSteps: PlanRoundContext['forcedSteps'];
  returns: PlanRoundContext['returns'];
  cancellation: PlanRoundContext['cancellation'];
  today: LocalDate;
  createdAt: Date;
  updatedAt: Date;
  /** Participants' coordinator assignments (valid today) that end before one of the round's deadlines, while the round is open. */
  assignmentsEnding: EndingAssignmentView[];
}

export interface RoundBasics {
  id: string;
  title: string;
  year: number;
  state: PlanRoundState;
  needsDeadline: LocalDate;
  areas: AreaInput[];
  participants: Array<{ departmentId: string; name: string; committeeId: string }>;
}

export type PlanRoundSummary = Pick<
  PlanRoundView,
  'id' | 'title' | 'year' | 'caseNumber' | 'state' | 'stateLabel' | 'version' | 'deadlines' | 'currentDeadline' | 'createdAt' | 'updatedAt'
>;

/** A department's step with its needs in the round (from the audit): handed in, nothing to report, endorsed, returned. */
export interface SubmissionStepEntry {
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  step: 'submit' | 'nothingToReport' | 'endorse' | 'return';
  departmentId: string;
  late: boolean;
  /** A return's comment. */
  comment: string | null;
}

/** The viewer's own participating department in a round, with its submission (the round list). */
export interface OwnParticipation {
  departmentId: string;
  name: string;
  submission: ParticipantSubmissionView;
}

/** Who launching the round emails: the participants' coordinators and deputies (the needs deadline), and their management (the new phase). */
export interface LaunchPreview {
  /** Different people emailed in all. */
  people: number;
  /** Coordinators and deputies (valid today) of the participating departments. */
  coordinators: number;
  /** Management users of the participating departments. */
  managers: number;
  /** Participating departments with no coordinator or deputy to email, by name. */
  withoutCoordinator: string[];
  /** Coordinator assignments that end before one of the round's deadlines (flagged at launch). */
  assignmentsEnding: EndingAssignmentView[];
}

/** A coordinator's assignment that ends before a deadline of the round: which department, whose, when, and the first deadline it misses. */
export interface EndingAssignmentView {
  departmentId: string;
  departmentName: string;
  personName: string;
  kind: 'primary' | 'deputy';
  /** The assignment's last day. */
  endsOn: LocalDate;
  /** The first deadline of the round after that day. */
  deadline: { kind: DeadlineKind; label: string; date: LocalDate };
}

/** Next year's round from an earlier one, before anything is changed: what it starts with. */
export interface NextRoundProposal {
  fromRoundId: string;
  fromTitle: string;
  year: number;
  areas: AreaInput[];
  /** The earlier round's participants that are still active. */
  participantDepartmentIds: string[];
  /** The earlier round's deadlines one year on, moved to working days. */
  deadlines: RoundDeadlines;
}
