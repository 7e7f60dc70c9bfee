import { NeedsAnalysis } from '@samverka/needs';
import { RoundBasics } from '@samverka/rounds';
import { ViewRenderer } from '../../shell/view-renderer';
import { ViewerService } from '../../shell/viewer';
import { WebAssets } from '../../shell/web-assets';
import { HEAT_MAP_SCHEME, renderHeatMap } from './heat-map';
import {
  AnalysisReference,
  analysisChoices,
  buildNeedsAnalysisPage,
  downloadHref,
  NeedsAnalysisPageData,
  readAnalysisFilter,
} from './needs-analysis-page.presenter';

const ROUND_ID = '0b6d7f0e-3c1a-4f5e-9a2b-1c2d3e4f5a6b';
const FSK = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';
const KUF = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const ALL = { all: true, departmentIds: [], committeeIds: [] };

const round: RoundBasics = {
  id: ROUND_ID,
  title: 'Utvecklingsplan 2027',
  year: 2027,
  state: 'collectingNeeds',
  needsDeadline: '2026-12-20',
  areas: [
    { code: 'LOKAL_SERVICE', name: 'Lokal service' },
    { code: 'DIGITAL', name: 'Digitalisering och servicekommunikation' },
  ],
  participants: [
    { departmentId: FSK, name: 'Förskoleförvaltningen', committeeId: 'c1' },
    { departmentId: KUF, name: 'Kulturförvaltningen', committeeId: 'c2' },
  ],
};

const item = (code: string, name: string, active = true) => ({ code, name, active });
const reference: AnalysisReference = {
  channels: [item('telephone', 'Telefon'), item('library', 'Bibliotek'), item('fax', 'Fax', false)],
  districts: [item('norr', 'Norr'), item('soder', 'Söder')],
  targetGroups: [item('newcomers', 'Nyanlända'), item('elderly', 'Äldre')],
};

/** Three needs: two at libraries in Lokal service (3 400 errands), one by telephone in Digitalisering (12). */
const analysis: NeedsAnalysis = {
  roundId: ROUND_ID,
  countedStatuses: ['submitted', 'endorsed'],
  totals: { needs: 3, departments: 2, monthlyVolume: 3412 },
  byAreaAndChannel: [
    { areaCode: 'LOKAL_SERVICE', areaName: 'Lokal service', channel: 'library', channelName: 'Bibliotek', count: 2, monthlyVolume: 3400 },
    { areaCode: 'DIGITAL', areaName: 'Digitalisering och servicekommunikation', channel: 'telephone', channelName: 'Telefon', count: 1, monthlyVolume: 12 },
  ],
  byDistrictAndTargetGroup: [
    { district: 'soder', districtName: 'Söder', targetGroup: 'newcomers', targetGroupName: 'Nyanlända', count: 2, monthlyVolume: 3400 },
    { district: null, districtName: null, targetGroup: null, targetGroupName: null, count: 1, monthlyVolume: 12 },
  ],
  byDepartmentAndArea: [
    { departmentId: FSK, departmentName: 'Förskoleförvaltningen', areaCode: 'LOKAL_SERVICE', areaName: 'Lokal service', count: 2, monthlyVolume: 3400 },
    { departmentId: KUF, departmentName: 'Kulturförvaltningen', areaCode: 'DIGITAL', areaName: 'Digitalisering och servicekommunikation', count: 1, monthlyVolume: 12 },
  ],
  gaps: [
    {
      kind: 'departmentWithoutNeedsInArea',
      departmentId: FSK,
      departmentName: 'Förskoleförvaltningen',
      areaCode: 'DIGITAL',
      areaName: 'Digitalisering och servicekommunikation',
      description: 'Förskoleförvaltningen har inga behov inom Digitalisering och servicekommunikation.',
    },
  ],
};

const data = (values: Partial<NeedsAnalysisPageData> = {}): NeedsAnalysisPageData => ({
  round,
  analysis,
  filter: {},
  choices: analysisChoices(round, ALL, reference),
  reference,
  ...values,
});

/** The heat map's cells, in document order (row by row): Vega draws each rect mark as a path. */
const cellFills = (svg: string): string[] => {
  const group = /<g class="mark-rect role-mark cell">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [...group.matchAll(/<path d="M[^"]*" fill="([^"]+)"/g)].map((m) => m[1]);
};
/** Relative luminance (WCAG) of "rgb(r, g, b)": lower is darker. */
const luminance = (fill: string): number => {
  const [r, g, b] = (/rgb\((\d+), (\d+), (\d+)\)/.exec(fill) ?? []).slice(1).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe(buildNeedsAnalysisPage.name, () => {
  it('lays out each matrix as table rows: every area of the round, the channels used in reference order, "count (volume/mån)" and 0 where nothing is counted', async () => {
    const sut = await buildNeedsAnalysisPage(data());
    expect(sut.matrices.map((m) => m.heading)).toEqual(['Utvecklingsområde och kanal', 'Stadsområde och målgrupp', 'Förvaltning och utvecklingsområde']);

    const [areaChannel, districtTarget, departmentArea] = sut.matrices;
    expect(areaChannel.rowHeader).toBe('Utvecklingsområde');
    expect(areaChannel.columns).toEqual(['Telefon', 'Bibliotek']);
    expect(areaChannel.rows).toEqual([
      { name: 'Lokal service', cells: ['0', '2 (3\u00a0400/mån)'] },
      { name: 'Digitalisering och servicekommunikation', cells: ['1 (12/mån)', '0'] },
    ]);
    // Needs without a district or target group: their own row and column, last.
    expect(districtTarget.columns).toEqual(['Nyanlända', 'Ingen målgrupp']);
    expect(districtTarget.rows).toEqual([
      { name: 'Söder', cells: ['2 (3\u00a0400/mån)', '0'] },
      { name: 'Inget stadsområde', cells: ['0', '1 (12/mån)'] },
    ]);
    expect(departmentArea.columns).toEqual(['Lokal service', 'Digitalisering och servicekommunikation']);
    expect(departmentArea.rows).toEqual([
      { name: 'Förskoleförvaltningen', cells: ['2 (3\u00a0400/mån)', '0'] },
      { name: 'Kulturförvaltningen', cells: ['0', '1 (12/mån)'] },
    ]);

    expect(sut.summary).toBe('3 behov från 2 förvaltningar, sammanlagt 3\u00a0412 ärenden per månad.');
    expect(sut.gaps).toEqual(['Förskoleförvaltningen har inga behov inom Digitalisering och servicekommunikation.']);
    expect(sut.empty).toBeNull();
  });

  it('draws each matrix as a heat map: one rect per cell, row by row, darker for more needs, labelled as an image', async () => {
    const [areaChannel] = (await buildNeedsAnalysisPage(data())).matrices;
    const fills = cellFills(areaChannel.chart);
    // [Lokal service: Telefon 0, Bibliotek 2], [Digitalisering: Telefon 1, Bibliotek 0]
    expect(fills).toHaveLength(4);
    expect(fills[0]).toBe(fills[3]);
    expect(luminance(fills[1])).toBeLessThan(luminance(fills[2]));
    expect(luminance(fills[2])).toBeLessThan(luminance(fills[0]));
    expect(areaChannel.chart).toMatch(/^<svg role="img" aria-label="Antal behov per utvecklingsområde och kanal\. Mörkare ruta betyder fler behov\. Siffrorna finns i tabellen ovanför\."/);
  });

  it('keeps the SVG within the CSP and the page: no style or script, ids unique to the chart, names escaped', async () => {
    const svg = await renderHeatMap({
      id: 'karta-a',
      label: 'Behov <per> "område" & kanal',
      legendTitle: 'Antal behov',
      rows: ['A & B', 'A & B'],
      columns: ['<Telefon>', 'Bibliotek', 'Webb'],
      values: [
        [5, 4, 3],
        [2, 1, 0],
      ],
    });
    expect(svg).not.toMatch(/style=|<script|<style|aria-roledescription|graphics-/);
    expect(svg).toContain('aria-label="Behov &lt;per&gt; &quot;område&quot; &amp; kanal"');
    expect(svg).toContain('&lt;Telefon&gt;');
    expect(svg).not.toContain('<Telefon>');
    const gradient = /<linearGradient id="(karta-a-gradient-\d+)"/.exec(svg)?.[1];
    expect(svg.match(/<linearGradient /g)).toHaveLength(1);
    expect(gradient).toMatch(/^karta-a-gradient-\d+$/);
    expect(svg).toContain(`fill="url(#${gradient})"`);
    expect(svg).not.toMatch(/gradient_\d/);
    const fills = cellFills(svg);
    expect(fills).toHaveLength(6);
    // Strictly darker as the count grows: 0 < 1 < … < 5 read backwards.
    const byCount = [...fills].reverse().map(luminance);
    byCount.slice(1).forEach((l, i) => expect(l).toBeLessThan(byCount[i]));
    expect(HEAT_MAP_SCHEME).toBe('blues');
  });

  it('shows the empty state (and neither matrices nor downloads) when no need matches the filter', async () => {
    const nothing: NeedsAnalysis = { ...analysis, totals: { needs: 0, departments: 0, monthlyVolume: 0 }, byAreaAndChannel: [], byDistrictAndTargetGroup: [], byDepartmentAndArea: [], gaps: [] };
    const filtered = await buildNeedsAnalysisPage(data({ analysis: nothing, filter: { channel: 'fax' } }));
    expect(filtered).toMatchObject({ empty: 'Inga behov matchar filtret.', matrices: [], downloads: null, summary: null, filtered: true });
    await expect(buildNeedsAnalysisPage(data({ analysis: nothing }))).resolves.toMatchObject({ empty: 'Inga behov är inlämnade ännu.', filtered: false });
  });

  it('reflects the filter in the form and carries it to the downloads', async () => {
    const sut = await buildNeedsAnalysisPage(data({ filter: { channel: 'library', departmentId: FSK } }));
    const selected = sut.filters.map((f) => [f.name, f.options.find((o) => o.selected)?.text]);
    expect(selected).toEqual([
      ['omrade', 'Alla'],
      ['kanal', 'Bibliotek'],
      ['stadsomrade', 'Alla'],
      ['malgrupp', 'Alla'],
      ['forvaltning', 'Förskoleförvaltningen'],
      ['status', 'Inlämnade och godkända'],
    ]);
    expect(sut.counted).toBe('Räknar behov med status inlämnad och godkänd.');
    expect(sut.draftsNote).toBeNull();
    expect(sut.filters[1].options.map((o) => o.text)).toEqual(['Alla', 'Telefon', 'Bibliotek', 'Fax (utgått)']);
    expect(sut.downloads).toEqual({
      csv: `/api/v1/rounds/${ROUND_ID}/needs.csv?channel=library&departmentId=${FSK}`,
      xlsx: `/api/v1/rounds/${ROUND_ID}/needs.xlsx?channel=library&departmentId=${FSK}`,
    });
    expect(downloadHref(ROUND_ID, 'csv', {})).toBe(`/api/v1/rounds/${ROUND_ID}/needs.csv`);
  });

  it('counts the drafts when asked, says so, and carries it to the downloads', async () => {
    const sut = await buildNeedsAnalysisPage(data({ filter: { includeDrafts: true }, analysis: { ...analysis, countedStatuses: ['submitted', 'endorsed', 'draft', 'returned'] } }));
    expect(sut.filters.find((f) => f.name === 'status')?.options.find((o) => o.selected)?.text).toBe('Alla, även utkast');
    expect(sut.counted).toBe('Räknar behov med status inlämnad, godkänd, utkast och skickad tillbaka.');
    expect(sut.draftsNote).toBe('Behov som inte är inlämnade räknas bara för de förvaltningar som du själv företräder.');
    expect(sut.downloads?.csv).toBe(`/api/v1/rounds/${ROUND_ID}/needs.csv?includeDrafts=true`);
    expect(downloadHref(ROUND_ID, 'xlsx', { status: 'draft' })).toBe(`/api/v1/rounds/${ROUND_ID}/needs.xlsx?status=draft`);
  });

  it('renders the page: captioned tables with scoped headers, and the charts inline', async () => {
    const renderer = new ViewRenderer({ stylesheetUrl: '/assets/samverka.css?v=test' } as WebAssets, {} as ViewerService);
    const html = renderer.render('needs-analysis', await buildNeedsAnalysisPage(data()));
    expect(html.match(/<caption /g)).toHaveLength(3);
    expect(html).toContain('<th scope="row" class="govuk-table__header">Lokal service</th>');
    expect(html.match(/<svg role="img"/g)).toHaveLength(3);
    expect(html).not.toMatch(/&lt;svg/);
    expect(html).toContain(`href="/api/v1/rounds/${ROUND_ID}/needs.csv"`);
  });
});

describe(readAnalysisFilter.name, () => {
  it('takes only values among the options (a department the reader may not see, or garbage, is no filter)', () => {
    const choices = analysisChoices(round, { all: false, departmentIds: [FSK], committeeIds: [] }, reference);
    expect(choices.departmentId.map((d) => d.text)).toEqual(['Förskoleförvaltningen']);
    expect(readAnalysisFilter({ kanal: 'library', omrade: 'DIGITAL', forvaltning: FSK, malgrupp: '' }, choices)).toEqual({ channel: 'library', areaCode: 'DIGITAL', departmentId: FSK });
    expect(readAnalysisFilter({ kanal: ['library', 'telephone'], forvaltning: KUF, stadsomrade: "' or 1=1" }, choices)).toEqual({});
  });

  it('reads the status: all (drafts included), one status, or the default for anything else', () => {
    const choices = analysisChoices(round, ALL, reference);
    expect(readAnalysisFilter({ status: 'alla' }, choices)).toEqual({ includeDrafts: true });
    expect(readAnalysisFilter({ status: 'draft' }, choices)).toEqual({ status: 'draft' });
    expect(readAnalysisFilter({ status: 'nothingToReport' }, choices)).toEqual({});
    expect(readAnalysisFilter({ status: ['alla'] }, choices)).toEqual({});
  });
});
