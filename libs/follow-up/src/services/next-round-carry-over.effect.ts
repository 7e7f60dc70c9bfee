import { Injectable } from '@nestjs/common';
import { PlanDraftService, PlanItem, PlanItemStatus } from '@samverka/plan';
import { OnRoundCreated, RoundCreatedEffect, RoundCreation } from '@samverka/rounds';
import type { ReportStatus } from '../follow-up.model';
import { FollowUpRepository } from '../repositories/follow-up.repository';

const FINISHED: readonly ReportStatus[] = ['done', 'cancelled'];
const UNDER_WAY: readonly ReportStatus[] = ['on_track', 'at_risk', 'delayed'];

/**
 * What next year's plan makes of an item of this year's adopted plan, from the follow-up's latest
 * statuses (one per reporting organisation): finished (every organisation says done or cancelled) — left
 * behind (null); under way for any organisation (on track, at risk, delayed) — `ongoing`; otherwise (not
 * started) — `planned`. An item nobody reported on keeps its status in the adopted plan, and is left
 * behind only when that says completed or cancelled.
 */
export function nextRoundStatus(latest: readonly ReportStatus[] | undefined, planStatus: PlanItemStatus): PlanItemStatus | null {
  if (!latest || latest.length === 0) return planStatus === 'completed' || planStatus === 'cancelled' ? null : planStatus;
  if (latest.every((s) => FINISHED.includes(s))) return null;
  return latest.some((s) => UNDER_WAY.includes(s)) ? 'ongoing' : 'planned';
}

/**
 * Next year's round from this one (`POST /api/v1/rounds` with `fromRoundId`), in the creation's
 * transaction: the earlier round's adopted plan becomes the new round's first draft, carrying over the
 * items whose latest follow-up status is not done or cancelled, with their codes, responsibilities and
 * latest status (`PlanDraftService.startFromRound`).
 */
@Injectable()
@OnRoundCreated()
export class NextRoundCarryOverEffect implements RoundCreatedEffect {
  constructor(
    private readonly followUp: FollowUpRepository,
    private readonly drafts: PlanDraftService,
  ) {}

  async afterCreated(creation: RoundCreation): Promise<void> {
    if (creation.fromRoundId === null) return;
    const latest = await this.followUp.latestStatusesByItem(creation.fromRoundId);
    await this.drafts.startFromRound(creation.actor, creation.roundId, creation.fromRoundId, (item: PlanItem) => nextRoundStatus(latest.get(item.id), item.status));
  }
}
