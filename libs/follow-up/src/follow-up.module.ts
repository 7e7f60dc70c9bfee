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
import { FollowUpOpsRepository } from './repositories/follow-up-ops.repository';
import { FollowUpRepository } from './repositories/follow-up.repository';
import { FollowUpImportService } from './services/follow-up-import.service';
import { FollowUpReminderService } from './services/follow-up-reminder.service';
import { FollowUpSetupEffect } from './services/follow-up-setup.effect';
import { FollowUpService } from './services/follow-up.service';
import { FOLLOW_UP_TASK_PROVIDERS } from './tasks/follow-up.tasks';
import { NextRoundCarryOverEffect } from './services/next-round-carry-over.effect';
import { FollowUpViewRepository } from './repositories/follow-up-view.repository';
import { FollowUpQueryService } from './services/follow-up-query.service';

/**
 * Follow-up (uppföljning) of the adopted plan: reporting periods, the responsible organisations'
 * reports per item and period, the roll-ups, reminders and escalations, and the CSV round trip.
 * Set up when the decision adopts the plan.
 */
@Module({
  imports: [TypeOrmModule.forFeature(FOLLOW_UP_ENTITIES), AuditModule, IdentityModule, NotificationsModule, OrganisationModule, RoundsModule, PlanModule, ConsultationModule],
  providers: [FollowUpRepository, FollowUpService, FollowUpSetupEffect, FollowUpViewRepository, FollowUpQueryService, FollowUpOpsRepository, FollowUpImportService, FollowUpReminderService, ...FOLLOW_UP_TASK_PROVIDERS, NextRoundCarryOverEffect],
  exports: [FollowUpService, FollowUpQueryService, FollowUpImportService, FollowUpReminderService],
})
export class FollowUpModule {}
