import { LocalDate } from '@samverka/kernel';
import { DepartmentCoveragePage } from '@samverka/organisation';
import { PageModel } from '../../shell/view-renderer';
import { departmentCoverage, STATUS_FILTERS, StatusFilter } from './coverage-status';
import { departmentPath, swedishDate, TagView } from '../../shell/format';
import { PAGE_PARAM, pagination, PaginationModel, readPageNumber } from '../../shell/pagination';

/** Departments a page of /forvaltningar: the demo city's 13 fit on one, a city's 300 on seven. */
export const DEPARTMENTS_PAGE_SIZE = 50;

/** The list's query parameters: `?sok=skol&status=saknar&sida=2`. */
export const DEPARTMENT_LIST_PARAMS = { search: 'sok', status: 'status', page: PAGE_PARAM } as const;

/** The longest search taken from the address. */
const MAX_SEARCH = 200;

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

/** What the list shows: a search, a status filter (null: all) and a page. */
export interface DepartmentListQuery {
  search: string;
  filter: StatusFilter | null;
  page: number;
}

export interface DepartmentListModel extends PageModel {
  rows: DepartmentRow[];
  search: string;
  /** The chosen status (?status=), kept by the search form. */
  filterValue: string | null;
  filterOptions: FilterOption[];
  caption: string;
  /** What to say when no row is shown. */
  emptyText: string;
  pagination: PaginationModel | null;
}

/** The list's query from the address: unknown statuses show everything, a page that is no number is the first. */
export function readDepartmentListQuery(query: Record<string, unknown>): DepartmentListQuery {
  const search = query[DEPARTMENT_LIST_PARAMS.search];
  const status = query[DEPARTMENT_LIST_PARAMS.status];
  const page = query[DEPARTMENT_LIST_PARAMS.page];
  return {
    search: typeof search === 'string' ? search.trim().slice(0, MAX_SEARCH) : '',
    filter: STATUS_FILTERS.find((f) => f.value === status) ?? null,
    page: readPageNumber(page),
  };
}

/** The list's address: only what is set, `sida` only after the first page. */
export function departmentListPath(query: DepartmentListQuery): string {
  const params = new URLSearchParams();
  if (query.search) params.set(DEPARTMENT_LIST_PARAMS.search, query.search);
  if (query.filter) params.set(DEPARTMENT_LIST_PARAMS.status, query.filter.value);
  if (query.page > 1) params.set(DEPARTMENT_LIST_PARAMS.page, String(query.page));
  const text = params.toString();
  return text ? `/forvaltningar?${text}` : '/forvaltningar';
}

const count = (n: number) => `${n} ${n === 1 ? 'förvaltning' : 'förvaltningar'}`;

/** One page of the table of departments with their coordinators, found by the search and narrowed by the status filter. */
export function buildDepartmentList(found: DepartmentCoveragePage, today: LocalDate, query: DepartmentListQuery): DepartmentListModel {
  const { filter, search } = query;
  const rows = found.items.map((d): DepartmentRow => {
    const c = departmentCoverage(d, d.assignments, today);
    return {
      href: departmentPath(d.id),
      name: d.name,
      code: d.code,
      committee: d.committeeName,
      coordinator: c.primary?.person?.name ?? (c.nextPrimary ? `Ingen (${c.nextPrimary.person?.name} från ${swedishDate(c.nextPrimary.validFrom)})` : 'Ingen'),
      deputies: c.deputies.map((a) => a.person?.name).join(', ') || 'Ingen',
      tags: c.tags,
    };
  });
  const narrowed = filter !== null || search !== '';
  const matching = search ? ` som matchar ”${search}”` : '';
  const what = `${matching}${filter ? `: ${filter.label.toLowerCase()}` : ''}`;
  const first = (query.page - 1) * DEPARTMENTS_PAGE_SIZE + 1;
  const range = rows.length > 0 && found.total > rows.length ? ` (${first}–${first + rows.length - 1} visas)` : '';
  const titleParts = [filter ? `Förvaltningar: ${filter.label.toLowerCase()}` : 'Förvaltningar', search ? `sökning ”${search}”` : null, query.page > 1 ? `sida ${query.page}` : null];
  return {
    title: titleParts.filter(Boolean).join(', '),
    section: 'departments',
    sectionHome: true,
    rows,
    search,
    filterValue: filter?.value ?? null,
    caption: narrowed ? `${found.total} av ${count(found.totalAll)}${what}${range}` : `${count(found.total)}${range}`,
    emptyText:
      found.total > 0
        ? 'Sidan finns inte: listan har färre sidor.'
        : search
          ? `Ingen förvaltning${matching}${filter ? ` har statusen ${filter.label.toLowerCase()}` : ''}.`
          : filter
            ? 'Inga förvaltningar har den statusen.'
            : 'Det finns inga förvaltningar ännu.',
    filterOptions: [
      { value: '', text: 'Alla förvaltningar', selected: filter === null },
      ...STATUS_FILTERS.map((f) => ({ value: f.value, text: f.label, selected: f === filter })),
    ],
    pagination: pagination({
      page: query.page,
      pageSize: DEPARTMENTS_PAGE_SIZE,
      total: found.total,
      label: 'Sidor med förvaltningar',
      link: (page) => departmentListPath({ ...query, page }),
    }),
  };
}
