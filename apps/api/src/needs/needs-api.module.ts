import { Module } from '@nestjs/common';
import { NeedsModule } from '@samverka/needs';
import { NeedsAnalysisController } from './api/needs-analysis.controller';
import { NeedsController } from './api/needs.controller';
import { ReferenceController } from './api/reference.controller';
import { SubmissionsController } from './api/submissions.controller';

@Module({
  imports: [NeedsModule],
  controllers: [NeedsController, NeedsAnalysisController, SubmissionsController, ReferenceController],
})
export class NeedsApiModule {}
