import { Module } from '@nestjs/common';
import { PlanModule } from '@samverka/plan';
import { PlanController } from './api/plan.controller';
import { ResponsibilitiesController } from './api/responsibilities.controller';

/** The plan's REST endpoints: the draft, items, responsibilities, versions and their documents, questions, deferrals. */
@Module({
  imports: [PlanModule],
  controllers: [
    PlanController,
    ResponsibilitiesController,
  ],
})
export class PlanApiModule {}
