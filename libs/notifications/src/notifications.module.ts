import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { join } from 'node:path';
import { FileMailer, SmtpMailer } from './mail/nodemailer.mailer';
import { Mailer } from './mail/mailer';
import { NotificationEntity } from './notification.entity';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationOutbox } from './notification-outbox';
import { NotificationRenderer } from './notification-renderer';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  providers: [
    NotificationOutbox,
    NotificationRenderer,
    NotificationDispatcher,
    {
      provide: Mailer,
      inject: [SAMVERKA_CONFIG],
      useFactory: (config: SamverkaConfig): Mailer =>
        config.mail.smtpUrl ? new SmtpMailer(config.mail.smtpUrl, config.mail.from) : new FileMailer(join(config.app.dataDir, 'mail'), config.mail.from),
    },
  ],
  exports: [NotificationOutbox, NotificationRenderer, NotificationDispatcher, Mailer],
})
export class NotificationsModule {}
