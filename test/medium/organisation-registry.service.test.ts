import { AuditEventEntity } from '@samverka/audit';
import { CommonErrorCode } from '@samverka/kernel';
import { OrganisationErrorCode, OrganisationModule, OrganisationRegistryService, PeopleService } from '@samverka/organisation';
import { codeOf } from '../support/code-of';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

describe(OrganisationRegistryService.name, () => {
  let ctx: MediumContext;
  let sut: OrganisationRegistryService;

  beforeAll(async () => {
    ctx = await mediumContext([OrganisationModule]);
    sut = ctx.get(OrganisationRegistryService);
  });
  afterAll(() => ctx.close());

  it('creates committees and departments with codes unique regardless of case', async () => {
    const committee = await sut.createCommittee(TEST_ACTOR, { code: 'ÖFN', name: 'Överförmyndarnämnden' });
    const department = await sut.createDepartment(TEST_ACTOR, { code: 'ÖFF', name: 'Överförmyndarförvaltningen', committeeId: committee.id });
    expect(department.committee?.name).toBe('Överförmyndarnämnden');
    expect(await codeOf(sut.createCommittee(TEST_ACTOR, { code: 'öfn', name: 'Dubblett' }))).toBe(CommonErrorCode.DUPLICATE);
    expect(await codeOf(sut.createDepartment(TEST_ACTOR, { code: 'öff', name: 'Dubblett', committeeId: committee.id }))).toBe(CommonErrorCode.DUPLICATE);
    expect((await sut.listDepartments({ code: 'öff' })).map((d) => d.id)).toEqual([department.id]);
  });

  it('settles a race between two creators of the same code with one winner', async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => sut.createCommittee(TEST_ACTOR, { code: 'RACE', name: `Nämnd ${i}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(4).fill(CommonErrorCode.DUPLICATE));
  });

  it('refuses departments under unknown or inactive committees', async () => {
    expect(await codeOf(sut.createDepartment(TEST_ACTOR, { code: 'X1', name: 'X', committeeId: '00000000-0000-4000-8000-000000000000' }))).toBe(
      CommonErrorCode.UNKNOWN_REFERENCE,
    );
    const committee = await ctx.given.committee();
    await sut.updateCommittee(TEST_ACTOR, committee.id, { active: false });
    expect(await codeOf(sut.createDepartment(TEST_ACTOR, { code: 'X2', name: 'X', committeeId: committee.id }))).toBe(OrganisationErrorCode.COMMITTEE_INACTIVE);
  });

  it('deletes only what nothing refers to; referenced rows can be deactivated instead', async () => {
    const committee = await ctx.given.committee();
    const department = await ctx.given.department({ committeeId: committee.id });
    expect(await codeOf(sut.deleteCommittee(TEST_ACTOR, committee.id))).toBe(OrganisationErrorCode.STILL_REFERENCED);
    await ctx.given.coordinator(department);
    expect(await codeOf(sut.deleteDepartment(TEST_ACTOR, department.id))).toBe(OrganisationErrorCode.STILL_REFERENCED);
    const deactivated = await sut.updateDepartment(TEST_ACTOR, department.id, { active: false });
    expect(deactivated.active).toBe(false);

    const lonely = await ctx.given.department();
    await sut.deleteDepartment(TEST_ACTOR, lonely.id);
    expect(await codeOf(sut.getDepartment(lonely.id))).toBe(CommonErrorCode.NOT_FOUND);
  });

  it('moves a department to another committee and audits before and after', async () => {
    const department = await ctx.given.department({ name: 'Gatukontoret' });
    const target = await ctx.given.committee({ name: 'Tekniska nämnden' });
    const moved = await sut.updateDepartment(TEST_ACTOR, department.id, { committeeId: target.id, name: 'Fastighets- och gatukontoret' });
    expect(moved.committee?.name).toBe('Tekniska nämnden');
    const [event] = await ctx.dataSource.getRepository<AuditEventEntity>('AuditEventEntity').findBy({ subjectId: department.id, action: 'department.updated' });
    expect(event.before).toMatchObject({ name: 'Gatukontoret', committeeId: department.committeeId });
    expect(event.after).toMatchObject({ name: 'Fastighets- och gatukontoret', committeeId: target.id });
    expect(event.actorLabel).toBe('test');
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const committee = await ctx.given.committee();
    const [event] = await ctx.dataSource.getRepository<AuditEventEntity>('AuditEventEntity').findBy({ subjectId: committee.id });
    await expect(ctx.dataSource.query(`update audit_event set action = 'x' where id = $1`, [event.id])).rejects.toThrow(/append-only/);
    await expect(ctx.dataSource.query(`delete from audit_event where id = $1`, [event.id])).rejects.toThrow(/append-only/);
  });
});

describe(PeopleService.name, () => {
  let ctx: MediumContext;
  let sut: PeopleService;

  beforeAll(async () => {
    ctx = await mediumContext([OrganisationModule]);
    sut = ctx.get(PeopleService);
  });
  afterAll(() => ctx.close());

  it('keeps e-mail addresses unique regardless of case and finds people by name or address', async () => {
    const person = await sut.create(TEST_ACTOR, { name: 'Åsa Ek', email: 'Asa.Ek@Malmo.example', title: ' Strateg ' });
    expect(person.title).toBe('Strateg');
    expect(await codeOf(sut.create(TEST_ACTOR, { name: 'Någon annan', email: 'asa.ek@malmo.example' }))).toBe(CommonErrorCode.DUPLICATE);
    expect((await sut.list({ email: 'ASA.EK@MALMO.EXAMPLE' })).map((p) => p.id)).toEqual([person.id]);
    expect((await sut.list({ q: 'åsa' })).map((p) => p.id)).toEqual([person.id]);
    expect(await sut.list({ q: '%' })).toEqual([]);
  });
});
