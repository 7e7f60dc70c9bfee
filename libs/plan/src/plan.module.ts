import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { NeedsModule } from '@samverka/needs';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { RoundsModule } from '@samverka/rounds';
import { PlanAccessPolicy } from './access/plan-access.policy';
import { PLAN_ENTITIES } from './entities/index';
import { PlanRoundFacts } from './facts/plan-round-facts.provider';
import { PlanDocumentRepository } from './repositories/plan-document.repository';
import { NeedPickerRepository } from './repositories/need-picker.repository';
import { PlanDraftRepository } from './repositories/plan-draft.repository';
import { PlanDraftService } from './services/plan-draft.service';
import { PlanQueryService } from './services/plan-query.service';
import { IdentityModule } from '@samverka/identity';
import { ResponsibilityRepository } from './repositories/responsibility.repository';
import { ResponsibilityService } from './services/responsibility.service';
import { ResponsibilitySummaryNotifier } from './services/responsibility-summary.notifier';
import { DepartmentPeople } from './services/department-people';
import { SummaryToReadTasks } from './tasks/summary-to-read.tasks';
import { PlanCoverageRepository } from './repositories/plan-coverage.repository';
import { PlanQuestionRepository } from './repositories/plan-question.repository';
import { PlanNeedsCoverageService } from './services/plan-needs-coverage.service';
import { PlanQuestionService } from './services/plan-question.service';
import { PlanNeedsCoverageFacts } from './facts/plan-coverage.facts';
import { PLAN_QUESTION_TASK_PROVIDERS } from './tasks/plan-question.tasks';

/**
 * The plan (utvecklingsplan) of a round: its draft and frozen versions, items per area, the
 * responsibility allocation (ansvarsfördelning), the needs it answers or defers, and the questions
 * departments ask about their part. Provides the rounds' "plan" facts.
 */
@Module({
  imports: [TypeOrmModule.forFeature(PLAN_ENTITIES), AuditModule, NotificationsModule, OrganisationModule, RoundsModule, NeedsModule, IdentityModule],
  providers: [
    DepartmentPeople,
    PlanDocumentRepository,
    PlanDraftRepository,
    NeedPickerRepository,
    PlanAccessPolicy,
    PlanDraftService,
    PlanQueryService,
    PlanRoundFacts,
    ResponsibilityRepository,
    ResponsibilityService,
    ResponsibilitySummaryNotifier,
    SummaryToReadTasks,
    PlanCoverageRepository,
    PlanQuestionRepository,
    PlanNeedsCoverageService,
    PlanQuestionService,
    PlanNeedsCoverageFacts,
    ...PLAN_QUESTION_TASK_PROVIDERS,
  ],
  exports: [
    DepartmentPeople,
    PlanDocumentRepository,
    PlanAccessPolicy,
    PlanDraftService,
    PlanQueryService,
    ResponsibilityService,
    ResponsibilitySummaryNotifier,
    PlanNeedsCoverageService,
    PlanQuestionService,
  ],
})
export class PlanModule {}
