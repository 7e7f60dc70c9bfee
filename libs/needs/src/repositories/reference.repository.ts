import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { ReferenceItemEntity, ReferenceKind } from '../entities/reference-item.entity';

@Injectable()
export class ReferenceRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(ReferenceItemEntity);
  }

  list(kind: ReferenceKind, includeInactive: boolean): Promise<ReferenceItemEntity[]> {
    return this.repo.find({ where: includeInactive ? { kind } : { kind, active: true }, order: { position: 'ASC', code: 'ASC' } });
  }

  findOne(kind: ReferenceKind, code: string): Promise<ReferenceItemEntity | null> {
    return this.repo.findOneBy({ kind, code });
  }

  /** The active items among `wanted`, as `kind:code` (one query for every kind). */
  async activeAmong(wanted: Array<{ kind: ReferenceKind; codes: string[] }>): Promise<Set<string>> {
    const pairs = wanted.flatMap((w) => w.codes.map((code) => [w.kind, code] as const));
    if (pairs.length === 0) return new Set();
    const rows = await this.repo
      .createQueryBuilder('r')
      .select('r.kind', 'kind')
      .addSelect('r.code', 'code')
      .where('r.active and (r.kind, r.code) in (select * from unnest(:kinds::text[], :codes::text[]))', { kinds: pairs.map((p) => p[0]), codes: pairs.map((p) => p[1]) })
      .getRawMany<{ kind: string; code: string }>();
    return new Set(rows.map((r) => `${r.kind}:${r.code}`));
  }

  async nextPosition(kind: ReferenceKind): Promise<number> {
    const row = await this.repo.createQueryBuilder('r').select('coalesce(max(r.position), 0) + 1', 'next').where('r.kind = :kind', { kind }).getRawOne<{ next: number }>();
    return Number(row?.next ?? 1);
  }

  save(item: ReferenceItemEntity): Promise<ReferenceItemEntity> {
    return this.repo.save(item);
  }

  async insert(item: Omit<ReferenceItemEntity, 'id'>): Promise<ReferenceItemEntity> {
    await this.repo.insert(item);
    return this.repo.findOneByOrFail({ kind: item.kind, code: item.code });
  }
}
