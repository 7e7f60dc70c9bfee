export * from './consultation.entity';
export * from './consultation-question.entity';
export * from './consultation-recipient.entity';
export * from './consultation-extension.entity';
export * from './consultation-response.entity';
export * from './consultation-proposal.entity';
export * from './consultation-attachment.entity';
export * from './consultation-decision.entity';

import { ConsultationAttachmentEntity } from './consultation-attachment.entity';
import { PlanDecisionEntity } from './consultation-decision.entity';
import { ConsultationEntity } from './consultation.entity';
import { ConsultationExtensionEntity } from './consultation-extension.entity';
import { ConsultationProposalEntity } from './consultation-proposal.entity';
import { ConsultationQuestionEntity } from './consultation-question.entity';
import { ConsultationRecipientEntity } from './consultation-recipient.entity';
import { ConsultationResponseEntity } from './consultation-response.entity';

export const CONSULTATION_ENTITIES = [
  ConsultationEntity,
  ConsultationQuestionEntity,
  ConsultationRecipientEntity,
  ConsultationExtensionEntity,
  ConsultationResponseEntity,
  ConsultationProposalEntity,
  ConsultationAttachmentEntity,
  PlanDecisionEntity,
];
