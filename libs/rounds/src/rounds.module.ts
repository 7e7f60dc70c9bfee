import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { DemoRoundSeeder } from './demo/demo-round.seeder';
import { PlanRoundAreaEntity, PlanRoundEntity, PlanRoundEventEntity, PlanRoundParticipantEntity } from './entities/index';
import { PlanRoundEventRepository } from './repositories/plan-round-event.repository';
import { PlanRoundRepository } from './repositories/plan-round.repository';
import { PlanRoundFactsLoader } from './services/plan-round-facts.loader';
import { PlanRoundService } from './services/plan-round.service';
import { RoundDeadlineService } from './services/round-deadline.service';
import { RoundNotifier } from './services/round-notifier';

/** Plan rounds (planomgångar): the durable side of the workflow in `@samverka/workflow`. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PlanRoundEntity, PlanRoundAreaEntity, PlanRoundParticipantEntity, PlanRoundEventEntity]),
    AuditModule,
    OrganisationModule,
    IdentityModule,
    NotificationsModule,
  ],
  providers: [PlanRoundRepository, PlanRoundEventRepository, PlanRoundFactsLoader, RoundNotifier, PlanRoundService, RoundDeadlineService, DemoRoundSeeder],
  exports: [PlanRoundService, RoundDeadlineService, DemoRoundSeeder, PlanRoundFactsLoader],
})
export class RoundsModule {}
