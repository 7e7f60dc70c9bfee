import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { Actor } from './actor';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: object | null;
  after?: object | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly tx: TransactionHost) {}

  /** Writes inside the caller's transaction, so the audit row commits with the change or not at all. */
  async record(actor: Actor, record: AuditRecord): Promise<void> {
    await this.tx.repository(AuditEventEntity).save(
      Object.assign(new AuditEventEntity(), {
      actorId: actor.personId,
      actorLabel: actor.label,
      actorIp: actor.ip ?? null,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      before: (record.before ?? null) as Record<string, unknown> | null,
      after: (record.after ?? null) as Record<string, unknown> | null,
      }),
    );
  }

  async historyOf(subjectType: string, subjectId: string): Promise<AuditEventEntity[]> {
    return this.tx.repository(AuditEventEntity).find({
      where: { subjectType, subjectId },
      order: { occurredAt: 'ASC' },
    });
  }
}
