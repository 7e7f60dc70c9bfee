import { Inject, Injectable } from '@nestjs/common';
import { actorName, personLabelOf } from '@samverka/audit';
import { Clock } from '@samverka/kernel';
import { PlanDraftService } from '@samverka/plan';
import { OnRoundStep, PlanRoundQueryService, RoundStep, RoundStepEffect } from '@samverka/rounds';
import { PlanDecisionRepository } from '../repositories/plan-decision.repository';
import { DecisionNotifier } from './decision.notifier';
import { DecisionQueryService } from './decision-query.service';

/**
 * RECORD_DECISION's effect, in the step's own transaction: the decision is kept (outcome, date, body,
 * §, reason, the plan version decided on — the one the remiss sent, or else the latest frozen one — and
 * who recorded it). Adopted: that version becomes the plan's adopted version, and the participants'
 * coordinators and management are emailed a link to their responsibility summary. Returned: the
 * strategists are emailed the reason. The step's rules have already checked the fields.
 */
@Injectable()
@OnRoundStep(['RECORD_DECISION'])
export class DecisionEffect implements RoundStepEffect {
  constructor(
    private readonly decisions: PlanDecisionRepository,
    private readonly decisionsQuery: DecisionQueryService,
    private readonly drafts: PlanDraftService,
    private readonly rounds: PlanRoundQueryService,
    private readonly notifier: DecisionNotifier,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async afterStep(step: RoundStep): Promise<void> {
    const { input, roundId, actor } = step;
    const outcome = input.outcome!;
    const planVersion = await this.decisionsQuery.versionToDecide(roundId);
    const decision = {
      roundId,
      outcome,
      decidedOn: input.decidedOn!,
      body: input.body!.trim(),
      minuteReference: input.minuteReference!.trim(),
      reason: outcome === 'returned' ? step.reason : null,
      planVersion,
      recordedByName: actorName({ actorId: actor.personId, actorLabel: actor.label }),
      recordedAt: this.clock.now(),
    };
    const decisionId = await this.decisions.insert(decision);
    const view = await this.rounds.view(roundId);
    const round = { id: roundId, title: view.title, caseNumber: view.caseNumber, participants: view.participants.map((p) => ({ departmentId: p.departmentId, name: p.name })) };
    const mail = { ...decision, decisionId, recordedBy: personLabelOf(actor) };
    if (outcome === 'adopted') {
      if (planVersion !== null) await this.drafts.adopt(actor, roundId, planVersion);
      await this.notifier.adopted(round, mail);
    } else {
      await this.notifier.returned(round, mail);
    }
  }
}
