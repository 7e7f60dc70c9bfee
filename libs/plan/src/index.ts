// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { PlanEntity, PlanAreaTextEntity, PlanItemEntity, PlanItemNeedEntity, PlanResponsibilityEntity, PlanVersionEntity, PlanNeedDeferralEntity, PlanItemQuestionEntity, PlanSummaryReadEntity } from './entities/index';
export * from './plan.model';
export * from './plan.vocabulary';
export * from './plan.exception';
export * from './plan.module';
// Responsibility allocation (ansvarsfördelning): matrix, department summaries, exports, documents, the summary email, the read task.
export * from './access/responsibility-access.policy';
export * from './services/responsibility.assembler';
export * from './services/responsibility.service';
export * from './services/responsibility-summary.notifier';
export * from './tasks/summary-to-read.tasks';
export type { DocumentHeading } from './documents/docx-parts';
export type { AllocationRound, UnreadSummaryRow } from './repositories/responsibility.repository';
