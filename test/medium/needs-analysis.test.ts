import { ConsultationModule } from '@samverka/consultation';
import { DEFAULT_AREAS, PlanRoundView, RoundReaderScope } from '@samverka/rounds';
import { NeedInput, NeedService, NeedsAnalysis, NeedsAnalysisService, NeedsModule, SubmissionService } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { DepartmentEntity } from '@samverka/organisation';
import { Workbook } from 'exceljs';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const ALL: RoundReaderScope = { all: true, departmentIds: [], committeeIds: [] };

/** RFC 4180 with `;` between fields: the rows and fields a spreadsheet reads. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error(`the last line does not end with CRLF: ${JSON.stringify(row)} ${JSON.stringify(field)}`);
  return rows;
}

describe(NeedsAnalysisService.name, () => {
  let ctx: MediumContext;
  let sut: NeedsAnalysisService;
  let needs: NeedService;

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule]);
    sut = ctx.get(NeedsAnalysisService);
    needs = ctx.get(NeedService);
  });
  afterAll(() => ctx.close());

  const need = (departmentId: string, values: Partial<NeedInput> = {}) => ctx.given.need(departmentId, values);

  describe('analyse', () => {
    let round: PlanRoundView;
    let a: DepartmentEntity;
    let b: DepartmentEntity;
    let committeeOfA: string;

    /**
     * A: three needs (two in Lokal service by telephone/e-mail in Norr, 550 a month; one digital need
     * with no district, no target group and no estimate). B: two in Lokal service in Söder, one of them
     * at the library (physical). C reported nothing to report; D has not started.
     */
    beforeAll(async () => {
      committeeOfA = (await ctx.given.committee()).id;
      a = await ctx.given.department({ name: 'Arbetsmarknadsförvaltningen', committeeId: committeeOfA });
      b = await ctx.given.department({ name: 'Bibliotek och kultur' });
      const c = await ctx.given.department({ name: 'Centrumförvaltningen' });
      const d = await ctx.given.department({ name: 'Dataförvaltningen' });
      round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [a.id, b.id, c.id, d.id] });
      await needs.create(TEST_ACTOR, round.id, need(a.id, { title: 'A1', channels: ['telephone', 'email'], targetGroups: ['newcomers', 'older_people'], monthlyVolume: 300 }));
      await needs.create(TEST_ACTOR, round.id, need(a.id, { title: 'A2', channels: ['telephone'], monthlyVolume: 250 }));
      await needs.create(TEST_ACTOR, round.id, need(a.id, { title: 'A3', areaCode: 'DIGITALISERING', channels: ['web'], districts: [], targetGroups: [], monthlyVolume: null }));
      await needs.create(TEST_ACTOR, round.id, need(b.id, { title: 'B1', channels: ['library', 'telephone'], districts: ['soder'], targetGroups: ['guardians'], monthlyVolume: 600 }));
      await needs.create(TEST_ACTOR, round.id, need(b.id, { title: 'B2', channels: ['email'], districts: ['soder'], targetGroups: ['guardians'], monthlyVolume: 100 }));
      await ctx.get(SubmissionService).nothingToReport(TEST_ACTOR, round.id, c.id, 'Inga behov i år');
      // Handed in: the analysis counts handed-in and approved needs by default.
      await ctx.get(SubmissionService).submit(TEST_ACTOR, round.id, a.id);
      await ctx.get(SubmissionService).submit(TEST_ACTOR, round.id, b.id);
      await ctx.get(SubmissionService).endorse(TEST_ACTOR, round.id, b.id);
    });

    const cellsOf = (r: NeedsAnalysis) => ({
      byAreaAndChannel: r.byAreaAndChannel.map((c) => [c.areaCode, c.channel, c.count, c.monthlyVolume]),
      byDistrictAndTargetGroup: r.byDistrictAndTargetGroup.map((c) => [c.district, c.targetGroup, c.count, c.monthlyVolume]),
      byDepartmentAndArea: r.byDepartmentAndArea.map((c) => [c.departmentName, c.areaCode, c.count, c.monthlyVolume]),
    });

    it('counts each need once per channel (and per district × target group), summing volumes with no estimate as 0', async () => {
      const result = await sut.analyse(round.id, ALL);
      expect(result.totals).toEqual({ needs: 5, departments: 2, monthlyVolume: 1250 });
      // areas in the round's order, channels in the reference data's
      expect(cellsOf(result)).toEqual({
        byAreaAndChannel: [
          ['DIGITALISERING', 'web', 1, 0],
          ['LOKAL_SERVICE', 'telephone', 3, 1150],
          ['LOKAL_SERVICE', 'email', 2, 400],
          ['LOKAL_SERVICE', 'library', 1, 600],
        ],
        byDistrictAndTargetGroup: [
          ['norr', 'older_people', 1, 300],
          ['norr', 'newcomers', 2, 550],
          ['soder', 'guardians', 2, 700],
          [null, null, 1, 0],
        ],
        byDepartmentAndArea: [
          ['Arbetsmarknadsförvaltningen', 'DIGITALISERING', 1, 0],
          ['Arbetsmarknadsförvaltningen', 'LOKAL_SERVICE', 2, 550],
          ['Bibliotek och kultur', 'LOKAL_SERVICE', 2, 700],
        ],
      });
    });

    it('labels every cell with the names of the round’s areas and the reference data', async () => {
      const result = await sut.analyse(round.id, ALL);
      expect(result.byAreaAndChannel[1]).toEqual({ areaCode: 'LOKAL_SERVICE', areaName: 'Lokal service', channel: 'telephone', channelName: 'Telefon', count: 3, monthlyVolume: 1150 });
      expect(result.byDistrictAndTargetGroup[0]).toMatchObject({ districtName: 'Norr', targetGroupName: 'Äldre' });
      expect(result.byDistrictAndTargetGroup[3]).toMatchObject({ districtName: null, targetGroupName: null });
      expect(result.byDepartmentAndArea[0]).toMatchObject({ departmentId: a.id, areaName: 'Digitalisering och servicekommunikation' });
    });

    it('reports a district with high volume in remote channels and no physical channel, from the threshold on', async () => {
      const gaps = (await sut.analyse(round.id, ALL)).gaps.filter((g) => g.kind === 'highVolumeWithoutPhysicalPresence');
      // Norr: 300 + 250 by telephone and e-mail, nothing physical. Söder: 700, but B1 is at the library.
      expect(gaps).toEqual([
        {
          kind: 'highVolumeWithoutPhysicalPresence',
          district: 'norr',
          districtName: 'Norr',
          monthlyVolume: 550,
          channels: ['telephone', 'email'],
          description:
            'Norr: 550 ärenden per månad via Telefon, E-post, men inget behov i stadsområdet nämner en fysisk kanal ' +
            '(besök hos kontaktcenter, bibliotek, annan förvaltnings reception, uppsökande verksamhet).',
        },
      ]);
      expect((await sut.analyse(round.id, ALL, {}, { highVolumeThreshold: 551 })).gaps.filter((g) => g.kind === 'highVolumeWithoutPhysicalPresence')).toEqual([]);
      expect((await sut.analyse(round.id, ALL, {}, { highVolumeThreshold: 550 })).gaps.filter((g) => g.kind === 'highVolumeWithoutPhysicalPresence')).toHaveLength(1);
    });

    it('reports each area without needs of a department that has needs; not departments with none (nothing to report, or not started)', async () => {
      const gaps = (await sut.analyse(round.id, ALL)).gaps.filter((g) => g.kind === 'departmentWithoutNeedsInArea');
      const others = (...codes: string[]) => DEFAULT_AREAS.map((x) => x.code).filter((code) => !codes.includes(code));
      expect(gaps.map((g) => g.kind === 'departmentWithoutNeedsInArea' && [g.departmentName, g.areaCode])).toEqual([
        ...others('DIGITALISERING', 'LOKAL_SERVICE').map((code) => ['Arbetsmarknadsförvaltningen', code]),
        ...others('LOKAL_SERVICE').map((code) => ['Bibliotek och kultur', code]),
      ]);
      expect(gaps[0]).toMatchObject({ departmentId: a.id, description: 'Arbetsmarknadsförvaltningen har inga behov inom Tillgänglighet och serviceinriktat bemötande.' });
    });

    it('counts only the departments a participant may see', async () => {
      const ofA = await sut.analyse(round.id, { all: false, departmentIds: [], committeeIds: [committeeOfA] });
      expect(ofA.totals).toEqual({ needs: 3, departments: 1, monthlyVolume: 550 });
      expect(new Set(ofA.byDepartmentAndArea.map((c) => c.departmentId))).toEqual(new Set([a.id]));
      expect(ofA.gaps.every((g) => g.kind !== 'departmentWithoutNeedsInArea' || g.departmentId === a.id)).toBe(true);
      const ofB = await sut.analyse(round.id, { all: false, departmentIds: [b.id], committeeIds: [] });
      expect(cellsOf(ofB).byAreaAndChannel).toEqual([
        ['LOKAL_SERVICE', 'telephone', 1, 600],
        ['LOKAL_SERVICE', 'email', 1, 100],
        ['LOKAL_SERVICE', 'library', 1, 600],
      ]);
      const outsider = await sut.analyse(round.id, { all: false, departmentIds: [(await ctx.given.department()).id], committeeIds: [] });
      expect(outsider).toMatchObject({ totals: { needs: 0, departments: 0, monthlyVolume: 0 }, byAreaAndChannel: [], byDistrictAndTargetGroup: [], byDepartmentAndArea: [], gaps: [] });
    });

    it('applies the needs list’s filters', async () => {
      expect((await sut.analyse(round.id, ALL, { channel: 'email' })).totals).toEqual({ needs: 2, departments: 2, monthlyVolume: 400 });
      expect((await sut.analyse(round.id, ALL, { district: 'soder' })).totals).toEqual({ needs: 2, departments: 1, monthlyVolume: 700 });
      expect((await sut.analyse(round.id, ALL, { targetGroup: 'older_people' })).totals).toEqual({ needs: 1, departments: 1, monthlyVolume: 300 });
      expect((await sut.analyse(round.id, ALL, { departmentId: b.id })).totals).toEqual({ needs: 2, departments: 1, monthlyVolume: 700 });
      expect((await sut.analyse(round.id, ALL, { status: 'nothingToReport' })).totals).toEqual({ needs: 0, departments: 0, monthlyVolume: 0 });
      const digital = await sut.analyse(round.id, ALL, { areaCode: 'DIGITALISERING' });
      expect(cellsOf(digital).byAreaAndChannel).toEqual([['DIGITALISERING', 'web', 1, 0]]);
      // with an area filter only that area can lack needs: A has one there, so no gap at all
      expect(digital.gaps).toEqual([]);
    });

    it('refuses an unknown round with 404', async () => {
      await expect(sut.analyse('00000000-0000-4000-8000-000000000000', ALL)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('export', () => {
    let round: PlanRoundView;

    beforeAll(async () => {
      const department = await ctx.given.department({ name: 'Förskoleförvaltningen' });
      const other = await ctx.given.department({ name: 'Östra förvaltningen' });
      round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id, other.id] });
      await needs.create(
        TEST_ACTOR,
        round.id,
        need(department.id, {
          title: '=HYPERLINK("http://evil.example";"Klicka")',
          description: 'Föräldrar ringer om köplats; "snart" betyder\nflera veckor',
          channels: ['telephone', 'library'],
          districts: ['oster', 'soder'],
          targetGroups: ['guardians'],
          evidence: { kind: 'survey', source: '@Enkät till vårdnadshavare', date: '2026-01-15' },
          monthlyVolume: 1200,
          priority: 'high',
          consequence: '-1 vecka i snitt, +2 om inget görs',
        }),
      );
      await needs.create(TEST_ACTOR, round.id, need(other.id, {
          title: 'Vägledning på Rosengårds bibliotek',
          description: 'Beskrivning',
          channels: ['telephone'],
          evidence: null,
          monthlyVolume: null,
          priority: 'low',
          consequence: null,
        }));
      await ctx.get(SubmissionService).submit(TEST_ACTOR, round.id, other.id);
      await ctx.get(SubmissionService).submit(TEST_ACTOR, round.id, department.id);
      await ctx.get(SubmissionService).endorse(TEST_ACTOR, round.id, department.id);
    });

    const HEADER = [
      'Förvaltning',
      'Utvecklingsområde',
      'Rubrik',
      'Beskrivning',
      'Kanaler',
      'Stadsområden',
      'Målgrupper',
      'Underlag (typ)',
      'Underlagets källa',
      'Underlagets datum',
      'Ärenden per månad',
      'Prioritet',
      'Konsekvens om behovet inte tillgodoses',
      'Inlämning',
    ];

    it('writes CSV for Swedish Excel: BOM, semicolons, CRLF, RFC 4180 quoting, formulas neutralised', async () => {
      const csv = await sut.exportCsv(round.id, ALL);
      expect(csv.startsWith('\uFEFFFörvaltning;Utvecklingsområde;Rubrik;')).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
      // the newline inside the description is the only bare LF, and it is inside quotes
      expect(csv).toContain('"Föräldrar ringer om köplats; ""snart"" betyder\nflera veckor"');

      const rows = parseCsv(csv.slice(1));
      expect(rows).toEqual([
        HEADER,
        [
          'Förskoleförvaltningen',
          'Lokal service',
          `'=HYPERLINK("http://evil.example";"Klicka")`,
          'Föräldrar ringer om köplats; "snart" betyder\nflera veckor',
          'Telefon, Bibliotek',
          'Öster, Söder',
          'Vårdnadshavare',
          'Enkät eller undersökning',
          "'@Enkät till vårdnadshavare",
          '2026-01-15',
          '1200',
          'hög',
          "'-1 vecka i snitt, +2 om inget görs",
          'Godkänd',
        ],
        ['Östra förvaltningen', 'Lokal service', 'Vägledning på Rosengårds bibliotek', 'Beskrivning', 'Telefon', 'Norr', 'Nyanlända', '', '', '', '', 'låg', '', 'Inlämnad'],
      ]);
    });

    it('exports only what the reader may see, filtered like the list', async () => {
      const rows = (csv: string) => parseCsv(csv.slice(1)).slice(1).map((r) => r[0]);
      const otherId = (await needs.list(round.id, ALL)).find((n) => n.departmentName === 'Östra förvaltningen')!.departmentId;
      expect(rows(await sut.exportCsv(round.id, { all: false, departmentIds: [otherId], committeeIds: [] }))).toEqual(['Östra förvaltningen']);
      expect(rows(await sut.exportCsv(round.id, ALL, { status: 'endorsed' }))).toEqual(['Förskoleförvaltningen']);
      expect(rows(await sut.exportCsv(round.id, ALL, { status: 'draft' }))).toEqual([]);
      expect(parseCsv((await sut.exportCsv(round.id, ALL, { channel: 'web' })).slice(1))).toEqual([HEADER]);
    });

    it('writes an XLSX workbook: a bold frozen header, the needs with volumes as numbers and dates as dates', async () => {
      const file = await sut.exportFile(round.id, ALL, {}, 'xlsx');
      expect(file).toMatchObject({ fileName: `behov-${round.year}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const workbook = new Workbook();
      await workbook.xlsx.load(file.content as unknown as ArrayBuffer); // a Node Buffer, which exceljs reads; its types ask for an ArrayBuffer
      const sheet = workbook.getWorksheet('Behov')!;
      expect(sheet.rowCount).toBe(3);
      const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
      expect(values(1)).toEqual(HEADER);
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(4).width).toBeGreaterThan(sheet.getColumn(12).width!);
      const first = values(2);
      expect(first[2]).toBe('=HYPERLINK("http://evil.example";"Klicka")'); // a text cell, not a formula
      expect(sheet.getRow(2).getCell(3).type).toBe(3 /* ValueType.String */);
      expect(first[9]).toEqual(new Date('2026-01-15T00:00:00Z'));
      expect(first[10]).toBe(1200);
      expect(first.slice(11)).toEqual(['hög', '-1 vecka i snitt, +2 om inget görs', 'Godkänd']);
      expect(values(3)[10]).toBeUndefined();
      // The workbook says which statuses it counts.
      expect(workbook.getWorksheet('Urval')!.getRow(1).getCell(1).value).toBe('Räknar behov med status inlämnad och godkänd.');
    });

    it('names the CSV after the round’s year', async () => {
      expect(await sut.exportFile(round.id, ALL, {}, 'csv')).toMatchObject({ fileName: `behov-${round.year}.csv`, contentType: 'text/csv; charset=utf-8' });
    });
  });
});
