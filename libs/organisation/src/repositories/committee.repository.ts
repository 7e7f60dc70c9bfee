import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { CommitteeEntity } from '../entities/committee.entity';

@Injectable()
export class CommitteeRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(CommitteeEntity);
  }

  list(filter: { code?: string; active?: boolean } = {}): Promise<CommitteeEntity[]> {
    const q = this.repo.createQueryBuilder('c').orderBy('c.name', 'ASC');
    if (filter.code !== undefined) q.andWhere('c.code = :code', { code: filter.code });
    if (filter.active !== undefined) q.andWhere('c.active = :active', { active: filter.active });
    return q.getMany();
  }

  findById(id: string): Promise<CommitteeEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByCode(code: string): Promise<CommitteeEntity | null> {
    return this.repo.createQueryBuilder('c').where('c.code = :code', { code }).getOne();
  }

  async insert(values: Pick<CommitteeEntity, 'code' | 'name'>): Promise<CommitteeEntity> {
    const saved = await this.repo.save(this.repo.create({ ...values, active: true }));
    return saved;
  }

  save(committee: CommitteeEntity): Promise<CommitteeEntity> {
    return this.repo.save(committee);
  }

  async isReferenced(id: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query('select 1 from department where committee_id = $1 limit 1', [id]);
    return rows.length > 0;
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }
}
