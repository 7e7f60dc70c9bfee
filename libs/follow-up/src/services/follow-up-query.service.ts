import { Inject, Injectable } from '@nestjs/common';
import { Clock, CommonError, localDateInCity } from '@samverka/kernel';
import { FollowUpError, FollowUpErrorCode } from '../follow-up.exception';
import type { FollowUpItemHistory, FollowUpView } from '../follow-up-view.model';
import { FollowUpRepository } from '../repositories/follow-up.repository';
import { FollowUpViewRepository } from '../repositories/follow-up-view.repository';
import { assembleFollowUpView, organisationOfRow } from './follow-up-view.assembler';

/**
 * Reading the follow-up: the round's view for a period (one statement: items with each organisation's
 * latest status, roll-ups per area, per organisation and for the plan, what is overdue, status over
 * periods), and one item's history of reports.
 */
@Injectable()
export class FollowUpQueryService {
  constructor(
    private readonly views: FollowUpViewRepository,
    private readonly followUp: FollowUpRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The round's follow-up for the period (default: the latest period already due, else the first); 404 when the round does not exist. */
  async view(roundId: string, periodId?: string | null): Promise<FollowUpView> {
    const today = localDateInCity(this.clock.now());
    const rows = await this.views.view(roundId, periodId ?? null, today);
    if (!rows) throw CommonError.notFound('Planomgången', roundId);
    return assembleFollowUpView(rows, today);
  }

  /** Every revision of the reports on one item (newest first) with the item, its reporters and the periods; 404 when not in the adopted plan. */
  async itemHistory(roundId: string, itemId: string): Promise<FollowUpItemHistory> {
    const today = localDateInCity(this.clock.now());
    const found = await this.views.itemOf(roundId, itemId);
    if (!found) throw new FollowUpError(FollowUpErrorCode.FOLLOW_UP_ITEM_NOT_FOUND, 'Insatsen finns inte i den antagna planen', { entity: 'item', id: itemId });
    const [periods, reports] = [await this.followUp.periodsOf(roundId), await this.followUp.reportsOnItem(roundId, itemId)];
    return {
      roundId,
      roundTitle: found.round.title,
      state: found.round.state,
      item: {
        itemId: found.item.item_id,
        code: found.item.code,
        areaCode: found.item.area_code,
        areaName: found.round.areas.find((a) => a.code === found.item.area_code)?.name ?? found.item.area_code,
        title: found.item.title,
        effortHours: found.item.effort_hours,
      },
      reporters: found.reporters.map((r) => ({ organisation: organisationOfRow(r.department_id), name: r.name })),
      periods: periods.map((p) => ({ ...p, due: p.dueOn < today })),
      reports,
      today,
    };
  }
}
