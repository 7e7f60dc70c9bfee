import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { NeedsModule } from '@samverka/needs';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { RoundsModule } from '@samverka/rounds';
import { PLAN_ENTITIES } from './entities/index';
import { PlanDocumentRepository } from './repositories/plan-document.repository';
import { IdentityModule } from '@samverka/identity';
import { ResponsibilityRepository } from './repositories/responsibility.repository';
import { ResponsibilityService } from './services/responsibility.service';
import { ResponsibilitySummaryNotifier } from './services/responsibility-summary.notifier';
import { SummaryToReadTasks } from './tasks/summary-to-read.tasks';

/**
 * The plan (utvecklingsplan) of a round: its draft and frozen versions, items per area, the
 * responsibility allocation (ansvarsfördelning), the needs it answers or defers, and the questions
 * departments ask about their part. Provides the rounds' "plan" facts.
 */
@Module({
  imports: [TypeOrmModule.forFeature(PLAN_ENTITIES), AuditModule, NotificationsModule, OrganisationModule, RoundsModule, NeedsModule, IdentityModule],
  providers: [PlanDocumentRepository, ResponsibilityRepository, ResponsibilityService, ResponsibilitySummaryNotifier, SummaryToReadTasks],
  exports: [ResponsibilityService, ResponsibilitySummaryNotifier],
})
export class PlanModule {}
