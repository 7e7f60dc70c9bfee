import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { isPgError, PG, TransactionHost } from '@samverka/database';
import { Clock, CommonError, CommonErrorCode, LocalDate, localDateInCity } from '@samverka/kernel';
import { CoordinatorService, OrganisationRegistryService } from '@samverka/organisation';
import {
  applyPlanRoundEvent,
  availableEvents,
  AvailableEvent,
  DecisionOutcome,
  FORCIBLE_EVENTS,
  hasText,
  initialPlanRoundSnapshot,
  isPlanRoundState,
  PLAN_ROUND_EVENT_LABELS,
  PLAN_ROUND_EVENT_TYPES,
  PLAN_ROUND_FINAL_STATES,
  PLAN_ROUND_STATE_LABELS,
  PlanRoundContext,
  PlanRoundEvent,
  PlanRoundEventType,
  PlanRoundState,
  StepResult,
} from '@samverka/workflow';
import { DEFAULT_AREAS } from '../default-areas';
import { DEADLINE_LABELS, deadlineOf, PHASE_DEADLINE } from '../deadlines';
import { DeadlineKind, PlanRoundEventEntity } from '../entities/plan-round-event.entity';
import { ONE_ACTIVE_ROUND_PER_YEAR, PlanRoundEntity } from '../entities/plan-round.entity';
import { RoundError, RoundErrorCode } from '../rounds.exception';
import { PlanRoundEventRepository } from '../repositories/plan-round-event.repository';
import { PlanRoundRepository, RoundChanges, RoundReaderScope } from '../repositories/plan-round.repository';
import { PlanRoundFactsLoader } from './plan-round-facts.loader';
import { RoundNotifier } from './round-notifier';

export type { RoundReaderScope } from '../repositories/plan-round.repository';

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

export interface CreatePlanRoundInput {
  title: string;
  year: number;
  caseNumber: string;
  /** Default: every active department. */
  participantDepartmentIds?: string[];
  /** Default: the five areas of the plan. */
  areas?: AreaInput[];
  deadlines: DeadlinesInput;
  autoClose?: { needs?: boolean; consultation?: boolean };
}

export interface UpdatePlanRoundInput {
  title?: string;
  caseNumber?: string;
  participantDepartmentIds?: string[];
  areas?: AreaInput[];
  deadlines?: Partial<DeadlinesInput>;
  autoClose?: { needs?: boolean; consultation?: boolean };
}

export interface RoundEventInput {
  type: SteeringEventType;
  /** Take a step past an unmet condition (CLOSE_NEEDS, CLOSE_CONSULTATION), with a written reason. */
  force?: boolean;
  reason?: string;
  /** RECORD_DECISION: adopted, or returned (back to drafting, with a reason). */
  outcome?: DecisionOutcome;
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
  deadlines: { needs: LocalDate; consultationReply: LocalDate | null; decision: LocalDate | null };
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

const AREA_CODE = /^[A-ZÅÄÖ0-9_]{2,40}$/;

const stateOf = (round: PlanRoundEntity): PlanRoundState => {
  if (!isPlanRoundState(round.state)) throw new Error(`Round ${round.id} has an unknown state ${round.state}`);
  return round.state;
};

/**
 * Plan rounds (planomgångar): creation, reading, and every workflow step as one transaction —
 * load the facts, restore the stored snapshot (migrating an older machine version), check, send,
 * persist snapshot + state + row version (optimistic locking), history, audit and emails together.
 */
@Injectable()
export class PlanRoundService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly rounds: PlanRoundRepository,
    private readonly history: PlanRoundEventRepository,
    private readonly factsLoader: PlanRoundFactsLoader,
    private readonly notifier: RoundNotifier,
    private readonly registry: OrganisationRegistryService,
    private readonly coordinators: CoordinatorService,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  today(): LocalDate {
    return localDateInCity(this.clock.now());
  }

  async create(actor: Actor, input: CreatePlanRoundInput): Promise<PlanRoundView> {
    const today = this.today();
    const areas = validateAreas(input.areas ?? [...DEFAULT_AREAS]);
    const deadlines = { needs: input.deadlines.needs, consultationReply: input.deadlines.consultationReply ?? null, decision: input.deadlines.decision ?? null };
    validateDeadlines(deadlines);
    if (deadlines.needs <= today) throw CommonError.invalidField('deadlines.needs', 'afterToday', 'Sista dag för behov måste ligga efter i dag');
    const title = requireText('title', input.title, 'Ange en titel');
    const caseNumber = requireText('caseNumber', input.caseNumber, 'Ange diarienummer');

    return this.tx.run(async () => {
      const participantIds = input.participantDepartmentIds
        ? await this.checkParticipants(input.participantDepartmentIds)
        : (await this.registry.listDepartments({ active: true })).map((d) => d.id);
      await this.ensureNoActiveRound(input.year);
      const persisted = initialPlanRoundSnapshot();
      let round: PlanRoundEntity;
      try {
        round = await this.rounds.insert({
          title,
          year: input.year,
          caseNumber,
          state: 'preparing',
          machineVersion: persisted.machineVersion,
          snapshot: persisted.snapshot,
          version: 1,
          needsDeadline: deadlines.needs,
          consultationReplyDeadline: deadlines.consultationReply,
          decisionDeadline: deadlines.decision,
          autoCloseNeeds: input.autoClose?.needs ?? false,
          autoCloseConsultation: input.autoClose?.consultation ?? false,
          createdById: actor.personId,
        });
      } catch (e) {
        if (isPgError(e, PG.UNIQUE_VIOLATION, ONE_ACTIVE_ROUND_PER_YEAR)) throw activeRoundExists(input.year);
        throw e;
      }
      await this.rounds.replaceAreas(round.id, areas);
      await this.rounds.replaceParticipants(round.id, participantIds);
      const after = { title, year: input.year, caseNumber, deadlines, areas, participantDepartmentIds: participantIds };
      await this.history.append({
        roundId: round.id,
        type: 'CREATED',
        version: 1,
        fromState: null,
        toState: 'preparing',
        forced: false,
        reason: null,
        data: after,
        actorId: actor.personId,
        actorLabel: actor.label,
      });
      await this.audit.record(actor, { action: 'plan_round.created', subjectType: 'plan_round', subjectId: round.id, after });
      return this.view(round.id);
    });
  }

  /** Rounds the reader may see, newest year first. */
  async list(scope: RoundReaderScope, filter: { year?: number; state?: string } = {}): Promise<PlanRoundSummary[]> {
    const today = this.today();
    return (await this.rounds.list(scope, filter)).map((r) => ({
      id: r.id,
      title: r.title,
      year: r.year,
      caseNumber: r.caseNumber,
      state: stateOf(r),
      stateLabel: PLAN_ROUND_STATE_LABELS[stateOf(r)],
      version: r.version,
      deadlines: { needs: r.needsDeadline, consultationReply: r.consultationReplyDeadline, decision: r.decisionDeadline },
      currentDeadline: currentDeadline(r, today),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }

  /**
   * What another context needs to know of a round to act within it (its phase, the needs deadline,
   * areas, participants). `lockForShare` holds the round's row until the caller's transaction ends,
   * so a workflow step cannot commit in between (it waits).
   */
  async basics(id: string, lockForShare = false): Promise<RoundBasics> {
    const round = lockForShare ? await this.rounds.findByIdForShare(id) : await this.rounds.findById(id);
    if (!round) throw CommonError.notFound('Planomgången', id);
    const participants = await this.rounds.participantsOf(round.id);
    return {
      id: round.id,
      title: round.title,
      year: round.year,
      state: stateOf(round),
      needsDeadline: round.needsDeadline,
      areas: (round.areas ?? []).map((a) => ({ code: a.code, name: a.name })),
      participants: participants.map((p) => ({ departmentId: p.departmentId, name: p.name, committeeId: p.committeeId })),
    };
  }

  isVisibleTo(roundId: string, scope: RoundReaderScope): Promise<boolean> {
    return this.rounds.isVisibleTo(roundId, scope);
  }

  /** The round as its page and the API show it: state, deadlines, participants and the steps possible now (with reasons). */
  async view(id: string): Promise<PlanRoundView> {
    const round = await this.requireRound(id);
    const today = this.today();
    const { facts, participants } = await this.factsLoader.load(round, today);
    const state = stateOf(round);
    const assignments = participants.length
      ? (await this.coordinators.currentByDepartment(participants.map((p) => p.departmentId))).filter((a) => this.coordinators.statusOf(a, today) === 'active')
      : [];
    const context = (round.snapshot as { context: PlanRoundContext }).context;
    const reached = await this.history.deadlinesReached([round.id]);
    return {
      id: round.id,
      title: round.title,
      year: round.year,
      caseNumber: round.caseNumber,
      state,
      stateLabel: PLAN_ROUND_STATE_LABELS[state],
      version: round.version,
      machineVersion: round.machineVersion,
      deadlines: { needs: round.needsDeadline, consultationReply: round.consultationReplyDeadline, decision: round.decisionDeadline },
      autoClose: { needs: round.autoCloseNeeds, consultation: round.autoCloseConsultation },
      currentDeadline: currentDeadline(round, today),
      deadlinesReached: reached.map((e) => ({ kind: e.deadline!, label: DEADLINE_LABELS[e.deadline!], date: e.deadlineDate!, recordedAt: e.occurredAt })),
      areas: (round.areas ?? []).map((a) => ({ code: a.code, name: a.name })),
      participants: participants.map((p, i) => ({
        ...p,
        coordinators: assignments
          .filter((a) => a.departmentId === p.departmentId)
          .map((a) => ({ personId: a.personId, name: a.person?.name ?? '', kind: a.kind })),
        submitted: facts.participants?.[i]?.submitted ?? false,
        nothingToReport: facts.participants?.[i]?.nothingToReport ?? false,
      })),
      events: availableEvents(state, facts).map((e) => ({ ...e, label: PLAN_ROUND_EVENT_LABELS[e.type] })),
      forcedSteps: context?.forcedSteps ?? [],
      returns: context?.returns ?? [],
      cancellation: context?.cancellation ?? null,
      today,
      createdAt: round.createdAt,
      updatedAt: round.updatedAt,
    };
  }

  async historyOf(id: string): Promise<PlanRoundEventEntity[]> {
    await this.requireRound(id);
    return this.history.historyOf(id);
  }

  /**
   * One workflow step. `expectedVersion` (the API's If-Match) must equal the stored row version;
   * without it the version read in this transaction is the one expected, so of two concurrent steps
   * one wins and the other gets VERSION_CONFLICT. Nothing is written unless everything is.
   */
  async transition(actor: Actor, id: string, input: RoundEventInput, expectedVersion?: number): Promise<PlanRoundView> {
    validateEventInput(input);
    return this.tx.run(async () => {
      const round = await this.requireRound(id);
      if (expectedVersion !== undefined && expectedVersion !== round.version) throw versionConflict(round.version);
      const { facts, participants } = await this.factsLoader.load(round, this.today());
      const persisted = { machineVersion: round.machineVersion, snapshot: round.snapshot };
      const reason = hasText(input.reason) ? input.reason.trim() : undefined;
      const plain = toMachineEvent(input, facts, reason);
      const unforced = applyPlanRoundEvent(persisted, plain);
      let step: StepResult = unforced;
      let forced = false;
      if (!unforced.allowed && input.force === true) {
        // Forced only when needed: a step the facts allow is taken as an ordinary one.
        step = applyPlanRoundEvent(persisted, { ...plain, force: true } as PlanRoundEvent);
        forced = step.allowed;
      }
      if (!step.allowed) {
        throw new RoundError(RoundErrorCode.ILLEGAL_TRANSITION, `${PLAN_ROUND_EVENT_LABELS[input.type]} är inte möjligt: ${step.reasons.join('; ')}`, {
          state: step.from,
          event: input.type,
          reasons: step.reasons,
        });
      }
      const version = await this.rounds.advance(round.id, round.version, {
        state: step.to,
        snapshot: step.persisted.snapshot,
        machineVersion: step.persisted.machineVersion,
      });
      if (version === null) throw versionConflict(null);
      const data: Record<string, unknown> = input.type === 'RECORD_DECISION' ? { outcome: input.outcome } : {};
      if (forced && !unforced.allowed) data.unmetConditions = unforced.reasons;
      await this.history.append({
        roundId: round.id,
        type: input.type,
        version,
        fromState: step.from,
        toState: step.to,
        forced,
        reason: reason ?? null,
        data,
        actorId: actor.personId,
        actorLabel: actor.label,
      });
      await this.audit.record(actor, {
        action: 'plan_round.transition',
        subjectType: 'plan_round',
        subjectId: round.id,
        before: { state: step.from, version: round.version },
        after: { state: step.to, version, event: input.type, forced, reason: reason ?? null, ...data },
      });
      const moved = { ...round, state: step.to, version };
      await this.notifier.phaseChanged(moved, participants, { from: step.from, to: step.to, forced, reason: reason ?? null });
      if (input.type === 'LAUNCH') await this.notifier.launched(actor, moved, participants);
      return this.view(round.id);
    });
  }

  /**
   * Changes a round's details. Title, case number, deadlines and auto-close may change until the
   * round ends; participants and areas only while it is being prepared.
   */
  async update(actor: Actor, id: string, input: UpdatePlanRoundInput, expectedVersion?: number): Promise<PlanRoundView> {
    const areas = input.areas === undefined ? undefined : validateAreas(input.areas);
    const title = input.title === undefined ? undefined : requireText('title', input.title, 'Ange en titel');
    const caseNumber = input.caseNumber === undefined ? undefined : requireText('caseNumber', input.caseNumber, 'Ange diarienummer');
    return this.tx.run(async () => {
      const round = await this.requireRound(id);
      if (expectedVersion !== undefined && expectedVersion !== round.version) throw versionConflict(round.version);
      const state = stateOf(round);
      if (PLAN_ROUND_FINAL_STATES.includes(state)) {
        throw new RoundError(RoundErrorCode.ROUND_NOT_EDITABLE, `Planomgången är ${PLAN_ROUND_STATE_LABELS[state].toLowerCase()} och kan inte ändras`, { state });
      }
      if ((input.participantDepartmentIds !== undefined || areas !== undefined) && state !== 'preparing') {
        throw new RoundError(RoundErrorCode.ROUND_NOT_EDITABLE, 'Deltagare och utvecklingsområden kan bara ändras innan planomgången har startat', { state });
      }
      const deadlines = {
        needs: input.deadlines?.needs ?? round.needsDeadline,
        consultationReply: input.deadlines?.consultationReply === undefined ? round.consultationReplyDeadline : input.deadlines.consultationReply,
        decision: input.deadlines?.decision === undefined ? round.decisionDeadline : input.deadlines.decision,
      };
      validateDeadlines(deadlines);
      const participantIds = input.participantDepartmentIds ? await this.checkParticipants(input.participantDepartmentIds) : undefined;
      const changes: RoundChanges = {
        ...(title !== undefined ? { title } : {}),
        ...(caseNumber !== undefined ? { caseNumber } : {}),
        needsDeadline: deadlines.needs,
        consultationReplyDeadline: deadlines.consultationReply,
        decisionDeadline: deadlines.decision,
        ...(input.autoClose?.needs !== undefined ? { autoCloseNeeds: input.autoClose.needs } : {}),
        ...(input.autoClose?.consultation !== undefined ? { autoCloseConsultation: input.autoClose.consultation } : {}),
      };
      const before = detailsOf(round, await this.rounds.participantsOf(round.id));
      const version = await this.rounds.advance(round.id, round.version, changes);
      if (version === null) throw versionConflict(null);
      if (areas) await this.rounds.replaceAreas(round.id, areas);
      if (participantIds) await this.rounds.replaceParticipants(round.id, participantIds);
      const updated = await this.requireRound(round.id);
      const after = detailsOf(updated, await this.rounds.participantsOf(round.id));
      const changed = Object.fromEntries(
        Object.keys(after)
          .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
          .map((k) => [k, { before: before[k], after: after[k] }]),
      );
      await this.history.append({
        roundId: round.id,
        type: 'UPDATED',
        version,
        fromState: state,
        toState: state,
        forced: false,
        reason: null,
        data: { changed },
        actorId: actor.personId,
        actorLabel: actor.label,
      });
      await this.audit.record(actor, { action: 'plan_round.updated', subjectType: 'plan_round', subjectId: round.id, before, after });
      return this.view(round.id);
    });
  }

  private async requireRound(id: string): Promise<PlanRoundEntity> {
    const round = await this.rounds.findById(id);
    if (!round) throw CommonError.notFound('Planomgången', id);
    return round;
  }

  private async ensureNoActiveRound(year: number): Promise<void> {
    if (await this.rounds.findActiveInYear(year)) throw activeRoundExists(year);
  }

  /** Every id names an existing, active department; duplicates collapse. */
  private async checkParticipants(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids.map((i) => i.toLowerCase()))];
    if (unique.length === 0) throw CommonError.invalidField('participantDepartmentIds', 'arrayNotEmpty', 'Välj minst en deltagande förvaltning');
    const departments = await this.registry.listDepartments();
    for (const id of unique) {
      const department = departments.find((d) => d.id === id);
      if (!department) throw CommonError.unknownReference('participantDepartmentIds', id, `Förvaltningen ${id} finns inte`);
      if (!department.active) {
        throw CommonError.invalidField('participantDepartmentIds', 'activeDepartment', `${department.name} är inaktiverad och kan inte delta`);
      }
    }
    return unique;
  }
}

function currentDeadline(round: PlanRoundEntity, today: LocalDate): DeadlineView | null {
  const kind = PHASE_DEADLINE[stateOf(round)];
  const date = kind ? deadlineOf(round, kind) : null;
  return kind && date ? { kind, label: DEADLINE_LABELS[kind], date, passed: today > date } : null;
}

function detailsOf(round: PlanRoundEntity, participants: Array<{ departmentId: string }>): Record<string, unknown> {
  return {
    title: round.title,
    caseNumber: round.caseNumber,
    deadlines: { needs: round.needsDeadline, consultationReply: round.consultationReplyDeadline, decision: round.decisionDeadline },
    autoClose: { needs: round.autoCloseNeeds, consultation: round.autoCloseConsultation },
    areas: (round.areas ?? []).map((a) => ({ code: a.code, name: a.name })),
    participantDepartmentIds: participants.map((p) => p.departmentId).sort(),
  };
}

function toMachineEvent(input: RoundEventInput, facts: PlanRoundEvent['facts'], reason: string | undefined): PlanRoundEvent {
  switch (input.type) {
    case 'RECORD_DECISION':
      return { type: 'RECORD_DECISION', outcome: input.outcome!, reason, facts };
    case 'CANCEL':
      return { type: 'CANCEL', reason: reason ?? '', facts };
    case 'CLOSE_NEEDS':
    case 'CLOSE_CONSULTATION':
    case 'REOPEN_NEEDS':
      return { type: input.type, reason, facts };
    default:
      return { type: input.type, facts };
  }
}

/** Input rules that need no database: what a person must write for the step, named by field. */
function validateEventInput(input: RoundEventInput): void {
  if (!STEERING_EVENT_TYPES.includes(input.type)) {
    throw CommonError.invalidField('type', 'isIn', `type måste vara ett av ${STEERING_EVENT_TYPES.join(', ')}`);
  }
  if (input.force === true && !FORCIBLE_EVENTS.includes(input.type)) {
    throw CommonError.invalidField('force', 'forcibleEvent', `${PLAN_ROUND_EVENT_LABELS[input.type]} kan inte tvingas fram`);
  }
  if (input.force === true && !hasText(input.reason)) {
    throw CommonError.invalidField('reason', 'requiredWhenForced', 'Ett framtvingat steg kräver en skriftlig motivering');
  }
  if (input.type === 'CANCEL' && !hasText(input.reason)) {
    throw CommonError.invalidField('reason', 'requiredToCancel', 'Ange varför planomgången avbryts');
  }
  if (input.type === 'RECORD_DECISION') {
    if (input.outcome !== 'adopted' && input.outcome !== 'returned') {
      throw CommonError.invalidField('outcome', 'isIn', 'Ange om planen antogs (adopted) eller återremitterades (returned)');
    }
    if (input.outcome === 'returned' && !hasText(input.reason)) {
      throw CommonError.invalidField('reason', 'requiredWhenReturned', 'Ange varför planen återremitterades');
    }
  } else if (input.outcome !== undefined) {
    throw CommonError.invalidField('outcome', 'onlyForRecordDecision', 'outcome hör bara till RECORD_DECISION');
  }
}

function validateDeadlines(d: { needs: LocalDate; consultationReply: LocalDate | null; decision: LocalDate | null }): void {
  if (d.consultationReply !== null && d.consultationReply <= d.needs) {
    throw CommonError.invalidField('deadlines.consultationReply', 'afterNeeds', 'Sista dag för remissvar måste ligga efter sista dag för behov');
  }
  const before = d.consultationReply ?? d.needs;
  if (d.decision !== null && d.decision <= before) {
    throw CommonError.invalidField(
      'deadlines.decision',
      d.consultationReply ? 'afterConsultationReply' : 'afterNeeds',
      `Beslutsdatum måste ligga efter ${d.consultationReply ? 'sista dag för remissvar' : 'sista dag för behov'}`,
    );
  }
}

function validateAreas(areas: AreaInput[]): AreaInput[] {
  if (areas.length === 0) throw CommonError.invalidField('areas', 'arrayNotEmpty', 'Planomgången behöver minst ett utvecklingsområde');
  const seen = new Set<string>();
  return areas.map((a, i) => {
    const code = a.code.trim().toUpperCase();
    const name = a.name.trim();
    if (!AREA_CODE.test(code)) {
      throw CommonError.invalidField(`areas[${i}].code`, 'matches', 'Koden får bara innehålla versaler, siffror och understreck (2–40 tecken)');
    }
    if (name.length === 0) throw CommonError.invalidField(`areas[${i}].name`, 'isNotEmpty', 'Ange områdets namn');
    if (seen.has(code)) throw CommonError.invalidField(`areas[${i}].code`, 'unique', `Koden ${code} förekommer två gånger`);
    seen.add(code);
    return { code, name };
  });
}

function requireText(field: string, value: string, message: string): string {
  const text = value.trim();
  if (text.length === 0) throw CommonError.invalidField(field, 'isNotEmpty', message);
  return text;
}

function versionConflict(current: number | null): CommonError {
  return new CommonError(
    CommonErrorCode.VERSION_CONFLICT,
    'Planomgången har ändrats av någon annan sedan du läste den. Ladda om och försök igen.',
    current === null ? {} : { currentVersion: current },
  );
}

function activeRoundExists(year: number): RoundError {
  return new RoundError(RoundErrorCode.ACTIVE_ROUND_EXISTS, `Det finns redan en pågående planomgång för ${year}`, { year });
}
