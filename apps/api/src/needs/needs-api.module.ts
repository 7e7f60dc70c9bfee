import { Module } from '@nestjs/common';
import { NeedsModule } from '@samverka/needs';
import { NeedsAnalysisController } from './needs-analysis.controller';
import { NeedsController } from './needs.controller';
import { ReferenceController } from './reference.controller';
import { SubmissionsController } from './submissions.controller';

@Module({
  imports: [NeedsModule],
  controllers: [NeedsController, NeedsAnalysisController, SubmissionsController, ReferenceController],
})
export class NeedsApiModule {}
