import { NotificationDispatcher } from '@samverka/notifications';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundView } from '@samverka/rounds';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';
import { GivenPlanRows } from '../support/given-plan-questions';
import { TestSmtpServer } from '../support/smtp';

/**
 * Questions per item and needs coverage over HTTP: a department's coordinator asks about an item,
 * the strategist is emailed (over SMTP), answers once, and the coordinator is emailed the answer; a
 * coordinator of another department cannot read the department's questions; strategists defer and
 * undo needs.
 */
describe('plan questions and needs coverage API', () => {
  let ctx: E2eContext;
  let smtp: TestSmtpServer;
  let plan: GivenPlanRows;
  let strategist: AuthedApi;
  let preschoolCoordinator: AuthedApi;
  let cultureCoordinator: AuthedApi;
  let preschool: DepartmentEntity;
  let culture: DepartmentEntity;
  let round: PlanRoundView;
  let itemId: string;
  let needId: string;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    ctx = await e2eContext({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://samverka.malmo.example' });
    plan = new GivenPlanRows(ctx.dataSource);
    preschool = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    culture = await ctx.given.department({ name: 'Kulturförvaltningen' });
    strategist = await ctx.as([{ role: 'strategist' }], { name: 'Åsa Öberg' });
    preschoolCoordinator = await ctx.as([], { name: 'Annika Åsberg' });
    await ctx.given.coordinator(preschool, { personId: preschoolCoordinator.personId, validFrom: '2020-01-01' });
    cultureCoordinator = await ctx.as([], { name: 'Elin Öberg' });
    await ctx.given.coordinator(culture, { personId: cultureCoordinator.personId, validFrom: '2020-01-01' });
    round = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [preschool.id, culture.id] });
    const ids = await plan.needIds(round.id);
    needId = [...ids.values()][0];
    itemId = await plan.item(round.id, { code: 'LS-3', title: 'Vägledning på biblioteken', roles: [{ departmentId: preschool.id, role: 'accountable' }] });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.stop();
  });

  const dispatched = async () => {
    const before = smtp.received.length;
    const due = await ctx.app.get(NotificationDispatcher).dispatchDue('e2e', 50);
    return (await smtp.waitFor(before + due.sent)).slice(before);
  };

  it('a coordinator asks about an item; the strategist gets the question by email, answers once, and the coordinator gets the answer by email', async () => {
    await dispatched();
    const asked = await preschoolCoordinator.api('POST', `/api/v1/rounds/${round.id}/plan/items/${itemId}/questions`, { departmentId: preschool.id, question: 'Vad förväntas av oss senast i maj?' });
    expect(asked.status).toBe(201);
    expect(asked.body).toEqual({ id: expect.any(String) });

    const toStrategist = (await dispatched()).filter((m) => m.to.includes(strategist.email));
    expect(toStrategist.map((m) => m.parsed.subject)).toEqual([`Fråga från Förskoleförvaltningen om insats LS-3 i ${round.title}`]);
    expect(toStrategist[0].parsed.text).toContain('Vad förväntas av oss senast i maj?');
    expect(toStrategist[0].parsed.text).toContain(`https://samverka.malmo.example/planomgangar/${round.id}/plan/fragor`);

    const list = await strategist.api('GET', `/api/v1/rounds/${round.id}/plan/questions?unanswered=true`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ id: asked.body.id, itemCode: 'LS-3', itemTitle: 'Vägledning på biblioteken', version: null, departmentId: preschool.id, askedBy: 'Annika Åsberg', answer: null }),
    ]);

    const answer = await strategist.api('POST', `/api/v1/rounds/${round.id}/plan/questions/${asked.body.id}/answer`, { answer: 'En kontaktperson per förskoleområde.' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ answer: 'En kontaktperson per förskoleområde.', answeredBy: 'Åsa Öberg' });
    const again = await strategist.api('POST', `/api/v1/rounds/${round.id}/plan/questions/${asked.body.id}/answer`, { answer: 'Ett annat svar' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PLAN_QUESTION_ANSWERED');

    const toCoordinator = (await dispatched()).filter((m) => m.to.includes(preschoolCoordinator.email));
    expect(toCoordinator.map((m) => m.parsed.subject)).toEqual([`Svar på frågan om insats LS-3 i ${round.title}`]);
    expect(toCoordinator[0].parsed.text).toContain('En kontaktperson per förskoleområde.');
    expect((await preschoolCoordinator.api('GET', `/api/v1/rounds/${round.id}/plan/questions?departmentId=${preschool.id}`)).body[0]).toMatchObject({ answer: 'En kontaktperson per förskoleområde.' });
  });

  it('lets one of 20 answers sent at once win; the others get 409, never a 500', async () => {
    const asked = await preschoolCoordinator.api('POST', `/api/v1/rounds/${round.id}/plan/items/${itemId}/questions`, { departmentId: preschool.id, question: 'Vem svarar först?' });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => strategist.api('POST', `/api/v1/rounds/${round.id}/plan/questions/${asked.body.id}/answer`, { answer: `Svar ${i}` })));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'PLAN_QUESTION_ANSWERED')).toBe(true);
    const winner = results.find((r) => r.status === 200)!;
    const stored = (await strategist.api('GET', `/api/v1/rounds/${round.id}/plan/questions?departmentId=${preschool.id}`)).body.find((q: { id: string }) => q.id === asked.body.id);
    expect(stored.answer).toBe(winner.body.answer);
  });

  it("a coordinator of another department cannot read a department's questions (403), nor ask for it", async () => {
    const read = await cultureCoordinator.api('GET', `/api/v1/rounds/${round.id}/plan/questions?departmentId=${preschool.id}`);
    expect(read.status).toBe(403);
    expect((await cultureCoordinator.api('GET', `/api/v1/rounds/${round.id}/plan/questions`)).status).toBe(403);
    expect((await cultureCoordinator.api('POST', `/api/v1/rounds/${round.id}/plan/items/${itemId}/questions`, { departmentId: preschool.id, question: 'Kapad' })).status).toBe(403);
    // Its own department's threads it reads: none yet.
    const own = await cultureCoordinator.api('GET', `/api/v1/rounds/${round.id}/plan/questions?departmentId=${culture.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toEqual([]);
  });

  it('refuses a question without text naming the field (400), and an unknown item (404)', async () => {
    const blank = await preschoolCoordinator.api('POST', `/api/v1/rounds/${round.id}/plan/items/${itemId}/questions`, { departmentId: preschool.id, question: '' });
    expect(blank.status).toBe(400);
    expect(blank.body.details).toEqual([expect.objectContaining({ field: 'question', rule: 'isNotEmpty' })]);
    const unknown = await preschoolCoordinator.api('POST', `/api/v1/rounds/${round.id}/plan/items/${round.id}/questions`, { departmentId: preschool.id, question: 'Fråga' });
    expect(unknown.status).toBe(404);
  });

  it('the strategist defers a need with a reason and undoes it; a need an item answers cannot be deferred (409)', async () => {
    const before = await strategist.api('GET', `/api/v1/rounds/${round.id}/plan/needs`);
    expect(before.status).toBe(200);
    expect(before.body.counts).toEqual({ total: 2, unanswered: 2, deferred: 0, answered: 0 });

    const deferred = await strategist.api('PUT', `/api/v1/rounds/${round.id}/plan/needs/${needId}/deferral`, { reason: 'Nästa planomgång' });
    expect(deferred.status).toBe(200);
    expect(deferred.body.deferral).toMatchObject({ reason: 'Nästa planomgång', deferredBy: 'Åsa Öberg' });
    expect((await strategist.api('GET', `/api/v1/rounds/${round.id}/plan/needs`)).body.counts).toMatchObject({ unanswered: 1, deferred: 1 });
    // Each section one page (limit, offset alike), the counts whole; a page past the end keeps them.
    const first = await strategist.api('GET', `/api/v1/rounds/${round.id}/plan/needs?limit=1`);
    expect([first.body.unanswered.length, first.body.deferred.length, first.body.counts]).toEqual([1, 1, expect.objectContaining({ unanswered: 1, deferred: 1 })]);
    const past = await strategist.api('GET', `/api/v1/rounds/${round.id}/plan/needs?offset=5`);
    expect([past.body.unanswered, past.body.deferred, past.body.counts]).toEqual([[], [], expect.objectContaining({ unanswered: 1, deferred: 1 })]);
    expect((await strategist.api('GET', `/api/v1/rounds/${round.id}/plan/needs?limit=0`)).status).toBe(400);
    expect((await strategist.api('DELETE', `/api/v1/rounds/${round.id}/plan/needs/${needId}/deferral`)).status).toBe(204);
    expect((await strategist.api('DELETE', `/api/v1/rounds/${round.id}/plan/needs/${needId}/deferral`)).status).toBe(404);

    await plan.answer(itemId, needId);
    const answered = await strategist.api('PUT', `/api/v1/rounds/${round.id}/plan/needs/${needId}/deferral`, { reason: 'Nästa planomgång' });
    expect(answered.status).toBe(409);
    expect(answered.body).toMatchObject({ code: 'PLAN_NEED_ANSWERED', message: 'Behovet besvaras av insatsen LS-3 och kan inte skjutas upp' });
    expect((await strategist.api('PUT', `/api/v1/rounds/${round.id}/plan/needs/${needId}/deferral`, { reason: '' })).status).toBe(400);
  });
});
