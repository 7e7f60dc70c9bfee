import { NeedInput } from '@samverka/needs';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundView } from '@samverka/rounds';
import { Workbook } from 'exceljs';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';

/**
 * Needs analysis and export over HTTP: two coordinators log their departments' needs, the analysis
 * counts what they entered (a strategist sees both departments, a coordinator only their own), and
 * the CSV and XLSX downloads carry the needs with their Swedish text intact; a department outside
 * the round is refused.
 */
describe('needs analysis and export API', () => {
  let ctx: E2eContext;
  let strategist: AuthedApi;
  let preschoolCoordinator: AuthedApi;
  let cultureCoordinator: AuthedApi;
  let outsider: AuthedApi;
  let preschool: DepartmentEntity;
  let culture: DepartmentEntity;
  let round: PlanRoundView;

  beforeAll(async () => {
    ctx = await e2eContext();
    preschool = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    culture = await ctx.given.department({ name: 'Kulturförvaltningen' });
    const elsewhere = await ctx.given.department({ name: 'Miljöförvaltningen' });
    strategist = await ctx.as([{ role: 'strategist' }]);
    preschoolCoordinator = await ctx.as([], { name: 'Annika Åsberg' });
    await ctx.given.coordinator(preschool, { personId: preschoolCoordinator.personId, validFrom: '2020-01-01' });
    cultureCoordinator = await ctx.as([], { name: 'Elin Öberg' });
    await ctx.given.coordinator(culture, { personId: cultureCoordinator.personId, validFrom: '2020-01-01' });
    outsider = await ctx.as([{ role: 'management', departmentId: elsewhere.id }]);
    round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [preschool.id, culture.id] });

    const log = async (as: AuthedApi, body: Partial<NeedInput> & { departmentId: string }) => {
      const res = await as.api('POST', `/api/v1/rounds/${round.id}/needs`, ctx.given.need(body.departmentId, { description: 'Beskrivning', targetGroups: [], evidence: null, monthlyVolume: null, priority: 'medium', consequence: null, ...body }));
      expect(res.status).toBe(201);
    };
    await log(preschoolCoordinator, {
      departmentId: preschool.id,
      title: 'Köplatsfrågor från vårdnadshavare i Öster',
      description: 'Vårdnadshavare ringer och mejlar om köplats; många når inte fram.',
      channels: ['telephone', 'email'],
      districts: ['oster'],
      targetGroups: ['guardians'],
      evidence: { kind: 'statistics', source: 'Växelns ärendestatistik', date: '2026-01-31' },
      monthlyVolume: 700,
      priority: 'high',
      consequence: 'Köerna växer och förtroendet för förskolan sjunker',
    });
    await log(preschoolCoordinator, { departmentId: preschool.id, title: 'Digital ansökan om förskoleplats', areaCode: 'DIGITALISERING', channels: ['web'], monthlyVolume: 100 });
    await log(cultureCoordinator, { departmentId: culture.id, title: 'Vägledning på biblioteken', channels: ['library', 'telephone'], targetGroups: ['newcomers'], monthlyVolume: 350 });
    // Handed in: the analysis and the exports count handed-in and approved needs by default.
    expect((await preschoolCoordinator.api('POST', `/api/v1/rounds/${round.id}/submissions/${preschool.id}/submit`)).status).toBe(200);
    expect((await cultureCoordinator.api('POST', `/api/v1/rounds/${round.id}/submissions/${culture.id}/submit`)).status).toBe(200);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const analysis = '/api/v1/rounds/{id}/needs/analysis';
  const path = (template: string) => template.replace('{id}', round.id);
  /** The raw download (the BOM and bytes as sent; `fetch().text()` would drop the BOM). */
  const download = async (as: AuthedApi, file: string) => {
    const res = await fetch(`${ctx.baseUrl}/api/v1/rounds/${round.id}/${file}`, { headers: { authorization: `Bearer ${as.token}` } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('counts the needs the coordinators entered: once per channel, volumes summed, with the gaps', async () => {
    const res = await strategist.api('GET', path(analysis));
    expect(res.body.countedStatuses).toEqual(['submitted', 'endorsed']);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ needs: 3, departments: 2, monthlyVolume: 1150 });
    const cells = res.body.byAreaAndChannel.map((c: { areaCode: string; channel: string; count: number; monthlyVolume: number }) => [c.areaCode, c.channel, c.count, c.monthlyVolume]);
    expect(cells).toEqual([
      ['DIGITALISERING', 'web', 1, 100],
      ['LOKAL_SERVICE', 'telephone', 2, 1050],
      ['LOKAL_SERVICE', 'email', 1, 700],
      ['LOKAL_SERVICE', 'library', 1, 350],
    ]);
    expect(res.body.byAreaAndChannel[1]).toMatchObject({ areaName: 'Lokal service', channelName: 'Telefon' });
    expect(res.body.byDepartmentAndArea).toEqual([
      { departmentId: preschool.id, departmentName: 'Förskoleförvaltningen', areaCode: 'DIGITALISERING', areaName: 'Digitalisering och servicekommunikation', count: 1, monthlyVolume: 100 },
      { departmentId: preschool.id, departmentName: 'Förskoleförvaltningen', areaCode: 'LOKAL_SERVICE', areaName: 'Lokal service', count: 1, monthlyVolume: 700 },
      { departmentId: culture.id, departmentName: 'Kulturförvaltningen', areaCode: 'LOKAL_SERVICE', areaName: 'Lokal service', count: 1, monthlyVolume: 350 },
    ]);
    // Öster: 700 a month by telephone and e-mail, nothing physical there
    expect(res.body.gaps[0]).toMatchObject({ kind: 'highVolumeWithoutPhysicalPresence', district: 'oster', districtName: 'Öster', monthlyVolume: 700 });
    expect(res.body.gaps.filter((g: { kind: string }) => g.kind === 'departmentWithoutNeedsInArea')).toHaveLength(3 + 4);

    const filtered = await strategist.api('GET', `${path(analysis)}?channel=telephone`);
    expect(filtered.body.totals).toEqual({ needs: 2, departments: 2, monthlyVolume: 1050 });
  });

  it('shows a coordinator the counts of their own department only', async () => {
    const res = await cultureCoordinator.api('GET', path(analysis));
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ needs: 1, departments: 1, monthlyVolume: 350 });
    expect(res.body.byDepartmentAndArea.map((c: { departmentId: string }) => c.departmentId)).toEqual([culture.id]);
  });

  it('downloads the needs as CSV for Swedish Excel, with the header columns and å ä ö intact', async () => {
    const res = await download(strategist, 'needs.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="behov-${round.year}.csv"`);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0].split(';')).toEqual([
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
    ]);
    expect(lines).toHaveLength(1 + 3 + 1); // header, three needs, and the empty string after the last CRLF
    expect(lines).toContain(
      'Förskoleförvaltningen;Lokal service;Köplatsfrågor från vårdnadshavare i Öster;"Vårdnadshavare ringer och mejlar om köplats; många når inte fram.";' +
        'Telefon, E-post;Öster;Vårdnadshavare;Statistik;Växelns ärendestatistik;2026-01-31;700;hög;Köerna växer och förtroendet för förskolan sjunker;Inlämnad',
    );
    expect(lines).toContain('Kulturförvaltningen;Lokal service;Vägledning på biblioteken;Beskrivning;Bibliotek, Telefon;Norr;Nyanlända;;;;350;medel;;Inlämnad');

    const own = await download(cultureCoordinator, 'needs.csv');
    expect(own.bytes.toString('utf8').split('\r\n').filter((l) => l.startsWith('Förskoleförvaltningen'))).toEqual([]);
  });

  it('downloads the needs as an XLSX workbook that opens', async () => {
    const res = await download(strategist, 'needs.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="behov-${round.year}.xlsx"`);
    const workbook = new Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer); // a Node Buffer, which exceljs reads; its types ask for an ArrayBuffer
    const sheet = workbook.getWorksheet('Behov')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(1).value).toBe('Förvaltning');
    const titles = [2, 3, 4].map((r) => sheet.getRow(r).getCell(3).value);
    expect(titles).toEqual(expect.arrayContaining(['Köplatsfrågor från vårdnadshavare i Öster', 'Vägledning på biblioteken']));
    expect(sheet.getRow(titles.indexOf('Köplatsfrågor från vårdnadshavare i Öster') + 2).getCell(11).value).toBe(700);
  });

  it('refuses a department outside the round (403), and a caller who is not signed in (401)', async () => {
    for (const target of [analysis, '/api/v1/rounds/{id}/needs.csv', '/api/v1/rounds/{id}/needs.xlsx']) {
      const refused = await outsider.api('GET', path(target));
      expect({ target, status: refused.status, code: refused.body?.code }).toEqual({ target, status: 403, code: 'FORBIDDEN' });
      expect({ target, status: (await ctx.api('GET', path(target))).status }).toEqual({ target, status: 401 });
    }
  });

  it('answers 404 for a round that does not exist', async () => {
    const res = await strategist.api('GET', '/api/v1/rounds/00000000-0000-4000-8000-000000000000/needs/analysis');
    expect(res.status).toBe(404);
  });
});
