export * from './actor';
export * from './audit-event.entity';
export * from './audit.service';
export * from './audit.module';
