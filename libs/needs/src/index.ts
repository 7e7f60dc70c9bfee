// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { Evidence, EvidenceKind, NeedEntity, NeedPriority, NeedsSubmissionEntity, ReferenceItemEntity, ReferenceKind, SubmissionStatus } from './entities/index';
export { EDITABLE_STATUSES, EVIDENCE_KINDS, HANDED_IN_STATUSES, NEED_PRIORITIES, REFERENCE_KINDS, SUBMISSION_STATUSES } from './entities/index';
export * from './needs.exception';
export * from './needs.module';
export * from './access/needs-access.policy';
export * from './services/reference-data.service';
export * from './services/need.service';
export * from './rules/needs-change.rules';
export * from './services/submission.service';
export * from './services/needs-reminder.service';
export * from './services/needs-analysis.service';
export * from './needs.vocabulary';
export type { NeedFilter, NeedRow } from './repositories/need.repository';
export type { SubmissionRow } from './repositories/submission.repository';
export * from './rules/need.rules';
export * from './rules/submission.rules';
export * from './rules/reference.rules';
