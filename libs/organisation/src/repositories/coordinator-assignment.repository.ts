import { Injectable } from '@nestjs/common';
import { pageOfRows, TransactionHost } from '@samverka/database';
import { LocalDate } from '@samverka/kernel';
import { CoordinatorAssignmentEntity, CoordinatorKind } from '../entities/coordinator-assignment.entity';
import { DepartmentEntity } from '../entities/department.entity';
import { PersonEntity } from '../entities/person.entity';

export interface CoverageGapRow {
  departmentId: string;
  code: string;
  name: string;
  /** A primary who starts later, if one is already appointed. */
  nextPrimaryFrom: LocalDate | null;
  /** The gap's first day: the day after the last primary ended, or the day the department was created (Stockholm) when it never had one. */
  since: LocalDate;
}

/** Which section of the coverage report a row belongs to. */
type CoverageSection = 'gap' | 'unacknowledged' | 'ending';

/**
 * The columns of an assignment with its person, department and appointer, for the read models
 * built from plain SQL (no entity hydration): `a_*`, `p_*`, `d_*`, `ab_*`. Dates are text
 * (YYYY-MM-DD), as the entity holds them.
 */
const ASSIGNMENT_COLUMN_LIST: ReadonlyArray<[expression: string, alias: string, type: string]> = [
  ['a.id', 'a_id', 'uuid'],
  ['a.department_id', 'a_department_id', 'uuid'],
  ['a.person_id', 'a_person_id', 'uuid'],
  ['a.kind', 'a_kind', 'coordinator_kind'],
  ['a.mandate', 'a_mandate', 'text'],
  ['a.responsibilities', 'a_responsibilities', 'text[]'],
  ['a.valid_from::text', 'a_valid_from', 'text'],
  ['a.valid_to::text', 'a_valid_to', 'text'],
  ['a.appointed_by_id', 'a_appointed_by_id', 'uuid'],
  ['a.acknowledged_at', 'a_acknowledged_at', 'timestamptz'],
  ['a.end_reason', 'a_end_reason', 'text'],
  ['a.created_at', 'a_created_at', 'timestamptz'],
  ['a.updated_at', 'a_updated_at', 'timestamptz'],
  ['p.name', 'p_name', 'text'],
  ['p.email::text', 'p_email', 'text'],
  ['p.title', 'p_title', 'text'],
  ['p.created_at', 'p_created_at', 'timestamptz'],
  ['p.updated_at', 'p_updated_at', 'timestamptz'],
  ['d.code::text', 'd_code', 'text'],
  ['d.name', 'd_name', 'text'],
  ['d.committee_id', 'd_committee_id', 'uuid'],
  ['d.active', 'd_active', 'boolean'],
  ['d.created_at', 'd_created_at', 'timestamptz'],
  ['d.updated_at', 'd_updated_at', 'timestamptz'],
  ['ab.name', 'ab_name', 'text'],
  ['ab.email::text', 'ab_email', 'text'],
  ['ab.title', 'ab_title', 'text'],
  ['ab.created_at', 'ab_created_at', 'timestamptz'],
  ['ab.updated_at', 'ab_updated_at', 'timestamptz'],
];
const ASSIGNMENT_COLUMNS = ASSIGNMENT_COLUMN_LIST.map(([expression, alias]) => `${expression} as ${alias}`).join(', ');
/** The same columns, all null (typed, so that a UNION can line them up), for a row that is no assignment. */
const NO_ASSIGNMENT_COLUMNS = ASSIGNMENT_COLUMN_LIST.map(([, alias, type]) => `null::${type} as ${alias}`).join(', ');

interface AssignmentRow {
  a_id: string;
  a_department_id: string;
  a_person_id: string;
  a_kind: CoordinatorKind;
  a_mandate: string;
  a_responsibilities: string[];
  a_valid_from: string;
  a_valid_to: string | null;
  a_appointed_by_id: string | null;
  a_acknowledged_at: Date | null;
  a_end_reason: string | null;
  a_created_at: Date;
  a_updated_at: Date;
  p_name: string;
  p_email: string;
  p_title: string | null;
  p_created_at: Date;
  p_updated_at: Date;
  d_code: string;
  d_name: string;
  d_committee_id: string;
  d_active: boolean;
  d_created_at: Date;
  d_updated_at: Date;
  ab_name: string | null;
  ab_email: string | null;
  ab_title: string | null;
  ab_created_at: Date | null;
  ab_updated_at: Date | null;
}

const person = (id: string, name: string, email: string, title: string | null, createdAt: Date, updatedAt: Date): PersonEntity => ({ id, name, email, title, createdAt, updatedAt });

/** An assignment as the entity reads (with person, department and appointer), from its `a_*`… columns. */
function assignmentOf(r: AssignmentRow): CoordinatorAssignmentEntity {
  const department: DepartmentEntity = {
    id: r.a_department_id,
    code: r.d_code,
    name: r.d_name,
    committeeId: r.d_committee_id,
    active: r.d_active,
    createdAt: r.d_created_at,
    updatedAt: r.d_updated_at,
  };
  return {
    id: r.a_id,
    departmentId: r.a_department_id,
    department,
    personId: r.a_person_id,
    person: person(r.a_person_id, r.p_name, r.p_email, r.p_title, r.p_created_at, r.p_updated_at),
    kind: r.a_kind,
    mandate: r.a_mandate,
    responsibilities: r.a_responsibilities,
    validFrom: r.a_valid_from,
    validTo: r.a_valid_to,
    appointedById: r.a_appointed_by_id,
    appointedBy: r.a_appointed_by_id ? person(r.a_appointed_by_id, r.ab_name!, r.ab_email!, r.ab_title, r.ab_created_at!, r.ab_updated_at!) : null,
    acknowledgedAt: r.a_acknowledged_at,
    endReason: r.a_end_reason,
    createdAt: r.a_created_at,
    updatedAt: r.a_updated_at,
  };
}

/**
 * The coverage report in one statement: the active departments without a primary on $1 (with the
 * gap's first day), the current or scheduled assignments nobody acknowledged, and those valid on $1
 * that end by $2, each section in its own order (`ord`) and paged alike: the rows $4+1 … $4+$3 of
 * each. Every row carries each section's total (`totals`, JSON by section); one row with no section
 * when no section has a row in the page, so the totals always arrive.
 */
const COVERAGE_SQL = `
with c as (
select 'gap'::text as section, row_number() over (order by d.name, d.id) as ord,
       d.id as gap_department_id, d.code::text as gap_code, d.name as gap_name,
       (select min(n.valid_from)::text from coordinator_assignment n
         where n.department_id = d.id and n.kind = 'primary' and n.valid_from > $1) as gap_next_primary_from,
       coalesce((select max(e.valid_to) + 1 from coordinator_assignment e
                  where e.department_id = d.id and e.kind = 'primary' and e.valid_to < $1),
                (d.created_at at time zone 'Europe/Stockholm')::date)::text as gap_since,
       ${NO_ASSIGNMENT_COLUMNS}
  from department d
 where d.active
   and not exists (select 1 from coordinator_assignment a
                    where a.department_id = d.id and a.kind = 'primary'
                      and a.valid_from <= $1 and (a.valid_to is null or a.valid_to >= $1))
union all
select 'unacknowledged', row_number() over (order by d.name, a.kind, a.id),
       null::uuid, null::text, null::text, null::text, null::text, ${ASSIGNMENT_COLUMNS}
  from coordinator_assignment a join person p on p.id = a.person_id join department d on d.id = a.department_id
  left join person ab on ab.id = a.appointed_by_id
 where a.acknowledged_at is null and (a.valid_to is null or a.valid_to >= $1) and d.active
union all
select 'ending', row_number() over (order by a.valid_to, d.name, a.id),
       null::uuid, null::text, null::text, null::text, null::text, ${ASSIGNMENT_COLUMNS}
  from coordinator_assignment a join person p on p.id = a.person_id join department d on d.id = a.department_id
  left join person ab on ab.id = a.appointed_by_id
 where a.valid_from <= $1 and a.valid_to between $1 and $2 and d.active
)
select c.*, t.totals
  from (select coalesce(json_object_agg(section, n), '{}'::json) as totals from (select section, count(*)::int as n from c group by section) x) t
  left join c on c.ord > $4::int and c.ord <= $4::int + $3::int
 order by c.section, c.ord`;

type CoverageRow = AssignmentRow & {
  /** Null on the one row of a page past every section's end. */
  section: CoverageSection | null;
  totals: Partial<Record<CoverageSection, number>>;
  gap_department_id: string | null;
  gap_code: string;
  gap_name: string;
  gap_next_primary_from: string | null;
  gap_since: string;
};

/** A department with its committee and every assignment ever made (newest first), in one statement. */
const DEPARTMENT_HISTORY_SQL = `
select dd.id as dept_id, dd.code::text as dept_code, dd.name as dept_name, dd.committee_id as dept_committee_id, dd.active as dept_active,
       dd.created_at as dept_created_at, dd.updated_at as dept_updated_at,
       c.code::text as c_code, c.name as c_name, c.active as c_active, c.created_at as c_created_at, c.updated_at as c_updated_at,
       ${ASSIGNMENT_COLUMNS}
  from department dd join committee c on c.id = dd.committee_id
  left join coordinator_assignment a on a.department_id = dd.id
  left join person p on p.id = a.person_id
  left join department d on d.id = a.department_id
  left join person ab on ab.id = a.appointed_by_id
 where dd.id = $1
 order by a.valid_from desc nulls last, a.kind, a.created_at desc`;

type DepartmentHistoryRow = Partial<AssignmentRow> & {
  dept_id: string;
  dept_code: string;
  dept_name: string;
  dept_committee_id: string;
  dept_active: boolean;
  dept_created_at: Date;
  dept_updated_at: Date;
  c_code: string;
  c_name: string;
  c_active: boolean;
  c_created_at: Date;
  c_updated_at: Date;
};

/** How well a department is covered by coordinators on a day. A department can be in several states at once. */
export const DEPARTMENT_COVERAGE_STATES = ['missing', 'endingSoon', 'unacknowledged', 'covered', 'inactive'] as const;
export type DepartmentCoverageState = (typeof DEPARTMENT_COVERAGE_STATES)[number];

/** What the list of departments needs of one department: its names and its current and scheduled assignments. */
export interface DepartmentCoverageRow {
  id: string;
  code: string;
  name: string;
  active: boolean;
  committeeName: string;
  /** Valid on the day or later, primaries first, then by start and name. */
  assignments: Array<Pick<CoordinatorAssignmentEntity, 'id' | 'departmentId' | 'personId' | 'kind' | 'validFrom' | 'validTo' | 'acknowledgedAt'> & { person: { name: string } }>;
}

export interface DepartmentCoveragePage {
  items: DepartmentCoverageRow[];
  /** How many match the search and the state. */
  total: number;
  /** How many match the search, whatever their state. */
  totalAll: number;
}

/**
 * One page of departments by name with their current and scheduled assignments, searched by name,
 * code or committee ($1, an ILIKE pattern or null) and narrowed to a coverage state ($2 or null) on
 * $3, with "ending soon" up to $4 — one statement. The states are those of the list's
 * departmentCoverage (apps/api), in SQL so that the filter pages: inactive; missing (no primary
 * valid today); endingSoon (an assignment valid today ends by $4, and for a primary nobody is
 * appointed to take over by the day after); unacknowledged (a current or scheduled assignment not
 * acknowledged); covered (active and none of the others).
 */
const DEPARTMENT_COVERAGE_PAGE_SQL = `
with searched as (
  select d.id, d.code::text as code, d.name, d.active, c.name as committee_name
    from department d join committee c on c.id = d.committee_id
   where $1::text is null or d.name ilike $1 or d.code::text ilike $1 or c.name ilike $1
), flagged as (
  select s.*,
         exists (select 1 from coordinator_assignment a where a.department_id = s.id and a.kind = 'primary'
                  and a.valid_from <= $3::date and (a.valid_to is null or a.valid_to >= $3::date)) as has_primary,
         exists (select 1 from coordinator_assignment a where a.department_id = s.id
                  and a.valid_from <= $3::date and a.valid_to between $3::date and $4::date
                  and (a.kind = 'deputy' or not exists (
                        select 1 from coordinator_assignment n where n.department_id = s.id and n.kind = 'primary' and n.id <> a.id
                           and n.valid_from > $3::date and n.valid_from <= a.valid_to + 1))) as ending,
         exists (select 1 from coordinator_assignment a where a.department_id = s.id and a.acknowledged_at is null
                  and (a.valid_to is null or a.valid_to >= $3::date)) as unacknowledged
    from searched s
   where $2::text is not null
), chosen as (
  select s.id, s.code, s.name, s.active, s.committee_name from searched s where $2::text is null
  union all
  select f.id, f.code, f.name, f.active, f.committee_name from flagged f
   where case $2::text
           when 'inactive' then not f.active
           when 'missing' then f.active and not f.has_primary
           when 'endingSoon' then f.active and f.ending
           when 'unacknowledged' then f.active and f.unacknowledged
           when 'covered' then f.active and f.has_primary and not f.ending and not f.unacknowledged
           else false end
)
select t.total, t.total_all, p.id, p.code, p.name, p.active, p.committee_name, p.assignments
  from (select (select count(*) from chosen)::int as total, (select count(*) from searched)::int as total_all) t
  left join lateral (
        select ch.*,
               coalesce((select json_agg(json_build_object('id', a.id, 'personId', a.person_id, 'kind', a.kind, 'validFrom', a.valid_from,
                                                           'validTo', a.valid_to, 'acknowledgedAt', a.acknowledged_at, 'personName', pe.name)
                                         order by a.kind, a.valid_from, pe.name)
                           from coordinator_assignment a join person pe on pe.id = a.person_id
                          where a.department_id = ch.id and (a.valid_to is null or a.valid_to >= $3::date)), '[]'::json) as assignments
          from chosen ch order by ch.name, ch.id limit $5 offset $6) p on true
 order by p.name, p.id`;

interface DepartmentCoveragePageRow {
  total: number;
  total_all: number;
  id: string | null;
  code: string;
  name: string;
  active: boolean;
  committee_name: string;
  assignments: Array<{ id: string; personId: string; kind: CoordinatorKind; validFrom: string; validTo: string | null; acknowledgedAt: string | null; personName: string }>;
}

/** The raw coverage report: one page of each section (gaps, unacknowledged and ending assignments), and how many each has in all. */
export interface CoverageSections {
  withoutPrimary: CoverageGapRow[];
  unacknowledged: CoordinatorAssignmentEntity[];
  endingSoon: CoordinatorAssignmentEntity[];
  totals: { withoutPrimary: number; unacknowledged: number; endingSoon: number };
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

  /** A person's current and scheduled assignments not yet acknowledged, in active departments. */
  findUnacknowledgedOf(personId: string, day: LocalDate): Promise<CoordinatorAssignmentEntity[]> {
    return this.withPeople()
      .where('a.person_id = :personId', { personId })
      .andWhere('a.acknowledged_at is null')
      .andWhere('d.active')
      .andWhere('(a.valid_to is null or a.valid_to >= :day)', { day })
      .orderBy('a.kind', 'ASC')
      .addOrderBy('a.valid_from', 'ASC')
      .addOrderBy('d.name', 'ASC')
      .getMany();
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

  /** The three sections of the coverage report on `day` (ending by `until`) in one prepared statement. */
  async findCoverage(day: LocalDate, until: LocalDate, page: { limit: number; offset: number }): Promise<CoverageSections> {
    const rows = await this.tx.prepared<CoverageRow>('organisation.coverage', COVERAGE_SQL, [day, until, page.limit, page.offset]);
    const totals = rows[0]?.totals ?? {};
    const report: CoverageSections = {
      withoutPrimary: [],
      unacknowledged: [],
      endingSoon: [],
      totals: { withoutPrimary: totals.gap ?? 0, unacknowledged: totals.unacknowledged ?? 0, endingSoon: totals.ending ?? 0 },
    };
    for (const r of rows) {
      if (r.section === null) continue;
      if (r.section === 'gap') {
        report.withoutPrimary.push({ departmentId: r.gap_department_id!, code: r.gap_code, name: r.gap_name, nextPrimaryFrom: r.gap_next_primary_from, since: r.gap_since });
      } else {
        (r.section === 'unacknowledged' ? report.unacknowledged : report.endingSoon).push(assignmentOf(r));
      }
    }
    return report;
  }

  /** One page of the departments' coverage (see DEPARTMENT_COVERAGE_PAGE_SQL): one prepared statement. */
  async findDepartmentCoveragePage(
    query: { search: string | null; state: DepartmentCoverageState | null; day: LocalDate; endingUntil: LocalDate },
    limit: number,
    offset: number,
  ): Promise<DepartmentCoveragePage> {
    const pattern = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await this.tx.prepared<DepartmentCoveragePageRow>('organisation.department_coverage_page', DEPARTMENT_COVERAGE_PAGE_SQL, [
      pattern,
      query.state,
      query.day,
      query.endingUntil,
      limit,
      offset,
    ]);
    const page = pageOfRows(rows, (r): DepartmentCoverageRow => ({
      id: r.id,
      code: r.code,
      name: r.name,
      active: r.active,
      committeeName: r.committee_name,
      assignments: r.assignments.map((a) => ({
        id: a.id,
        departmentId: r.id,
        personId: a.personId,
        kind: a.kind,
        validFrom: a.validFrom,
        validTo: a.validTo,
        acknowledgedAt: a.acknowledgedAt === null ? null : new Date(a.acknowledgedAt),
        person: { name: a.personName },
      })),
    }));
    return { ...page, totalAll: rows[0]?.total_all ?? 0 };
  }

  /** A department (with its committee) and its whole history, newest first, in one prepared statement; null when there is no such department. */
  async findDepartmentWithHistory(departmentId: string): Promise<{ department: DepartmentEntity; history: CoordinatorAssignmentEntity[] } | null> {
    const rows = await this.tx.prepared<DepartmentHistoryRow>('organisation.department_history', DEPARTMENT_HISTORY_SQL, [departmentId]);
    if (rows.length === 0) return null;
    const r = rows[0];
    const department: DepartmentEntity = {
      id: r.dept_id,
      code: r.dept_code,
      name: r.dept_name,
      committeeId: r.dept_committee_id,
      committee: { id: r.dept_committee_id, code: r.c_code, name: r.c_name, active: r.c_active, createdAt: r.c_created_at, updatedAt: r.c_updated_at },
      active: r.dept_active,
      createdAt: r.dept_created_at,
      updatedAt: r.dept_updated_at,
    };
    const history = rows.filter((row): row is DepartmentHistoryRow & AssignmentRow => row.a_id != null).map(assignmentOf);
    return { department, history };
  }
}
