import { NOT_REPORTED_LABEL, REPORT_STATUS_LABELS, REPORT_STATUSES, type PeriodStatus, type StatusCounts } from '@samverka/follow-up';

/*
 * Status over periods as a server-rendered SVG: one stacked bar per period, a segment per status,
 * widths in proportion to the organisations' reports. No script and no style attribute (the CSP holds);
 * the chart is role="img" with an accessible name and points to the table beside it, which carries the
 * same numbers as text. The colours are GOV.UK's tag colours; the legend names each one.
 */

export const CHART_KEYS = [...REPORT_STATUSES, 'not_reported'] as const;
export type ChartKey = (typeof CHART_KEYS)[number];

export const CHART_LABELS: Record<ChartKey, string> = { ...REPORT_STATUS_LABELS, not_reported: NOT_REPORTED_LABEL };

const COLOURS: Record<ChartKey, string> = {
  not_started: '#b1b4b6',
  on_track: '#1d70b8',
  at_risk: '#f47738',
  delayed: '#d4351c',
  done: '#00703c',
  cancelled: '#505a5f',
  not_reported: '#ffffff',
};

const LABEL_WIDTH = 130;
const BAR_WIDTH = 450;
const BAR_HEIGHT = 26;
const GAP = 12;
const LEGEND_ROW = 22;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The SVG of the status over the periods (an empty string when there are no periods). */
export function statusOverPeriodsSvg(periods: readonly PeriodStatus[], label: string): string {
  if (periods.length === 0) return '';
  const legendTop = periods.length * (BAR_HEIGHT + GAP) + GAP;
  const legendRows = Math.ceil(CHART_KEYS.length / 3);
  const height = legendTop + legendRows * LEGEND_ROW + GAP;
  const width = LABEL_WIDTH + BAR_WIDTH + 10;
  const parts: string[] = [];
  periods.forEach((p, row) => {
    const y = GAP + row * (BAR_HEIGHT + GAP);
    const total = CHART_KEYS.reduce((sum, k) => sum + (p.counts as StatusCounts)[k], 0);
    parts.push(`<text x="0" y="${y + BAR_HEIGHT / 2 + 5}" font-family="${FONT}" font-size="14" fill="#0b0c0c">${escape(p.label)}</text>`);
    let x = LABEL_WIDTH;
    for (const key of CHART_KEYS) {
      const n = (p.counts as StatusCounts)[key];
      if (n === 0 || total === 0) continue;
      const w = Math.round((n / total) * BAR_WIDTH * 10) / 10;
      parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="${COLOURS[key]}" stroke="#0b0c0c" stroke-width="1"/>`);
      x += w;
    }
  });
  CHART_KEYS.forEach((key, i) => {
    const x = (i % 3) * 200;
    const y = legendTop + Math.floor(i / 3) * LEGEND_ROW;
    parts.push(`<rect x="${x}" y="${y}" width="14" height="14" fill="${COLOURS[key]}" stroke="#0b0c0c" stroke-width="1"/>`);
    parts.push(`<text x="${x + 20}" y="${y + 12}" font-family="${FONT}" font-size="13" fill="#0b0c0c">${escape(CHART_LABELS[key])}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="samverka-status-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escape(label)}"><title>${escape(label)}</title>${parts.join('')}</svg>`;
}
