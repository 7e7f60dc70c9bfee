import { Module } from '@nestjs/common';
import { NotificationsModule } from '@samverka/notifications';
import { ShellModule } from '../shell/shell.module';
import { NotificationsPagesController } from './pages/notifications-pages.controller';

/** The admin's list of emails (utskick), where a failed one can be sent again. */
@Module({
  imports: [ShellModule, NotificationsModule],
  controllers: [NotificationsPagesController],
})
export class NotificationsPagesModule {}
