import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { PlanModule } from '@samverka/plan';
import { RoundsModule } from '@samverka/rounds';
import { CONSULTATION_ENTITIES } from './entities/index';
import { ConsultationRepository } from './repositories/consultation.repository';
import { ConsultationService } from './services/consultation.service';
import { ConsultationRoundFacts } from './facts/consultation-round-facts.provider';
import { ConsultationRoundReaderFacts } from './facts/consultation-round-reader-facts.provider';
import { ConsultationSendEffect } from './services/consultation-send.effect';
import { ConsultationExtensionRepository } from './repositories/consultation-extension.repository';
import { ConsultationExtensionService } from './services/consultation-extension.service';
import { ConsultationReminderRepository } from './repositories/consultation-reminder.repository';
import { ConsultationReminderService } from './services/consultation-reminder.service';
import { PlanDecisionRepository } from './repositories/plan-decision.repository';
import { DecisionEffect } from './services/decision.effect';
import { DecisionNotifier } from './services/decision.notifier';
import { DecisionQueryService } from './services/decision-query.service';
import { ResponseRepository } from './repositories/response.repository';
import { ResponseService } from './services/response.service';
import { ProposalsRoundFacts } from './facts/proposals-round-facts.provider';
import { CompilationRepository } from './repositories/compilation.repository';
import { CompilationService } from './services/compilation.service';
import { TriageTasks } from './tasks/triage.tasks';
import { CONSULTATION_SEND_TASK_PROVIDERS } from './tasks/consultation.tasks';

/**
 * The consultation (remiss) of a round's plan and its decision: recipients with their own reply
 * dates, extensions, reminders, the committees' formal responses with their proposals, the
 * compilation and the triage, and the executive board's decision. Provides the rounds'
 * "consultation" facts.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CONSULTATION_ENTITIES), AuditModule, IdentityModule, NotificationsModule, OrganisationModule, RoundsModule, PlanModule],
  providers: [ConsultationRepository, ConsultationService, ConsultationRoundFacts, ConsultationRoundReaderFacts, ConsultationSendEffect, ConsultationExtensionRepository, ConsultationExtensionService, ConsultationReminderRepository, ConsultationReminderService, PlanDecisionRepository, DecisionNotifier, DecisionEffect, DecisionQueryService,
    // Responses (yttranden)
    ResponseRepository,
    ResponseService,
    // The compilation and triage
    ProposalsRoundFacts, CompilationRepository, CompilationService, TriageTasks,
    ...CONSULTATION_SEND_TASK_PROVIDERS,
  ],
  exports: [ConsultationService, ConsultationExtensionService, ConsultationReminderService, DecisionQueryService,
    // Responses (yttranden)
    ResponseService,
    CompilationService,
  ],
})
export class ConsultationModule {}
