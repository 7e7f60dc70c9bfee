import { Module } from '@nestjs/common';
import { DigestsModule } from '@samverka/digests';
import { DigestController } from './api/digest.controller';

/** The status digests' REST endpoint: the caller's preview. */
@Module({
  imports: [DigestsModule],
  controllers: [DigestController],
})
export class DigestsApiModule {}
