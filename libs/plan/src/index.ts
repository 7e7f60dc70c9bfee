// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { PlanEntity, PlanAreaTextEntity, PlanItemEntity, PlanItemNeedEntity, PlanResponsibilityEntity, PlanVersionEntity, PlanNeedDeferralEntity, PlanItemQuestionEntity, PlanSummaryReadEntity } from './entities/index';
export * from './plan.model';
export * from './plan.vocabulary';
export * from './plan.exception';
export * from './plan.module';
export * from './diff/plan-diff';
export * from './access/plan-access.policy';
export * from './rules/plan.rules';
export * from './rules/plan-item-code';
export * from './services/plan-draft.service';
export * from './services/plan-query.service';
export * from './facts/plan-round-facts.provider';
export type { PlanState, DraftRead } from './repositories/plan-document.repository';
export { PlanDocumentRepository } from './repositories/plan-document.repository';
// Responsibility allocation (ansvarsfördelning): matrix, department summaries, exports, documents, the summary email, the read task.
export * from './access/responsibility-access.policy';
export * from './services/responsibility.assembler';
export * from './services/responsibility.service';
export * from './services/responsibility-summary.notifier';
export * from './tasks/summary-to-read.tasks';
export type { DocumentHeading } from './documents/docx-parts';
export type { AllocationRound, UnreadSummaryRow } from './repositories/responsibility.repository';
export * from './services/plan-needs-coverage.service';
export * from './services/plan-question.service';
export * from './access/question-access.policy';
export * from './rules/plan-questions.rules';
export * from './tasks/plan-question.tasks';
export * from './services/department-people';
