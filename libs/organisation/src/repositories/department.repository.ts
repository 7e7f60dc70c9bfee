import { Injectable } from '@nestjs/common';
import { Page, pageOfRows, TransactionHost } from '@samverka/database';
import { DepartmentEntity } from '../entities/department.entity';

/** A department as lists show it: its columns and its committee's code and name (no entity hydration). */
export interface DepartmentSummary {
  id: string;
  code: string;
  name: string;
  committeeId: string;
  committee: { id: string; code: string; name: string };
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface DepartmentFilter {
  code?: string;
  committeeId?: string;
  active?: boolean;
}

/** One page of a list, and how many match in all. */
export type { Page } from '@samverka/database';

/**
 * One page of departments by name, with the total that match, in one statement: the count is the
 * outer row, the page a lateral join on it, so a page past the end still says how many there are.
 * The filters are parameters that may be null, so the text never changes and runs prepared.
 */
const DEPARTMENT_PAGE_SQL = `
select t.total, d.id, d.code::text as code, d.name, d.committee_id, d.active, d.created_at, d.updated_at,
       c.code::text as committee_code, c.name as committee_name
  from (select count(*)::int as total from department d
         where ($1::citext is null or d.code = $1) and ($2::uuid is null or d.committee_id = $2) and ($3::boolean is null or d.active = $3)) t
  left join lateral (
        select d.* from department d
         where ($1::citext is null or d.code = $1) and ($2::uuid is null or d.committee_id = $2) and ($3::boolean is null or d.active = $3)
         order by d.name, d.id limit $4 offset $5) d on true
  left join committee c on c.id = d.committee_id
 order by d.name, d.id`;

interface DepartmentPageRow {
  total: number;
  id: string | null;
  code: string;
  name: string;
  committee_id: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  committee_code: string;
  committee_name: string;
}

export interface UnitName {
  id: string;
  name: string;
}

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

  /** The names of the given departments and committees (a signed-in user's own), by name: one statement. */
  async namesOf(departmentIds: string[], committeeIds: string[]): Promise<{ departments: UnitName[]; committees: UnitName[] }> {
    if (departmentIds.length === 0 && committeeIds.length === 0) return { departments: [], committees: [] };
    const rows = await this.tx.prepared<UnitName & { kind: 'department' | 'committee' }>(
      'organisation.unit_names',
      `select 'department' as kind, d.id, d.name from department d where d.id = any($1::uuid[])
       union all
       select 'committee', c.id, c.name from committee c where c.id = any($2::uuid[])
       order by 3, 2`,
      [departmentIds, committeeIds],
    );
    const pick = (kind: string) => rows.filter((r) => r.kind === kind).map(({ id, name }) => ({ id, name }));
    return { departments: pick('department'), committees: pick('committee') };
  }

  /** One page of departments by name (then id), with how many match the filter: one prepared statement. */
  async page(filter: DepartmentFilter, limit: number, offset: number): Promise<Page<DepartmentSummary>> {
    const rows = await this.tx.prepared<DepartmentPageRow>('organisation.department_page', DEPARTMENT_PAGE_SQL, [
      filter.code ?? null,
      filter.committeeId ?? null,
      filter.active ?? null,
      limit,
      offset,
    ]);
    return pageOfRows(rows, (r): DepartmentSummary => ({
      id: r.id,
      code: r.code,
      name: r.name,
      committeeId: r.committee_id,
      committee: { id: r.committee_id, code: r.committee_code, name: r.committee_name },
      active: r.active,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async findByCodeExists(code: string): Promise<boolean> {
    return (await this.repo.createQueryBuilder('d').where('d.code = :code', { code }).getCount()) > 0;
  }

  /** With its committee, in one statement (findOne with a relation would first look up the id alone). */
  findById(id: string): Promise<DepartmentEntity | null> {
    return this.repo.createQueryBuilder('d').innerJoinAndSelect('d.committee', 'c').where('d.id = :id', { id }).getOne();
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

  count(filter: { active?: boolean } = {}): Promise<number> {
    return this.repo.countBy(filter.active === undefined ? {} : { active: filter.active });
  }

  async isReferenced(id: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query('select 1 from coordinator_assignment where department_id = $1 limit 1', [id]);
    return rows.length > 0;
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }
}
