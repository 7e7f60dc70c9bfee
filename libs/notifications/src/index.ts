// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { NotificationEntity, NotificationStatus } from './notification.entity';
export { NOTIFICATION_STATUSES } from './notification.entity';
export * from './notification-kinds';
export * from './recipient';
export * from './notification-outbox';
export * from './notification-renderer';
export * from './notification-dispatcher';
export * from './notifications.module';
export * from './mail/mailer';
export * from './mail/nodemailer.mailer';
export * from './notification.exception';
export * from './notification-admin.service';
export * from './links.service';
export * from './notification-tasks';
