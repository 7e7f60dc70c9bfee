import { Module } from '@nestjs/common';
import { PlanModule } from '@samverka/plan';
import { PlanController } from './api/plan.controller';

/** The plan's REST endpoints: the draft, items, responsibilities, versions and their documents, questions, deferrals. */
@Module({
  imports: [PlanModule],
  controllers: [
    PlanController,
  ],
})
export class PlanApiModule {}
