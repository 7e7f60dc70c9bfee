import { FollowUpService } from '@samverka/follow-up';
import { DepartmentEntity } from '@samverka/organisation';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';

const HEADER = 'Kod;Område;Insats;Status;Färdigt (%);Kommentar;Orsak;Vad som behövs;Senast rapporterad';

/**
 * The CSV round trip of a period's follow-up reports over HTTP: export, edit as in Excel, a dry run,
 * one bad row refused whole with its line number, accepted after the fix, and who may do it.
 */
describe('follow-up reports as CSV (API)', () => {
  let ctx: E2eContext;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let coordinatorA: AuthedApi;
  let coordinatorB: AuthedApi;
  let managerA: AuthedApi;
  let strategist: AuthedApi;
  let adopted: RoundInFollowUp;
  let path: string;

  /** A coordinator is not granted: a user whose person holds an assignment valid today. */
  async function coordinatorOf(department: DepartmentEntity): Promise<AuthedApi> {
    const user = await ctx.given.user();
    await ctx.given.coordinator(department, { personId: user.user.personId, validFrom: '2020-01-01' });
    const token = await ctx.tokenFor(user.email);
    return { token, userId: user.user.id, personId: user.user.personId, email: user.email, api: ctx.withToken(token) };
  }

  beforeAll(async () => {
    ctx = await e2eContext();
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    [coordinatorA, coordinatorB] = [await coordinatorOf(a), await coordinatorOf(b)];
    managerA = await ctx.as([{ role: 'management', departmentId: a.id }]);
    strategist = await ctx.as([{ role: 'strategist' }]);
    adopted = await new GivenFollowUp(ctx.app, ctx.given).roundInFollowUp({
      participantDepartmentIds: [a.id, b.id],
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', responsibilities: [{ departmentId: a.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'LOKAL_SERVICE', title: 'Servicepunkter', responsibilities: [{ departmentId: a.id, role: 'responsible' }, { departmentId: b.id, role: 'responsible' }, { contactCentre: true, role: 'accountable' }] },
      ],
    });
    const [period] = await ctx.app.get(FollowUpService).periods(adopted.round.id);
    path = `/api/v1/rounds/${adopted.round.id}/follow-up/periods/${period.id}/reports.csv`;
  }, 120_000);
  afterAll(() => ctx?.close());

  const csv = { 'content-type': 'text/csv; charset=utf-8' };
  const exportOf = (who: AuthedApi, departmentId = a.id) => who.api('GET', `${path}?departmentId=${departmentId}`);
  const importAs = (who: AuthedApi, text: string, dryRun: boolean) => who.api('POST', `${path}?departmentId=${a.id}${dryRun ? '&dryRun=true' : ''}`, text, csv);

  it('exports, edits, refuses the file whole for one bad row by its line, then imports it after the fix', async () => {
    const exported = await exportOf(coordinatorA);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="uppfoljning-\d{4}-t\d-forskoleforvaltningen\.csv"$/);
    const [code1, code2] = adopted.items.map((i) => i.code);
    const lines = (exported.body as string).split('\r\n');
    expect(lines).toEqual([HEADER, `${code1};LOKAL_SERVICE;Vägledning på biblioteken;;;;;;`, `${code2};LOKAL_SERVICE;Servicepunkter;;;;;;`, '']);

    // Edited as in Excel: the second row delayed without its cause and what is needed.
    lines[1] = `${code1};LOKAL_SERVICE;Vägledning på biblioteken;Enligt plan;40;Utbildningen pågår;;;`;
    lines[2] = `${code2};LOKAL_SERVICE;Servicepunkter;Försenad;10;Lokalen är inte klar;;;`;
    const bad = lines.join('\r\n');

    const dry = await importAs(coordinatorA, bad, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, valid: false, errors: 2, encoding: 'utf-8', delimiter: ';', written: 0 });
    expect(dry.body.rows.map((r: { line: number; itemCode: string; status: string; errors: Array<{ field: string }> }) => [r.line, r.itemCode, r.status, r.errors.map((e) => e.field)])).toEqual([
      [2, code1, 'created', []],
      [3, code2, 'invalid', ['cause', 'needed']],
    ]);

    const refused = await importAs(coordinatorA, bad, false);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'REPORT_IMPORT_REJECTED', message: expect.stringContaining('raden 3 har fel') });
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['line.3.cause', 'line.3.needed']);
    // nothing was written: the first row's report is not there either
    expect(((await exportOf(coordinatorA)).body as string).split('\r\n')[1]).toBe(`${code1};LOKAL_SERVICE;Vägledning på biblioteken;;;;;;`);

    lines[2] = `${code2};LOKAL_SERVICE;Servicepunkter;Försenad;10;Lokalen är inte klar;Bygglovet dröjer;Beslut om tillfällig lokal;`;
    const fixed = await importAs(coordinatorA, lines.join('\r\n'), false);
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ dryRun: false, valid: true, errors: 0, written: 2 });
    expect(fixed.body.rows.map((r: { status: string }) => r.status)).toEqual(['created', 'created']);

    const after = ((await exportOf(coordinatorA)).body as string).split('\r\n');
    expect(after[1]).toMatch(new RegExp(`^${code1};LOKAL_SERVICE;Vägledning på biblioteken;Enligt plan;40;Utbildningen pågår;;;\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`));
    expect(after[2]).toMatch(/;Försenad;10;Lokalen är inte klar;Bygglovet dröjer;Beslut om tillfällig lokal;/);
    // the export imported as it is changes nothing: no new revisions
    const again = await importAs(coordinatorA, after.join('\r\n'), false);
    expect(again.body).toMatchObject({ written: 0, rows: [{ status: 'unchanged' }, { status: 'unchanged' }] });
    const revisions: Array<{ revision: number; source: string }> = await ctx.dataSource.query('select revision, source from follow_up_report where department_id = $1', [a.id]);
    expect(revisions).toEqual([
      { revision: 1, source: 'csv' },
      { revision: 1, source: 'csv' },
    ]);
  });

  it('writes the export as UTF-8 with a BOM, and takes a multipart upload too', async () => {
    const raw = await fetch(`${ctx.baseUrl}${path}?departmentId=${a.id}`, { headers: { authorization: `Bearer ${coordinatorA.token}` } });
    const bytes = Buffer.from(await raw.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'text/csv' }), 'uppfoljning.csv');
    const uploaded = await fetch(`${ctx.baseUrl}${path}?departmentId=${a.id}&dryRun=true`, { method: 'POST', headers: { authorization: `Bearer ${coordinatorA.token}` }, body: form });
    expect(uploaded.status).toBe(200);
    expect(await uploaded.json()).toMatchObject({ valid: true, rows: [{ line: 2, status: 'unchanged' }, { line: 3, status: 'unchanged' }] });
  });

  it('refuses another department, management and strategists importing for a department (403); strategists read any department', async () => {
    expect((await exportOf(coordinatorB)).status).toBe(403);
    expect((await exportOf(managerA)).status).toBe(403);
    expect((await exportOf(strategist)).status).toBe(200);
    expect((await importAs(coordinatorB, HEADER, true)).status).toBe(403);
    const strategistImport = await importAs(strategist, HEADER, true);
    expect(strategistImport.status).toBe(403);
    expect(strategistImport.body.code).toBe('REPORT_NOT_ALLOWED');
    // B's own file has only the item B reports on
    expect(((await exportOf(coordinatorB, b.id)).body as string).split('\r\n')).toHaveLength(3);
  });

  it('answers a bad query, a period of no round, and an empty body with the field', async () => {
    const both = await coordinatorA.api('GET', `${path}?departmentId=${a.id}&contactCentre=true`);
    expect(both.status).toBe(400);
    expect(both.body.details).toEqual([expect.objectContaining({ field: 'departmentId', rule: 'oneOrganisation' })]);
    const otherPeriod = await coordinatorA.api('GET', `/api/v1/rounds/${adopted.round.id}/follow-up/periods/00000000-0000-4000-8000-000000000001/reports.csv?departmentId=${a.id}`);
    expect(otherPeriod.status).toBe(422);
    expect(otherPeriod.body.code).toBe('PERIOD_NOT_FOUND');
    const empty = await importAs(coordinatorA, '', true);
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual([expect.objectContaining({ field: 'file' })]);
  });
});
