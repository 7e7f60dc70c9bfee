import { Module } from '@nestjs/common';
import { ConsultationModule } from '@samverka/consultation';
import { PlanModule } from '@samverka/plan';
import { RoundsModule } from '@samverka/rounds';
import { NeedsModule } from '@samverka/needs';
import { ShellModule } from '../shell/shell.module';
import { PlanPagesController } from './pages/plan-pages.controller';
import { AllocationPagesController } from './pages/allocation-pages.controller';
import { DepartmentQuestionsPagesController } from './pages/department-questions-pages.controller';
import { PlanCoveragePagesController } from './pages/plan-coverage-pages.controller';

/** The plan's pages: the draft and its forms, versions and diffs, the responsibility allocation, each department's summary. */
@Module({
  imports: [ShellModule, RoundsModule, PlanModule, NeedsModule, ConsultationModule],
  controllers: [PlanPagesController, AllocationPagesController, PlanCoveragePagesController, DepartmentQuestionsPagesController],
})
export class PlanPagesModule {}
