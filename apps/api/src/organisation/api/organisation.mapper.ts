import { CommitteeEntity, CoordinatorAssignmentEntity, CoverageReport, DepartmentEntity, DepartmentSummary, PersonEntity } from '@samverka/organisation';
import { CommitteeDto } from './dto/committee.dto';
import { CoordinatorAssignmentDto, CoverageDto } from './dto/coordinator.dto';
import { DepartmentDto } from './dto/department.dto';
import { PersonDto } from './dto/person.dto';

export const toCommitteeDto = (c: CommitteeEntity): CommitteeDto => ({
  id: c.id,
  code: c.code,
  name: c.name,
  active: c.active,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export const toDepartmentDto = (d: DepartmentEntity | DepartmentSummary): DepartmentDto => ({
  id: d.id,
  code: d.code,
  name: d.name,
  committeeId: d.committeeId,
  committee: { id: d.committee!.id, code: d.committee!.code, name: d.committee!.name },
  active: d.active,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

export const toPersonDto = (p: PersonEntity): PersonDto => ({ id: p.id, name: p.name, email: p.email, title: p.title });

export const toAssignmentDto = (a: CoordinatorAssignmentEntity, status: CoordinatorAssignmentDto['status']): CoordinatorAssignmentDto => ({
  id: a.id,
  departmentId: a.departmentId,
  department: { id: a.department!.id, code: a.department!.code, name: a.department!.name },
  person: toPersonDto(a.person!),
  kind: a.kind,
  mandate: a.mandate,
  responsibilities: a.responsibilities,
  validFrom: a.validFrom,
  validTo: a.validTo,
  status,
  appointedBy: a.appointedBy ? toPersonDto(a.appointedBy) : null,
  acknowledgedAt: a.acknowledgedAt,
  endReason: a.endReason,
  createdAt: a.createdAt,
});

export const toCoverageDto = (r: CoverageReport, status: (a: CoordinatorAssignmentEntity) => CoordinatorAssignmentDto['status']): CoverageDto => ({
  date: r.date,
  withoutPrimary: r.withoutPrimary,
  unacknowledged: r.unacknowledged.map((a) => toAssignmentDto(a, status(a))),
  endingSoon: r.endingSoon.map((a) => toAssignmentDto(a, status(a))),
  totals: r.totals,
  endingWithinDays: r.endingWithinDays,
});
