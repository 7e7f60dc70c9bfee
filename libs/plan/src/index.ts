// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { PlanEntity, PlanAreaTextEntity, PlanItemEntity, PlanItemNeedEntity, PlanResponsibilityEntity, PlanVersionEntity, PlanNeedDeferralEntity, PlanItemQuestionEntity, PlanSummaryReadEntity } from './entities/index';
export * from './plan.model';
export * from './plan.vocabulary';
export * from './plan.exception';
export * from './plan.module';
export * from './services/plan-needs-coverage.service';
export * from './services/plan-question.service';
export * from './access/question-access.policy';
export * from './rules/plan-questions.rules';
export * from './tasks/plan-question.tasks';
