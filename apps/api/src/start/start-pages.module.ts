import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { TasksModule } from '@samverka/kernel';
import { NeedsModule } from '@samverka/needs';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { ShellModule } from '../shell/shell.module';
import { StartPagesController } from './pages/start-pages.controller';

/** The start page: what the signed-in user has to do. */
@Module({
  imports: [ShellModule, OrganisationModule, IdentityModule, TasksModule, NeedsModule, NotificationsModule],
  controllers: [StartPagesController],
})
export class StartPagesModule {}
