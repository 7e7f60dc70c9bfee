import { Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { declareConflict, isPgError, PG, TransactionHost } from '@samverka/database';
import { CommonError, refuseIfAny } from '@samverka/kernel';
import { CommitteeEntity } from '../entities/committee.entity';
import { DepartmentEntity } from '../entities/department.entity';
import { OrganisationError, OrganisationErrorCode } from '../organisation.exception';
import { CommitteeRepository } from '../repositories/committee.repository';
import { DepartmentFilter, DepartmentRepository, DepartmentSummary, Page, UnitName } from '../repositories/department.repository';
import { organisationUnitViolations } from '../rules/organisation.rules';

export interface CommitteeInput {
  code: string;
  name: string;
}

export interface CommitteeChanges {
  name?: string;
  active?: boolean;
}

export interface DepartmentInput {
  code: string;
  name: string;
  committeeId: string;
}

export interface DepartmentChanges {
  name?: string;
  committeeId?: string;
  active?: boolean;
}

const snapshotCommittee = (c: CommitteeEntity) => ({ code: c.code, name: c.name, active: c.active });
const snapshotDepartment = (d: DepartmentEntity) => ({ code: d.code, name: d.name, committeeId: d.committeeId, active: d.active });

/** Departments (förvaltningar) and committees (nämnder). */
const duplicateCode = (code: string) => CommonError.duplicate('code', code, `Koden ${code} används redan`);

// The pre-check gives a clear message; the unique code settles a race between two creators, with the same answer.
declareConflict('committee', (key) => duplicateCode(key.code ?? ''));
declareConflict('department', (key) => duplicateCode(key.code ?? ''));

@Injectable()
export class OrganisationRegistryService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly committees: CommitteeRepository,
    private readonly departments: DepartmentRepository,
    private readonly audit: AuditService,
  ) {}

  listCommittees(filter: { code?: string; active?: boolean } = {}): Promise<CommitteeEntity[]> {
    return this.committees.list(filter);
  }

  async getCommittee(id: string): Promise<CommitteeEntity> {
    return (await this.committees.findById(id)) ?? this.notFound('Nämnden', id);
  }

  createCommittee(actor: Actor, input: CommitteeInput): Promise<CommitteeEntity> {
    refuseIfAny(organisationUnitViolations(input));
    const values: CommitteeInput = { code: input.code.trim(), name: input.name.trim() };
    return this.tx.run(async () => {
      if (await this.committees.findByCode(values.code)) throw duplicateCode(values.code);
      const committee = await this.committees.insert(values);
      await this.audit.record(actor, { action: 'committee.created', subjectType: 'committee', subjectId: committee.id, after: snapshotCommittee(committee) });
      return committee;
    });
  }

  updateCommittee(actor: Actor, id: string, changes: CommitteeChanges): Promise<CommitteeEntity> {
    refuseIfAny(organisationUnitViolations(changes));
    return this.tx.run(async () => {
      const committee = await this.getCommittee(id);
      const before = snapshotCommittee(committee);
      if (changes.name !== undefined) committee.name = changes.name.trim();
      if (changes.active !== undefined) committee.active = changes.active;
      const saved = await this.committees.save(committee);
      await this.audit.record(actor, { action: 'committee.updated', subjectType: 'committee', subjectId: id, before, after: snapshotCommittee(saved) });
      return saved;
    });
  }

  /** Only a committee nothing refers to can be deleted; otherwise deactivate it. */
  deleteCommittee(actor: Actor, id: string): Promise<void> {
    return this.tx.run(async () => {
      const committee = await this.getCommittee(id);
      if (await this.committees.isReferenced(id)) throw this.stillReferenced('Nämnden', committee.name);
      await this.deleteUnreferenced(() => this.committees.delete(id), 'Nämnden', committee.name);
      await this.audit.record(actor, { action: 'committee.deleted', subjectType: 'committee', subjectId: id, before: snapshotCommittee(committee) });
    });
  }

  /** The names of a user's own departments and committees (one statement, however large the city). */
  namesOf(departmentIds: string[], committeeIds: string[]): Promise<{ departments: UnitName[]; committees: UnitName[] }> {
    return this.departments.namesOf(departmentIds, committeeIds);
  }

  listDepartments(filter: { code?: string; committeeId?: string; active?: boolean } = {}): Promise<DepartmentEntity[]> {
    return this.departments.list(filter);
  }

  /** One page of departments by name, with how many match the filter (one statement, also past the last page). */
  pageDepartments(filter: DepartmentFilter, paging: { limit: number; offset: number }): Promise<Page<DepartmentSummary>> {
    return this.departments.page(filter, paging.limit, paging.offset);
  }

  async getDepartment(id: string): Promise<DepartmentEntity> {
    return (await this.departments.findById(id)) ?? this.notFound('Förvaltningen', id);
  }

  createDepartment(actor: Actor, input: DepartmentInput): Promise<DepartmentEntity> {
    refuseIfAny(organisationUnitViolations(input));
    const values: DepartmentInput = { code: input.code.trim(), name: input.name.trim(), committeeId: input.committeeId };
    return this.tx.run(async () => {
      await this.activeCommittee(values.committeeId);
      if (await this.departments.findByCodeExists(values.code)) throw duplicateCode(values.code);
      const created = await this.departments.insert(values);
      await this.audit.record(actor, { action: 'department.created', subjectType: 'department', subjectId: created.id, after: snapshotDepartment(created) });
      return this.getDepartment(created.id);
    });
  }

  updateDepartment(actor: Actor, id: string, changes: DepartmentChanges): Promise<DepartmentEntity> {
    refuseIfAny(organisationUnitViolations(changes));
    return this.tx.run(async () => {
      const department = await this.getDepartment(id);
      const before = snapshotDepartment(department);
      if (changes.committeeId !== undefined && changes.committeeId !== department.committeeId) {
        await this.activeCommittee(changes.committeeId);
        department.committeeId = changes.committeeId;
        delete department.committee;
      }
      if (changes.name !== undefined) department.name = changes.name.trim();
      if (changes.active !== undefined) department.active = changes.active;
      await this.departments.save(department);
      const saved = await this.getDepartment(id);
      await this.audit.record(actor, { action: 'department.updated', subjectType: 'department', subjectId: id, before, after: snapshotDepartment(saved) });
      return saved;
    });
  }

  deleteDepartment(actor: Actor, id: string): Promise<void> {
    return this.tx.run(async () => {
      const department = await this.getDepartment(id);
      if (await this.departments.isReferenced(id)) throw this.stillReferenced('Förvaltningen', department.name);
      await this.deleteUnreferenced(() => this.departments.delete(id), 'Förvaltningen', department.name);
      await this.audit.record(actor, { action: 'department.deleted', subjectType: 'department', subjectId: id, before: snapshotDepartment(department) });
    });
  }

  /** How many departments there are (only the active ones, or only the inactive, when asked). */
  countDepartments(filter: { active?: boolean } = {}): Promise<number> {
    return this.departments.count(filter);
  }

  private async activeCommittee(committeeId: string): Promise<CommitteeEntity> {
    const committee = await this.committees.findById(committeeId);
    if (!committee) throw CommonError.unknownReference('committeeId', committeeId, `Nämnden ${committeeId} finns inte`);
    if (!committee.active) {
      throw new OrganisationError(OrganisationErrorCode.COMMITTEE_INACTIVE, `Nämnden ${committee.name} är inaktiverad`, { committeeId });
    }
    return committee;
  }

  /** The checks above name the usual references; any other row that refers to it (a round, a need, a role) is the same refusal, not a 500. */
  private async deleteUnreferenced(remove: () => Promise<void>, what: string, name: string): Promise<void> {
    try {
      await remove();
    } catch (e) {
      if (isPgError(e, PG.FOREIGN_KEY_VIOLATION)) throw this.stillReferenced(what, name);
      throw e;
    }
  }

  private stillReferenced(what: string, name: string): OrganisationError {
    return new OrganisationError(
      OrganisationErrorCode.STILL_REFERENCED,
      `${what} ${name} används och kan inte tas bort; inaktivera den i stället`,
    );
  }

  private notFound(what: string, id: string): never {
    throw CommonError.notFound(what, id);
  }
}
