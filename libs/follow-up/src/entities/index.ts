export * from './follow-up-period.entity';
export * from './follow-up-item.entity';
export * from './follow-up-obligation.entity';
export * from './follow-up-report.entity';

import { FollowUpItemEntity } from './follow-up-item.entity';
import { FollowUpObligationEntity } from './follow-up-obligation.entity';
import { FollowUpPeriodEntity } from './follow-up-period.entity';
import { FollowUpReportEntity } from './follow-up-report.entity';

export const FOLLOW_UP_ENTITIES = [FollowUpPeriodEntity, FollowUpItemEntity, FollowUpObligationEntity, FollowUpReportEntity];
