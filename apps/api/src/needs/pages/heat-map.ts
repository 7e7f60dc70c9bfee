/*
 * Why Vega (vega@5, one dependency, no vega-lite): it is the well-kept
 * grammar-of-graphics library behind Vega-Lite and Altair, it renders SVG
 * headlessly in Node (`renderer: 'none'` + `toSVG()`, no canvas, no DOM, no
 * browser), and its 5.x line ships CommonJS builds with d3 bundled in, so the
 * CommonJS app and Jest (which loads no ES modules) can require it; vega@6
 * is ES-module only. Its SVG uses presentation attributes (fill=, stroke=),
 * never style=, so the page's CSP (style-src 'self') holds.
 *
 * The page prints the SVG inline (no script runs in the browser): the chart
 * is role="img" with an aria-label and points to the table above it, which
 * carries the same numbers as text. No text is drawn on the cells, so the
 * colours need not keep text contrast; the scheme is ColorBrewer's
 * single-hue "blues", ordered by lightness and so readable with every kind
 * of colour blindness (and in greyscale).
 */
import { parse, Spec, View } from 'vega';

export interface HeatMapInput {
  /** Unique per page: prefixes the SVG's internal ids (three charts share a page). */
  id: string;
  /** The chart's accessible name. */
  label: string;
  /** What the colour counts ("Antal behov"): the legend's title. */
  legendTitle: string;
  rows: string[];
  columns: string[];
  /** values[row][column], one per cell. */
  values: number[][];
}

/** The scheme, by its Vega name (ColorBrewer Blues). */
export const HEAT_MAP_SCHEME = 'blues';

const CELL_WIDTH = 72;
const CELL_HEIGHT = 36;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif';
/** GOV.UK's text colour on white: far above 4.5:1. */
const TEXT_COLOUR = '#0b0c0c';

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The longest line of an axis label, in characters, before it wraps at a space or a hyphen. */
export const LABEL_LINE_LENGTH = 22;

/**
 * An area's or department's name as the lines of an axis label: broken at
 * spaces and after hyphens into lines of at most LABEL_LINE_LENGTH
 * characters; a longer word keeps a line of its own, whole.
 */
export function labelLines(name: string): string[] {
  // Pieces with the separator before them: a space between words, nothing after a hyphen inside one.
  const pieces = name
    .trim()
    .split(/\s+/)
    .flatMap((word, w) => word.split(/(?<=-)/).map((part, p) => ({ part, before: p > 0 ? '' : w > 0 ? ' ' : '' })))
    .filter((x) => x.part !== '');
  const lines: string[] = [];
  for (const { part, before } of pieces) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + before + part).length <= LABEL_LINE_LENGTH) lines[last] += before + part;
    else lines.push(part);
  }
  return lines.length > 0 ? lines : [name];
}

function spec(input: HeatMapInput): Spec {
  const cells = input.rows.flatMap((row, r) => input.columns.map((column, c) => ({ row: `${r}`, column: `${c}`, value: input.values[r]?.[c] ?? 0 })));
  const max = Math.max(1, ...cells.map((c) => c.value));
  // Whole numbers only in the legend: every one up to 5, else five spread from 0 to the maximum.
  const legendValues = max <= 5 ? Array.from({ length: max + 1 }, (_, i) => i) : [...new Set([0, 1, 2, 3, 4].map((i) => Math.round((i * max) / 4)))];
  // Band domains by index, labels by lookup: two rows (or columns) may share a name. Each label
  // is whole (no "…"): a long name is drawn on several lines (Vega draws an array as lines).
  const label = (names: string[]) => `${JSON.stringify(names.map(labelLines))}[datum.value]`;
  return {
    width: Math.max(1, input.columns.length) * CELL_WIDTH,
    height: Math.max(1, input.rows.length) * CELL_HEIGHT,
    padding: 8,
    background: 'white',
    config: {
      axis: { labelFont: FONT, labelFontSize: 13, labelColor: TEXT_COLOUR, domainColor: TEXT_COLOUR, tickColor: TEXT_COLOUR },
      legend: { labelFont: FONT, labelFontSize: 13, labelColor: TEXT_COLOUR, titleFont: FONT, titleFontSize: 13, titleColor: TEXT_COLOUR },
    },
    data: [{ name: 'cells', values: cells }],
    scales: [
      { name: 'x', type: 'band', domain: input.columns.map((_, i) => `${i}`), range: 'width' },
      { name: 'y', type: 'band', domain: input.rows.map((_, i) => `${i}`), range: 'height' },
      { name: 'colour', type: 'linear', domain: [0, max], range: { scheme: HEAT_MAP_SCHEME }, zero: true, nice: false },
    ],
    axes: [
      { orient: 'top', scale: 'x', aria: false, labelAngle: -40, labelAlign: 'left', labelBaseline: 'middle', labelLimit: 0, encode: { labels: { update: { text: { signal: label(input.columns) } } } } },
      { orient: 'left', scale: 'y', aria: false, labelLimit: 0, encode: { labels: { update: { text: { signal: label(input.rows) } } } } },
    ],
    legends: [{ fill: 'colour', aria: false, title: input.legendTitle, values: legendValues, format: 'd', gradientLength: Math.max(80, Math.min(200, input.rows.length * CELL_HEIGHT)) }],
    marks: [
      {
        type: 'rect',
        name: 'cell',
        from: { data: 'cells' },
        aria: false,
        encode: {
          enter: {
            x: { scale: 'x', field: 'column' },
            width: { scale: 'x', band: 1 },
            y: { scale: 'y', field: 'row' },
            height: { scale: 'y', band: 1 },
            fill: { scale: 'colour', field: 'value' },
            stroke: { value: 'white' },
            strokeWidth: { value: 2 },
          },
        },
      },
    ],
  };
}

/**
 * The matrix as a heat map, an SVG string to print inline: one cell per row ×
 * column, darker for more. The root is role="img" with the label; Vega's own
 * ARIA roles inside are dropped (an image's content is presentational), and
 * its gradient ids are made unique to the chart.
 */
export async function renderHeatMap(input: HeatMapInput): Promise<string> {
  const view = new View(parse(spec(input)), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg
      .replace(/ (role|aria-roledescription|aria-hidden)="[^"]*"/g, '')
      .replace(/(id="|url\(#)gradient_(\d+)/g, `$1${input.id}-gradient-$2`)
      .replace(/^<svg /, `<svg role="img" aria-label="${escapeAttribute(input.label)}" focusable="false" id="${escapeAttribute(input.id)}" `);
  } finally {
    view.finalize();
  }
}
