import { Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { CommonError } from '@samverka/kernel';
import { ReferenceItemEntity, ReferenceKind } from '../entities/reference-item.entity';
import { NeedsError, NeedsErrorCode } from '../needs.exception';
import { ReferenceRepository } from '../repositories/reference.repository';

export const REFERENCE_LABELS: Record<ReferenceKind, string> = { channel: 'Kanalen', district: 'Stadsområdet', target_group: 'Målgruppen' };
const CODE = /^[a-z][a-z0-9_]{1,39}$/;

/** Channels, districts and target groups: read by everyone, changed by admins (never deleted: retired). */
@Injectable()
export class ReferenceDataService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly items: ReferenceRepository,
    private readonly audit: AuditService,
  ) {}

  list(kind: ReferenceKind, includeInactive = false): Promise<ReferenceItemEntity[]> {
    return this.items.list(kind, includeInactive);
  }

  async create(actor: Actor, kind: ReferenceKind, input: { code: string; name: string }): Promise<ReferenceItemEntity> {
    const code = input.code.trim();
    const name = input.name.trim();
    if (!CODE.test(code)) throw CommonError.invalidField('code', 'matches', 'Koden ska börja med en liten bokstav och bara innehålla a–z, 0–9 och _ (2–40 tecken)');
    if (name.length === 0) throw CommonError.invalidField('name', 'isNotEmpty', 'Ange ett namn');
    return this.tx.run(async () => {
      if (await this.items.findOne(kind, code)) throw new NeedsError(NeedsErrorCode.REFERENCE_EXISTS, `${REFERENCE_LABELS[kind]} ${code} finns redan`, { kind, code });
      const item = await this.items.insert({ kind, code, name, active: true, position: await this.items.nextPosition(kind) });
      await this.audit.record(actor, { action: 'reference.created', subjectType: 'reference_item', subjectId: item.id, after: { kind, code, name } });
      return item;
    });
  }

  async update(actor: Actor, kind: ReferenceKind, code: string, input: { name?: string; active?: boolean }): Promise<ReferenceItemEntity> {
    if (input.name !== undefined && input.name.trim().length === 0) throw CommonError.invalidField('name', 'isNotEmpty', 'Ange ett namn');
    return this.tx.run(async () => {
      const item = await this.items.findOne(kind, code);
      if (!item) throw CommonError.notFound(REFERENCE_LABELS[kind], code);
      const before = { name: item.name, active: item.active };
      if (input.name !== undefined) item.name = input.name.trim();
      if (input.active !== undefined) item.active = input.active;
      const saved = await this.items.save(item);
      await this.audit.record(actor, { action: 'reference.updated', subjectType: 'reference_item', subjectId: saved.id, before, after: { kind, code, name: saved.name, active: saved.active } });
      return saved;
    });
  }

  /** Refuses any code that is not an active item of the kind, naming the field (e.g. `channels`). */
  async requireActive(kind: ReferenceKind, codes: string[], field: string): Promise<void> {
    const active = await this.items.activeAmong(kind, [...new Set(codes)]);
    const unknown = codes.filter((c) => !active.has(c));
    if (unknown.length > 0) {
      throw CommonError.invalidField(field, 'knownCode', `Okänd eller inaktiv kod i ${field}: ${unknown.join(', ')} (se /api/v1/reference)`);
    }
  }
}
