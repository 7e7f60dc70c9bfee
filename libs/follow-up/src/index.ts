// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { FollowUpPeriodEntity, FollowUpItemEntity, FollowUpObligationEntity, FollowUpReportEntity } from './entities/index';
export * from './follow-up.model';
export * from './follow-up.vocabulary';
export * from './follow-up.exception';
export * from './follow-up.module';
export * from './access/follow-up-access.policy';
export * from './rules/follow-up.rules';
export * from './services/follow-up.service';
export * from './services/follow-up-periods';
export { followUpOf } from './services/follow-up-setup.effect';
export * from './csv/follow-up-csv';
export * from './services/follow-up-import.service';
export * from './services/follow-up-reminder.service';
export { FOLLOW_UP_TASK_KINDS, REPORT_TASK_WORKING_DAYS, followUpReportPath } from './tasks/follow-up.tasks';
export { nextRoundStatus } from './services/next-round-carry-over.effect';
export * from './follow-up-view.model';
export * from './services/follow-up-query.service';
export { rollUpOf, workingDaysLate } from './services/follow-up-view.assembler';
