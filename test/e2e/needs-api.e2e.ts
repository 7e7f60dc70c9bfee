import { addWorkingDays, formatSwedishDate, localDateInCity } from '@samverka/kernel';
import { NeedsReminderService } from '@samverka/needs';
import { NotificationDispatcher } from '@samverka/notifications';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundView } from '@samverka/rounds';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';
import { TestSmtpServer } from '../support/smtp';

/**
 * Needs collection over HTTP: coordinators log and hand in their own department's needs (never
 * another's), management endorses or returns, the reference data is there to tag with, and the
 * workflow's close-needs step opens when every department has handed in.
 */
describe('needs API', () => {
  let ctx: E2eContext;
  let smtp: TestSmtpServer;
  let strategist: AuthedApi;
  let preschoolCoordinator: AuthedApi;
  let cultureCoordinator: AuthedApi;
  let preschoolManager: AuthedApi;
  let preschool: DepartmentEntity;
  let culture: DepartmentEntity;
  let round: PlanRoundView;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    ctx = await e2eContext({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://samverka.malmo.example' });
    preschool = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    culture = await ctx.given.department({ name: 'Kulturförvaltningen' });
    strategist = await ctx.as([{ role: 'strategist' }]);
    preschoolCoordinator = await ctx.as([], { name: 'Annika Åsberg' });
    await ctx.given.coordinator(preschool, { personId: preschoolCoordinator.personId, validFrom: '2020-01-01' });
    cultureCoordinator = await ctx.as([], { name: 'Elin Öberg' });
    await ctx.given.coordinator(culture, { personId: cultureCoordinator.personId, validFrom: '2020-01-01' });
    preschoolManager = await ctx.as([{ role: 'management', departmentId: preschool.id }], { name: 'Helena Ljung' });
    round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [preschool.id, culture.id] });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.stop();
  });

  /** The body of POST …/needs; `values` may break its rules. */
  const need = (departmentId: string, values: Record<string, unknown> = {}) => ({ ...ctx.given.need(departmentId), ...values });

  it('offers the reference data to tag needs with', async () => {
    const channels = await preschoolCoordinator.api('GET', '/api/v1/reference/channels');
    expect(channels.status).toBe(200);
    expect(channels.body).toEqual(expect.arrayContaining([{ code: 'library', name: 'Bibliotek' }, { code: 'other_reception', name: 'Annan förvaltnings reception' }]));
    expect((await preschoolCoordinator.api('GET', '/api/v1/reference/districts')).body.map((d: { name: string }) => d.name)).toContain('Söder');
    expect((await preschoolCoordinator.api('GET', '/api/v1/reference/target-groups')).body.map((d: { code: string }) => d.code)).toContain('disabilities');
    expect((await preschoolCoordinator.api('GET', '/api/v1/reference/planets')).status).toBe(404);
  });

  it("two coordinators log and hand in their own department's needs; logging or handing in for another department is refused (403)", async () => {
    const created = await preschoolCoordinator.api('POST', `/api/v1/rounds/${round.id}/needs`, need(preschool.id, { channels: ['library', 'other_reception'], evidence: { kind: 'staffObservation', source: 'Bibliotekens personal' } }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ departmentId: preschool.id, channels: ['library', 'other_reception'], evidence: { kind: 'staffObservation', date: null } });
    expect((await cultureCoordinator.api('POST', `/api/v1/rounds/${round.id}/needs`, need(culture.id, { title: 'Datorer och skrivare för invånare', channels: ['library', 'web'] }))).status).toBe(201);

    const foreign = await cultureCoordinator.api('POST', `/api/v1/rounds/${round.id}/needs`, need(preschool.id, { title: 'Inte min förvaltning' }));
    expect(foreign.status).toBe(403);
    expect((await cultureCoordinator.api('PATCH', `/api/v1/rounds/${round.id}/needs/${created.body.id}`, { title: 'Kapad' })).status).toBe(403);
    expect((await cultureCoordinator.api('POST', `/api/v1/rounds/${round.id}/submissions/${preschool.id}/submit`)).status).toBe(403);
    expect((await preschoolManager.api('POST', `/api/v1/rounds/${round.id}/needs`, need(preschool.id))).status).toBe(403);

    const submitted = await preschoolCoordinator.api('POST', `/api/v1/rounds/${round.id}/submissions/${preschool.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', needCount: 1, late: false });
    const edit = await preschoolCoordinator.api('PATCH', `/api/v1/rounds/${round.id}/needs/${created.body.id}`, { title: 'Ändrad' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('SUBMISSION_NOT_EDITABLE');

    // The manager was asked to endorse, by email (after the launch's phase-change email).
    const before = smtp.received.length;
    const due = await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
    const mails = (await smtp.waitFor(before + due.sent)).slice(before);
    const asks = mails.filter((m) => m.to.includes(preschoolManager.email) && m.parsed.subject?.startsWith('Godkänn'));
    expect(asks).toHaveLength(1);
    const [ask] = asks;
    expect(ask.parsed.subject).toBe(`Godkänn Förskoleförvaltningens behov i ${round.title}`);
    expect(ask.parsed.text).toContain('Annika Åsberg har lämnat in Förskoleförvaltningens behov');
  });

  it('management endorses its own department only; a returned submission is editable again', async () => {
    expect((await preschoolManager.api('POST', `/api/v1/rounds/${round.id}/submissions/${culture.id}/endorse`)).status).toBe(403);
    const returned = await preschoolManager.api('POST', `/api/v1/rounds/${round.id}/submissions/${preschool.id}/return`, { comment: 'Lägg till underlagets datum' });
    expect(returned.body).toMatchObject({ status: 'returned', returnComment: 'Lägg till underlagets datum' });
    const [logged] = (await preschoolCoordinator.api('GET', `/api/v1/rounds/${round.id}/needs?departmentId=${preschool.id}`)).body;
    const edited = await preschoolCoordinator.api('PATCH', `/api/v1/rounds/${round.id}/needs/${logged.id}`, { evidence: { kind: 'statistics', source: 'Besöksräkning', date: '2026-01-31' } });
    expect(edited.status).toBe(200);
    expect(edited.body.evidence).toEqual({ kind: 'statistics', source: 'Besöksräkning', date: '2026-01-31' });
    await preschoolCoordinator.api('POST', `/api/v1/rounds/${round.id}/submissions/${preschool.id}/submit`);
    const endorsed = await preschoolManager.api('POST', `/api/v1/rounds/${round.id}/submissions/${preschool.id}/endorse`);
    expect(endorsed.status).toBe(200);
    expect(endorsed.body.status).toBe('endorsed');

    // The coordinator was told, by email: sent back with the comment, then approved; the manager heard it was handed in again.
    const before = smtp.received.length;
    const due = await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
    const mails = (await smtp.waitFor(before + due.sent)).slice(before);
    const toCoordinator = mails.filter((m) => m.to.includes(preschoolCoordinator.email));
    expect(toCoordinator.map((m) => m.parsed.subject).sort()).toEqual(
      [`Förskoleförvaltningens behov i ${round.title} är godkända`, `Förskoleförvaltningens behov i ${round.title} är skickade tillbaka till dig`].sort(),
    );
    expect(toCoordinator.find((m) => m.parsed.subject?.endsWith('tillbaka till dig'))!.parsed.text).toContain('Lägg till underlagets datum');
    const again = mails.find((m) => m.to.includes(preschoolManager.email) && m.parsed.subject?.startsWith('Godkänn'))!;
    expect(again.parsed.subject).toBe(`Godkänn Förskoleförvaltningens behov i ${round.title} – inlämnade igen`);
    expect(again.parsed.text).toContain('Lägg till underlagets datum');
  });

  it("each reader sees what their role allows (a draft is its department's own); the needs list filters by tag", async () => {
    // Kulturförvaltningen's needs are a draft: the strategist sees that it exists and how many needs it has, not the needs.
    const all = await strategist.api('GET', `/api/v1/rounds/${round.id}/needs`);
    expect(all.body.map((n: { departmentName: string }) => n.departmentName)).toEqual(['Förskoleförvaltningen']);
    expect((await strategist.api('GET', `/api/v1/rounds/${round.id}/submissions`)).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ departmentId: culture.id, status: 'draft', needCount: 1 })]),
    );
    expect((await strategist.api('GET', `/api/v1/rounds/${round.id}/needs/analysis?includeDrafts=true`)).body.totals.needs).toBe(1);
    const csv = await strategist.api('GET', `/api/v1/rounds/${round.id}/needs.csv?includeDrafts=true`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).not.toContain('Datorer och skrivare för invånare');
    const theirOwn = await cultureCoordinator.api('GET', `/api/v1/rounds/${round.id}/needs`);
    expect(theirOwn.body.map((n: { title: string }) => n.title)).toEqual(['Datorer och skrivare för invånare']);
    expect((await strategist.api('GET', `/api/v1/rounds/${round.id}/needs?channel=other_reception`)).body).toHaveLength(1);
    expect((await strategist.api('GET', `/api/v1/rounds/${round.id}/needs?status=endorsed`)).body.map((n: { departmentId: string }) => n.departmentId)).toEqual([preschool.id]);
    const own = await preschoolManager.api('GET', `/api/v1/rounds/${round.id}/needs`);
    expect(own.body.map((n: { departmentId: string }) => n.departmentId)).toEqual([preschool.id]);
    const submissions = await preschoolManager.api('GET', `/api/v1/rounds/${round.id}/submissions`);
    expect(submissions.body).toEqual([expect.objectContaining({ departmentId: preschool.id, status: 'endorsed', needCount: 1 })]);
  });

  it('the needs list pages: limit from offset in the order department, title; a limit above the maximum is a 400 naming it', async () => {
    const libraries = await ctx.given.department({ name: 'Biblioteksförvaltningen' });
    const coordinator = await ctx.as([], { name: 'Sara Lind' });
    await ctx.given.coordinator(libraries, { personId: coordinator.personId, validFrom: '2020-01-01' });
    const other = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [libraries.id] });
    const titles = ['Behov A', 'Behov B', 'Behov C', 'Behov D', 'Behov E'];
    for (const title of [...titles].reverse()) {
      expect((await coordinator.api('POST', `/api/v1/rounds/${other.id}/needs`, need(libraries.id, { title }))).status).toBe(201);
    }
    const page = async (query: string) => {
      const res = await coordinator.api('GET', `/api/v1/rounds/${other.id}/needs${query}`);
      expect(res.status).toBe(200);
      return res.body.map((n: { title: string }) => n.title);
    };
    expect(await page('')).toEqual(titles);
    expect(await page('?limit=2')).toEqual(['Behov A', 'Behov B']);
    expect(await page('?limit=2&offset=2')).toEqual(['Behov C', 'Behov D']);
    expect(await page('?limit=2&offset=4')).toEqual(['Behov E']);
    expect(await page('?offset=5')).toEqual([]);
    for (const [query, field] of [
      ['?limit=201', 'limit'],
      ['?limit=0', 'limit'],
      ['?limit=tio', 'limit'],
      ['?offset=-1', 'offset'],
    ]) {
      const res = await coordinator.api('GET', `/api/v1/rounds/${other.id}/needs${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
  });

  it('bad input is a 400 naming the field and the rule', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ channels: ['brevduva'] }, 'channels', 'knownCode'],
      [{ areaCode: 'FINNS_INTE' }, 'areaCode', 'roundArea'],
      [{ priority: 'akut' }, 'priority', 'isIn'],
      [{ monthlyVolume: -5 }, 'monthlyVolume', 'min'],
      [{ evidence: { kind: 'rykte', source: 'x' } }, 'evidence.kind', 'isIn'],
    ];
    for (const [values, field, rule] of cases) {
      const res = await cultureCoordinator.api('POST', `/api/v1/rounds/${round.id}/needs`, need(culture.id, values));
      expect({ values, status: res.status }).toEqual({ values, status: 400 });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
  });

  it('the workflow lets needs collection close once every department has handed in', async () => {
    const closeNeeds = async () => (await strategist.api('GET', `/api/v1/rounds/${round.id}`)).body.events.find((e: { type: string }) => e.type === 'CLOSE_NEEDS');
    expect(await closeNeeds()).toMatchObject({ allowed: false, reasons: ['1 förvaltning har inte lämnat in behov'] });
    expect((await cultureCoordinator.api('POST', `/api/v1/rounds/${round.id}/submissions/${culture.id}/submit`)).status).toBe(200);
    expect(await closeNeeds()).toMatchObject({ allowed: true, reasons: [] });
    const closed = await strategist.api('POST', `/api/v1/rounds/${round.id}/events`, { type: 'CLOSE_NEEDS' });
    expect(closed.body.state).toBe('draftingPlan');
    const late = await cultureCoordinator.api('POST', `/api/v1/rounds/${round.id}/needs`, need(culture.id));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ROUND_NOT_COLLECTING');
  });

  it('a department that has not handed in is reminded before the deadline and escalated to its management after it (emails received); handing in stops it', async () => {
    const environment = await ctx.given.department({ name: 'Miljöförvaltningen' });
    const coordinator = await ctx.as([], { name: 'Sara Holm' });
    await ctx.given.coordinator(environment, { personId: coordinator.personId, validFrom: '2020-01-01' });
    const manager = await ctx.as([{ role: 'management', departmentId: environment.id }], { name: 'Per Nilsson' });
    const late = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [environment.id] });
    const today = localDateInCity(new Date());
    const sweepAndSend = async () => {
      await ctx.app.get(NeedsReminderService).sweep();
      const before = smtp.received.length;
      const { sent } = await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
      return (await smtp.waitFor(before + sent)).slice(before);
    };
    await sweepAndSend(); // the launch's emails

    // Three working days before the (moved) deadline: the coordinator is reminded, once.
    const soon = addWorkingDays(today, 3);
    expect((await strategist.api('PATCH', `/api/v1/rounds/${late.id}`, { deadlines: { needs: soon } })).status).toBe(200);
    const reminders = await sweepAndSend();
    expect(reminders.map((m) => [m.to, m.parsed.subject])).toEqual([
      [[coordinator.email], `Påminnelse: lämna in Miljöförvaltningens behov till ${late.title} senast ${formatSwedishDate(soon)}`],
    ]);
    expect(await sweepAndSend()).toEqual([]);

    // Five working days after it (six back from today, so that it holds on a weekend too): management is told, not the coordinator.
    const passed = addWorkingDays(today, -6);
    expect((await strategist.api('PATCH', `/api/v1/rounds/${late.id}`, { deadlines: { needs: passed }, confirmPastDeadline: true })).status).toBe(200);
    const escalations = await sweepAndSend();
    expect(escalations.map((m) => [m.to, m.parsed.subject])).toEqual([
      [[manager.email], `Miljöförvaltningen har inte lämnat in behov till ${late.title} – sista dagen var ${formatSwedishDate(passed)}`],
    ]);
    expect(escalations[0].parsed.text).toContain(`/planomgangar/${late.id}/behov/${environment.id}`);

    // Handed in (late): no more reminders, even with the deadline moved again.
    expect((await coordinator.api('POST', `/api/v1/rounds/${late.id}/submissions/${environment.id}/nothing-to-report`, { reason: 'Inga nya behov' })).body).toMatchObject({
      status: 'nothingToReport',
      late: true,
    });
    await strategist.api('PATCH', `/api/v1/rounds/${late.id}`, { deadlines: { needs: addWorkingDays(today, 2) } });
    expect(await sweepAndSend()).toEqual([]);
  });
});
