import { Module } from '@nestjs/common';
import { FollowUpModule } from '@samverka/follow-up';
import { RoundsModule } from '@samverka/rounds';
import { ShellModule } from '../shell/shell.module';
import { FollowUpPagesController } from './pages/follow-up-pages.controller';

/** The follow-up's pages: the round's follow-up, one department's, one item's reports and form, the periods form. */
@Module({
  imports: [ShellModule, RoundsModule, FollowUpModule],
  controllers: [FollowUpPagesController],
})
export class FollowUpPagesModule {}
