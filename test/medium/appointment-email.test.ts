import { ConsultationModule } from '@samverka/consultation';
import { NeedsModule } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { NotificationEntity } from '@samverka/notifications';
import { CoordinatorService } from '@samverka/organisation';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const START = new Date('2026-03-02T09:00:00Z'); // 2 March 2026 in Stockholm

/** The appointment email names the running round the department takes part in, and its needs deadline (a fact from the rounds context). */
describe('the appointment email and the running round', () => {
  let ctx: MediumContext;

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
  });
  afterAll(() => ctx.close());

  const appointedEmail = async (departmentId: string) => {
    const person = await ctx.given.person();
    const assignment = await ctx.get(CoordinatorService).appoint(TEST_ACTOR, departmentId, { personId: person.id, kind: 'deputy', mandate: 'Mandat', validFrom: '2026-03-02' });
    return ctx.dataSource.getRepository<NotificationEntity>('NotificationEntity').findOneByOrFail({ dedupKey: `coordinator.appointed:${assignment.id}` });
  };

  it("names the round collecting needs and the department's needs deadline", async () => {
    const department = await ctx.given.department();
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id], title: 'Utvecklingsplan för kontaktcenter 2027' });
    const email = await appointedEmail(department.id);
    expect(email.data).toMatchObject({ round: { title: 'Utvecklingsplan för kontaktcenter 2027', needsDeadline: round.deadlines.needs } });
    expect(round.deadlines.needs).toBe('2026-04-30');
  });

  it('names no round for a department outside every running round (a round still being prepared does not count)', async () => {
    const department = await ctx.given.department();
    await ctx.given.round({ participantDepartmentIds: [department.id] });
    await ctx.given.roundInCollectingNeeds();
    const email = await appointedEmail(department.id);
    expect(email.data).toMatchObject({ round: null });
  });
});
