export * from './plan.entity';
export * from './plan-area-text.entity';
export * from './plan-item.entity';
export * from './plan-item-need.entity';
export * from './plan-responsibility.entity';
export * from './plan-version.entity';
export * from './plan-need-deferral.entity';
export * from './plan-item-question.entity';
export * from './plan-summary-read.entity';

import { PlanAreaTextEntity } from './plan-area-text.entity';
import { PlanEntity } from './plan.entity';
import { PlanItemEntity } from './plan-item.entity';
import { PlanItemNeedEntity } from './plan-item-need.entity';
import { PlanItemQuestionEntity } from './plan-item-question.entity';
import { PlanNeedDeferralEntity } from './plan-need-deferral.entity';
import { PlanResponsibilityEntity } from './plan-responsibility.entity';
import { PlanSummaryReadEntity } from './plan-summary-read.entity';
import { PlanVersionEntity } from './plan-version.entity';

export const PLAN_ENTITIES = [PlanEntity, PlanAreaTextEntity, PlanItemEntity, PlanItemNeedEntity, PlanResponsibilityEntity, PlanVersionEntity, PlanNeedDeferralEntity, PlanItemQuestionEntity, PlanSummaryReadEntity];
