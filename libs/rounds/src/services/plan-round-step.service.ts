import { Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { applyPlanRoundEvent, hasText, PLAN_ROUND_EVENT_LABELS, PlanRoundEvent, StepResult } from '@samverka/workflow';
import { PlanRoundFactsLoader, RoundFacts } from '../facts/plan-round-facts.loader';
import { PlanRoundView, RoundEventInput } from '../plan-round.model';
import { PlanRoundEventRepository } from '../repositories/plan-round-event.repository';
import { PlanRoundRepository } from '../repositories/plan-round.repository';
import { RoundError, RoundErrorCode, roundVersionConflict } from '../rounds.exception';
import { assertNoViolations, roundEventViolations } from '../rules/plan-round.rules';
import { PlanRoundQueryService } from './plan-round-query.service';
import { RoundNotifier } from './round-notifier';
import { RoundStepEffects } from '../facts/round-step-effects';

/**
 * Workflow steps (the events a person or the worker sends), each one transaction: check the input,
 * load the facts, restore the stored snapshot (migrating an older machine version), check, send,
 * persist snapshot + state + row version (optimistic locking), history, audit and emails together.
 */
@Injectable()
export class PlanRoundStepService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly rounds: PlanRoundRepository,
    private readonly history: PlanRoundEventRepository,
    private readonly factsLoader: PlanRoundFactsLoader,
    private readonly notifier: RoundNotifier,
    private readonly audit: AuditService,
    private readonly queries: PlanRoundQueryService,
    private readonly effects: RoundStepEffects,
  ) {}

  /**
   * One workflow step. `expectedVersion` (the API's If-Match) must equal the stored row version;
   * without it the version read in this transaction is the one expected, so of two concurrent steps
   * one wins and the other gets VERSION_CONFLICT. Nothing is written unless everything is.
   */
  async transition(actor: Actor, id: string, input: RoundEventInput, expectedVersion?: number): Promise<PlanRoundView> {
    assertNoViolations(roundEventViolations(input, this.queries.today()));
    return this.tx.run(async () => {
      const round = await this.rounds.require(id);
      if (expectedVersion !== undefined && expectedVersion !== round.version) throw roundVersionConflict(round.version);
      const { facts, participants, progress } = await this.factsLoader.load(round, this.queries.today());
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
      if (version === null) throw roundVersionConflict(null);
      const data: Record<string, unknown> =
        input.type === 'RECORD_DECISION'
          ? { outcome: input.outcome, decidedOn: input.decidedOn, body: input.body?.trim(), minuteReference: input.minuteReference?.trim() }
          : {};
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
      if (step.from === 'collectingNeeds' && step.to !== 'collectingNeeds') await this.notifier.needsCollectionClosed(moved, participants, progress, step.to);
      await this.effects.run({ roundId: round.id, type: input.type, from: step.from, to: step.to, forced, reason: reason ?? null, input, actor, version });
      return this.queries.view(round.id);
    });
  }
}

function toMachineEvent(input: RoundEventInput, facts: RoundFacts, reason: string | undefined): PlanRoundEvent {
  switch (input.type) {
    case 'RECORD_DECISION':
      return { type: 'RECORD_DECISION', outcome: input.outcome!, reason, facts };
    case 'CANCEL':
      return { type: 'CANCEL', reason: reason ?? '', facts };
    case 'CLOSE_NEEDS':
    case 'CLOSE_CONSULTATION':
    case 'SUBMIT_FOR_DECISION':
    case 'REOPEN_NEEDS':
      return { type: input.type, reason, facts };
    default:
      return { type: input.type, facts };
  }
}
