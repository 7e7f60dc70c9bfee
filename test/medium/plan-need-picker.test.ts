import { ConsultationModule } from '@samverka/consultation';
import { NeedService, SubmissionService } from '@samverka/needs';
import { NeedPicker, PlanModule, PlanQueryService } from '@samverka/plan';
import { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { TEST_ACTOR } from '../support/given';
import { GivenPlanRows } from '../support/given-plan-questions';
import { mediumContext, MediumContext } from '../support/medium';
import { statementsDuring } from '../support/statements';

const START = new Date('2026-03-02T09:00:00Z');

/**
 * The needs the item form offers (PlanQueryService.needsToOffer): the chosen ones, one page of the
 * round's other handed-in needs matching a search by title and department, the counts and the
 * departments, in one statement whatever the number of needs.
 */
describe('the needs an item form offers', () => {
  let ctx: MediumContext;
  let sut: PlanQueryService;
  let plan: GivenPlanRows;
  let a: DepartmentEntity;
  let b: DepartmentEntity;
  let draftOnly: DepartmentEntity;
  let round: PlanRoundView;
  let ids: Map<string, string>;

  const offer = (query: Partial<Parameters<PlanQueryService['needsToOffer']>[1]> = {}): Promise<NeedPicker> =>
    sut.needsToOffer(round.id, { selected: [], search: null, departmentId: null, limit: 50, offset: 0, itemId: null, ...query });
  const titles = (needs: NeedPicker['page']) => needs.map((n) => n.title);

  beforeAll(async () => {
    ctx = await mediumContext([PlanModule, ConsultationModule], START);
    sut = ctx.get(PlanQueryService);
    plan = new GivenPlanRows(ctx.dataSource);
    a = await ctx.given.department({ name: 'Förskoleförvaltningen' });
    b = await ctx.given.department({ name: 'Kulturförvaltningen' });
    draftOnly = await ctx.given.department({ name: 'Miljöförvaltningen' });
    const collecting = await ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [a.id, b.id, draftOnly.id] });
    const needs = ctx.get(NeedService);
    for (let i = 1; i <= 7; i++) await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(a.id, { title: `Förskolebehov ${i}` }));
    await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(a.id, { title: '100% digital ansökan_snabb' }));
    await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(b.id, { title: 'Kulturkort på biblioteken', areaCode: 'DIGITALISERING' }));
    await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(b.id, { title: 'Vägledning på biblioteken' }));
    await needs.create(TEST_ACTOR, collecting.id, ctx.given.need(draftOnly.id, { title: 'Aldrig inlämnat' }));
    await ctx.get(SubmissionService).submit(TEST_ACTOR, collecting.id, a.id);
    await ctx.get(SubmissionService).submit(TEST_ACTOR, collecting.id, b.id);
    round = await ctx.get(PlanRoundStepService).transition(TEST_ACTOR, collecting.id, { type: 'CLOSE_NEEDS', force: true, reason: 'Miljöförvaltningen hann inte' });
    ids = await plan.needIds(round.id);
  });
  afterAll(() => ctx?.close());

  it('offers every handed-in need, by department and title, never one not handed in, in one statement', async () => {
    let picker: NeedPicker | undefined;
    expect(await statementsDuring(async () => (picker = await offer()))).toHaveLength(1);
    expect(picker!.matching).toBe(10);
    expect(picker!.unselected).toBe(10);
    expect(picker!.page.map((n) => n.departmentName)).toEqual([...Array(8).fill('Förskoleförvaltningen'), 'Kulturförvaltningen', 'Kulturförvaltningen']);
    expect(titles(picker!.page)).not.toContain('Aldrig inlämnat');
    expect(picker!.departments).toEqual([
      { id: a.id, name: 'Förskoleförvaltningen' },
      { id: b.id, name: 'Kulturförvaltningen' },
    ]);
    expect(picker!.page.find((n) => n.title === 'Kulturkort på biblioteken')).toMatchObject({ departmentId: b.id, areaCode: 'DIGITALISERING', answeredBy: [], handedIn: true });
  });

  it('pages the others: a page at a time, the chosen never among them, the counts kept past the last page', async () => {
    const chosen = [ids.get('Förskolebehov 1')!, ids.get('Vägledning på biblioteken')!];
    const seen: string[] = [];
    for (let offset = 0; offset < 8; offset += 3) {
      const page = await offer({ selected: chosen, limit: 3, offset });
      expect(titles(page.selected)).toEqual(['Förskolebehov 1', 'Vägledning på biblioteken']);
      expect([page.matching, page.unselected]).toEqual([8, 8]);
      seen.push(...page.page.map((n) => n.id));
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen.some((id) => chosen.includes(id))).toBe(false);
    const past = await offer({ selected: chosen, limit: 3, offset: 30 });
    expect([past.page, past.matching, titles(past.selected)]).toEqual([[], 8, ['Förskolebehov 1', 'Vägledning på biblioteken']]);
  });

  it('searches the titles in any case, with % and _ taken literally, and narrows to one department', async () => {
    expect(titles((await offer({ search: 'BIBLIOTEKEN' })).page)).toEqual(['Kulturkort på biblioteken', 'Vägledning på biblioteken']);
    // Swedish letters fold too, as typed in either case.
    expect(titles((await offer({ search: 'VÄGLEDNING PÅ' })).page)).toEqual(['Vägledning på biblioteken']);
    expect(titles((await offer({ search: 'ansökan' })).page)).toEqual(['100% digital ansökan_snabb']);
    expect(titles((await offer({ search: 'ANSÖKAN' })).page)).toEqual(['100% digital ansökan_snabb']);
    expect(titles((await offer({ search: '100%' })).page)).toEqual(['100% digital ansökan_snabb']);
    expect((await offer({ search: '%' })).matching).toBe(1);
    expect((await offer({ search: 'n_s' })).matching).toBe(1);
    const onlyB = await offer({ search: 'biblioteken', departmentId: a.id });
    expect([onlyB.page, onlyB.matching, onlyB.unselected]).toEqual([[], 0, 10]);
    expect(titles((await offer({ departmentId: b.id })).page)).toEqual(['Kulturkort på biblioteken', 'Vägledning på biblioteken']);
  });

  describe('with an item LS-1 answering the libraries', () => {
    let ls1: string;
    beforeAll(async () => {
      ls1 = await plan.item(round.id, { code: 'LS-1', title: 'Vägledning i Östra', needIds: [ids.get('Vägledning på biblioteken')!] });
    });

    it('names the other items that answer a need, but not the item being edited', async () => {
      const need = ids.get('Vägledning på biblioteken')!;
      expect((await offer()).page.find((n) => n.id === need)?.answeredBy).toEqual(['LS-1']);
      expect((await offer({ selected: [need], itemId: ls1 })).selected[0].answeredBy).toEqual([]);
    });
  });

  it('shows a chosen need that is no longer handed in as such, and ignores an id that is no need of the round', async () => {
    const notHandedIn = (await ctx.dataSource.query(`select n.id from need n where n.round_id = $1 and n.title = 'Aldrig inlämnat'`, [round.id]))[0].id as string;
    const picker = await offer({ selected: [notHandedIn, '00000000-0000-4000-8000-000000000000'] });
    expect(picker.selected).toEqual([expect.objectContaining({ title: 'Aldrig inlämnat', handedIn: false })]);
    expect(picker.unselected).toBe(10);
  });
});
