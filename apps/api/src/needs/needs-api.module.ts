import { Module } from '@nestjs/common';
import { NeedsModule } from '@samverka/needs';
import { NeedsController } from './needs.controller';
import { ReferenceController } from './reference.controller';
import { SubmissionsController } from './submissions.controller';

@Module({
  imports: [NeedsModule],
  controllers: [NeedsController, SubmissionsController, ReferenceController],
})
export class NeedsApiModule {}
