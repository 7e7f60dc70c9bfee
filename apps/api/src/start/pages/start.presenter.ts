import type { Task } from '@samverka/kernel';
import { COORDINATOR_KIND_LABELS, CoordinatorAssignmentEntity, CoverageReport } from '@samverka/organisation';
import { PageModel } from '../../shell/view-renderer';
import { OwnDepartment } from '../../shell/viewer';
import { departmentPath, period, swedishDate, tag, TagView } from '../../shell/format';

interface LinkItem {
  href: string;
  text: string;
  detail: string;
}

interface CoverageFigure {
  id: string;
  label: string;
  count: number;
  /** Attention is needed (count > 0 for a gap). */
  warning: boolean;
  items: LinkItem[];
  /** "Visar de 20 första av 85." when the section holds more than the page shows; else null. */
  shown: string | null;
  emptyText: string;
  /** The department list filtered the same way, when the filter means the same thing. */
  list: { href: string; text: string } | null;
}

/** The city-wide coverage summary: for admins and strategists. */
export interface CoverageOverview {
  today: string;
  activeDepartments: number;
  figures: CoverageFigure[];
}

/** An assignment of the viewer's own that they have not acknowledged yet, with its button. */
interface OwnAssignment {
  heading: string;
  /** The department's page, when the viewer may open it. */
  href: string | null;
  department: string;
  period: string;
  mandate: string;
  responsibilities: string[];
  acknowledgeAction: string;
  /** Context for screen readers on the button. */
  context: string;
}

interface OwnDepartmentItem {
  href: string;
  name: string;
  /** "samordnare", "förvaltningsledning" or both. */
  roles: string;
}

/** One task on the list: what to do, by when, and the page where it is done. */
export interface TaskItem {
  href: string;
  title: string;
  /** "Senast 31 mars 2027", or null without a deadline. */
  due: string | null;
  overdue: TagView | null;
}

export interface StartPageModel extends PageModel {
  notice: string | null;
  /** Att göra: the same list as GET /api/v1/me/tasks, first on the page for every role. */
  tasks: TaskItem[];
  overview: CoverageOverview | null;
  ownAssignments: OwnAssignment[];
  ownDepartments: OwnDepartmentItem[];
  ownDepartmentsHeading: string;
  /** The committees the viewer is secretary of, or null. */
  committees: { heading: string; names: string } | null;
  /** Signed in, but no role and nothing to acknowledge: nothing to do here yet. */
  noRole: boolean;
  /** The link to the city overview, for those who may read it. */
  cityOverviewHref?: string | null;
}

export interface StartPageData {
  /** The viewer's tasks, already sorted. */
  tasks: Task[];
  /** Only for admins and strategists. */
  overview: { activeDepartments: number; coverage: CoverageReport } | null;
  /** The viewer's own unacknowledged assignments. */
  ownAssignments: CoordinatorAssignmentEntity[];
  departments: OwnDepartment[];
  committees: Array<{ name: string }>;
  mayViewDepartment: (departmentId: string) => boolean;
  /** An assignment the viewer just acknowledged (?bekraftad=), when it is theirs. */
  acknowledged?: CoordinatorAssignmentEntity | null;
}

export function buildStartPage(data: StartPageData): StartPageModel {
  const ackd = data.acknowledged;
  return {
    title: 'Start',
    section: 'start',
    sectionHome: true,
    notice: ackd ? `Du har bekräftat uppdraget som ${COORDINATOR_KIND_LABELS[ackd.kind].toLowerCase()} för ${ackd.department?.name ?? 'förvaltningen'}.` : null,
    tasks: data.tasks.map(taskItem),
    overview: data.overview ? coverageOverview(data.overview.activeDepartments, data.overview.coverage) : null,
    ownAssignments: data.ownAssignments.map((a) => {
      const department = a.department?.name ?? 'Förvaltningen';
      const role = COORDINATOR_KIND_LABELS[a.kind].toLowerCase();
      return {
        heading: `${COORDINATOR_KIND_LABELS[a.kind]} för ${department}`,
        href: data.mayViewDepartment(a.departmentId) ? departmentPath(a.departmentId) : null,
        department,
        period: period(a),
        mandate: a.mandate,
        responsibilities: a.responsibilities,
        acknowledgeAction: `${departmentPath(a.departmentId)}/uppdrag/${a.id}/bekrafta`,
        context: `som ${role} för ${department}`,
      };
    }),
    ownDepartments: data.departments.map((d) => ({
      href: departmentPath(d.id),
      name: d.name,
      roles: [d.coordinator ? 'samordnare' : null, d.management ? 'förvaltningsledning' : null].filter((r) => r !== null).join(' och '),
    })),
    ownDepartmentsHeading: data.departments.length > 1 ? 'Dina förvaltningar' : 'Din förvaltning',
    committees:
      data.committees.length > 0 ? { heading: data.committees.length > 1 ? 'Dina nämnder' : 'Din nämnd', names: swedishList(data.committees.map((c) => c.name)) } : null,
    noRole: data.overview === null && data.ownAssignments.length === 0 && data.departments.length === 0 && data.committees.length === 0,
  };
}

export function taskItem(t: Task): TaskItem {
  return {
    href: t.href,
    title: t.title,
    due: t.dueOn ? `Senast ${swedishDate(t.dueOn)}` : null,
    overdue: t.overdue ? tag('Försenad', 'red') : null,
  };
}

/** "A", "A och B", "A, B och C". */
export function swedishList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/** How many of a coverage section's rows the start page lists (the count is the section's whole). */
export const START_PAGE_COVERAGE_ITEMS = 20;

function shownOf(items: number, total: number): string | null {
  return total > items ? `Visar de ${items} första av ${total}.` : null;
}

function coverageOverview(activeDepartments: number, coverage: CoverageReport): CoverageOverview {
  const assignmentItem = (detail: (a: CoverageReport['unacknowledged'][number]) => string) => (a: CoverageReport['unacknowledged'][number]): LinkItem => ({
    href: departmentPath(a.departmentId),
    text: a.department?.name ?? 'Förvaltning',
    detail: detail(a),
  });
  return {
    today: swedishDate(coverage.date),
    activeDepartments,
    figures: [
      {
        id: 'utan-samordnare',
        label: 'Förvaltningar utan samordnare i dag',
        count: coverage.totals.withoutPrimary,
        warning: coverage.totals.withoutPrimary > 0,
        shown: shownOf(coverage.withoutPrimary.length, coverage.totals.withoutPrimary),
        items: coverage.withoutPrimary.map((d) => ({
          href: departmentPath(d.departmentId),
          text: d.name,
          detail: d.nextPrimaryFrom ? `ny samordnare från ${swedishDate(d.nextPrimaryFrom)}` : 'ingen utsedd',
        })),
        emptyText: 'Alla aktiva förvaltningar har en samordnare.',
        list: { href: '/forvaltningar?status=saknar', text: 'Visa förvaltningar som saknar samordnare i förvaltningslistan' },
      },
      {
        id: 'ej-bekraftade',
        label: 'Uppdrag som inte är bekräftade',
        count: coverage.totals.unacknowledged,
        warning: coverage.totals.unacknowledged > 0,
        shown: shownOf(coverage.unacknowledged.length, coverage.totals.unacknowledged),
        items: coverage.unacknowledged.map(assignmentItem((a) => `${a.person?.name ?? ''}, ${COORDINATOR_KIND_LABELS[a.kind].toLowerCase()}`)),
        emptyText: 'Alla uppdrag är bekräftade.',
        list: { href: '/forvaltningar?status=ej-bekraftad', text: 'Visa förvaltningar med uppdrag som inte är bekräftade i förvaltningslistan' },
      },
      {
        id: 'upphor-snart',
        label: `Uppdrag som upphör inom ${coverage.endingWithinDays} dagar`,
        count: coverage.totals.endingSoon,
        warning: coverage.totals.endingSoon > 0,
        shown: shownOf(coverage.endingSoon.length, coverage.totals.endingSoon),
        items: coverage.endingSoon.map(assignmentItem((a) => `${a.person?.name ?? ''}, ${COORDINATOR_KIND_LABELS[a.kind].toLowerCase()}, slutar ${swedishDate(a.validTo!)}`)),
        emptyText: `Inga uppdrag upphör inom ${coverage.endingWithinDays} dagar.`,
        list: null,
      },
    ],
  };
}
