import { Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { declareConflict, TransactionHost } from '@samverka/database';
import { CommonError, FieldViolation, refuseIfAny } from '@samverka/kernel';
import { ReferenceItemEntity, ReferenceKind } from '../entities/reference-item.entity';
import { NeedsError, NeedsErrorCode } from '../needs.exception';
import { ReferenceRepository } from '../repositories/reference.repository';
import { referenceItemViolations } from '../rules/reference.rules';

export const REFERENCE_LABELS: Record<ReferenceKind, string> = { channel: 'Kanalen', district: 'Stadsområdet', target_group: 'Målgruppen' };

const referenceExists = (kind: ReferenceKind, code: string) =>
  new NeedsError(NeedsErrorCode.REFERENCE_EXISTS, `${REFERENCE_LABELS[kind] ?? 'Posten'} ${code} finns redan`, { kind, code });

// Two identical creations at once both pass the check; the primary key (kind, code) refuses the second, as the check would.
declareConflict('reference_item', (key) => referenceExists(key.kind as ReferenceKind, key.code ?? ''));

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
    refuseIfAny(referenceItemViolations(input));
    const code = input.code.trim();
    const name = input.name.trim();
    return this.tx.run(async () => {
      if (await this.items.findOne(kind, code)) throw referenceExists(kind, code);
      const item = await this.items.insert({ kind, code, name, active: true, position: await this.items.nextPosition(kind) });
      await this.audit.record(actor, { action: 'reference.created', subjectType: 'reference_item', subjectId: item.id, after: { kind, code, name } });
      return item;
    });
  }

  async update(actor: Actor, kind: ReferenceKind, code: string, input: { name?: string; active?: boolean }): Promise<ReferenceItemEntity> {
    refuseIfAny(referenceItemViolations({ name: input.name }));
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

  /** A violation naming the field (e.g. `channels`) for each field with a code that is not an active item of its kind; none otherwise (one query). */
  async unknownCodes(checks: Array<{ kind: ReferenceKind; codes: string[]; field: string }>): Promise<FieldViolation[]> {
    const active = await this.items.activeAmong(checks.map((c) => ({ kind: c.kind, codes: [...new Set(c.codes)] })));
    return checks.flatMap(({ kind, codes, field }) => {
      const unknown = codes.filter((c) => !active.has(`${kind}:${c}`));
      return unknown.length === 0 ? [] : [{ field, rule: 'knownCode', message: `Okänd eller inaktiv kod i ${field}: ${unknown.join(', ')} (se /api/v1/reference)` }];
    });
  }
}
