import { ConsultationModule } from '@samverka/consultation';
import { CoordinatorService, DemoCitySeeder, OrganisationModule, OrganisationRegistryService } from '@samverka/organisation';
import { NotificationEntity } from '@samverka/notifications';
import { NeedsModule } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { DemoRoundSeeder, RoundsModule } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

describe(DemoCitySeeder.name, () => {
  let ctx: MediumContext;
  beforeAll(async () => {
    ctx = await mediumContext([OrganisationModule, RoundsModule, NeedsModule, PlanModule, ConsultationModule], new Date('2026-11-22T10:00:00Z'));
  });
  afterAll(() => ctx.close());

  it("loads Malmö stad's departments and committees with coordinators for all but two", async () => {
    const sut = ctx.get(DemoCitySeeder);
    expect(await sut.isEmpty()).toBe(true);
    const counts = await sut.seed(TEST_ACTOR);
    expect(counts).toMatchObject({ committees: 14, departments: 13 });

    const registry = ctx.get(OrganisationRegistryService);
    const names = (await registry.listDepartments()).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Serviceförvaltningen', 'Förskoleförvaltningen', 'Kulturförvaltningen', 'Grundskoleförvaltningen']));
    // Swedish order: Ö after Z (Förskole… after Funktionsstöds…, Överförmyndar… last), not beside O as in English.
    const swedish = new Intl.Collator('sv').compare;
    expect(names).toEqual([...names].sort(swedish));
    expect(names.slice(2, 5)).toEqual(['Fritidsförvaltningen', 'Funktionsstödsförvaltningen', 'Förskoleförvaltningen']);
    const committees = (await registry.listCommittees()).map((c) => c.name);
    expect(committees).toHaveLength(14);
    expect(committees).toEqual([...committees].sort(swedish));
    expect(committees.at(-1)).toBe('Överförmyndarnämnden');
    const [ks] = await registry.listCommittees({ code: 'KS' });
    expect(ks.name).toBe('Kommunstyrelsen');

    const coverage = await ctx.get(CoordinatorService).coverage();
    expect(coverage.withoutPrimary.map((g) => g.name).sort()).toEqual(['Miljöförvaltningen', 'Stadsbyggnadskontoret']);
    expect(coverage.unacknowledged.length).toBeGreaterThan(0);
    expect(coverage.endingSoon.length).toBeGreaterThan(0);
    const grf = (await registry.listDepartments({ code: 'GRF' }))[0];
    expect(await ctx.get(CoordinatorService).listForDepartment(grf.id, true)).toHaveLength(2);

    await expect(sut.seed(TEST_ACTOR)).rejects.toThrow(/empty/);
  });

  it("launches next year's plan round for every department, once, telling the coordinators", async () => {
    const round = await ctx.get(DemoRoundSeeder).seed(TEST_ACTOR);
    expect(round).toMatchObject({ title: 'Utvecklingsplan för kontaktcenter 2027 och framåt', year: 2027, state: 'collectingNeeds', deadlines: { needs: '2027-01-03' } });
    expect(round!.participants).toHaveLength(13);
    expect(round!.participants.filter((p) => p.coordinators.length === 0).map((p) => p.name).sort()).toEqual(['Miljöförvaltningen', 'Stadsbyggnadskontoret']);
    const launchMails = await ctx.dataSource.getRepository<NotificationEntity>('NotificationEntity').createQueryBuilder('n').where(`n.kind = 'round.launched'`).getCount();
    expect(launchMails).toBeGreaterThanOrEqual(11);
    expect(await ctx.get(DemoRoundSeeder).seed(TEST_ACTOR)).toBeNull();
  });
});
