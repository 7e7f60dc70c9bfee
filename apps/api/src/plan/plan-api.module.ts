import { Module } from '@nestjs/common';
import { PlanModule } from '@samverka/plan';

/** The plan's REST endpoints: the draft, items, responsibilities, versions and their documents, questions, deferrals. */
@Module({
  imports: [PlanModule],
  controllers: [],
})
export class PlanApiModule {}
