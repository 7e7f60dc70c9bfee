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
// Responses (yttranden): the service, its views and rules, the proposal finder, the access answers.
export * from './services/response.service';
export * from './services/response.views';
export * from './rules/response.rules';
export * from './rules/attachment.rules';
export * from './rules/proposal-finder';
export * from './access/response-access.policy';
