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
// The decision (RECORD_DECISION's effect) and its read model.
export * from './decision.model';
export * from './services/decision-query.service';
export * from './rules/consultation.rules';
export * from './services/consultation.service';
export * from './services/consultation-extension.service';
export * from './services/consultation-reminder.service';
export { ConsultationRoundFacts } from './facts/consultation-round-facts.provider';
// Responses (yttranden): the service, its views and rules, the proposal finder, the access answers.
export * from './services/response.service';
export * from './services/response.views';
export * from './rules/response.rules';
export * from './rules/attachment.rules';
export * from './rules/proposal-finder';
export * from './access/response-access.policy';
// The compilation (sammanställning), the triage of proposals and the "proposals" round facts.
export * from './compilation/compilation.model';
export * from './compilation/compilation.assembler';
export * from './rules/triage.rules';
export * from './services/compilation.service';
export * from './facts/proposals-round-facts.provider';
export * from './tasks/triage.tasks';
export * from './tasks/consultation.tasks';
