import { NotificationAdminService, NotificationsModule } from '@samverka/notifications';
import { OrganisationModule, PeopleService } from '@samverka/organisation';
import { mediumContext, MediumContext } from '../support/medium';
import { statementsDuring } from '../support/statements';

/** The admin's outbox and the people directory page: a bounded answer, with the total, also past the last page. */
describe('list paging', () => {
  let ctx: MediumContext;

  beforeAll(async () => {
    ctx = await mediumContext([OrganisationModule, NotificationsModule]);
  });
  afterAll(() => ctx.close());

  /** `n` emails of one kind, the newest last: `<prefix> 1` … `<prefix> n`. */
  async function emails(n: number, prefix: string, status = 'sent'): Promise<void> {
    await ctx.dataSource.query(
      `insert into notification (kind, dedup_key, recipient_email, recipient_name, data, status, attempts, next_attempt_at, created_at)
       select 'needs.escalation', $1 || ':' || i, 'chef@malmo.example', $1 || ' ' || i, '{"big": "data"}'::jsonb, $2::notification_status, 1, now(),
              now() - interval '1 day' + i * interval '1 second'
         from generate_series(1, $3::int) i`,
      [prefix, status, n],
    );
  }

  describe(NotificationAdminService.name, () => {
    it('answers a page of the outbox, newest first, with the total, in one statement at 3 emails and at 300', async () => {
      const sut = ctx.get(NotificationAdminService);
      for (const [n, status] of [[3, 'failed'], [300, 'sent']] as const) {
        await emails(n, `Mottagare${n}`, status);
        let page: Awaited<ReturnType<NotificationAdminService['list']>> | undefined;
        const statements = await statementsDuring(async () => (page = await sut.list({ status, limit: 50, offset: 0 })));
        expect(statements).toHaveLength(1);
        expect(page!.total).toBe(n);
        expect(page!.items).toHaveLength(Math.min(n, 50));
        expect(page!.items[0]).toEqual({
          id: expect.any(String),
          kind: 'needs.escalation',
          status,
          recipientEmail: 'chef@malmo.example',
          recipientName: `Mottagare${n} ${n}`,
          attempts: 1,
          nextAttemptAt: expect.any(Date),
          lastError: null,
          sentAt: null,
          createdAt: expect.any(Date),
        });
      }
      const last = await sut.list({ status: 'sent', kind: 'needs.escalation', limit: 50, offset: 250 });
      expect(last.items.map((i) => i.recipientName)).toEqual(Array.from({ length: 50 }, (_, i) => `Mottagare300 ${50 - i}`));
      expect(await sut.list({ status: 'sent', limit: 50, offset: 300 })).toEqual({ items: [], total: 300 });
      expect(await sut.list({ kind: 'plan.adopted', limit: 50, offset: 0 })).toEqual({ items: [], total: 0 });
      expect((await sut.list({ limit: 1, offset: 0 })).total).toBe(303);
    });
  });

  describe(PeopleService.name, () => {
    it('answers a page of people by name with how many match, and an empty page past the end', async () => {
      const sut = ctx.get(PeopleService);
      for (let i = 1; i <= 5; i++) await ctx.given.person({ name: `Sidperson ${i}` });
      const last = await sut.page({ q: 'sidperson' }, { limit: 2, offset: 4 });
      expect(last.total).toBe(5);
      expect(last.items.map((p) => p.name)).toEqual(['Sidperson 5']);
      expect(await sut.page({ q: 'sidperson' }, { limit: 2, offset: 6 })).toEqual({ items: [], total: 5 });
      expect((await sut.page({}, { limit: 200, offset: 0 })).items.map((p) => p.name)).toEqual(expect.arrayContaining(['Sidperson 1', 'Sidperson 5']));
    });
  });
});
