// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { PlanEntity, PlanAreaTextEntity, PlanItemEntity, PlanItemNeedEntity, PlanResponsibilityEntity, PlanVersionEntity, PlanNeedDeferralEntity, PlanItemQuestionEntity, PlanSummaryReadEntity } from './entities/index';
export * from './plan.model';
export * from './plan.vocabulary';
export * from './plan.exception';
export * from './plan.module';
export * from './diff/plan-diff';
