import { Module } from '@nestjs/common';
import { OverviewRepository } from './repositories/overview.repository';
import { OverviewService } from './services/overview.service';

/**
 * The city overview (stadsöversikt): a read model over the rounds, needs, consultation, follow-up and
 * organisation tables, for strategists (the whole city) and coordinators and managers (their departments).
 */
@Module({
  providers: [OverviewRepository, OverviewService],
  exports: [OverviewService],
})
export class OverviewModule {}
