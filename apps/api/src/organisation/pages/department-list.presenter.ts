import { LocalDate } from '@samverka/kernel';
import { CoordinatorAssignmentEntity, DepartmentEntity } from '@samverka/organisation';
import { PageModel } from '../../shell/view-renderer';
import { departmentCoverage, STATUS_FILTERS } from './coverage-status';
import { departmentPath, swedishDate, TagView } from '../../shell/format';

interface DepartmentRow {
  href: string;
  name: string;
  code: string;
  committee: string;
  /** "Maria Lindqvist" or "Ingen" (with a scheduled start when one is appointed). */
  coordinator: string;
  deputies: string;
  tags: TagView[];
}

interface FilterOption {
  value: string;
  text: string;
  selected: boolean;
}

export interface DepartmentListModel extends PageModel {
  rows: DepartmentRow[];
  total: number;
  shown: number;
  filterOptions: FilterOption[];
  /** The label of the chosen filter, if any. */
  filterLabel: string | null;
}

/** The table of departments with their coordinators; `status` is the ?status= filter (unknown values show everything). */
export function buildDepartmentList(
  departments: DepartmentEntity[],
  assignments: CoordinatorAssignmentEntity[],
  today: LocalDate,
  status: string | undefined,
): DepartmentListModel {
  const byDepartment = new Map<string, CoordinatorAssignmentEntity[]>();
  for (const a of assignments) byDepartment.set(a.departmentId, [...(byDepartment.get(a.departmentId) ?? []), a]);
  const filter = STATUS_FILTERS.find((f) => f.value === status) ?? null;

  const rows = departments
    .map((d) => ({ department: d, coverage: departmentCoverage(d, byDepartment.get(d.id) ?? [], today) }))
    .filter(({ coverage }) => filter === null || coverage.states.includes(filter.state))
    .map(({ department: d, coverage: c }): DepartmentRow => ({
      href: departmentPath(d.id),
      name: d.name,
      code: d.code,
      committee: d.committee?.name ?? '',
      coordinator: c.primary?.person?.name ?? (c.nextPrimary ? `Ingen (${c.nextPrimary.person?.name} från ${swedishDate(c.nextPrimary.validFrom)})` : 'Ingen'),
      deputies: c.deputies.map((a) => a.person?.name).join(', ') || 'Ingen',
      tags: c.tags,
    }));

  return {
    title: filter ? `Förvaltningar: ${filter.label.toLowerCase()}` : 'Förvaltningar',
    section: 'departments',
    sectionHome: true,
    rows,
    total: departments.length,
    shown: rows.length,
    filterOptions: [
      { value: '', text: 'Alla förvaltningar', selected: filter === null },
      ...STATUS_FILTERS.map((f) => ({ value: f.value, text: f.label, selected: f === filter })),
    ],
    filterLabel: filter?.label ?? null,
  };
}
