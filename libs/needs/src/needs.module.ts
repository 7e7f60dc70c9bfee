import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { RoundsModule } from '@samverka/rounds';
import { NeedsAccessPolicy } from './access/needs-access.policy';
import { NeedEntity, NeedsSubmissionEntity, ReferenceItemEntity } from './entities/index';
import { AnalysisRepository } from './repositories/analysis.repository';
import { NeedRepository } from './repositories/need.repository';
import { ReferenceRepository } from './repositories/reference.repository';
import { ReminderRepository } from './repositories/reminder.repository';
import { SubmissionRepository } from './repositories/submission.repository';
import { NeedService } from './services/need.service';
import { NeedsAnalysisService } from './services/needs-analysis.service';
import { NeedsReminderService } from './services/needs-reminder.service';
import { NeedsRoundFacts } from './services/needs-round-facts.provider';
import { ReferenceDataService } from './services/reference-data.service';
import { SubmissionService } from './services/submission.service';
import { NeedsTaskRepository } from './repositories/needs-task.repository';
import { NEEDS_TASK_PROVIDERS } from './tasks/needs-task.providers';
import { PlanCoverageFacts } from './facts/plan-coverage-facts';

/** Needs collection (behovsinsamling): reference data, needs, submissions; the provider of the rounds' "needs" facts. */
@Module({
  imports: [TypeOrmModule.forFeature([ReferenceItemEntity, NeedEntity, NeedsSubmissionEntity]), AuditModule, IdentityModule, NotificationsModule, OrganisationModule, RoundsModule, DiscoveryModule],
  providers: [PlanCoverageFacts, ReferenceRepository, NeedRepository, SubmissionRepository, AnalysisRepository, ReferenceDataService, NeedService, SubmissionService, NeedsAnalysisService, ReminderRepository, NeedsReminderService, NeedsRoundFacts, NeedsAccessPolicy, NeedsTaskRepository, ...NEEDS_TASK_PROVIDERS],
  exports: [NeedsAccessPolicy, ReferenceDataService, NeedService, SubmissionService, NeedsAnalysisService, NeedsReminderService],
})
export class NeedsModule {}
