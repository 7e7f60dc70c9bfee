import { Module } from '@nestjs/common';
import { RoundsModule } from '@samverka/rounds';
import { RoundsController } from './api/rounds.controller';

@Module({
  imports: [RoundsModule],
  controllers: [RoundsController],
})
export class RoundsApiModule {}
