import { Module } from '@nestjs/common';
import { PlanModule } from '@samverka/plan';
import { PlanController } from './api/plan.controller';
import { ResponsibilitiesController } from './api/responsibilities.controller';
import { PlanNeedsController } from './api/plan-needs.controller';
import { PlanQuestionsController } from './api/plan-questions.controller';

/** The plan's REST endpoints: the draft, items, responsibilities, versions and their documents, questions, deferrals. */
@Module({
  imports: [PlanModule],
  controllers: [
    PlanController,
    ResponsibilitiesController,
    PlanNeedsController,
    PlanQuestionsController,
  ],
})
export class PlanApiModule {}
