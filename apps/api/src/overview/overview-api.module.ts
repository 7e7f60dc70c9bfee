import { Module } from '@nestjs/common';
import { OverviewModule } from '@samverka/overview';
import { OverviewController } from './api/overview.controller';

/** GET /api/v1/overview. */
@Module({
  imports: [OverviewModule],
  controllers: [OverviewController],
})
export class OverviewApiModule {}
