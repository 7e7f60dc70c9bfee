import { CoverageReport } from '@samverka/organisation';
import { PageModel } from '../view-renderer';
import { departmentPath, KIND_LABELS, swedishDate } from './format';

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
  emptyText: string;
  /** The department list filtered the same way, when the filter means the same thing. */
  list: { href: string; text: string } | null;
}

export interface StartPageModel extends PageModel {
  today: string;
  activeDepartments: number;
  figures: CoverageFigure[];
}

export function buildStartPage(activeDepartments: number, coverage: CoverageReport): StartPageModel {
  const assignmentItem = (detail: (a: CoverageReport['unacknowledged'][number]) => string) => (a: CoverageReport['unacknowledged'][number]): LinkItem => ({
    href: departmentPath(a.departmentId),
    text: a.department?.name ?? 'Förvaltning',
    detail: detail(a),
  });
  return {
    title: 'Start',
    section: 'start',
    sectionHome: true,
    today: swedishDate(coverage.date),
    activeDepartments,
    figures: [
      {
        id: 'utan-samordnare',
        label: 'Förvaltningar utan samordnare i dag',
        count: coverage.withoutPrimary.length,
        warning: coverage.withoutPrimary.length > 0,
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
        count: coverage.unacknowledged.length,
        warning: coverage.unacknowledged.length > 0,
        items: coverage.unacknowledged.map(assignmentItem((a) => `${a.person?.name ?? ''}, ${KIND_LABELS[a.kind].toLowerCase()}`)),
        emptyText: 'Alla uppdrag är bekräftade.',
        list: { href: '/forvaltningar?status=ej-bekraftad', text: 'Visa förvaltningar med uppdrag som inte är bekräftade i förvaltningslistan' },
      },
      {
        id: 'upphor-snart',
        label: `Uppdrag som upphör inom ${coverage.endingWithinDays} dagar`,
        count: coverage.endingSoon.length,
        warning: coverage.endingSoon.length > 0,
        items: coverage.endingSoon.map(assignmentItem((a) => `${a.person?.name ?? ''}, ${KIND_LABELS[a.kind].toLowerCase()}, slutar ${swedishDate(a.validTo!)}`)),
        emptyText: `Inga uppdrag upphör inom ${coverage.endingWithinDays} dagar.`,
        list: null,
      },
    ],
  };
}
