import { ConsultationModule } from '@samverka/consultation';
import { Actor } from '@samverka/audit';
import { TaskQueryService, TasksModule } from '@samverka/kernel';
import { NotificationEntity } from '@samverka/notifications';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanErrorCode, PlanModule, PlanQuestionService } from '@samverka/plan';
import { PlanRoundView } from '@samverka/rounds';
import { Client } from 'pg';
import { GivenPlanRows } from '../support/given-plan-questions';
import { mediumContext, MediumContext } from '../support/medium';
import { principal } from '../support/principals';

const START = new Date('2026-03-02T09:00:00Z');
const NOBODY = '00000000-0000-4000-8000-000000000000';
const STRATEGIST: Actor = { personId: null, label: 'Åsa Öberg' };

/**
 * Questions per item: a department asks, the thread keeps the version and the item's code and title
 * then; a strategist answers once; the strategists hear of a question and the asker and the
 * department's coordinators of the answer, through the outbox.
 */
describe(PlanQuestionService.name, () => {
  let ctx: MediumContext;
  let sut: PlanQuestionService;
  let plan: GivenPlanRows;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let round: PlanRoundView;
  let itemId: string;
  let otherItemId: string;
  let asker: Actor;
  let coordinatorEmail: string;
  let strategistEmail: string;

  const mails = (kind: string) =>
    ctx.dataSource
      .getRepository<NotificationEntity>('NotificationEntity')
      .findBy({ kind })
      .then((rows) => rows.filter((r) => r.data.roundTitle === round.title));

  beforeAll(async () => {
    ctx = await mediumContext([PlanModule, ConsultationModule, TasksModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
    sut = ctx.get(PlanQuestionService);
    plan = new GivenPlanRows(ctx.dataSource);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    const manager = await ctx.given.person({ name: 'Märta Öhman' });
    asker = { personId: manager.id, label: manager.name };
    const coordinator = await ctx.given.coordinator(a);
    coordinatorEmail = (await ctx.dataSource.query('select email from person where id = $1', [coordinator.personId]))[0].email;
    strategistEmail = (await ctx.given.user({ roles: [{ role: 'strategist' }] })).email;
    round = await ctx.given.roundInDraftingPlan({ participantDepartmentIds: [a.id, b.id] });
    itemId = await plan.item(round.id, { code: 'LS-3', title: 'Vägledning på biblioteken', roles: [{ departmentId: a.id, role: 'accountable' }] });
    otherItemId = await plan.item(round.id, { code: 'LS-4', title: 'Öppettider' });
  });
  afterAll(() => ctx.close());

  it('keeps the draft (no version) and the item as it was, and emails the strategists once per question', async () => {
    const q = await sut.ask(asker, round.id, itemId, { departmentId: a.id, question: '  Vad förväntas av oss senast i maj?  ' });
    expect(q).toMatchObject({ itemId, itemCode: 'LS-3', itemTitle: 'Vägledning på biblioteken', version: null, departmentName: 'Förskoleförvaltningen', question: 'Vad förväntas av oss senast i maj?', askedBy: 'Märta Öhman', answer: null });
    const asked = await mails('plan.question_asked');
    expect(asked.map((m) => [m.recipientEmail, m.dedupKey])).toEqual([[strategistEmail, expect.stringMatching(new RegExp(`^plan.question_asked:${q.id}:`))]]);
    expect(asked[0].data).toMatchObject({ itemCode: 'LS-3', version: null, questionsUrl: `https://samverka.malmo.example/planomgangar/${round.id}/plan/fragor` });
  });

  it('keeps the latest frozen version and the code and title that version has, even after the draft renamed the item', async () => {
    await plan.freeze(round.id);
    await plan.rename(itemId, 'Vägledning i Östra');
    const q = await sut.ask(asker, round.id, itemId, { departmentId: a.id, question: 'Gäller det även förskolorna?' });
    expect(q).toMatchObject({ version: 1, itemCode: 'LS-3', itemTitle: 'Vägledning på biblioteken' });
    // An item added after the freeze is asked about with its draft title.
    const newer = await plan.item(round.id, { code: 'LS-9', title: 'Ny insats' });
    expect(await sut.ask(asker, round.id, newer, { departmentId: a.id, question: 'Vad är detta?' })).toMatchObject({ version: 1, itemCode: 'LS-9', itemTitle: 'Ny insats' });
  });

  it('refuses a blank question (naming the field), an item not in the round (404) and a department not taking part (422), writing nothing', async () => {
    const before = (await sut.list(round.id, {})).length;
    await expect(sut.ask(asker, round.id, itemId, { departmentId: a.id, question: ' ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'question', rule: 'isNotEmpty', message: 'Skriv din fråga' }] });
    const other = await ctx.given.roundInDraftingPlan();
    const foreignItem = await plan.item(other.id, { code: 'LS-1' });
    await expect(sut.ask(asker, round.id, foreignItem, { departmentId: a.id, question: 'Fråga' })).rejects.toMatchObject({ code: PlanErrorCode.PLAN_ITEM_NOT_FOUND });
    const outsider = await ctx.given.department();
    await expect(sut.ask(asker, round.id, itemId, { departmentId: outsider.id, question: 'Fråga' })).rejects.toMatchObject({ code: 'UNKNOWN_REFERENCE' });
    expect(await sut.list(round.id, {})).toHaveLength(before);
  });

  it("lists a department's threads only to the filter it is given, unanswered first", async () => {
    await sut.ask(asker, round.id, otherItemId, { departmentId: b.id, question: 'Kulturens fråga' });
    expect((await sut.list(round.id, { departmentIds: [b.id] })).map((q) => q.question)).toEqual(['Kulturens fråga']);
    expect((await sut.list(round.id, { departmentIds: [a.id] })).every((q) => q.departmentId === a.id)).toBe(true);
    expect((await sut.list(round.id, {})).length).toBeGreaterThanOrEqual(4);
  });

  it('answers once: the asker and the department\'s coordinators are emailed (once each); a second answer is 409 and changes nothing', async () => {
    const q = (await sut.list(round.id, { departmentIds: [a.id] })).find((x) => x.question === 'Vad förväntas av oss senast i maj?')!;
    const answered = await sut.answer(STRATEGIST, round.id, q.id, { answer: 'En kontaktperson per förskoleområde, senast den 15 maj.' });
    expect(answered).toMatchObject({ answer: 'En kontaktperson per förskoleområde, senast den 15 maj.', answeredBy: 'Åsa Öberg', answeredAt: START });
    const told = (await mails('plan.question_answered')).filter((m) => m.dedupKey.startsWith(`plan.question_answered:${q.id}:`));
    expect(told).toHaveLength(2);
    expect(told.map((m) => m.recipientName)).toContain('Märta Öhman');
    expect(told.map((m) => m.recipientEmail)).toContain(coordinatorEmail);
    expect(told[0].data).toMatchObject({ itemCode: 'LS-3', answer: 'En kontaktperson per förskoleområde, senast den 15 maj.', questionsUrl: `https://samverka.malmo.example/planomgangar/${round.id}/ansvarsfordelning/${a.id}/fragor` });

    await expect(sut.answer(STRATEGIST, round.id, q.id, { answer: 'Ett annat svar' })).rejects.toMatchObject({ code: PlanErrorCode.PLAN_QUESTION_ANSWERED, message: 'Frågan är redan besvarad' });
    expect((await sut.list(round.id, { departmentIds: [a.id] })).find((x) => x.id === q.id)?.answer).toBe('En kontaktperson per förskoleområde, senast den 15 maj.');
    expect((await sut.list(round.id, { departmentIds: [a.id], unanswered: true })).map((x) => x.id)).not.toContain(q.id);
  });

  it('lets only one of two answers at once win; the other is a 409', async () => {
    const q = await sut.ask(asker, round.id, itemId, { departmentId: a.id, question: 'Två svar samtidigt?' });
    const results = await Promise.allSettled([sut.answer(STRATEGIST, round.id, q.id, { answer: 'Ja' }), sut.answer(STRATEGIST, round.id, q.id, { answer: 'Nej' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual([PlanErrorCode.PLAN_QUESTION_ANSWERED]);
  });

  it('refuses an answer to a question of another round (404)', async () => {
    const other = await ctx.given.roundInDraftingPlan();
    const [q] = await sut.list(round.id, {});
    await expect(sut.answer(STRATEGIST, other.id, q.id, { answer: 'Svar' })).rejects.toMatchObject({ code: PlanErrorCode.PLAN_QUESTION_NOT_FOUND });
  });

  it('gives the strategists a task per unanswered question, linking to their questions page, and nobody else', async () => {
    const unanswered = await sut.list(round.id, { unanswered: true });
    const tasks = (await ctx.get(TaskQueryService).tasksOf(principal({ userId: NOBODY, personId: NOBODY, strategist: true }))).filter((t) => t.kind === 'plan.question_unanswered' && t.roundId === round.id);
    expect(tasks).toHaveLength(unanswered.length);
    expect(tasks).toContainEqual({
      kind: 'plan.question_unanswered',
      title: `Svara på frågan från Kulturförvaltningen om insats LS-4 i ${round.title}`,
      dueOn: null,
      overdue: false,
      href: `/planomgangar/${round.id}/plan/fragor`,
      roundId: round.id,
      departmentId: b.id,
    });
    expect((await ctx.get(TaskQueryService).tasksOf(principal({ userId: NOBODY, personId: NOBODY, management: [a.id], coordinator: [b.id] }))).filter((t) => ['plan.question_unanswered', 'plan.needs_unanswered'].includes(t.kind))).toEqual([]);
  });

  it('asks the database one statement per kind of task, however many questions and rounds there are', async () => {
    const tasks = ctx.get(TaskQueryService);
    const strategist = principal({ userId: NOBODY, personId: NOBODY, strategist: true });
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      await tasks.tasksOf(strategist);
      const statements = spy.mock.calls.map((call) => (typeof call[0] === 'string' ? call[0] : String((call[0] as { text?: string }).text)));
      expect(statements.filter((sql) => sql.includes('plan_item_question'))).toHaveLength(1);
      expect(statements.filter((sql) => sql.includes('plan_need_deferral'))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('offers the items where the department has a role, marked', async () => {
    const items = await sut.askableItems(round.id, a.id);
    expect(items.filter((i) => i.hasRole).map((i) => i.code)).toEqual(['LS-3']);
    expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(['LS-3', 'LS-4', 'LS-9']));
  });
});
