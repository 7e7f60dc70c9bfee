import { Injectable } from '@nestjs/common';
import { AuditService } from '@samverka/audit';
import { DecisionQueryService } from '@samverka/consultation';
import { PlanDocument, PlanQueryService } from '@samverka/plan';
import { OnRoundStep, RoundStep, RoundStepEffect } from '@samverka/rounds';
import type { FollowUpItem, ReportObligation } from '../follow-up.model';
import { FollowUpRepository } from '../repositories/follow-up.repository';
import { defaultPeriods } from './follow-up-periods';

/**
 * What follow-up knows of an adopted plan: its items in order with their estimated effort (the sum of
 * the responsibilities' hours; null when none is estimated), and who reports on each — the
 * organisations marked responsible (R), or, for an item without one, its accountable (A), so that no
 * item goes unreported.
 */
export function followUpOf(plan: PlanDocument): { items: FollowUpItem[]; obligations: ReportObligation[] } {
  const items: FollowUpItem[] = [];
  const obligations: ReportObligation[] = [];
  for (const area of plan.areas) {
    for (const item of area.items) {
      const hours = item.responsibilities.map((r) => r.effortHours).filter((h): h is number => h !== null);
      items.push({
        itemId: item.id,
        code: item.code,
        areaCode: area.code,
        title: item.title,
        position: items.length,
        effortHours: hours.length === 0 ? null : Math.round(hours.reduce((a, b) => a + b, 0) * 10) / 10,
      });
      const responsible = item.responsibilities.filter((r) => r.role === 'responsible');
      const reporters = responsible.length > 0 ? responsible : item.responsibilities.filter((r) => r.role === 'accountable');
      for (const r of reporters) {
        obligations.push({
          itemId: item.id,
          organisation: r.organisation.kind === 'department' ? { kind: 'department', departmentId: r.organisation.departmentId } : { kind: 'contactCentre' },
        });
      }
    }
  }
  return { items, obligations };
}

/**
 * When the decision adopts the plan (RECORD_DECISION → followUp), in the step's transaction: the adopted
 * version's items and their reporters are copied into the follow-up, and the round gets its default
 * reporting periods (the three tertials from the decision, changeable by strategists).
 */
@Injectable()
@OnRoundStep(['RECORD_DECISION'])
export class FollowUpSetupEffect implements RoundStepEffect {
  constructor(
    private readonly followUp: FollowUpRepository,
    private readonly decisions: DecisionQueryService,
    private readonly plans: PlanQueryService,
    private readonly audit: AuditService,
  ) {}

  async afterStep(step: RoundStep): Promise<void> {
    if (step.to !== 'followUp' || (await this.followUp.isSetUp(step.roundId))) return;
    const version = await this.decisions.versionToDecide(step.roundId);
    if (version === null) return;
    const { items, obligations } = followUpOf(await this.plans.version(step.roundId, version));
    await this.followUp.setUp(step.roundId, items, obligations);
    const periods = defaultPeriods(step.input.decidedOn!);
    await this.followUp.replacePeriods(step.roundId, periods);
    await this.audit.record(step.actor, {
      action: 'follow_up.started',
      subjectType: 'plan_round',
      subjectId: step.roundId,
      after: { planVersion: version, items: items.length, obligations: obligations.length, periods },
    });
  }
}
