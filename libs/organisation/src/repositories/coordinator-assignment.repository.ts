import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { LocalDate } from '@samverka/kernel';
import { CoordinatorAssignmentEntity } from '../entities/coordinator-assignment.entity';

export interface CoverageGapRow {
  departmentId: string;
  code: string;
  name: string;
  /** A primary who starts later, if one is already appointed. */
  nextPrimaryFrom: LocalDate | null;
  /** The gap's first day: the day after the last primary ended, or the day the department was created (Stockholm) when it never had one. */
  since: LocalDate;
}

@Injectable()
export class CoordinatorAssignmentRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(CoordinatorAssignmentEntity);
  }

  private withPeople() {
    return this.repo
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.person', 'p')
      .innerJoinAndSelect('a.department', 'd')
      .leftJoinAndSelect('a.appointedBy', 'ab');
  }

  findById(id: string): Promise<CoordinatorAssignmentEntity | null> {
    return this.withPeople().where('a.id = :id', { id }).getOne();
  }

  /** Every assignment of a department, newest first: the full history. */
  findHistory(departmentId: string): Promise<CoordinatorAssignmentEntity[]> {
    return this.withPeople()
      .where('a.department_id = :departmentId', { departmentId })
      .orderBy('a.valid_from', 'DESC')
      .addOrderBy('a.kind', 'ASC')
      .addOrderBy('a.created_at', 'DESC')
      .getMany();
  }

  /** Assignments valid on `day` or later (current and scheduled), optionally for some departments. */
  findCurrentAndUpcoming(day: LocalDate, departmentIds?: string[]): Promise<CoordinatorAssignmentEntity[]> {
    const q = this.withPeople()
      .where('(a.valid_to is null or a.valid_to >= :day)', { day })
      .orderBy('a.kind', 'ASC')
      .addOrderBy('a.valid_from', 'ASC')
      .addOrderBy('p.name', 'ASC');
    if (departmentIds) q.andWhere('a.department_id = any(:departmentIds)', { departmentIds });
    return q.getMany();
  }

  /** Primary assignments of a department whose period meets [from, to] (to = null: open ended). */
  findOverlappingPrimaries(departmentId: string, from: LocalDate, to: LocalDate | null): Promise<CoordinatorAssignmentEntity[]> {
    return this.withPeople()
      .where('a.department_id = :departmentId', { departmentId })
      .andWhere(`a.kind = 'primary'`)
      .andWhere(`daterange(a.valid_from, a.valid_to, '[]') && daterange(:from::date, :to::date, '[]')`, { from, to })
      .orderBy('a.valid_from', 'ASC')
      .getMany();
  }

  findOverlappingForPerson(departmentId: string, personId: string, from: LocalDate, to: LocalDate | null): Promise<CoordinatorAssignmentEntity[]> {
    return this.withPeople()
      .where('a.department_id = :departmentId and a.person_id = :personId', { departmentId, personId })
      .andWhere(`daterange(a.valid_from, a.valid_to, '[]') && daterange(:from::date, :to::date, '[]')`, { from, to })
      .getMany();
  }

  /** Departments (active ones) where the person holds an assignment valid on `day`: their coordinator reach. */
  async findDepartmentIdsCoordinatedBy(personId: string, day: LocalDate): Promise<string[]> {
    const rows: Array<{ department_id: string }> = await this.tx.manager.query(
      `select distinct a.department_id from coordinator_assignment a join department d on d.id = a.department_id
        where a.person_id = $1 and d.active and a.valid_from <= $2 and (a.valid_to is null or a.valid_to >= $2)`,
      [personId, day],
    );
    return rows.map((r) => r.department_id);
  }

  save(assignment: CoordinatorAssignmentEntity): Promise<CoordinatorAssignmentEntity> {
    return this.repo.save(assignment);
  }

  create(values: Partial<CoordinatorAssignmentEntity>): CoordinatorAssignmentEntity {
    return this.repo.create(values);
  }

  /** Active departments without a primary coordinator valid on `day`, each with the gap's first day (one set-based query). */
  async findDepartmentsWithoutPrimary(day: LocalDate): Promise<CoverageGapRow[]> {
    const rows: Array<{ department_id: string; code: string; name: string; next_primary_from: string | null; since: string }> = await this.tx.manager.query(
      `select d.id as department_id, d.code, d.name,
              (select min(n.valid_from)::text from coordinator_assignment n
                where n.department_id = d.id and n.kind = 'primary' and n.valid_from > $1) as next_primary_from,
              coalesce((select max(e.valid_to) + 1 from coordinator_assignment e
                         where e.department_id = d.id and e.kind = 'primary' and e.valid_to < $1),
                       (d.created_at at time zone 'Europe/Stockholm')::date)::text as since
         from department d
        where d.active
          and not exists (select 1 from coordinator_assignment a
                           where a.department_id = d.id and a.kind = 'primary'
                             and a.valid_from <= $1 and (a.valid_to is null or a.valid_to >= $1))
        order by d.name`,
      [day],
    );
    return rows.map((r) => ({ departmentId: r.department_id, code: r.code, name: r.name, nextPrimaryFrom: r.next_primary_from, since: r.since }));
  }

  /** Current or scheduled assignments (in active departments) that the person has not acknowledged. */
  findUnacknowledged(day: LocalDate): Promise<CoordinatorAssignmentEntity[]> {
    return this.withPeople()
      .where('a.acknowledged_at is null')
      .andWhere('(a.valid_to is null or a.valid_to >= :day)', { day })
      .andWhere('d.active')
      .orderBy('d.name', 'ASC')
      .addOrderBy('a.kind', 'ASC')
      .getMany();
  }

  /** Assignments valid on `day` whose validity ends within [day, until]. */
  findEndingBetween(day: LocalDate, until: LocalDate): Promise<CoordinatorAssignmentEntity[]> {
    return this.withPeople()
      .where('a.valid_from <= :day', { day })
      .andWhere('a.valid_to between :day and :until', { day, until })
      .andWhere('d.active')
      .orderBy('a.valid_to', 'ASC')
      .addOrderBy('d.name', 'ASC')
      .getMany();
  }
}
