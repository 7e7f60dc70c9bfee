// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type {
  ConsultationEntity,
  ConsultationQuestionEntity,
  ConsultationRecipientEntity,
  ConsultationExtensionEntity,
  ConsultationResponseEntity,
  ConsultationProposalEntity,
  ConsultationAttachmentEntity,
  PlanDecisionEntity,
} from './entities/index';
export * from './consultation.model';
export * from './consultation.vocabulary';
export * from './consultation.exception';
export * from './consultation.module';
export * from './rules/consultation.rules';
export * from './services/consultation.service';
export * from './services/consultation-extension.service';
export * from './services/consultation-reminder.service';
export { ConsultationRoundFacts } from './facts/consultation-round-facts.provider';
export * from './tasks/consultation.tasks';
