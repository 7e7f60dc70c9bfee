import { Module } from '@nestjs/common';
import { FollowUpModule } from '@samverka/follow-up';
import { FollowUpCsvController } from './api/follow-up-csv.controller';
import { FollowUpController } from './api/follow-up.controller';

/** The follow-up's REST endpoints: reporting periods, reports per item, the roll-up, the CSV round trip. */
@Module({
  imports: [FollowUpModule],
  controllers: [FollowUpController, FollowUpCsvController],
})
export class FollowUpApiModule {}
