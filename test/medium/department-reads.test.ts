import { addDays } from '@samverka/kernel';
import { COVERAGE_SECTION_LIMIT, CoordinatorService, DEPARTMENT_COVERAGE_STATES, DepartmentEntity, OrganisationModule, OrganisationRegistryService } from '@samverka/organisation';
import { departmentCoverage } from '../../apps/api/src/organisation/pages/coverage-status';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';
import { statementsDuring } from '../support/statements';

/**
 * The organisation's reads send one statement each, however large the city: the departments list
 * (a page, with its total), the coverage report, a department with its history, and the page of
 * departments with their coverage (the /forvaltningar list).
 */
describe('organisation reads', () => {
  let ctx: MediumContext;
  let registry: OrganisationRegistryService;
  let coordinators: CoordinatorService;

  beforeAll(async () => {
    ctx = await mediumContext([OrganisationModule]); // today is 2026-03-02 in Stockholm
    registry = ctx.get(OrganisationRegistryService);
    coordinators = ctx.get(CoordinatorService);
  });
  afterAll(() => ctx.close());

  /** `n` departments under one new committee, named so that they sort by their number; each with a primary coordinator. */
  async function city(n: number, prefix: string): Promise<{ committeeId: string; departments: DepartmentEntity[] }> {
    const committeeId = (await ctx.given.committee()).id;
    const departments: DepartmentEntity[] = [];
    for (let i = 1; i <= n; i++) {
      const department = await ctx.given.department({ committeeId, name: `${prefix} ${String(i).padStart(2, '0')}` });
      await ctx.given.coordinator(department, { validFrom: '2026-01-01' });
      departments.push(department);
    }
    return { committeeId, departments };
  }

  describe('GET /api/v1/departments: one page of departments', () => {
    it('is one statement with its total, at 3 departments and at 30', async () => {
      for (const n of [3, 30]) {
        const { committeeId } = await city(n, `Sida${n}`);
        let page: Awaited<ReturnType<OrganisationRegistryService['pageDepartments']>> | undefined;
        const statements = await statementsDuring(async () => (page = await registry.pageDepartments({ committeeId }, { limit: 100, offset: 0 })));
        expect(statements).toHaveLength(1);
        expect(page!.total).toBe(n);
        expect(page!.items.map((d) => d.name)).toEqual(Array.from({ length: n }, (_, i) => `Sida${n} ${String(i + 1).padStart(2, '0')}`));
        expect(page!.items[0].committee).toMatchObject({ id: committeeId, code: expect.any(String), name: expect.any(String) });
      }
    });

    it('answers the last page with what is left, a page past the end empty with the total, and filters as before', async () => {
      const { committeeId, departments } = await city(5, 'Kant');
      const last = await registry.pageDepartments({ committeeId }, { limit: 2, offset: 4 });
      expect(last).toEqual({ total: 5, items: [expect.objectContaining({ id: departments[4].id, name: 'Kant 05', active: true, committeeId })] });
      const beyond = await statementsDuring(async () => expect(await registry.pageDepartments({ committeeId }, { limit: 2, offset: 10 })).toEqual({ total: 5, items: [] }));
      expect(beyond).toHaveLength(1);
      expect(await registry.pageDepartments({ committeeId: '00000000-0000-4000-8000-000000000000' }, { limit: 2, offset: 0 })).toEqual({ total: 0, items: [] });

      await registry.updateDepartment(TEST_ACTOR, departments[1].id, { active: false });
      expect((await registry.pageDepartments({ committeeId, active: false }, { limit: 10, offset: 0 })).items.map((d) => d.id)).toEqual([departments[1].id]);
      expect((await registry.pageDepartments({ committeeId, active: true }, { limit: 10, offset: 0 })).total).toBe(4);
      // The code is matched whole and case-insensitively, as before.
      expect((await registry.pageDepartments({ code: departments[2].code.toLowerCase() }, { limit: 10, offset: 0 })).items.map((d) => d.id)).toEqual([departments[2].id]);
    });
  });

  describe('the coverage report (GET /api/v1/coordinator-coverage, the start page)', () => {
    it('is one statement at 3 departments and at 30, with every section', async () => {
      for (const n of [3, 30]) {
        const { departments } = await city(n, `Täckning${n}`);
        const gap = await ctx.given.department({ name: `Lucka ${n}` });
        await ctx.given.coordinator(departments[0], { kind: 'deputy', validFrom: '2026-01-01', validTo: '2026-03-20' });
        let report: Awaited<ReturnType<CoordinatorService['coverage']>> | undefined;
        const statements = await statementsDuring(async () => (report = await coordinators.coverage()));
        expect(statements).toHaveLength(1);
        expect(report!.withoutPrimary.map((g) => g.departmentId)).toContain(gap.id);
        expect(report!.unacknowledged.filter((a) => departments.some((d) => d.id === a.departmentId))).toHaveLength(n + 1);
        const ending = report!.endingSoon.find((a) => a.departmentId === departments[0].id)!;
        expect(ending).toMatchObject({ kind: 'deputy', validTo: '2026-03-20', department: { id: departments[0].id, name: departments[0].name }, person: { name: expect.any(String) } });
      }
    });

    it('keeps each section in its order: gaps and unacknowledged by department name, ending by last day', async () => {
      const report = await coordinators.coverage();
      expect(report.withoutPrimary.length).toBeGreaterThan(1);
      expect(report.withoutPrimary).toEqual(await coordinators.departmentsWithoutPrimary());
      const ends = report.endingSoon.map((a) => a.validTo!);
      expect(ends).toEqual([...ends].sort());
    });

    it('pages every section alike, each with its total, and keeps the totals past the last page', async () => {
      for (const name of ['Sidlucka A', 'Sidlucka B', 'Sidlucka C']) await ctx.given.department({ name });
      const whole = await coordinators.coverage({ limit: 200, offset: 0 });
      expect(whole.totals).toEqual({ withoutPrimary: whole.withoutPrimary.length, unacknowledged: whole.unacknowledged.length, endingSoon: whole.endingSoon.length });
      expect(whole.withoutPrimary.length).toBeGreaterThan(4);
      expect(whole.unacknowledged.length).toBeGreaterThan(4);
      expect(whole.endingSoon.length).toBeGreaterThan(1);
      const paged: typeof whole = { ...whole, withoutPrimary: [], unacknowledged: [], endingSoon: [] };
      let pages = 0;
      for (let offset = 0; ; offset += 2) {
        let page: typeof whole | undefined;
        expect(await statementsDuring(async () => (page = await coordinators.coverage({ limit: 2, offset })))).toHaveLength(1);
        expect(page!.totals).toEqual(whole.totals);
        if (page!.withoutPrimary.length + page!.unacknowledged.length + page!.endingSoon.length === 0) break;
        for (const section of ['withoutPrimary', 'unacknowledged', 'endingSoon'] as const) {
          expect(page![section].length).toBeLessThanOrEqual(2);
          (paged[section] as unknown[]).push(...page![section]);
        }
        pages++;
      }
      expect(pages).toBe(Math.ceil(Math.max(whole.totals.withoutPrimary, whole.totals.unacknowledged, whole.totals.endingSoon) / 2));
      expect(paged).toEqual(whole);
      // With no page named, a bounded first page.
      expect((await coordinators.coverage()).withoutPrimary).toEqual(whole.withoutPrimary.slice(0, COVERAGE_SECTION_LIMIT));
    });
  });

  describe('a department with its history (the department page, GET /api/v1/departments/{id}/coordinators?history=true)', () => {
    it('is one statement with one assignment and with ten, newest first', async () => {
      const department = await ctx.given.department({ name: 'Historisk förvaltning' });
      await ctx.given.coordinator(department, { validFrom: '2016-01-01' });
      const one = await statementsDuring(async () => expect((await coordinators.departmentWithHistory(department.id)).history).toHaveLength(1));
      expect(one).toHaveLength(1);
      for (let year = 2017; year <= 2025; year++) await ctx.given.coordinator(department, { validFrom: `${year}-01-01` });
      let found: Awaited<ReturnType<CoordinatorService['departmentWithHistory']>> | undefined;
      const ten = await statementsDuring(async () => (found = await coordinators.departmentWithHistory(department.id)));
      expect(ten).toHaveLength(1);
      expect(found!.department).toMatchObject({ id: department.id, name: 'Historisk förvaltning', committee: { id: department.committeeId } });
      expect(found!.history.map((a) => a.validFrom)).toEqual(Array.from({ length: 10 }, (_, i) => `${2025 - i}-01-01`));
      expect(found!.history[1]).toMatchObject({ validTo: '2024-12-31', endReason: 'Ersatt av ny samordnare', person: { name: expect.any(String) }, appointedBy: null });
      // The same as the entity read (TypeORM's hydration) it replaces.
      const hydrated = await ctx.dataSource
        .getRepository<object>('CoordinatorAssignmentEntity')
        .find({ where: { departmentId: department.id }, relations: { person: true, department: true, appointedBy: true }, order: { validFrom: 'DESC' } });
      expect(found!.history).toEqual(hydrated);
      expect(await statementsDuring(() => coordinators.listForDepartment(department.id, true))).toHaveLength(1);
    });

    it('reads one department with its committee (GET /api/v1/departments/{id}) in one statement', async () => {
      const department = await ctx.given.department({ name: 'Ensam förvaltning' });
      let found: DepartmentEntity | undefined;
      expect(await statementsDuring(async () => (found = await registry.getDepartment(department.id)))).toHaveLength(1);
      expect(found).toMatchObject({ id: department.id, name: 'Ensam förvaltning', committee: { id: department.committeeId } });
    });

    it('answers a department without assignments, and refuses one that does not exist, in one statement', async () => {
      const empty = await ctx.given.department();
      expect((await coordinators.departmentWithHistory(empty.id)).history).toEqual([]);
      const missing = await statementsDuring(() => expect(coordinators.departmentWithHistory('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' }));
      expect(missing).toHaveLength(1);
    });
  });

  describe('the page of departments with their coverage (/forvaltningar)', () => {
    it('is one statement at 3 departments and at 30, a page at a time', async () => {
      for (const n of [3, 30]) {
        await city(n, `Lista${n}`);
        let found: Awaited<ReturnType<CoordinatorService['departmentCoveragePage']>> | undefined;
        const statements = await statementsDuring(async () => (found = await coordinators.departmentCoveragePage({ search: `Lista${n} ` }, { limit: 10, offset: 0 })));
        expect(statements).toHaveLength(1);
        expect(found!.total).toBe(n);
        expect(found!.items).toHaveLength(Math.min(n, 10));
        expect(found!.items[0]).toMatchObject({ name: `Lista${n} 01`, assignments: [expect.objectContaining({ kind: 'primary', validFrom: '2026-01-01', person: { name: expect.any(String) } })] });
      }
      const last = await coordinators.departmentCoveragePage({ search: 'Lista30 ' }, { limit: 10, offset: 20 });
      expect(last.items.map((d) => d.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Lista30 ${21 + i}`));
      expect(await coordinators.departmentCoveragePage({ search: 'Lista30 ' }, { limit: 10, offset: 30 })).toEqual({ items: [], total: 30, totalAll: 30 });
    });

    it('finds by part of the name, the code or the committee, case-insensitively, with % and _ taken literally', async () => {
      const committee = await ctx.given.committee({ name: 'Kulturnämnden Sök' });
      const department = await ctx.given.department({ committeeId: committee.id, name: 'Bibliotek_100% Öst', code: 'BIBLÖST' });
      const ids = async (search: string) => (await coordinators.departmentCoveragePage({ search }, { limit: 200, offset: 0 })).items.map((d) => d.id);
      expect(await ids('bibliotek_100%')).toEqual([department.id]);
      expect(await ids('blöst')).toEqual([department.id]);
      expect(await ids('kulturnämnden sök')).toEqual([department.id]);
      expect(await ids('bibliotek_1000')).toEqual([]);
      expect(await ids('Bibliotek%Öst')).toEqual([]);
    });

    it('narrows to each coverage state exactly as the list shows the states', async () => {
      const prefix = 'Läge';
      const today = coordinators.today();
      const make = (name: string) => ctx.given.department({ name: `${prefix} ${name}` });
      const covered = await make('täckt');
      await coordinators.acknowledge(TEST_ACTOR, (await ctx.given.coordinator(covered, { validFrom: '2026-01-01' })).id);
      await make('saknar');
      const later = await make('senare');
      await ctx.given.coordinator(later, { validFrom: addDays(today, 10) });
      const ending = await make('slutar');
      await coordinators.acknowledge(TEST_ACTOR, (await ctx.given.coordinator(ending, { validFrom: '2026-01-01', validTo: addDays(today, 20) })).id);
      const handedOver = await make('överlämnas');
      await coordinators.acknowledge(TEST_ACTOR, (await ctx.given.coordinator(handedOver, { validFrom: '2026-01-01', validTo: addDays(today, 20) })).id);
      await ctx.given.coordinator(handedOver, { validFrom: addDays(today, 21) });
      const deputyEnding = await make('ersättare slutar');
      await coordinators.acknowledge(TEST_ACTOR, (await ctx.given.coordinator(deputyEnding, { validFrom: '2026-01-01' })).id);
      await coordinators.acknowledge(TEST_ACTOR, (await ctx.given.coordinator(deputyEnding, { kind: 'deputy', validFrom: '2026-01-01', validTo: addDays(today, 5) })).id);
      const farEnd = await make('slutar sent');
      await coordinators.acknowledge(TEST_ACTOR, (await ctx.given.coordinator(farEnd, { validFrom: '2026-01-01', validTo: addDays(today, 31) })).id);
      const inactive = await make('inaktiv');
      await registry.updateDepartment(TEST_ACTOR, inactive.id, { active: false });

      const all = (await coordinators.departmentCoveragePage({ search: prefix }, { limit: 200, offset: 0 })).items;
      expect(all).toHaveLength(8);
      for (const state of DEPARTMENT_COVERAGE_STATES) {
        const found = await coordinators.departmentCoveragePage({ search: prefix, state }, { limit: 200, offset: 0 });
        const expected = all.filter((d) => departmentCoverage(d, d.assignments, today).states.includes(state)).map((d) => d.name);
        expect({ state, names: found.items.map((d) => d.name) }).toEqual({ state, names: expected });
        expect(found.total).toBe(expected.length);
        expect(found.totalAll).toBe(8);
      }
      const names = async (state: (typeof DEPARTMENT_COVERAGE_STATES)[number]) =>
        (await coordinators.departmentCoveragePage({ search: prefix, state }, { limit: 200, offset: 0 })).items.map((d) => d.name.slice(prefix.length + 1));
      // The states themselves, so that the comparison above cannot pass by both being empty.
      expect(await names('missing')).toEqual(['saknar', 'senare']);
      expect(await names('endingSoon')).toEqual(['ersättare slutar', 'slutar']);
      expect(await names('unacknowledged')).toEqual(['senare', 'överlämnas']);
      expect(await names('covered')).toEqual(['slutar sent', 'täckt']);
      expect(await names('inactive')).toEqual(['inaktiv']);
    });
  });
});
