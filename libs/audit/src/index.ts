export * from './actor';
// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { AuditEventEntity } from './audit-event.entity';
export * from './audit.service';
export * from './audit.module';
