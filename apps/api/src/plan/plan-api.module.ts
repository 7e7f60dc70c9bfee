import { Module } from '@nestjs/common';
import { PlanModule } from '@samverka/plan';
import { PlanNeedsController } from './api/plan-needs.controller';
import { PlanQuestionsController } from './api/plan-questions.controller';

/** The plan's REST endpoints: the draft, items, responsibilities, versions and their documents, questions, deferrals. */
@Module({
  imports: [PlanModule],
  controllers: [PlanNeedsController, PlanQuestionsController],
})
export class PlanApiModule {}
