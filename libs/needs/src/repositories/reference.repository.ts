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

  /** The active codes among `codes` (one query). */
  async activeAmong(kind: ReferenceKind, codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.repo.createQueryBuilder('r').select('r.code', 'code').where('r.kind = :kind and r.active and r.code = any(:codes)', { kind, codes }).getRawMany<{ code: string }>();
    return new Set(rows.map((r) => r.code));
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
