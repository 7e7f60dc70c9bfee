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

/**
 * The audit row of a change as an INSERT that a write nests in its own statement (a data-modifying CTE, so
 * the change, its history and its audit row are one round trip): the row is written once per row of
 * `source` (a CTE of that statement, e.g. the conditional update's `returning`), with its values as the
 * parameters numbered from `first` on. `AuditService.record` writes the same row on its own.
 */
export function auditInsert(actor: Actor, record: AuditRecord, source: string, first: number): { sql: string; values: unknown[] } {
  const $ = (i: number) => `$${first + i}`;
  return {
    sql: `insert into audit_event (actor_id, actor_label, actor_ip, action, subject_type, subject_id, before, after)
          select ${$(0)}::uuid, ${$(1)}::text, ${$(2)}::text, ${$(3)}::text, ${$(4)}::text, ${$(5)}::uuid, ${$(6)}::jsonb, ${$(7)}::jsonb from ${source}`,
    values: [
      actor.personId,
      actor.label,
      actor.ip ?? null,
      record.action,
      record.subjectType,
      record.subjectId,
      record.before == null ? null : JSON.stringify(record.before),
      record.after == null ? null : JSON.stringify(record.after),
    ],
  };
}
