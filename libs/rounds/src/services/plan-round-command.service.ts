import { Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { isPgError, PG, TransactionHost } from '@samverka/database';
import { CommonError } from '@samverka/kernel';
import { OrganisationRegistryService } from '@samverka/organisation';
import { initialPlanRoundSnapshot, PLAN_ROUND_FINAL_STATES, PLAN_ROUND_STATE_LABELS } from '@samverka/workflow';
import { DEFAULT_AREAS } from '../default-areas';
import { ONE_ACTIVE_ROUND_PER_YEAR, PlanRoundEntity } from '../entities/plan-round.entity';
import { CreatePlanRoundInput, CreatePlanRoundRequest, PlanRoundView, UpdatePlanRoundInput } from '../plan-round.model';
import { RoundCreatedEffects } from '../facts/round-created-effects';
import { PlanRoundEventRepository } from '../repositories/plan-round-event.repository';
import { PlanRoundRepository, RoundChanges } from '../repositories/plan-round.repository';
import { RoundError, RoundErrorCode, roundVersionConflict } from '../rounds.exception';
import { assertNoViolations, createRoundViolations, datesAfterChange, fromRoundViolations, normaliseAreas, trimmed, updateRoundViolations } from '../rules/plan-round.rules';
import { PlanRoundQueryService, viewOf } from './plan-round-query.service';
import { RoundViewRepository } from '../repositories/round-view.repository';
import { roundAreasOf, roundDeadlinesOf, roundStateOf } from './plan-round-view.assembler';

/**
 * Creating and changing plan rounds (not their workflow steps: `PlanRoundStepService`). The input
 * rules (`rules/plan-round.rules.ts`) are checked first, all at once; then what needs the database
 * (the departments, one active round a year); then one transaction writes the round, its history and audit.
 */
@Injectable()
export class PlanRoundCommandService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly rounds: PlanRoundRepository,
    private readonly history: PlanRoundEventRepository,
    private readonly registry: OrganisationRegistryService,
    private readonly audit: AuditService,
    private readonly queries: PlanRoundQueryService,
    private readonly createdEffects: RoundCreatedEffects,
    private readonly sources: RoundViewRepository,
  ) {}

  /**
   * The command a request means: as sent, or, starting from an earlier round, with what it does not give
   * taken from that round (422 naming `fromRoundId` when there is no such round).
   */
  private async startingFrom(request: CreatePlanRoundRequest): Promise<CreatePlanRoundInput> {
    const fromRoundId = request.fromRoundId;
    if (fromRoundViolations(fromRoundId).length > 0 || fromRoundId === undefined) return request as CreatePlanRoundInput;
    const proposal = await this.queries.nextRoundProposal(fromRoundId);
    if (!proposal) throw CommonError.unknownReference('fromRoundId', fromRoundId, `Planomgången ${fromRoundId} finns inte`);
    const given = request.deadlines ?? {};
    const proposed = proposal.deadlines;
    return {
      ...request,
      areas: request.areas ?? proposal.areas,
      participantDepartmentIds: request.participantDepartmentIds ?? proposal.participantDepartmentIds,
      deadlines: {
        needs: given.needs ?? proposed.needs,
        consultationReply: 'consultationReply' in given ? given.consultationReply : proposed.consultationReply,
        decision: 'decision' in given ? given.decision : proposed.decision,
      },
    };
  }

  /**
   * Creates a round in preparation. With `fromRoundId` (next year's round from this one) the earlier
   * round's areas and participants (those still active) are taken unless given, its deadlines one year
   * on, moved to working days, unless given, and the contexts above the rounds do their part in the same
   * transaction (`@OnRoundCreated`: the plan's first draft from its adopted plan).
   */
  async create(actor: Actor, request: CreatePlanRoundRequest): Promise<PlanRoundView> {
    const input = await this.startingFrom(request);
    assertNoViolations(createRoundViolations(input, this.queries.today()));
    const areas = normaliseAreas(input.areas ?? DEFAULT_AREAS);
    const deadlines = { needs: input.deadlines.needs, consultationReply: input.deadlines.consultationReply ?? null, decision: input.deadlines.decision ?? null };
    const title = trimmed(input.title);
    const caseNumber = trimmed(input.caseNumber);

    return this.tx.run(async () => {
      const participantIds = input.participantDepartmentIds
        ? await this.checkParticipants(input.participantDepartmentIds)
        : (await this.registry.listDepartments({ active: true })).map((d) => d.id);
      if (await this.rounds.findActiveInYear(input.year)) throw activeRoundExists(input.year);
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
      const fromRoundId = input.fromRoundId?.toLowerCase() ?? null;
      const after = { title, year: input.year, caseNumber, deadlines, areas, participantDepartmentIds: participantIds, ...(fromRoundId ? { fromRoundId } : {}) };
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
      await this.createdEffects.run({ roundId: round.id, fromRoundId, actor });
      return this.queries.view(round.id);
    });
  }

  /**
   * Changes a round's details. Title, case number, deadlines and auto-close may change until the
   * round ends; participants and areas only while it is being prepared.
   */
  async update(actor: Actor, id: string, input: UpdatePlanRoundInput, expectedVersion?: number): Promise<PlanRoundView> {
    return this.tx.run(async () => {
      const today = this.queries.today();
      const source = await this.sources.sourceOf(id, today);
      if (!source) throw this.rounds.notFound(id);
      const { round } = source;
      assertNoViolations(updateRoundViolations(input, roundDeadlinesOf(round), today));
      if (expectedVersion !== undefined && expectedVersion !== round.version) throw roundVersionConflict(round.version);
      const state = roundStateOf(round);
      if (PLAN_ROUND_FINAL_STATES.includes(state)) {
        throw new RoundError(RoundErrorCode.ROUND_NOT_EDITABLE, `Planomgången är ${PLAN_ROUND_STATE_LABELS[state].toLowerCase()} och kan inte ändras`, { state });
      }
      if ((input.participantDepartmentIds !== undefined || input.areas !== undefined) && state !== 'preparing') {
        throw new RoundError(RoundErrorCode.ROUND_NOT_EDITABLE, 'Deltagare och utvecklingsområden kan bara ändras innan planomgången har startat', { state });
      }
      const deadlines = datesAfterChange(roundDeadlinesOf(round), input.deadlines);
      const participantIds = input.participantDepartmentIds ? await this.checkParticipants(input.participantDepartmentIds) : undefined;
      const areas = input.areas ? normaliseAreas(input.areas) : undefined;
      const changes: RoundChanges = {
        ...(input.title !== undefined ? { title: trimmed(input.title) } : {}),
        ...(input.caseNumber !== undefined ? { caseNumber: trimmed(input.caseNumber) } : {}),
        needsDeadline: deadlines.needs,
        consultationReplyDeadline: deadlines.consultationReply,
        decisionDeadline: deadlines.decision,
        ...(input.autoClose?.needs !== undefined ? { autoCloseNeeds: input.autoClose.needs } : {}),
        ...(input.autoClose?.consultation !== undefined ? { autoCloseConsultation: input.autoClose.consultation } : {}),
      };
      // What the round is after the change, as written below (not read back).
      const changed = Object.assign(new PlanRoundEntity(), round, changes, {
        areas: areas ? areas.map((a, position) => ({ roundId: round.id, code: a.code, name: a.name, position })) : round.areas,
      });
      const before = detailsOf(round, source.participants);
      const after = detailsOf(changed, participantIds ? participantIds.map((departmentId) => ({ departmentId })) : source.participants);
      const differences = Object.fromEntries(
        Object.keys(after)
          .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
          .map((k) => [k, { before: before[k], after: after[k] }]),
      );
      // The row-version check, the history entry and the audit row: one statement, all or nothing.
      const moved = await this.rounds.advance(round.id, round.version, changes, {
        event: { type: 'UPDATED', fromState: state, toState: state, forced: false, reason: null, data: { changed: differences }, actorId: actor.personId, actorLabel: actor.label },
        actor,
        audit: { action: 'plan_round.updated', subjectType: 'plan_round', subjectId: round.id, before, after },
      });
      if (moved === null) throw roundVersionConflict(null);
      if (areas) await this.rounds.replaceAreas(round.id, areas);
      if (participantIds) {
        await this.rounds.replaceParticipants(round.id, participantIds);
        // Other participants: their names, coordinators and facts are read with the round.
        return this.queries.view(round.id);
      }
      return viewOf({ ...source, round: Object.assign(changed, { version: moved.version, updatedAt: moved.updatedAt }) }, today);
    });
  }

  /** Every id names an existing, active department; duplicates collapse. */
  private async checkParticipants(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids.map((i) => i.toLowerCase()))];
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

function detailsOf(round: PlanRoundEntity, participants: Array<{ departmentId: string }>): Record<string, unknown> {
  return {
    title: round.title,
    caseNumber: round.caseNumber,
    deadlines: roundDeadlinesOf(round),
    autoClose: { needs: round.autoCloseNeeds, consultation: round.autoCloseConsultation },
    areas: roundAreasOf(round),
    participantDepartmentIds: participants.map((p) => p.departmentId).sort(),
  };
}

function activeRoundExists(year: number): RoundError {
  return new RoundError(RoundErrorCode.ACTIVE_ROUND_EXISTS, `Det finns redan en pågående planomgång för ${year}`, { year });
}
