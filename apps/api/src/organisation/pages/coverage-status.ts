import { addDays, LocalDate } from '@samverka/kernel';
import { CoordinatorAssignmentEntity, DepartmentCoverageState, ENDING_SOON_DAYS } from '@samverka/organisation';
import { swedishDate, tag, TagView } from '../../shell/format';

/**
 * How well a department is covered by coordinators today. A department can be in several states at once.
 * The list's filter asks the same of the database (DEPARTMENT_COVERAGE_PAGE_SQL in libs/organisation),
 * so that it pages; test/medium/department-reads.test.ts holds the two to the same answer.
 */
export type CoverageState = DepartmentCoverageState;

/** What the coverage reads of an assignment. */
export type CoverageAssignment = Pick<CoordinatorAssignmentEntity, 'id' | 'kind' | 'validFrom' | 'validTo' | 'acknowledgedAt'> & { person?: { name: string } | null };

export interface StatusFilter {
  /** The value in ?status= (Swedish, readable in the address bar). */
  value: string;
  state: CoverageState;
  label: string;
}

export const STATUS_FILTERS: readonly StatusFilter[] = [
  { value: 'saknar', state: 'missing', label: 'Saknar samordnare' },
  { value: 'upphor', state: 'endingSoon', label: 'Upphör snart' },
  { value: 'ej-bekraftad', state: 'unacknowledged', label: 'Ej bekräftad' },
  { value: 'finns', state: 'covered', label: 'Samordnare finns' },
  { value: 'inaktiv', state: 'inactive', label: 'Inaktiverad' },
];

const STATE_TAGS: Record<CoverageState, TagView> = {
  missing: tag('Saknar samordnare', 'red'),
  endingSoon: tag('Upphör snart', 'orange'),
  unacknowledged: tag('Ej bekräftad', 'yellow'),
  covered: tag('Samordnare finns', 'green'),
  inactive: tag('Inaktiverad', 'grey'),
};

export interface DepartmentCoverage<A extends CoverageAssignment = CoordinatorAssignmentEntity> {
  states: CoverageState[];
  tags: TagView[];
  /** The primary valid today, if any. */
  primary: A | null;
  /** A primary appointed to start later (when there is none today). */
  nextPrimary: A | null;
  /** Deputies valid today. */
  deputies: A[];
  /** One sentence explaining the states, for the department page. */
  explanation: string;
}

const active = (a: CoverageAssignment, today: LocalDate) => a.validFrom <= today && (a.validTo === null || a.validTo >= today);

/**
 * The coverage of one department from its current and scheduled assignments
 * (assignments that already ended are ignored). "Upphör snart" means an
 * assignment valid today ends within 30 days and, for the primary, nobody is
 * appointed to take over the day after.
 */
export function departmentCoverage<A extends CoverageAssignment>(department: { active: boolean }, assignments: A[], today: LocalDate): DepartmentCoverage<A> {
  const current = assignments.filter((a) => a.validTo === null || a.validTo >= today);
  const primaries = current.filter((a) => a.kind === 'primary').sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const primary = primaries.find((a) => active(a, today)) ?? null;
  const nextPrimary = primary ? null : (primaries.find((a) => a.validFrom > today) ?? null);
  const deputies = current.filter((a) => a.kind === 'deputy' && active(a, today));

  if (!department.active) {
    return { states: ['inactive'], tags: [STATE_TAGS.inactive], primary, nextPrimary, deputies, explanation: 'Förvaltningen är inaktiverad.' };
  }

  const horizon = addDays(today, ENDING_SOON_DAYS);
  const endsSoon = (a: A) => active(a, today) && a.validTo !== null && a.validTo <= horizon;
  const successorFor = (a: A) => primaries.some((p) => p !== a && a.validTo !== null && p.validFrom > today && p.validFrom <= addDays(a.validTo, 1));
  const ending = current.filter((a) => endsSoon(a) && (a.kind === 'deputy' || !successorFor(a)));
  const unacknowledged = current.filter((a) => a.acknowledgedAt === null);

  const states: CoverageState[] = [];
  const sentences: string[] = [];
  if (!primary) {
    states.push('missing');
    sentences.push(nextPrimary ? `Ingen samordnare i dag; ${nextPrimary.person?.name ?? 'en ny samordnare'} börjar ${swedishDate(nextPrimary.validFrom)}.` : 'Förvaltningen saknar samordnare.');
  }
  if (ending.length > 0) {
    states.push('endingSoon');
    sentences.push(...ending.map((a) => `${a.person?.name ?? 'Ett uppdrag'} slutar ${swedishDate(a.validTo!)}.`));
  }
  if (unacknowledged.length > 0) {
    states.push('unacknowledged');
    sentences.push(`${unacknowledged.map((a) => a.person?.name ?? 'Någon').join(' och ')} har inte bekräftat sitt uppdrag.`);
  }
  if (states.length === 0) {
    states.push('covered');
    sentences.push('Förvaltningen har en samordnare som har bekräftat uppdraget.');
  }
  return { states, tags: states.map((s) => STATE_TAGS[s]), primary, nextPrimary, deputies, explanation: sentences.join(' ') };
}
