import { CityOverview, OVERDUE_KIND_LABELS, OVERVIEW_LABELS } from '@samverka/overview';
import { DEADLINE_LABELS } from '@samverka/rounds';
import { isPlanRoundState, PLAN_ROUND_STATE_LABELS } from '@samverka/workflow';
import { swedishDate, swedishDateTime } from '../../shell/format';
import { PageModel, ROUNDS_PATH } from '../../shell/view-renderer';

export const OVERVIEW_PATH = '/oversikt';

export interface OverviewPageModel extends PageModel {
  heading: string;
  lead: string;
  rounds: Array<{
    title: string;
    href: string;
    phase: string;
    deadline: string | null;
    deadlinePassed: boolean;
    participants: string;
    overdueCaption: string;
    overdue: Array<{ what: string; who: string; due: string; period: string; count: number }>;
  }>;
  coverage: {
    summary: string;
    chart: string;
    rows: Array<{ name: string; primary: string; validTo: string; deputies: number; missing: boolean }>;
  };
  digests: { window: string; due: number; queued: number; sent: number; skippedAsEmpty: number } | null;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "Stadsöversikt": the overview as a page — tables first, the coverage chart beside its table. */
export function buildOverviewPage(overview: CityOverview): OverviewPageModel {
  const { coverage } = overview;
  return {
    title: overview.scope.all ? OVERVIEW_LABELS.title : OVERVIEW_LABELS.departmentTitle,
    section: 'start',
    heading: overview.scope.all ? OVERVIEW_LABELS.title : OVERVIEW_LABELS.departmentTitle,
    lead: overview.scope.all
      ? 'Alla pågående planomgångar, vad som är försenat och hos vem, och hur förvaltningarna har samordnare.'
      : 'Planomgångarna dina förvaltningar deltar i, vad som är försenat hos dem, och deras samordnare.',
    rounds: overview.rounds.map((r) => ({
      title: `${r.title} (${r.year})`,
      href: `${ROUNDS_PATH}/${r.id}`,
      phase: isPlanRoundState(r.state) ? PLAN_ROUND_STATE_LABELS[r.state] : r.state,
      deadline: r.deadline ? `${DEADLINE_LABELS[r.deadline.kind]}: ${swedishDate(r.deadline.date)}` : null,
      deadlinePassed: r.deadline?.passed ?? false,
      participants: count(r.participants, 'deltagande förvaltning', 'deltagande förvaltningar'),
      overdueCaption: `Försenat i ${r.title} (${r.year})`,
      overdue: r.overdue.map((o) => ({
        what: OVERDUE_KIND_LABELS[o.kind],
        who: o.ownerName,
        due: swedishDate(o.dueOn),
        period: o.period ?? '',
        count: o.count,
      })),
    })),
    coverage: {
      summary: `${coverage.withPrimary} av ${count(coverage.departments, 'förvaltning', 'förvaltningar')} har en giltig samordnare; ${coverage.withoutPrimary} saknar.`,
      chart: coverageChart(coverage.withPrimary, coverage.withoutPrimary),
      rows: coverage.rows.map((c) => ({
        name: c.name,
        primary: c.primary?.name ?? 'Saknas',
        validTo: c.primary ? (c.primary.validTo ? swedishDate(c.primary.validTo) : 'Tills vidare') : '–',
        deputies: c.deputies,
        missing: c.primary === null,
      })),
    },
    digests: overview.digests
      ? {
          window: `${swedishDateTime(overview.digests.windowStart)} – ${swedishDateTime(overview.digests.windowEnd)}`,
          due: overview.digests.due,
          queued: overview.digests.queued,
          sent: overview.digests.sent,
          skippedAsEmpty: overview.digests.skippedAsEmpty,
        }
      : null,
  };
}

/**
 * The coverage as one bar (server-rendered SVG, no script): the share of departments with a valid
 * primary coordinator (green) and without (red, hatched by its own colour only — the table beside it
 * carries the same numbers as text). Presentation attributes only (the CSP allows no style=).
 */
export function coverageChart(withPrimary: number, withoutPrimary: number): string {
  const total = withPrimary + withoutPrimary;
  const width = 400;
  const covered = total === 0 ? 0 : Math.round((withPrimary / total) * width);
  const label = `Samordnartäckning: ${withPrimary} av ${total} förvaltningar har en giltig samordnare, ${withoutPrimary} saknar`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 40" width="100%" height="40" role="img" aria-label="${label}" class="samverka-coverage-chart">`,
    `<rect x="0" y="0" width="${covered}" height="40" fill="#00703c"></rect>`,
    `<rect x="${covered}" y="0" width="${width - covered}" height="40" fill="#d4351c"></rect>`,
    '</svg>',
  ].join('');
}
