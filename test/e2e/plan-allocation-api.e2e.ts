import { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundView } from '@samverka/rounds';
import { Workbook } from 'exceljs';
import { headingsOf, parseDocx } from '../support/docx';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';
import { GivenPlan } from '../support/given-plan-allocation';

/**
 * The responsibility allocation over HTTP: the matrix (JSON, CSV, XLSX) of a frozen version and of the
 * draft, a department's summary and its Word document, the plan version's Word document (each parsed
 * back), marking a summary as read; another department's coordinator is refused its summary.
 */
describe('responsibility allocation API', () => {
  let ctx: E2eContext;
  let strategist: AuthedApi;
  let preschoolCoordinator: AuthedApi;
  let cultureCoordinator: AuthedApi;
  let preschoolManager: AuthedApi;
  let preschool: DepartmentEntity;
  let culture: DepartmentEntity;
  let round: PlanRoundView;

  beforeAll(async () => {
    ctx = await e2eContext();
    preschool = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    culture = await ctx.given.department({ name: 'Kulturförvaltningen' });
    strategist = await ctx.as([{ role: 'strategist' }]);
    preschoolCoordinator = await ctx.as([], { name: 'Annika Åsberg' });
    await ctx.given.coordinator(preschool, { personId: preschoolCoordinator.personId, validFrom: '2020-01-01' });
    cultureCoordinator = await ctx.as([], { name: 'Elin Öberg' });
    await ctx.given.coordinator(culture, { personId: cultureCoordinator.personId, validFrom: '2020-01-01' });
    preschoolManager = await ctx.as([{ role: 'management', departmentId: preschool.id }]);
    round = await ctx.given.roundInDraftingPlan({ title: 'Utvecklingsplan för kontaktcenter 2027 och framåt', caseNumber: 'STK-2026-1400', participantDepartmentIds: [preschool.id, culture.id] });
    const plans = new GivenPlan(ctx.app);
    await plans.draft(
      round.id,
      [
        {
          areaCode: 'LOKAL_SERVICE',
          code: 'LS-1',
          title: 'Gemensam ingång för förskoleärenden',
          startsOn: '2027 T1',
          endsOn: '2027 T2',
          responsibilities: [
            { contactCentre: true, role: 'accountable', expectations: 'Leder arbetet och tar emot ärendena.', effortHours: 200 },
            { departmentId: preschool.id, role: 'responsible', expectations: 'Utser en kontaktperson senast 2027-02-01.', effortHours: 40 },
          ],
        },
        {
          areaCode: 'LOKAL_SERVICE',
          code: 'LS-2',
          title: '=Bibliotekens servicepunkter',
          responsibilities: [{ departmentId: culture.id, role: 'accountable', expectations: 'Bemannar servicepunkterna.', effortHours: 300 }],
        },
      ],
      { contactCentreMandate: 'Kontaktcenter besvarar allmänna frågor och lotsar vidare.' },
    );
    await plans.freeze(round.id, new Date('2026-04-15T08:00:00Z'));
    // The draft moves on after version 1: a third item, not yet frozen.
    await plans.draft(round.id, [
      { areaCode: 'LOKAL_SERVICE', code: 'LS-1', title: 'Gemensam ingång för förskoleärenden', responsibilities: [{ departmentId: preschool.id, role: 'accountable', expectations: 'Leder.', effortHours: 10 }] },
      { areaCode: 'LOKAL_SERVICE', code: 'LS-3', title: 'Ny insats i utkastet', responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] },
    ]);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const base = () => `/api/v1/rounds/${round.id}`;
  /** The raw download (the BOM and bytes as sent). */
  const download = async (as: AuthedApi, path: string) => {
    const res = await fetch(`${ctx.baseUrl}${base()}/${path}`, { headers: { authorization: `Bearer ${as.token}` } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('answers the matrix of the latest version to a participating coordinator, and the draft only to strategists', async () => {
    const res = await preschoolCoordinator.api('GET', `${base()}/responsibilities`);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.round).toEqual({ id: round.id, title: 'Utvecklingsplan för kontaktcenter 2027 och framåt', caseNumber: 'STK-2026-1400', year: round.year, state: 'draftingPlan' });
    expect(res.body.organisations.map((o: { name: string; totalEffortHours: number }) => [o.name, o.totalEffortHours])).toEqual([
      ['Kontaktcenter', 200],
      ['Förskoleförvaltningen', 40],
      ['Kulturförvaltningen', 300],
    ]);
    expect(res.body.rows.map((r: { code: string; cells: Array<{ letter: string | null }> }) => [r.code, ...r.cells.map((c) => c.letter)])).toEqual([
      ['LS-1', 'A', 'R', null],
      ['LS-2', null, null, 'A'],
    ]);
    const draft = await strategist.api('GET', `${base()}/responsibilities?version=draft`);
    expect(draft.status).toBe(200);
    expect(draft.body.rows.map((r: { code: string }) => r.code)).toEqual(['LS-1', 'LS-3']);
    const refused = await preschoolCoordinator.api('GET', `${base()}/responsibilities?version=draft`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PLAN_NOT_READABLE');
  });

  it('filters the matrix, and refuses a bad filter naming the field and the rule', async () => {
    const byOrg = await strategist.api('GET', `${base()}/responsibilities?version=1&organisation=${culture.id}`);
    expect(byOrg.body.rows.map((r: { code: string }) => r.code)).toEqual(['LS-2']);
    const unknownArea = await strategist.api('GET', `${base()}/responsibilities?areaCode=OKANT`);
    expect(unknownArea.status).toBe(400);
    expect(unknownArea.body.details).toEqual([{ field: 'areaCode', rule: 'knownArea', message: 'Planomgången har inget utvecklingsområde med koden OKANT' }]);
    const badVersion = await strategist.api('GET', `${base()}/responsibilities?version=senaste`);
    expect(badVersion.status).toBe(400);
    expect(JSON.stringify(badVersion.body.details)).toContain('version');
    expect((await strategist.api('GET', `${base()}/responsibilities?version=9`)).status).toBe(404);
  });

  it('downloads the matrix as CSV for Swedish Excel (formula injection defused) and as XLSX, both readable back', async () => {
    const csv = await download(strategist, 'responsibilities.csv?version=1');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="ansvarsfordelning-${round.year}-v1.csv"`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Utvecklingsområde;Kod;Insats;Start;Slut;Status;Kontaktcenter;Förskoleförvaltningen;Kulturförvaltningen');
    expect(lines[1]).toBe('Lokal service;LS-1;Gemensam ingång för förskoleärenden;2027 T1;2027 T2;Planerad;A;R;');
    expect(lines[2]).toBe("Lokal service;LS-2;'=Bibliotekens servicepunkter;;;Planerad;;;A");
    expect(lines[3]).toBe('Uppskattad insats, timmar per år;;;;;;200;40;300');

    const xlsx = await download(strategist, 'responsibilities.xlsx?version=1');
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Ansvarsfördelning')!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(['Utvecklingsområde', 'Kod', 'Insats', 'Start', 'Slut', 'Status', 'Kontaktcenter', 'Förskoleförvaltningen', 'Kulturförvaltningen']);
    expect(row(2)).toEqual(['Lokal service', 'LS-1', 'Gemensam ingång för förskoleärenden', '2027 T1', '2027 T2', 'Planerad', 'A', 'R']);
    expect(row(4)).toEqual(['Uppskattad insats, timmar per år', undefined, undefined, undefined, undefined, undefined, 200, 40, 300]);
  });

  it("gives a department's people its summary, and refuses it to another department's coordinator", async () => {
    const res = await preschoolCoordinator.api('GET', `${base()}/responsibilities/${preschool.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, department: { id: preschool.id, name: 'Förskoleförvaltningen' }, totalEffortHours: 40, readAt: null });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        code: 'LS-1',
        role: 'responsible',
        expectations: 'Utser en kontaktperson senast 2027-02-01.',
        effortHours: 40,
        startsOn: '2027 T1',
        endsOn: '2027 T2',
        contactCentre: { role: 'accountable', roleLabel: 'Ansvarig (A)', expectations: 'Leder arbetet och tar emot ärendena.', effortHours: 200 },
      }),
    ]);
    const other = await cultureCoordinator.api('GET', `${base()}/responsibilities/${preschool.id}`);
    expect(other.status).toBe(403);
    expect((await cultureCoordinator.api('GET', `${base()}/responsibilities/${preschool.id}/document.docx`)).status).toBe(403);
  });

  it("exports the department's summary as a Word document with the case number, headings, Swedish and its items", async () => {
    const res = await download(preschoolManager, `responsibilities/${preschool.id}/document.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ansvarsfordelning-${round.year}-forskoleforvaltningen-v1.docx"`);
    const d = await parseDocx(res.bytes);
    expect(d.title).toBe('Ansvarsfördelning för Förskoleförvaltningen, version 1');
    expect(d.stylesXml).toContain('w:lang w:val="sv-SE"');
    expect(d.text).toContain('Diarienummer: STK-2026-1400');
    expect(d.text).toContain('Fastställd: 15 april 2026');
    expect(headingsOf(d, 'Heading2')).toEqual(['LS-1 Gemensam ingång för förskoleärenden']);
    expect(d.text).toContain('Utser en kontaktperson senast 2027-02-01.');
    expect(d.text).not.toContain('Bibliotekens servicepunkter');
  });

  it('exports the plan version as a Word document with its texts, areas and items', async () => {
    const res = await download(cultureCoordinator, 'plan/versions/1/document.docx');
    expect(res.status).toBe(200);
    const d = await parseDocx(res.bytes);
    expect(d.title).toBe('Utvecklingsplan, version 1: Utvecklingsplan för kontaktcenter 2027 och framåt');
    expect(d.text).toContain('Diarienummer: STK-2026-1400');
    expect(d.text).toContain('Kontaktcenter besvarar allmänna frågor och lotsar vidare.');
    expect(headingsOf(d, 'Heading1')).toContain('Kontaktcenters uppdrag och mandat');
    expect(headingsOf(d, 'Heading3')).toEqual(['LS-1 Gemensam ingång för förskoleärenden', 'LS-2 =Bibliotekens servicepunkter']);
    expect(d.repeatingHeaderRows).toBeGreaterThanOrEqual(2);
    expect((await download(cultureCoordinator, 'plan/versions/2/document.docx')).status).toBe(404);
    for (const n of ['x', '0', '1.5', '-1']) expect({ n, status: (await download(cultureCoordinator, `plan/versions/${n}/document.docx`)).status }).toEqual({ n, status: 404 });
  });

  it("records that the department's person read the version (idempotent), and refuses others", async () => {
    const read = () => preschoolManager.api('POST', `${base()}/responsibilities/${preschool.id}/read`, { version: 1 });
    expect((await read()).status).toBe(204);
    expect((await read()).status).toBe(204);
    const after = await preschoolManager.api('GET', `${base()}/responsibilities/${preschool.id}`);
    expect(after.body.readAt).not.toBeNull();
    // The coordinator has not read it yet.
    expect((await preschoolCoordinator.api('GET', `${base()}/responsibilities/${preschool.id}`)).body.readAt).toBeNull();
    expect((await cultureCoordinator.api('POST', `${base()}/responsibilities/${preschool.id}/read`, { version: 1 })).status).toBe(403);
    expect((await strategist.api('POST', `${base()}/responsibilities/${preschool.id}/read`, { version: 1 })).status).toBe(403);
    const bad = await preschoolManager.api('POST', `${base()}/responsibilities/${preschool.id}/read`, { version: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((v: { field: string }) => v.field)).toEqual(['version']);
    expect((await preschoolManager.api('POST', `${base()}/responsibilities/${preschool.id}/read`, { version: 5 })).status).toBe(404);
  });
});
