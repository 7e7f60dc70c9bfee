import { Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { join } from 'node:path';
import { FileMailer, SmtpMailer } from './mail/nodemailer.mailer';
import { Mailer } from './mail/mailer';
import { NotificationEntity } from './notification.entity';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationOutbox } from './notification-outbox';
import { NotificationAdminService } from './notification-admin.service';
import { NotificationRenderer } from './notification-renderer';
import { Links } from './links.service';
import { FailedNotificationTasks, NotificationTaskRepository } from './notification-tasks';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), AuditModule],
  providers: [
    NotificationOutbox,
    NotificationRenderer,
    NotificationDispatcher,
    NotificationAdminService,
    Links,
    NotificationTaskRepository,
    FailedNotificationTasks,
    {
      provide: Mailer,
      inject: [SAMVERKA_CONFIG],
      useFactory: (config: SamverkaConfig): Mailer =>
        config.mail.smtpUrl ? new SmtpMailer(config.mail.smtpUrl, config.mail.from) : new FileMailer(join(config.app.dataDir, 'mail'), config.mail.from),
    },
  ],
  exports: [NotificationOutbox, NotificationRenderer, NotificationDispatcher, Mailer, NotificationAdminService, Links],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(private readonly mailer: Mailer) {}

  /** Closes the SMTP connection pool with the application. */
  async onApplicationShutdown(): Promise<void> {
    await this.mailer.close();
  }
}
