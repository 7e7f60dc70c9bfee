import { DigestService } from '@samverka/digests';
import { FollowUpReminderService } from '@samverka/follow-up';
import { addWorkingDays, Clock, localDateInCity, workingDaysBetween } from '@samverka/kernel';
import type { DepartmentEntity } from '@samverka/organisation';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';
import { GivenFollowUp, RoundInFollowUp } from '../support/given-follow-up';

/**
 * The proof (issue 15), over the REST contract where it has one: an adopted plan with items of
 * different effort; two reporting periods set by a strategist; department B late with period 1 — reminded
 * the working day after its due date, then escalated to its management five working days after it; the
 * roll-up for period 2 against hand-computed figures; B's late reports imported from CSV, refused whole
 * for one bad row by its line number, then accepted after the fix; the status digests: B's manager gets
 * exactly B's obligations and the city's figures, a department with nothing new and nothing owed gets no
 * digest, and two sweeps at once send each digest once; and next year's round, created from this one,
 * carries over exactly the unfinished items.
 *
 * The sweeps read the injected clock: to sweep "the working day after the due date" the test moves that
 * clock for the sweep alone (the requests around it run at the real time).
 */
describe('follow-up proof: reports, reminders, roll-up, CSV, digests, next round', () => {
  let ctx: E2eContext;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let c: DepartmentEntity;
  let strategist: AuthedApi;
  let coordinatorA: AuthedApi;
  let coordinatorB: AuthedApi;
  let managerA: AuthedApi;
  let managerB: AuthedApi;
  let managerC: AuthedApi;
  let adopted: RoundInFollowUp;
  let today: string;
  let period1: { id: string; dueOn: string };
  let period2: { id: string; dueOn: string };
  const code: Record<'ls' | 'sa' | 'di' | 'ti', string> = { ls: '', sa: '', di: '', ti: '' };
  const id: Record<'ls' | 'sa' | 'di' | 'ti', string> = { ls: '', sa: '', di: '', ti: '' };

  /** A coordinator is a person with an assignment valid today, signed in as a user of their own. */
  async function coordinatorOf(department: DepartmentEntity): Promise<AuthedApi> {
    const user = await ctx.given.user({ name: `Samordnare ${department.name}` });
    await ctx.given.coordinator(department, { personId: user.user.personId, validFrom: '2020-01-01' });
    const token = await ctx.tokenFor(user.email);
    return { token, userId: user.user.id, personId: user.user.personId, email: user.email, api: ctx.withToken(token) };
  }

  /** Runs `work` with the app's clock standing at 07:00 (Stockholm, winter time) on `day`. */
  async function on<T>(day: string, work: () => Promise<T>): Promise<T> {
    const spy = jest.spyOn(ctx.app.get(Clock), 'now').mockReturnValue(new Date(`${day}T06:00:00Z`));
    try {
      return await work();
    } finally {
      spy.mockRestore();
    }
  }

  const at = (path: string) => `/api/v1/rounds/${adopted.round.id}${path}`;
  const report = (who: AuthedApi, item: keyof typeof id, body: Record<string, unknown>) => who.api('POST', at(`/plan/items/${id[item]}/reports`), body);
  const mails = async (kind: string): Promise<Array<{ recipient_email: string; data: Record<string, any> }>> =>
    ctx.dataSource.query('select recipient_email, data from notification where kind = $1 order by created_at, id', [kind]);

  beforeAll(async () => {
    ctx = await e2eContext({ PUBLIC_URL: 'https://samverka.malmo.example' });
    today = localDateInCity(new Date());
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    c = await ctx.given.department({ name: 'Serviceförvaltningen' });
    strategist = await ctx.as([{ role: 'strategist' }], { name: 'Åsa Öberg' });
    [coordinatorA, coordinatorB] = [await coordinatorOf(a), await coordinatorOf(b)];
    managerA = await ctx.as([{ role: 'management', departmentId: a.id }], { name: 'Anna Chef' });
    managerB = await ctx.as([{ role: 'management', departmentId: b.id }], { name: 'Bertil Chef' });
    managerC = await ctx.as([{ role: 'management', departmentId: c.id }], { name: 'Cecilia Chef' });
    // Effort per item (hours per year): LS 100 (A 80 + the contact centre 20), SA 50 (B), DI 50 (A 30 + B 20),
    // TI 50 (the contact centre); RA is the builder's item in the remaining area (contact centre accountable, no estimate).
    adopted = await new GivenFollowUp(ctx.app, ctx.given).roundInFollowUp({
      year: Number(today.slice(0, 4)),
      decidedOn: today,
      participantDepartmentIds: [a.id, b.id, c.id],
      items: [
        { areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken', responsibilities: [{ departmentId: a.id, role: 'responsible', effortHours: 80 }, { contactCentre: true, role: 'accountable', effortHours: 20 }] },
        { areaCode: 'SAMARBETSPROCESS', title: 'Samordnare med mandat', responsibilities: [{ departmentId: b.id, role: 'responsible', effortHours: 50 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'DIGITALISERING', title: 'Gemensam ärendestatistik', responsibilities: [{ departmentId: a.id, role: 'responsible', effortHours: 30 }, { departmentId: b.id, role: 'responsible', effortHours: 20 }, { contactCentre: true, role: 'accountable' }] },
        { areaCode: 'TILLGANGLIGHET', title: 'Malmöbemötande', responsibilities: [{ contactCentre: true, role: 'responsible', effortHours: 50 }, { departmentId: a.id, role: 'accountable' }] },
      ],
    });
    (['ls', 'sa', 'di', 'ti'] as const).forEach((key, i) => {
      code[key] = adopted.items[i].code;
      id[key] = adopted.items[i].id;
    });
  }, 180_000);
  afterAll(async () => {
    await ctx?.close();
  });

  it('a strategist sets two reporting periods: the first past its due date, the second ahead', async () => {
    const p1 = { label: 'Period 1', dueOn: addWorkingDays(today, -7) };
    const p2 = { label: 'Period 2', dueOn: addWorkingDays(today, 10) };
    expect((await coordinatorA.api('PUT', at('/follow-up/periods'), { periods: [p1, p2] })).status).toBe(403);
    const set = await strategist.api('PUT', at('/follow-up/periods'), { periods: [p1, p2] });
    expect(set.status).toBe(200);
    expect(set.body.periods.map((p: { label: string; dueOn: string }) => [p.label, p.dueOn])).toEqual([['Period 1', p1.dueOn], ['Period 2', p2.dueOn]]);
    [period1, period2] = set.body.periods;
  });

  it('A reports period 1; B does not: reminded the working day after the due date, escalated to its management five working days after', async () => {
    expect((await report(coordinatorA, 'ls', { periodId: period1.id, departmentId: a.id, status: 'on_track', progress: 30, comment: 'Utbildning av bibliotekspersonal pågår.' })).status).toBe(201);
    expect((await report(coordinatorA, 'di', { periodId: period1.id, departmentId: a.id, status: 'on_track', progress: 20, comment: 'Datakällorna är inventerade.' })).status).toBe(201);
    // A coordinator of A cannot report for B
    expect((await report(coordinatorA, 'sa', { periodId: period1.id, departmentId: b.id, status: 'done', progress: 100, comment: 'Klart.' })).status).toBe(403);

    const sweep = () => ctx.app.get(FollowUpReminderService).sweep();
    await on(addWorkingDays(period1.dueOn, 1), sweep);
    const reminders = (await mails('follow_up.reminder')).filter((m) => m.data.periodLabel === 'Period 1' && !m.data.contactCentre);
    // only B's coordinator, for exactly the two items B owes (A has reported)
    expect(reminders.map((m) => [m.recipient_email, m.data.organisationName, m.data.passed, m.data.items.map((i: { code: string }) => i.code).sort()])).toEqual([
      [coordinatorB.email, 'Kulturförvaltningen', true, [code.sa, code.di].sort()],
    ]);
    expect(await mails('follow_up.escalation')).toEqual([]);

    await on(addWorkingDays(period1.dueOn, 5), sweep);
    const escalations = await mails('follow_up.escalation');
    expect(escalations.map((m) => m.recipient_email)).toEqual([managerB.email]);
    expect(JSON.stringify(escalations[0].data)).toContain(code.sa);
    expect(JSON.stringify(escalations[0].data)).toContain(code.di);
    // a second sweep the same day sends nothing again
    const count = (await mails('follow_up.reminder')).length + escalations.length;
    await on(addWorkingDays(period1.dueOn, 5), sweep);
    expect((await mails('follow_up.reminder')).length + (await mails('follow_up.escalation')).length).toBe(count);

    // what is overdue, and by whom, as the follow-up shows it today
    const view = await managerB.api('GET', at(`/follow-up?periodId=${period1.id}`));
    expect(view.status).toBe(200);
    const late = view.body.overdue.filter((o: { name: string }) => o.name === 'Kulturförvaltningen');
    const daysLate = workingDaysBetween(period1.dueOn, today); // 7 on a working day
    expect(daysLate).toBeGreaterThanOrEqual(6);
    expect(late.map((o: { itemCode: string; workingDaysLate: number }) => [o.itemCode, o.workingDaysLate]).sort()).toEqual([[code.di, daysLate], [code.sa, daysLate]].sort());
  });

  it("B's manager's digest holds exactly B's obligations and the city's figures; C, with nothing new and nothing owed, gets none; two sweeps at once send each once", async () => {
    const digests = ctx.app.get(DigestService);
    const [first, second] = await Promise.all([digests.sweep(), digests.sweep()]);
    const sent = await mails('digest.status');
    expect(first.queued + second.queued).toBe(sent.length);
    const to = sent.map((m) => m.recipient_email);
    expect(new Set(to).size).toBe(to.length); // each digest once
    expect(to).not.toContain(managerC.email); // nothing new, nothing owed: no email
    expect((await digests.sweep()).queued).toBe(0); // a rerun sends nothing

    const digestB = sent.find((m) => m.recipient_email === managerB.email)!.data;
    expect(digestB.departments.map((d: { name: string }) => d.name)).toEqual(['Kulturförvaltningen']);
    const [roundB] = digestB.departments[0].rounds;
    const owed: string[] = roundB.owed.shown.map((o: { text: string }) => o.text);
    // B owes SA and DI for period 1 (overdue) and period 2 (due within 15 working days): nothing of A's or the contact centre's
    expect(owed).toEqual([
      expect.stringMatching(new RegExp(`^Rapportera (${code.sa}|${code.di}) .* för Period 1$`)),
      expect.stringMatching(new RegExp(`^Rapportera (${code.sa}|${code.di}) .* för Period 1$`)),
      expect.stringMatching(new RegExp(`^Rapportera (${code.sa}|${code.di}) .* för Period 2$`)),
      expect.stringMatching(new RegExp(`^Rapportera (${code.sa}|${code.di}) .* för Period 2$`)),
    ]);
    expect(owed.join(' ')).not.toContain(code.ls);
    expect(roundB.overdueCount).toBe(2);
    expect(roundB.items.shown.map((i: { code: string }) => i.code).sort()).toEqual([code.sa, code.di].sort());
    // the city: 2 of 3 departments with a coordinator; period 1 due for 6 obligations (LS-A, SA-B, DI-A, DI-B, TI and RA the contact centre's), 2 reported
    expect(digestB.city.coverage).toEqual({ covered: 2, total: 3 });
    expect(digestB.city.rounds).toEqual([expect.objectContaining({ roundId: adopted.round.id, reports: { reported: 2, due: 6 } })]);

    // the preview shows a manager the same departments
    const preview = await managerB.api('GET', '/api/v1/me/digest/preview');
    expect(preview.status).toBe(200);
    expect(preview.body.sections.departments.map((d: { name: string }) => d.name)).toEqual(['Kulturförvaltningen']);
    // A owes its period 2 reports: its manager's digest holds A alone, without B's items
    const digestA = sent.find((m) => m.recipient_email === managerA.email)!.data;
    expect(digestA.departments.map((d: { name: string }) => d.name)).toEqual(['Förskoleförvaltningen']);
    expect(JSON.stringify(digestA.departments)).not.toContain(code.sa);
  });

  it("B's late reports come from a CSV file: refused whole for one bad row, by its line number; accepted after the fix", async () => {
    const path = at(`/follow-up/periods/${period1.id}/reports.csv?departmentId=${b.id}`);
    const exported = await coordinatorB.api('GET', path);
    expect(exported.status).toBe(200);
    const lines = (exported.body as string).split('\r\n');
    const row = (c: string) => lines.findIndex((l) => l.startsWith(`${c};`));
    expect([row(code.sa), row(code.di)].every((i) => i > 0)).toBe(true);
    lines[row(code.sa)] = `${code.sa};SAMARBETSPROCESS;Samordnare med mandat;Enligt plan;50;Samordnarna är utsedda.;;;`;
    lines[row(code.di)] = `${code.di};DIGITALISERING;Gemensam ärendestatistik;Försenad;10;Systemstödet dröjer.;;;`;
    const csv = { 'content-type': 'text/csv; charset=utf-8' };
    const count = async () => Number((await ctx.dataSource.query('select count(*) from follow_up_report where round_id = $1', [adopted.round.id]))[0].count);
    const before = await count();

    const refused = await coordinatorB.api('POST', path, lines.join('\r\n'), csv);
    expect(refused.status).toBe(422);
    const badLine = row(code.di) + 1;
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual([`line.${badLine}.cause`, `line.${badLine}.needed`]);
    expect(await count()).toBe(before); // all or none: the good row was not written either

    lines[row(code.di)] = `${code.di};DIGITALISERING;Gemensam ärendestatistik;Försenad;10;Systemstödet dröjer.;Upphandlingen överklagades.;Beslut om tillfällig lösning.;`;
    const accepted = await coordinatorB.api('POST', path, lines.join('\r\n'), csv);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ valid: true, written: 2 });
    expect(await count()).toBe(before + 2);
    const view = await managerB.api('GET', at(`/follow-up?periodId=${period1.id}`));
    expect(view.body.overdue.filter((o: { name: string }) => o.name === 'Kulturförvaltningen')).toEqual([]);
  });

  it('period 2 is reported on time, and its roll-up matches the figures computed by hand', async () => {
    expect((await report(coordinatorA, 'ls', { periodId: period2.id, departmentId: a.id, status: 'on_track', progress: 60, comment: 'Hälften av biblioteken klara.' })).status).toBe(201);
    expect((await report(coordinatorA, 'di', { periodId: period2.id, departmentId: a.id, status: 'at_risk', progress: 40, comment: 'Leverantören är sen.', cause: 'Systemstödet dröjer.', needed: 'Beslut om tillfällig lösning.' })).status).toBe(201);
    expect((await report(coordinatorB, 'sa', { periodId: period2.id, departmentId: b.id, status: 'done', progress: 100, comment: 'Alla förvaltningar har en samordnare.' })).status).toBe(201);
    expect((await report(coordinatorB, 'di', { periodId: period2.id, departmentId: b.id, status: 'on_track', progress: 80, comment: 'Vår del är nästan klar.' })).status).toBe(201);

    const view = await strategist.api('GET', at(`/follow-up?periodId=${period2.id}`));
    expect(view.status).toBe(200);
    // Items: LS 60 % (100 h), SA 100 % (50 h), DI (40 + 80) / 2 = 60 % (50 h); TI (50 h) and RA (no estimate) not reported.
    // Weighted: (60·100 + 100·50 + 60·50) / 200 = 70 %, covering 200 of 250 hours (80 %).
    expect(view.body.plan.rollUp).toEqual({
      weightedProgress: 70,
      coveredEffortHours: 200,
      totalEffortHours: 250,
      effortCoverage: 80,
      reported: 3,
      notReported: 2,
      statusCounts: { not_started: 0, on_track: 1, at_risk: 1, delayed: 0, done: 1, cancelled: 0, not_reported: 2 },
    });
    const item = (c: string) => view.body.items.find((i: { code: string }) => i.code === c);
    expect([item(code.ls).progress, item(code.sa).progress, item(code.di).progress, item(code.ti).progress]).toEqual([60, 100, 60, null]);
    expect(item(code.di).status).toBe('at_risk'); // the less favourable of A's at risk and B's on track
    // status over the two periods: every obligation counted once per period
    expect(view.body.statusOverPeriods.map((p: { label: string }) => p.label)).toEqual(['Period 1', 'Period 2']);
  });

  it("next year's round from this one carries over exactly the unfinished items, with their codes", async () => {
    const created = await strategist.api('POST', '/api/v1/rounds', {
      title: 'Utvecklingsplan för kontaktcenter, nästa år',
      year: adopted.round.year + 1,
      caseNumber: 'STK-2027-1',
      fromRoundId: adopted.round.id,
    });
    expect(created.status).toBe(201);
    expect(created.body.participants.map((p: { name: string }) => p.name).sort()).toEqual(['Förskoleförvaltningen', 'Kulturförvaltningen', 'Serviceförvaltningen']);
    const plan = await strategist.api('GET', `/api/v1/rounds/${created.body.id}/plan`);
    expect(plan.status).toBe(200);
    const items = plan.body.document.areas.flatMap((area: { items: Array<{ code: string; status: string; carriedOverFrom: { code: string } | null }> }) => area.items);
    // SA is done; LS and DI go on (ongoing), TI and RA were never reported (planned, as adopted)
    expect(items.map((i: { code: string; status: string; carriedOverFrom: { code: string } | null }) => [i.code, i.status, i.carriedOverFrom?.code]).sort()).toEqual(
      [
        [code.ls, 'ongoing', code.ls],
        [code.di, 'ongoing', code.di],
        [code.ti, 'planned', code.ti],
        [adopted.fillers[0].code, 'planned', adopted.fillers[0].code],
      ].sort(),
    );
    expect(adopted.fillers).toHaveLength(1);
  });
});
