import { ConsultationModule } from '@samverka/consultation';
import { Principal } from '@samverka/kernel';
import { NeedsAccessPolicy, NeedService, NeedsModule } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { OrganisationAccessPolicy } from '@samverka/organisation';
import { RoundAccessPolicy } from '@samverka/rounds';
import { randomUUID } from 'node:crypto';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';
import { PrincipalName, principalsFor } from '../support/principals';

/**
 * The access policies' answers that load rows, against the real database: who may read a round (its
 * participants, and the committees they serve), whom a coordinator assignment concerns, whose need
 * this is. A row that is not there is "no" (null); see test/e2e/access-failure.e2e.ts for a failing query.
 */
describe('access policies over the database', () => {
  let ctx: MediumContext;
  let rounds: RoundAccessPolicy;
  let organisation: OrganisationAccessPolicy;
  let needs: NeedsAccessPolicy;
  /** Department A (committee A) takes part in the round; department B (committee B) does not. */
  let callers: Record<PrincipalName, Principal>;
  let roundId: string;

  beforeAll(async () => {
    ctx = await mediumContext([NeedsModule, PlanModule, ConsultationModule]);
    rounds = ctx.get(RoundAccessPolicy);
    organisation = ctx.get(OrganisationAccessPolicy);
    needs = ctx.get(NeedsAccessPolicy);
    const a = await ctx.given.department();
    const b = await ctx.given.department();
    roundId = (await ctx.given.round({ participantDepartmentIds: [a.id] })).id;
    callers = principalsFor({ department: a.id, committee: a.committeeId }, { department: b.id, committee: b.committeeId });
  });
  afterAll(() => ctx.close());

  it.each<[PrincipalName, boolean]>([
    ['admin', true],
    ['strategist', true],
    ['coordinator-own', true],
    ['coordinator-other', false],
    ['management-own', true],
    ['management-other', false],
    ['secretary-own', true],
    ['secretary-other', false],
    ['nobody', false],
  ])('%s may read the round: %s', async (caller, reads) => {
    expect(await rounds.mayRead(callers[caller], roundId)).toBe(reads);
  });

  it('lets nobody read a round that does not exist, strategists and admins included', async () => {
    const missing = randomUUID();
    expect(await rounds.mayRead(callers.strategist, missing)).toBe(false);
    expect(await rounds.mayRead(callers.admin, missing)).toBe(false);
    expect(await rounds.mayRead(callers['coordinator-own'], missing)).toBe(false);
  });

  it('names the department and the person of a coordinator assignment, and nothing for one that does not exist', async () => {
    const department = await ctx.given.department();
    const assignment = await ctx.given.coordinator(department);
    expect(await organisation.partiesOfAssignment(assignment.id)).toEqual({ departmentId: department.id, personId: assignment.personId });
    expect(await organisation.partiesOfAssignment(randomUUID())).toBeNull();
  });

  it("names a need's department, and none for a need that does not exist", async () => {
    const department = await ctx.given.department();
    const round = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [department.id] });
    const input = { departmentId: department.id, areaCode: 'LOKAL_SERVICE', title: 'Rubrik', description: 'Beskrivning', priority: 'low' as const };
    const need = await ctx.get(NeedService).create(TEST_ACTOR, round.id, { ...input, channels: ['library'], districts: [], targetGroups: [] });
    expect(await needs.departmentOfNeed(need.id)).toBe(department.id);
    expect(await needs.departmentOfNeed(randomUUID())).toBeNull();
  });
});
