import { headingsOf, parseDocx } from '../support/docx';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';
import { CompilationRound, FORSKOLENAMNDEN, GivenConsultation, KULTURNAMNDEN } from '../support/given-consultation-compile';

/**
 * The compilation over HTTP: the JSON contract with both seeds' responses, the triage (its rules as 400s
 * naming the field, another secretary refused), the CSV and the Word document parsed back.
 */
describe('consultation compilation API', () => {
  let ctx: E2eContext;
  let strategist: AuthedApi;
  let cultureSecretary: AuthedApi;
  let s: CompilationRound;
  let fskn: string[];
  let kn: string[];

  beforeAll(async () => {
    ctx = await e2eContext();
    const given = new GivenConsultation(ctx.app);
    s = await given.sent(['Förskolenämnden', 'Kulturnämnden'], { caseNumber: 'STK-2024-1400' });
    fskn = (await given.response(s.round.id, s.committees['Förskolenämnden'], FORSKOLENAMNDEN)).proposalIds;
    kn = (await given.response(s.round.id, s.committees['Kulturnämnden'], KULTURNAMNDEN)).proposalIds;
    await given.closed(s.round.id);
    strategist = await ctx.as([{ role: 'strategist' }], { name: 'Åsa Öberg' });
    cultureSecretary = await ctx.as([{ role: 'committee_secretary', committeeId: s.committees['Kulturnämnden'] }]);
  });
  afterAll(() => ctx.close());

  const base = () => `/api/v1/rounds/${s.round.id}/consultation`;
  const download = async (as: AuthedApi, path: string) => {
    const res = await fetch(`${ctx.baseUrl}${base()}/${path}`, { headers: { authorization: `Bearer ${as.token}` } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('answers the compilation: one approve_with_remarks from each committee, the comments per area, every proposal untriaged', async () => {
    const res = await cultureSecretary.api('GET', `${base()}/compilation`);
    expect(res.status).toBe(200);
    expect(res.body.round).toEqual({ title: s.round.title, caseNumber: 'STK-2024-1400' });
    expect(res.body.stanceCounts).toEqual({ approve: 0, approve_with_remarks: 2, reject: 0, decline: 0, none: 0 });
    expect(res.body.responses.map((r: { committee: string; minuteReference: string }) => [r.committee, r.minuteReference])).toEqual([
      ['Förskolenämnden', '§ 45'],
      ['Kulturnämnden', '§ 31'],
    ]);
    expect(res.body.proposals).toHaveLength(4);
    expect(res.body.proposals.every((p: { triage: unknown }) => p.triage === null)).toBe(true);
    expect(res.body.matrix.rows).toHaveLength(4);
    const own = await cultureSecretary.api('GET', `${base()}/compilation?committeeId=${s.committees['Kulturnämnden']}`);
    expect(own.body.proposals.map((p: { committee: string }) => p.committee)).toEqual(['Kulturnämnden', 'Kulturnämnden', 'Kulturnämnden']);
  });

  it('triages every proposal; bad input is a 400 naming the field and the rule, and a secretary is refused', async () => {
    const bad = await strategist.api('PUT', `${base()}/proposals/${fskn[0]}/triage`, { decision: 'accepted', motivation: 'Ja', itemCodes: ['ZZ-1'] });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'itemCodes', rule: 'knownItem', message: 'Planen har ingen insats med koden ZZ-1' }]);
    const missing = await strategist.api('PUT', `${base()}/proposals/${fskn[0]}/triage`, { decision: 'kanske', motivation: '  ' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`)).toEqual(expect.arrayContaining(['decision:isIn', 'motivation:isNotEmpty']));
    expect((await cultureSecretary.api('PUT', `${base()}/proposals/${kn[0]}/triage`, { decision: 'noted', motivation: 'x' })).status).toBe(403);
    expect((await strategist.api('PUT', `${base()}/proposals/00000000-0000-4000-8000-000000000000/triage`, { decision: 'noted', motivation: 'x' })).status).toBe(404);

    const accepted = await strategist.api('PUT', `${base()}/proposals/${fskn[0]}/triage`, { decision: 'accepted', motivation: 'Ansvarsfördelningen förtydligas i samarbetsprocessen', itemCodes: ['SP-1'] });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: fskn[0], committee: 'Förskolenämnden', triage: { decision: 'accepted', itemCodes: ['SP-1'], triagedBy: 'Åsa Öberg' } });
    const decisions = ['partly_accepted', 'rejected', 'noted'] as const;
    for (const [i, id] of kn.entries()) {
      const res = await strategist.api('PUT', `${base()}/proposals/${id}/triage`, { decision: decisions[i], motivation: `Motivering ${i + 1}`, itemCodes: i === 0 ? ['LS-1'] : [] });
      expect(res.status).toBe(200);
    }
    const after = await cultureSecretary.api('GET', `${base()}/compilation`);
    expect(after.body.proposals.map((p: { triage: { decision: string } }) => p.triage.decision)).toEqual(['accepted', 'partly_accepted', 'rejected', 'noted']);
  });

  it('a re-triage names the version it changes (If-Match): without it or stale 409 with nothing written, at once one wins and the other is 409', async () => {
    const at = `${base()}/proposals/${kn[2]}/triage`;
    const current = async () => (await strategist.api('GET', `${base()}/compilation`)).body.proposals.find((p: { id: string }) => p.id === kn[2]);
    expect(await current()).toMatchObject({ triageVersion: 1, triage: { decision: 'noted' } });
    const without = await strategist.api('PUT', at, { decision: 'rejected', motivation: 'Utan version' });
    expect([without.status, without.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    const malformed = await strategist.api('PUT', at, { decision: 'rejected', motivation: 'Trasig' }, { 'if-match': 'senaste' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'If-Match', rule: 'etag' })]);
    const changed = await strategist.api('PUT', at, { decision: 'rejected', motivation: 'Ligger utanför uppdraget' }, { 'if-match': '"1"' });
    expect([changed.status, changed.headers.get('etag'), changed.body.triageVersion]).toEqual([200, '"2"', 2]);
    const stale = await strategist.api('PUT', at, { decision: 'noted', motivation: 'Gammal bild' }, { 'if-match': '"1"' });
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect(await current()).toMatchObject({ triageVersion: 2, triage: { decision: 'rejected', motivation: 'Ligger utanför uppdraget' } });

    const race = await Promise.all(
      ['Först', 'Också först'].map((motivation) => strategist.api('PUT', at, { decision: 'noted', motivation }, { 'if-match': '"2"' })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = race.find((r) => r.status === 200)!;
    expect(await current()).toMatchObject({ triageVersion: 3, triage: { motivation: winner.body.triage.motivation } });
  });

  it('exports a CSV line per proposal and the Word document with the case number, every proposal and the responses with their §', async () => {
    const csv = await download(strategist, 'compilation.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="sammanstallning-STK-2024-1400.csv"');
    const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(1 + 4);

    const res = await download(cultureSecretary, 'compilation/document.docx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const d = await parseDocx(res.bytes);
    expect(d.title).toBe(`Sammanställning av remissvar – ${s.round.title}`);
    expect(d.stylesXml).toContain('w:lang w:val="sv-SE"');
    expect(d.text).toContain('Diarienummer: STK-2024-1400');
    expect(headingsOf(d, 'Heading1')).toEqual(['Sammanfattning av ställningstaganden', 'Förslag och hur de behandlats', 'Inkomna remissvar']);
    for (const p of [...FORSKOLENAMNDEN.proposals!, ...KULTURNAMNDEN.proposals!]) expect(d.text).toContain(p.text);
    expect(d.text).toContain('§ 45');
    expect(d.text).toContain('2025-03-26');
    expect(d.repeatingHeaderRows).toBe(3);
  });
});
