import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { NotificationPreferencesController, NotificationsAdminController } from './api/notifications.controller';

@Module({
  imports: [IdentityModule, NotificationsModule],
  controllers: [NotificationPreferencesController, NotificationsAdminController],
})
export class NotificationsApiModule {}
