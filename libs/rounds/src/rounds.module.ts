import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { RoundAccessPolicy } from './access/round-access.policy';
import { DemoRoundSeeder } from './demo/demo-round.seeder';
import { PlanRoundAreaEntity, PlanRoundEntity, PlanRoundEventEntity, PlanRoundParticipantEntity } from './entities/index';
import { PlanRoundFactsLoader } from './facts/plan-round-facts.loader';
import { PhaseChangeDigests } from './facts/phase-change-digests';
import { RoundFactProviders } from './facts/round-fact-providers';
import { RoundViewRepository } from './repositories/round-view.repository';
import { RoundStepEffects } from './facts/round-step-effects';
import { RoundCreatedEffects } from './facts/round-created-effects';
import { RoundsAppointmentFacts } from './facts/rounds-appointment-facts.provider';
import { RoundReaderFacts } from './facts/round-reader-facts';
import { PlanRoundEventRepository } from './repositories/plan-round-event.repository';
import { PlanRoundRepository } from './repositories/plan-round.repository';
import { PlanRoundCommandService } from './services/plan-round-command.service';
import { PlanRoundQueryService } from './services/plan-round-query.service';
import { PlanRoundStepService } from './services/plan-round-step.service';
import { RoundDeadlineService } from './services/round-deadline.service';
import { RoundNotifier } from './services/round-notifier';
import { RoundReminderService } from './services/round-reminder.service';

/**
 * Plan rounds (planomgångar): the durable side of the workflow in `@samverka/workflow`. The round's
 * facts from other contexts come from their providers (`@ProvidesRoundFacts`): an app with this
 * module must also have the modules that provide every kind (today NeedsModule), or it does not start.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([PlanRoundEntity, PlanRoundAreaEntity, PlanRoundParticipantEntity, PlanRoundEventEntity]),
    DiscoveryModule,
    AuditModule,
    OrganisationModule,
    IdentityModule,
    NotificationsModule,
  ],
  providers: [
    PlanRoundRepository,
    PlanRoundEventRepository,
    RoundViewRepository,
    RoundFactProviders,
    RoundStepEffects,
    RoundCreatedEffects,
    PlanRoundFactsLoader,
    RoundNotifier,
    PlanRoundQueryService,
    PlanRoundCommandService,
    PlanRoundStepService,
    RoundDeadlineService,
    RoundReminderService,
    DemoRoundSeeder,
    RoundAccessPolicy,
    RoundsAppointmentFacts,
    RoundReaderFacts,
    PhaseChangeDigests,
  ],
  exports: [RoundAccessPolicy, PlanRoundQueryService, PlanRoundCommandService, PlanRoundStepService, RoundDeadlineService, RoundReminderService, DemoRoundSeeder],
})
export class RoundsModule {}
