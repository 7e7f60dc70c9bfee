import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { DepartmentEntity } from '../entities/department.entity';

@Injectable()
export class DepartmentRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(DepartmentEntity);
  }

  list(filter: { code?: string; committeeId?: string; active?: boolean } = {}): Promise<DepartmentEntity[]> {
    const q = this.repo.createQueryBuilder('d').leftJoinAndSelect('d.committee', 'c').orderBy('d.name', 'ASC');
    if (filter.code !== undefined) q.andWhere('d.code = :code', { code: filter.code });
    if (filter.committeeId !== undefined) q.andWhere('d.committee_id = :committeeId', { committeeId: filter.committeeId });
    if (filter.active !== undefined) q.andWhere('d.active = :active', { active: filter.active });
    return q.getMany();
  }

  async findByCodeExists(code: string): Promise<boolean> {
    return (await this.repo.createQueryBuilder('d').where('d.code = :code', { code }).getCount()) > 0;
  }

  findById(id: string): Promise<DepartmentEntity | null> {
    return this.repo.findOne({ where: { id }, relations: { committee: true } });
  }

  /** Locks the department row for the rest of the transaction: serialises appointments in one department. */
  async lockById(id: string): Promise<DepartmentEntity | null> {
    return this.repo.createQueryBuilder('d').where('d.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async insert(values: Pick<DepartmentEntity, 'code' | 'name' | 'committeeId'>): Promise<DepartmentEntity> {
    return this.repo.save(this.repo.create({ ...values, active: true }));
  }

  save(department: DepartmentEntity): Promise<DepartmentEntity> {
    return this.repo.save(department);
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  async isReferenced(id: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query('select 1 from coordinator_assignment where department_id = $1 limit 1', [id]);
    return rows.length > 0;
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }
}
