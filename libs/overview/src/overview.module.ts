import { Module } from '@nestjs/common';
import { DigestsModule } from '@samverka/digests';
import { OverviewRepository } from './repositories/overview.repository';
import { OverviewService } from './services/overview.service';

/**
 * The city overview (stadsöversikt): a read model over the rounds, needs, consultation, follow-up and
 * organisation tables, for strategists (the whole city) and coordinators and managers (their departments).
 */
@Module({
  imports: [DigestsModule],
  providers: [OverviewRepository, OverviewService],
  exports: [OverviewService],
})
export class OverviewModule {}
