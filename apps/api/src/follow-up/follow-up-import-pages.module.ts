import { Module } from '@nestjs/common';
import { FollowUpModule } from '@samverka/follow-up';
import { ShellModule } from '../shell/shell.module';
import { FollowUpImportPagesController } from './pages/follow-up-import-pages.controller';

/** The follow-up's CSV import page under a department's follow-up page (download, dry run, confirmation). */
@Module({
  imports: [ShellModule, FollowUpModule],
  controllers: [FollowUpImportPagesController],
})
export class FollowUpImportPagesModule {}
