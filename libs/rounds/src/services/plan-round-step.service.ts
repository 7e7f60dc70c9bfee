import { Injectable } from '@nestjs/common';
import { Actor } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { applyPlanRoundEvent, hasText, PLAN_ROUND_EVENT_LABELS, PlanRoundEvent, StepResult } from '@samverka/workflow';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { loadedFactsOf, RoundFacts } from '../facts/plan-round-facts.loader';
import { PlanRoundView, RoundEventInput } from '../plan-round.model';
import { PlanRoundRepository } from '../repositories/plan-round.repository';
import { RoundViewRepository } from '../repositories/round-view.repository';
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
    private readonly sources: RoundViewRepository,
    private readonly notifier: RoundNotifier,
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
      const today = this.queries.today();
      const source = await this.sources.sourceOf(id, today);
      if (!source) throw this.rounds.notFound(id);
      const { round, participants, coordinators } = source;
      if (expectedVersion !== undefined && expectedVersion !== round.version) throw roundVersionConflict(round.version);
      const { facts, progress } = loadedFactsOf(source, today);
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
      const data: Record<string, unknown> =
        input.type === 'RECORD_DECISION'
          ? { outcome: input.outcome, decidedOn: input.decidedOn, body: input.body?.trim(), minuteReference: input.minuteReference?.trim() }
          : {};
      if (forced && !unforced.allowed) data.unmetConditions = unforced.reasons;
      const version = round.version + 1;
      // The row-version check, the history entry and the audit row: one statement, all or nothing.
      const moved = await this.rounds.advance(
        round.id,
        round.version,
        { state: step.to, snapshot: step.persisted.snapshot, machineVersion: step.persisted.machineVersion },
        {
          event: { type: input.type, fromState: step.from, toState: step.to, forced, reason: reason ?? null, data, actorId: actor.personId, actorLabel: actor.label },
          actor,
          audit: {
            action: 'plan_round.transition',
            subjectType: 'plan_round',
            subjectId: round.id,
            before: { state: step.from, version: round.version },
            after: { state: step.to, version, event: input.type, forced, reason: reason ?? null, ...data },
          },
        },
      );
      if (moved === null) throw roundVersionConflict(null);
      const after = Object.assign(new PlanRoundEntity(), round, { state: step.to, version: moved.version, updatedAt: moved.updatedAt });
      await this.notifier.phaseChanged(after, participants, { from: step.from, to: step.to, forced, reason: reason ?? null });
      if (input.type === 'LAUNCH') await this.notifier.launched(actor, after, participants, coordinators);
      if (step.from === 'collectingNeeds' && step.to !== 'collectingNeeds') await this.notifier.needsCollectionClosed(after, participants, coordinators, progress, step.to);
      await this.effects.run({ roundId: round.id, type: input.type, from: step.from, to: step.to, forced, reason: reason ?? null, input, actor, version: moved.version });
      // Read again: the contexts' facts judge the new state, and the effects may have changed them (the remiss sent).
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
