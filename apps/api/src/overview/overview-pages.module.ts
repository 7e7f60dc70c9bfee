import { Module } from '@nestjs/common';
import { OverviewModule } from '@samverka/overview';
import { ShellModule } from '../shell/shell.module';
import { OverviewPagesController } from './pages/overview-pages.controller';

/** /oversikt: the city overview page. */
@Module({
  imports: [ShellModule, OverviewModule],
  controllers: [OverviewPagesController],
})
export class OverviewPagesModule {}
