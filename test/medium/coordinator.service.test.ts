import { AuditEventEntity } from '@samverka/audit';
import { CommonErrorCode, DomainError } from '@samverka/kernel';
import { CoordinatorService, OrganisationErrorCode, OrganisationModule, OrganisationRegistryService, PeopleService } from '@samverka/organisation';
import { codeOf } from '../support/code-of';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';


describe(CoordinatorService.name, () => {
  let ctx: MediumContext;
  let sut: CoordinatorService;

  beforeAll(async () => {
    ctx = await mediumContext([OrganisationModule]); // today is 2026-03-02 in Stockholm
    sut = ctx.get(CoordinatorService);
  });
  afterAll(() => ctx.close());

  it('appoints a primary coordinator with the three default responsibilities', async () => {
    const department = await ctx.given.department();
    const person = await ctx.given.person({ name: 'Örjan Åström' });
    const a = await sut.appoint(TEST_ACTOR, department.id, { personId: person.id, kind: 'primary', mandate: 'Mandat', validFrom: '2026-03-01' });
    expect(a.person?.name).toBe('Örjan Åström');
    expect(a.responsibilities).toHaveLength(3);
    expect(a.responsibilities[0]).toMatch(/^Lyssna in de strategiska behoven/);
    expect(sut.statusOf(a)).toBe('active');
    expect(a.acknowledgedAt).toBeNull();
  });

  it('ends the previous primary the day before a new one starts, and keeps both in the history', async () => {
    const department = await ctx.given.department();
    const first = await ctx.given.coordinator(department, { validFrom: '2025-01-01' });
    const second = await ctx.given.coordinator(department, { validFrom: '2026-04-01' });

    const history = await sut.listForDepartment(department.id, true);
    expect(history.map((h) => h.id)).toEqual([second.id, first.id]);
    const ended = history.find((h) => h.id === first.id)!;
    expect(ended.validTo).toBe('2026-03-31');
    expect(ended.endReason).toBe('Ersatt av ny samordnare');
    // Today (2 March) the first is still the active primary; the second is scheduled.
    const current = await sut.listForDepartment(department.id);
    expect(current.map((c) => [c.id, sut.statusOf(c)])).toEqual([
      [first.id, 'active'],
      [second.id, 'scheduled'],
    ]);
    const audit = await ctx.dataSource.getRepository<AuditEventEntity>('AuditEventEntity').findBy({ subjectId: first.id, action: 'coordinator.replaced' });
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ validTo: null });
    expect(audit[0].after).toMatchObject({ validTo: '2026-03-31' });
  });

  it('refuses a primary that would start on or before an existing primary, writing nothing', async () => {
    const department = await ctx.given.department();
    const existing = await ctx.given.coordinator(department, { validFrom: '2026-02-01' });
    const peopleBefore = (await ctx.get(PeopleService).list()).length;

    const code = await codeOf(
      sut.appoint(TEST_ACTOR, department.id, {
        person: { name: 'Ny Person', email: 'ny.person@malmo.example' },
        kind: 'primary',
        mandate: 'Mandat',
        validFrom: '2026-02-01',
      }),
    );
    expect(code).toBe(OrganisationErrorCode.ASSIGNMENT_OVERLAP);
    // The inline person was not created and the existing primary was not shortened.
    expect((await ctx.get(PeopleService).list()).length).toBe(peopleBefore);
    expect((await sut.get(existing.id)).validTo).toBeNull();
  });

  it('refuses a time-limited primary that would run into a primary appointed for later', async () => {
    const department = await ctx.given.department();
    await ctx.given.coordinator(department, { validFrom: '2026-06-01' });
    const code = await codeOf(ctx.given.coordinator(department, { validFrom: '2026-01-01', validTo: '2026-12-31' }));
    expect(code).toBe(OrganisationErrorCode.ASSIGNMENT_OVERLAP);
    // …but one that ends before it starts is fine.
    const bridging = await ctx.given.coordinator(department, { validFrom: '2026-01-01', validTo: '2026-05-31' });
    expect(bridging.validTo).toBe('2026-05-31');
  });

  it('lets deputies serve beside the primary, but never the same person twice at once', async () => {
    const department = await ctx.given.department();
    const primary = await ctx.given.coordinator(department, { validFrom: '2026-01-01' });
    const deputyPerson = await ctx.given.person();
    await ctx.given.coordinator(department, { kind: 'deputy', personId: deputyPerson.id, validFrom: '2026-01-01' });
    await ctx.given.coordinator(department, { kind: 'deputy', validFrom: '2026-01-01' });
    expect((await sut.get(primary.id)).validTo).toBeNull();

    expect(await codeOf(ctx.given.coordinator(department, { kind: 'deputy', personId: deputyPerson.id, validFrom: '2026-02-01' }))).toBe(
      OrganisationErrorCode.ASSIGNMENT_OVERLAP,
    );
    expect(await codeOf(ctx.given.coordinator(department, { kind: 'deputy', personId: primary.personId, validFrom: '2026-02-01' }))).toBe(
      OrganisationErrorCode.ASSIGNMENT_OVERLAP,
    );
  });

  it('rejects invalid periods, unknown people and inactive departments', async () => {
    const department = await ctx.given.department();
    expect(await codeOf(ctx.given.coordinator(department, { validFrom: '2026-05-01', validTo: '2026-04-30' }))).toBe(CommonErrorCode.VALIDATION_FAILED);
    expect(await codeOf(ctx.given.coordinator(department, { personId: '00000000-0000-4000-8000-000000000000' }))).toBe(CommonErrorCode.UNKNOWN_REFERENCE);
    const person = await ctx.given.person();
    expect(
      await codeOf(sut.appoint(TEST_ACTOR, department.id, { personId: person.id, kind: 'primary', mandate: 'M', validFrom: '2026-01-01', responsibilities: ['  '] })),
    ).toBe(CommonErrorCode.VALIDATION_FAILED);
    expect(await codeOf(sut.appoint(TEST_ACTOR, '00000000-0000-4000-8000-000000000000', { personId: person.id, kind: 'primary', mandate: 'M', validFrom: '2026-01-01' }))).toBe(
      CommonErrorCode.NOT_FOUND,
    );
    const inactive = await ctx.given.department();
    await ctx.get(OrganisationRegistryService).updateDepartment(TEST_ACTOR, inactive.id, { active: false });
    expect(await codeOf(ctx.given.coordinator(inactive))).toBe(OrganisationErrorCode.DEPARTMENT_INACTIVE);
  });

  it('records acknowledgement once, and refuses to acknowledge an ended assignment', async () => {
    const department = await ctx.given.department();
    const a = await ctx.given.coordinator(department, { validFrom: '2026-01-01' });
    const first = await sut.acknowledge(TEST_ACTOR, a.id);
    expect(first.acknowledgedAt).toEqual(ctx.clock.now());
    ctx.clock.advanceDays(1);
    const again = await sut.acknowledge(TEST_ACTOR, a.id);
    expect(again.acknowledgedAt).toEqual(first.acknowledgedAt);

    const old = await ctx.given.coordinator(department, { kind: 'deputy', validFrom: '2025-01-01', validTo: '2025-12-31' });
    expect(await codeOf(sut.acknowledge(TEST_ACTOR, old.id))).toBe(OrganisationErrorCode.ASSIGNMENT_ENDED);
    ctx.clock.set(new Date('2026-03-02T09:00:00Z'));
  });

  it('ends an assignment today by default, can shorten but never lengthen, and not end twice', async () => {
    const department = await ctx.given.department();
    const a = await ctx.given.coordinator(department, { validFrom: '2026-01-01', validTo: '2026-12-31' });
    expect(await codeOf(sut.end(TEST_ACTOR, a.id, { validTo: '2027-01-31' }))).toBe(CommonErrorCode.VALIDATION_FAILED);
    expect(await codeOf(sut.end(TEST_ACTOR, a.id, { validTo: '2025-12-31' }))).toBe(CommonErrorCode.VALIDATION_FAILED);
    const ended = await sut.end(TEST_ACTOR, a.id, { reason: 'Byter tjänst' });
    expect(ended.validTo).toBe('2026-03-02');
    expect(ended.endReason).toBe('Byter tjänst');
    ctx.clock.advanceDays(1);
    expect(sut.statusOf(ended)).toBe('ended');
    expect(await codeOf(sut.end(TEST_ACTOR, a.id, {}))).toBe(OrganisationErrorCode.ASSIGNMENT_ENDED);
    ctx.clock.set(new Date('2026-03-02T09:00:00Z'));
  });

  it('serialises concurrent appointments in one department: one primary wins, the rest are refused', async () => {
    const department = await ctx.given.department();
    const people = await Promise.all(Array.from({ length: 8 }, () => ctx.given.person()));
    const results = await Promise.allSettled(
      people.map((p) => sut.appoint(TEST_ACTOR, department.id, { personId: p.id, kind: 'primary', mandate: 'M', validFrom: '2026-03-01' })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as DomainError).code)).toEqual(Array(7).fill(OrganisationErrorCode.ASSIGNMENT_OVERLAP));
    const [{ count }] = await ctx.dataSource.query(
      `select count(*)::int as count from coordinator_assignment where department_id = $1 and kind = 'primary'`,
      [department.id],
    );
    expect(count).toBe(1);
  });

  it('reports coverage: departments without a primary today, unacknowledged and soon-ending assignments', async () => {
    const covered = await ctx.given.department({ name: 'Täckt förvaltning' });
    const a = await ctx.given.coordinator(covered, { validFrom: '2026-01-01' });
    await sut.acknowledge(TEST_ACTOR, a.id);
    const uncovered = await ctx.given.department({ name: 'Ötäckt förvaltning' });
    const later = await ctx.given.department({ name: 'Senare förvaltning' });
    await ctx.given.coordinator(later, { validFrom: '2026-04-01' });
    const ending = await ctx.given.department({ name: 'Slutande förvaltning' });
    const soon = await ctx.given.coordinator(ending, { validFrom: '2025-01-01', validTo: '2026-03-31' });
    const notSoon = await ctx.given.coordinator(ending, { kind: 'deputy', validFrom: '2025-01-01', validTo: '2026-04-02' });

    const report = await sut.coverage();
    expect(report.date).toBe('2026-03-02');
    const gaps = report.withoutPrimary.map((g) => g.departmentId);
    expect(gaps).toEqual(expect.arrayContaining([uncovered.id, later.id]));
    expect(gaps).not.toContain(covered.id);
    expect(gaps).not.toContain(ending.id);
    expect(report.withoutPrimary.find((g) => g.departmentId === later.id)?.nextPrimaryFrom).toBe('2026-04-01');
    expect(report.unacknowledged.map((u) => u.departmentId)).toEqual(expect.arrayContaining([later.id, ending.id]));
    expect(report.unacknowledged.map((u) => u.id)).not.toContain(a.id);
    expect(report.endingSoon.map((e) => e.id)).toContain(soon.id);
    expect(report.endingSoon.map((e) => e.id)).not.toContain(notSoon.id);
  });
});
