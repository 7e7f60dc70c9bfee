import { ConsultationModule } from '@samverka/consultation';
import { FollowUpError, FollowUpErrorCode, FollowUpImportService, FollowUpModule, FollowUpService, ReportingPeriod } from '@samverka/follow-up';
import { CommonError, DomainError } from '@samverka/kernel';
import { NeedsModule } from '@samverka/needs';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanModule } from '@samverka/plan';
import { TEST_ACTOR } from '../support/given';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';

const HEADER = 'Kod;Område;Insats;Status;Färdigt (%);Kommentar;Orsak;Vad som behövs;Senast rapporterad';

/** The CSV round trip of a department's reports for one period, against real PostgreSQL. */
describe(FollowUpImportService.name, () => {
  let ctx: MediumContext;
  let sut: FollowUpImportService;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let adopted: RoundInFollowUp;
  let t1: ReportingPeriod;
  const personId = '00000000-0000-4000-8000-0000000000ab';
  const coordinatorA = principal({ personId, coordinator: [] });
  const strategist = principal({ personId, strategist: true });
  const ofA = () => ({ kind: 'department' as const, departmentId: a.id });
  let codes: string[];

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule, FollowUpModule]);
    sut = ctx.get(FollowUpImportService);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    coordinatorA.coordinator = [a.id];
    await ctx.dataSource.query(`insert into person (id, name, email) values ($1, 'Rapportör', 'rapportor@malmo.example')`, [personId]);
    adopted = await new GivenFollowUp(ctx.moduleRef, ctx.given).roundInFollowUp({
      participantDepartmentIds: [a.id, b.id],
      decidedOn: '2026-02-26',
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', responsibilities: [{ departmentId: a.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'Servicepunkter; öppettider', responsibilities: [{ departmentId: a.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'SAMARBETSPROCESS', title: 'Samordnare', responsibilities: [{ departmentId: b.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
      ],
    });
    [t1] = await ctx.get(FollowUpService).periods(adopted.round.id);
    codes = adopted.items.map((i) => i.code);
  });
  afterAll(() => ctx.close());

  const importCsv = (text: string | Buffer, dryRun: boolean, who = coordinatorA) =>
    sut.importReports(who, TEST_ACTOR, adopted.round.id, t1.id, ofA(), Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), dryRun);
  const revisions = async () =>
    (await ctx.dataSource.query(
      `select i.code, r.revision, r.status, r.progress, r.comment, r.source from follow_up_report r join follow_up_item i on i.round_id = r.round_id and i.item_id = r.item_id
        where r.period_id = $1 and r.department_id = $2 order by i.code, r.revision`,
      [t1.id, a.id],
    )) as Array<{ code: string; revision: number; status: string; progress: number; comment: string; source: string }>;
  async function refusal(work: () => Promise<unknown>): Promise<DomainError> {
    try {
      await work();
    } catch (e) {
      return e as DomainError;
    }
    throw new Error('not refused');
  }

  it("exports the department's items, none reported yet, as Swedish CSV", async () => {
    const file = await sut.exportReports(coordinatorA, adopted.round.id, t1.id, ofA());
    expect(file.fileName).toBe('uppfoljning-2026-t1-forskoleforvaltningen.csv');
    expect(file.content.split('\r\n')).toEqual([`\uFEFF${HEADER}`, `${codes[0]};LOKAL_SERVICE;Vägledning på biblioteken;;;;;;`, `${codes[1]};LOKAL_SERVICE;"Servicepunkter; öppettider";;;;;;`, '']);
    // strategists read any department's; another department's coordinator none
    await expect(sut.exportReports(strategist, adopted.round.id, t1.id, ofA())).resolves.toBeDefined();
    expect(await refusal(() => sut.exportReports(principal({ coordinator: [b.id] }), adopted.round.id, t1.id, ofA()))).toMatchObject({ code: FollowUpErrorCode.REPORT_NOT_ALLOWED });
  });

  it('answers a dry run row by row by line number, and writes nothing', async () => {
    const text = `${HEADER}\r\n${codes[0]};;;Enligt plan;40;Utbildning pågår;;;\r\n${codes[1]};;;Pågår;x;;;;\r\nXX-9;;;Klar;100;Klart;;;\r\n${codes[0]};;;Klar;100;Igen;;;\r\n`;
    const result = await importCsv(text, true);
    expect(result).toMatchObject({ dryRun: true, valid: false, encoding: 'utf-8', delimiter: ';', written: 0 });
    expect(result.rows.map((r) => [r.line, r.itemCode, r.status, r.errors.map((e) => `${e.field}:${e.rule}`)])).toEqual([
      [2, codes[0], 'created', []],
      [3, codes[1], 'invalid', ['status:isIn', 'progress:isInt', 'comment:isNotEmpty']],
      [4, 'XX-9', 'invalid', ['code:exists']],
      [5, codes[0], 'invalid', ['code:unique']],
    ]);
    expect(result.errors).toBe(5);
    expect(await revisions()).toEqual([]);
  });

  it('refuses the whole file when one row is bad (422 naming its line), then writes every row after the fix', async () => {
    const bad = `${HEADER}\n${codes[0]};;;Enligt plan;40;Utbildning pågår;;;\n${codes[1]};;;Försenad;20;Lokalen dröjer;;;\n`;
    const refused = await refusal(() => importCsv(bad, false));
    expect(refused).toBeInstanceOf(FollowUpError);
    expect(refused).toMatchObject({ code: FollowUpErrorCode.REPORT_IMPORT_REJECTED, message: 'Inget importerades: raden 3 har fel. Rätta dem och importera filen igen.' });
    expect(refused.details!.map((d) => `${d.field}:${d.rule}`)).toEqual(['line.3.cause:isNotEmpty', 'line.3.needed:isNotEmpty']);
    expect(refused.details![0].message).toMatch(/^Rad 3: /);
    expect(await revisions()).toEqual([]);

    const fixed = bad.replace('Lokalen dröjer;;;', 'Lokalen dröjer;Bygglov saknas;Beslut om tillfällig lokal;');
    const done = await importCsv(fixed, false);
    expect(done).toMatchObject({ dryRun: false, valid: true, errors: 0, written: 2 });
    expect(await revisions()).toEqual([
      { code: codes[0], revision: 1, status: 'on_track', progress: 40, comment: 'Utbildning pågår', source: 'csv' },
      { code: codes[1], revision: 1, status: 'delayed', progress: 20, comment: 'Lokalen dröjer', source: 'csv' },
    ].sort((x, y) => x.code.localeCompare(y.code)));
  });

  it('keeps an unchanged row as it is, and stores a changed one as the next revision; the export shows the current reports', async () => {
    const exported = (await sut.exportReports(coordinatorA, adopted.round.id, t1.id, ofA())).content;
    // the export, imported as it is: nothing changes
    const same = await importCsv(exported, false);
    expect(same.rows.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(same.written).toBe(0);
    // edited in Excel: the first row's progress; the second left as it was
    const lines = exported.split('\r\n');
    lines[1] = lines[1].replace('Enligt plan;40;', 'Enligt plan;55;');
    const edited = await importCsv(lines.join('\r\n'), false);
    expect(edited.rows.map((r) => [r.itemCode, r.status])).toEqual([
      [codes[0], 'corrected'],
      [codes[1], 'unchanged'],
    ]);
    expect((await revisions()).filter((r) => r.code === codes[0]).map((r) => [r.revision, r.progress])).toEqual([
      [1, 40],
      [2, 55],
    ]);
  });

  it('reads a Windows-1252, `,`-separated file without BOM with å, ä, ö, and a UTF-8 file with BOM', async () => {
    const latin = Buffer.from(`Kod,Status,Färdigt (%),Kommentar,Orsak,Vad som behövs\n${codes[1]},Risk för försening,25,Väntar på åtgärd i ärendet,Ökad ärendemängd,Fler händer på året\n`, 'latin1');
    const result = await importCsv(latin, false);
    expect(result).toMatchObject({ encoding: 'windows-1252', delimiter: ',', written: 1 });
    const [latest] = (await ctx.dataSource.query(
      `select status, comment, cause, needed from follow_up_report r join follow_up_item i on i.round_id = r.round_id and i.item_id = r.item_id where i.code = $1 and r.period_id = $2 order by revision desc limit 1`,
      [codes[1], t1.id],
    )) as Array<Record<string, string>>;
    expect(latest).toEqual({ status: 'at_risk', comment: 'Väntar på åtgärd i ärendet', cause: 'Ökad ärendemängd', needed: 'Fler händer på året' });

    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`Kod;Status;Färdigt (%);Kommentar\n${codes[0]};done;100;Klart – åtgärdat\n`, 'utf8')]);
    expect(await importCsv(bom, true)).toMatchObject({ encoding: 'utf-8', delimiter: ';', valid: true, rows: [{ line: 2, status: 'corrected', errors: [] }] });
  });

  it('refuses what the caller may not import, a file without the columns, and a period of another round', async () => {
    expect(await refusal(() => importCsv(`${HEADER}\n`, true, strategist))).toMatchObject({ code: FollowUpErrorCode.REPORT_NOT_ALLOWED });
    expect(await refusal(() => importCsv(`${HEADER}\n`, true, principal({ personId, coordinator: [b.id] })))).toMatchObject({ code: FollowUpErrorCode.REPORT_NOT_ALLOWED });
    const columns = await refusal(() => importCsv('Kod;Kommentar\nX;Y\n', true));
    expect(columns).toBeInstanceOf(CommonError);
    expect(columns.details).toEqual([{ field: 'file', rule: 'columns', message: 'Filen saknar kolumnerna Status, Färdigt (%): utgå från den exporterade filen' }]);
    const period = await refusal(() => sut.importReports(coordinatorA, TEST_ACTOR, adopted.round.id, '00000000-0000-4000-8000-000000000001', ofA(), Buffer.from(`${HEADER}\n`), true));
    expect(period).toMatchObject({ code: FollowUpErrorCode.PERIOD_NOT_FOUND });
  });
});
