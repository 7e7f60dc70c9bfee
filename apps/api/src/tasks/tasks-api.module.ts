import { Module } from '@nestjs/common';
import { TasksModule } from '@samverka/kernel';
import { NeedsModule } from '@samverka/needs';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { TasksController } from './api/tasks.controller';

/** GET /api/v1/me/tasks; the contexts' modules bring their task providers. */
@Module({
  imports: [TasksModule, NeedsModule, OrganisationModule, NotificationsModule],
  controllers: [TasksController],
})
export class TasksApiModule {}
