import { Module } from '@nestjs/common';
import { FollowUpModule } from '@samverka/follow-up';

/** The follow-up's REST endpoints: reporting periods, reports per item, the roll-up, the CSV round trip. */
@Module({
  imports: [FollowUpModule],
  controllers: [],
})
export class FollowUpApiModule {}
