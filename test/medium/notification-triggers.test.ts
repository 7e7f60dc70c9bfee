import { CLI_ACTOR } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { IdentityModule, RecipientDirectory, UserAdminService } from '@samverka/identity';
import { NotificationEntity } from '@samverka/notifications';
import { CoordinatorService, CoverageAlertService, CoverageAlertsModule, DepartmentEntity, OrganisationErrorCode } from '@samverka/organisation';
import { codeOf } from '../support/code-of';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const START = new Date('2026-03-02T09:00:00Z'); // 2 March 2026 in Stockholm

describe('notification triggers', () => {
  let ctx: MediumContext;

  beforeAll(async () => {
    ctx = await mediumContext([IdentityModule, CoverageAlertsModule.register({ imports: [IdentityModule], managers: RecipientDirectory })], START, { PUBLIC_URL: 'https://samverka.malmo.example' });
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.clock.set(START));

  const notifications = (keyPrefix: string) =>
    ctx.dataSource
      .getRepository<NotificationEntity>('NotificationEntity')
      .createQueryBuilder('n')
      .where('n.dedup_key like :prefix', { prefix: `${keyPrefix}%` })
      .orderBy('n.dedup_key')
      .getMany();

  describe('coordinator appointed', () => {
    const appoint = (departmentId: string, personId: string, actor = TEST_ACTOR) =>
      ctx.get(CoordinatorService).appoint(actor, departmentId, { personId, kind: 'primary', mandate: 'Mandat att företräda', validFrom: '2026-03-01', validTo: '2027-02-28' });

    it('queues exactly one email to the appointed person with the assignment, in the appointment', async () => {
      const department = await ctx.given.department({ name: 'Förskoleförvaltningen' });
      const person = await ctx.given.person({ name: 'Örjan Åström', email: 'orjan.astrom@malmo.example' });
      const assignment = await appoint(department.id, person.id);

      const queued = await notifications(`coordinator.appointed:${assignment.id}`);
      expect(queued).toHaveLength(1);
      expect(queued[0]).toMatchObject({
        kind: 'coordinator.appointed',
        dedupKey: `coordinator.appointed:${assignment.id}`,
        recipientEmail: 'orjan.astrom@malmo.example',
        recipientName: 'Örjan Åström',
        recipientPersonId: person.id,
        status: 'pending',
        data: {
          departmentName: 'Förskoleförvaltningen',
          kind: 'primary',
          mandate: 'Mandat att företräda',
          responsibilities: assignment.responsibilities,
          validFrom: '2026-03-01',
          validTo: '2027-02-28',
          acknowledgeUrl: `https://samverka.malmo.example/forvaltningar/${department.id}/uppdrag/${assignment.id}/bekrafta`,
          appointedBy: 'test',
          round: null,
        },
      });
    });

    it('names no appointer when a machine (cli, system, demo seeding) appointed', async () => {
      const department = await ctx.given.department();
      const person = await ctx.given.person();
      const assignment = await appoint(department.id, person.id, CLI_ACTOR);
      const [queued] = await notifications(`coordinator.appointed:${assignment.id}`);
      expect(queued.data.appointedBy).toBeNull();
    });

    it('queues nothing for a refused appointment, nor when the transaction around it rolls back', async () => {
      const department = await ctx.given.department();
      await ctx.given.coordinator(department, { validFrom: '2026-02-01' });
      const person = await ctx.given.person();
      const before = (await notifications('coordinator.appointed:')).length;

      const code = await codeOf(ctx.get(CoordinatorService).appoint(TEST_ACTOR, department.id, { personId: person.id, kind: 'primary', mandate: 'M', validFrom: '2026-02-01' }));
      expect(code).toBe(OrganisationErrorCode.ASSIGNMENT_OVERLAP);

      let appointedId: string | undefined;
      await expect(
        ctx.get(TransactionHost).run(async () => {
          appointedId = (await ctx.get(CoordinatorService).appoint(TEST_ACTOR, department.id, { personId: person.id, kind: 'deputy', mandate: 'M', validFrom: '2026-03-01' })).id;
          throw new Error('something later in the same transaction fails');
        }),
      ).rejects.toThrow('something later');
      expect(appointedId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await notifications(`coordinator.appointed:${appointedId}`)).toEqual([]);
      expect((await notifications('coordinator.appointed:')).length).toBe(before);
    });
  });

  describe('department lacks a coordinator', () => {
    const sweep = () => ctx.get(CoverageAlertService).sweep();
    const lacking = (department: DepartmentEntity) => notifications(`department.lacks_coordinator:${department.id}:`);

    /** A department whose primary ended 27 February 2026: its gap starts 28 February (2 days open on 2 March). */
    async function departmentWithGap() {
      const department = await ctx.given.department();
      await ctx.given.coordinator(department, { validFrom: '2025-01-01', validTo: '2026-02-27' });
      return department;
    }

    it('tells each active manager once per gap, not again on the next sweep, and again after 14 days', async () => {
      const department = await departmentWithGap();
      const [m1, m2] = await Promise.all([
        ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: department.id }] }),
        ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: department.id }] }),
      ]);
      // Somebody else's manager and a city-wide admin are not told.
      const other = await ctx.given.department();
      await ctx.given.coordinator(other, { validFrom: '2025-01-01' });
      await ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: other.id }, { role: 'admin' }] });

      const first = await sweep();
      expect(first.queued).toBeGreaterThanOrEqual(2);
      const queued = await lacking(department);
      expect(queued.map((n) => n.dedupKey).sort()).toEqual(
        [m1, m2].map((m) => `department.lacks_coordinator:${department.id}:2026-02-28:${m.user.id}`).sort(),
      );
      expect(queued.map((n) => n.recipientEmail).sort()).toEqual([m1.email, m2.email].sort());
      expect(queued[0].data).toEqual({
        departmentName: department.name,
        since: '2026-02-28',
        daysOpen: 2,
        reminder: false,
        departmentUrl: `https://samverka.malmo.example/forvaltningar/${department.id}`,
      });
      expect(await lacking(other)).toEqual([]);

      // Every minute the worker sweeps again: nothing new.
      expect((await sweep()).queued).toBe(0);
      ctx.clock.advanceDays(11); // 13 March: 13 days open
      expect((await sweep()).queued).toBe(0);
      expect(await lacking(department)).toHaveLength(2);

      ctx.clock.advanceDays(1); // 14 March: 14 days open
      expect((await sweep()).queued).toBe(2);
      const reminders = (await lacking(department)).filter((n) => n.dedupKey.endsWith(':14d'));
      expect(reminders.map((n) => n.dedupKey).sort()).toEqual(
        [m1, m2].map((m) => `department.lacks_coordinator:${department.id}:2026-02-28:${m.user.id}:14d`).sort(),
      );
      expect(reminders[0].data).toMatchObject({ since: '2026-02-28', daysOpen: 14, reminder: true });
      ctx.clock.advanceDays(5);
      expect((await sweep()).queued).toBe(0);
    });

    it('queues nothing for a department that got a primary again, and starts a new gap from its own first day', async () => {
      const department = await departmentWithGap();
      const manager = await ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: department.id }] });
      await ctx.given.coordinator(department, { validFrom: '2026-03-01', validTo: '2026-03-09' });
      await sweep();
      expect(await lacking(department)).toEqual([]);

      ctx.clock.advanceDays(10); // 12 March: the new primary ended 9 March
      await sweep();
      expect((await lacking(department)).map((n) => n.dedupKey)).toEqual([`department.lacks_coordinator:${department.id}:2026-03-10:${manager.user.id}`]);
    });

    it('dates a gap from the day the department was created (Stockholm) when it never had a primary', async () => {
      const department = await ctx.given.department();
      await ctx.dataSource.query(`update department set created_at = '2026-02-09T23:30:00Z' where id = $1`, [department.id]); // 10 February in Stockholm
      const manager = await ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: department.id }] });
      await sweep();
      // First seen 20 days into the gap: one email, worded as a first notice, not a notice and a reminder at once.
      const queued = await lacking(department);
      expect(queued.map((n) => n.dedupKey)).toEqual([`department.lacks_coordinator:${department.id}:2026-02-10:${manager.user.id}:14d`]);
      expect(queued[0].data).toMatchObject({ since: '2026-02-10', daysOpen: 20, reminder: false });
      await sweep();
      expect(await lacking(department)).toHaveLength(1);
    });

    it('tells no disabled manager and no manager whose role was revoked', async () => {
      const department = await departmentWithGap();
      const users = ctx.get(UserAdminService);
      const [disabled, revoked, active] = await Promise.all([0, 1, 2].map(() => ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: department.id }] })));
      await users.disable(TEST_ACTOR, disabled.user.id);
      await users.revokeRole(TEST_ACTOR, revoked.user.id, revoked.grants[0].id);
      await sweep();
      expect((await lacking(department)).map((n) => n.recipientEmail)).toEqual([active.email]);
    });

    it('tells nobody about an inactive department', async () => {
      const department = await departmentWithGap();
      await ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: department.id }] });
      await ctx.dataSource.query(`update department set active = false where id = $1`, [department.id]);
      await sweep();
      expect(await lacking(department)).toEqual([]);
    });
  });
});
