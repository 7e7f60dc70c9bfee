import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { ConsultationModule } from '@samverka/consultation';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { PlanModule } from '@samverka/plan';
import { RoundsModule } from '@samverka/rounds';
import { FOLLOW_UP_ENTITIES } from './entities/index';
import { FollowUpRepository } from './repositories/follow-up.repository';
import { FollowUpSetupEffect } from './services/follow-up-setup.effect';
import { FollowUpService } from './services/follow-up.service';
import { FollowUpViewRepository } from './repositories/follow-up-view.repository';
import { FollowUpQueryService } from './services/follow-up-query.service';

/**
 * Follow-up (uppföljning) of the adopted plan: reporting periods, the responsible organisations'
 * reports per item and period, the roll-ups, reminders and escalations, and the CSV round trip.
 * Set up when the decision adopts the plan.
 */
@Module({
  imports: [TypeOrmModule.forFeature(FOLLOW_UP_ENTITIES), AuditModule, IdentityModule, NotificationsModule, OrganisationModule, RoundsModule, PlanModule, ConsultationModule],
  providers: [FollowUpRepository, FollowUpService, FollowUpSetupEffect, FollowUpViewRepository, FollowUpQueryService],
  exports: [FollowUpService, FollowUpQueryService],
})
export class FollowUpModule {}
