import type { DepartmentSummaryView, MatrixView, OrganisationPart, RoundHeading, VersionChoice } from '@samverka/plan';
import type { DepartmentSummaryDto, OrganisationPartDto, ResponsibilityMatrixDto, AllocationRoundDto } from './dto/responsibilities.dto';

/** The `version` query parameter as the service reads it (the DTO has checked its shape). */
export const versionChoice = (version: string | undefined): VersionChoice => (version === undefined ? undefined : version === 'draft' ? 'draft' : Number(version));

const toRound = (r: RoundHeading): AllocationRoundDto => ({ id: r.id, title: r.title, caseNumber: r.caseNumber, year: r.year, state: r.state });
const toPart = (p: OrganisationPart): OrganisationPartDto => ({ role: p.role, roleLabel: p.roleLabel, expectations: p.expectations, effortHours: p.effortHours });

export const toMatrixDto = (m: MatrixView): ResponsibilityMatrixDto => ({
  roundId: m.roundId,
  version: m.version,
  frozenAt: m.frozenAt,
  round: toRound(m.round),
  areas: m.areas.map((a) => ({ code: a.code, name: a.name })),
  filter: { areaCode: m.filter.areaCode, organisation: m.filter.organisation },
  organisations: m.organisations.map((o) => ({ key: o.key, kind: o.kind, departmentId: o.departmentId, name: o.name, totalEffortHours: o.totalEffortHours })),
  rows: m.rows.map((r) => ({
    itemId: r.itemId,
    code: r.code,
    title: r.title,
    areaCode: r.areaCode,
    areaName: r.areaName,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    status: r.status,
    cells: r.cells.map((c) => ({ organisation: c.organisation, role: c.role, letter: c.letter, effortHours: c.effortHours })),
  })),
});

export const toSummaryDto = (s: DepartmentSummaryView): DepartmentSummaryDto => ({
  roundId: s.roundId,
  version: s.version,
  frozenAt: s.frozenAt,
  round: toRound(s.round),
  department: { id: s.department.id, name: s.department.name },
  items: s.items.map((i) => ({
    itemId: i.itemId,
    code: i.code,
    title: i.title,
    description: i.description,
    areaCode: i.areaCode,
    areaName: i.areaName,
    startsOn: i.startsOn,
    endsOn: i.endsOn,
    status: i.status,
    statusLabel: i.statusLabel,
    role: i.role,
    roleLabel: i.roleLabel,
    expectations: i.expectations,
    effortHours: i.effortHours,
    contactCentre: i.contactCentre ? toPart(i.contactCentre) : null,
  })),
  totalEffortHours: s.totalEffortHours,
  readAt: s.readAt,
});
