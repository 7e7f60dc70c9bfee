import { AuditEventEntity } from '@samverka/audit';
import { AuthedApi, e2eContext, E2eContext } from '../support/e2e';

describe('notifications over the API', () => {
  let ctx: E2eContext;
  let adminUser: AuthedApi;
  let nobody: AuthedApi;

  beforeAll(async () => {
    ctx = await e2eContext();
    [adminUser, nobody] = await Promise.all([ctx.as([{ role: 'admin' }]), ctx.as('nobody')]);
  });
  afterAll(() => ctx?.close());

  let n = 0;
  async function notification(values: { status: string; kind?: string; lastError?: string | null }): Promise<string> {
    const [row] = (await ctx.dataSource.query(
      `insert into notification (kind, dedup_key, recipient_email, recipient_name, data, status, attempts, next_attempt_at, last_error, sent_at)
       values ($1, $2, 'mottagare@malmo.example', 'Märta Mottagare', '{}'::jsonb, $3, $4, now() + interval '1 hour', $5, $6) returning id`,
      [
        values.kind ?? 'coordinator.appointed',
        `e2e:${n++}:${Date.now()}`,
        values.status,
        values.status === 'failed' ? 5 : values.status === 'sent' ? 1 : 0,
        values.lastError ?? null,
        values.status === 'sent' ? new Date() : null,
      ],
    )) as Array<{ id: string }>;
    return row.id;
  }

  describe('preferences', () => {
    it('gives the default (biweekly) and the kinds that always go out, and keeps a new choice', async () => {
      const me = await ctx.as('nobody');
      const first = await me.api('GET', '/api/v1/me/notification-preferences');
      expect(first.status).toBe(200);
      expect(first.body.digestFrequency).toBe('biweekly');
      expect(first.body.mandatoryKinds).toEqual(
        expect.arrayContaining([
          { kind: 'coordinator.appointed', description: expect.any(String) },
          { kind: 'department.lacks_coordinator', description: expect.any(String) },
        ]),
      );
      // The status digest is the one kind the frequency governs.
      expect(first.body.mandatoryKinds.map((k: { kind: string }) => k.kind)).not.toContain('digest.status');

      for (const digestFrequency of ['weekly', 'monthly', 'off', 'off']) {
        const put = await me.api('PUT', '/api/v1/me/notification-preferences', { digestFrequency });
        expect({ status: put.status, digestFrequency: put.body.digestFrequency }).toEqual({ status: 200, digestFrequency });
      }
      expect((await me.api('GET', '/api/v1/me/notification-preferences')).body.digestFrequency).toBe('off');
      // Someone else's stays as it was.
      expect((await nobody.api('GET', '/api/v1/me/notification-preferences')).body.digestFrequency).toBe('biweekly');
    });

    it.each([
      ['an unknown frequency', { digestFrequency: 'daily' }, 'digestFrequency'],
      ['no frequency', {}, 'digestFrequency'],
      ['a number', { digestFrequency: 7 }, 'digestFrequency'],
      ['an unknown field', { digestFrequency: 'weekly', kinds: [] }, 'kinds'],
    ])('refuses %s with 400 naming the field', async (_what, body, field) => {
      const res = await nobody.api('PUT', '/api/v1/me/notification-preferences', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('the admin outbox', () => {
    it('lists newest first, filtered by status and kind, with the total and the error', async () => {
      const failed = await notification({ status: 'failed', lastError: '550 mailbox unavailable' });
      const sent = await notification({ status: 'sent' });
      const lacking = await notification({ status: 'failed', kind: 'department.lacks_coordinator', lastError: 'timeout' });

      const all = await adminUser.api('GET', '/api/v1/admin/notifications');
      expect(all.status).toBe(200);
      expect(all.body.items.map((i: { id: string }) => i.id).slice(0, 3)).toEqual([lacking, sent, failed]);
      expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0 });

      const failedOnes = await adminUser.api('GET', '/api/v1/admin/notifications?status=failed');
      expect(failedOnes.body.items.map((i: { id: string }) => i.id)).toEqual([lacking, failed]);
      expect(failedOnes.body.items[1]).toMatchObject({ status: 'failed', lastError: '550 mailbox unavailable', recipientEmail: 'mottagare@malmo.example', attempts: 5 });

      const byKind = await adminUser.api('GET', '/api/v1/admin/notifications?status=failed&kind=coordinator.appointed');
      expect(byKind.body.items.map((i: { id: string }) => i.id)).toEqual([failed]);
      expect(byKind.body.total).toBe(1);

      const paged = await adminUser.api('GET', '/api/v1/admin/notifications?limit=1&offset=1');
      expect(paged.body.items.map((i: { id: string }) => i.id)).toEqual([sent]);
      expect(paged.body.total).toBe(3);

      for (const query of ['status=lost', 'kind=other.kind', 'limit=0', 'limit=x', 'offset=-1']) {
        const bad = await adminUser.api('GET', `/api/v1/admin/notifications?${query}`);
        expect({ query, status: bad.status }).toEqual({ query, status: 400 });
      }
    });

    it('sends a failed email again: pending now, attempts from zero, the error kept until the next attempt, audited', async () => {
      const id = await notification({ status: 'failed', lastError: '550 mailbox unavailable' });
      const res = await adminUser.api('POST', `/api/v1/admin/notifications/${id}/retry`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, status: 'pending', attempts: 0, lastError: '550 mailbox unavailable' });
      expect(new Date(res.body.nextAttemptAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);

      const audit = await ctx.dataSource.getRepository<AuditEventEntity>('AuditEventEntity').findBy({ subjectId: id, action: 'notification.retried' });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: adminUser.personId, before: { status: 'failed', attempts: 5 }, after: { status: 'pending', attempts: 0 } });

      // It is no longer failed: a second retry is refused.
      const again = await adminUser.api('POST', `/api/v1/admin/notifications/${id}/retry`);
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'NOTIFICATION_NOT_RETRYABLE' });
    });

    it('gives an email as sent: subject, both parts greeting by first name, and the calendar file; says why one cannot be rendered', async () => {
      const [row] = (await ctx.dataSource.query(
        `insert into notification (kind, dedup_key, recipient_email, recipient_name, data, status, attempts, next_attempt_at)
         values ('department.lacks_coordinator', $1, 'helena.ljung@malmo.example', 'Helena Ljung', $2::jsonb, 'sent', 1, now()) returning id`,
        [`e2e:message:${Date.now()}`, JSON.stringify({ departmentName: 'Förskoleförvaltningen', since: '2026-02-20', daysOpen: 0, reminder: false, departmentUrl: 'https://x.example/f' })],
      )) as Array<{ id: string }>;
      const res = await adminUser.api('GET', `/api/v1/admin/notifications/${row.id}/message`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ notification: { id: row.id, status: 'sent' }, subject: 'Förskoleförvaltningen saknar samordnare för medborgarservice', attachments: [], renderError: null });
      expect(res.body.text).toContain('Hej Helena!');
      expect(res.body.html).toContain('Hej Helena!');

      const broken = await notification({ status: 'failed' }); // '{}' fits no template
      const unrendered = await adminUser.api('GET', `/api/v1/admin/notifications/${broken}/message`);
      expect(unrendered.status).toBe(200);
      expect(unrendered.body).toMatchObject({ subject: null, html: null, text: null, renderError: expect.stringContaining('not defined') });
      expect((await adminUser.api('GET', '/api/v1/admin/notifications/00000000-0000-4000-8000-000000000000/message')).status).toBe(404);
    });

    it('refuses to retry a sent email (409), and an unknown one is 404', async () => {
      const sent = await notification({ status: 'sent' });
      const res = await adminUser.api('POST', `/api/v1/admin/notifications/${sent}/retry`);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'NOTIFICATION_NOT_RETRYABLE' });
      const [row] = (await ctx.dataSource.query(`select status from notification where id = $1`, [sent])) as Array<{ status: string }>;
      expect(row.status).toBe('sent');

      expect((await adminUser.api('POST', '/api/v1/admin/notifications/00000000-0000-4000-8000-000000000000/retry')).status).toBe(404);
      expect((await adminUser.api('POST', '/api/v1/admin/notifications/not-an-id/retry')).status).toBe(404);
    });

    it('is for admins only', async () => {
      const id = await notification({ status: 'failed', lastError: 'x' });
      const [strategist, manager] = await Promise.all([ctx.as([{ role: 'strategist' }]), ctx.as([{ role: 'management', departmentId: (await ctx.given.department()).id }])]);
      for (const user of [strategist, manager, nobody]) {
        expect((await user.api('GET', '/api/v1/admin/notifications')).status).toBe(403);
        expect((await user.api('POST', `/api/v1/admin/notifications/${id}/retry`)).status).toBe(403);
      }
      expect((await ctx.api('GET', '/api/v1/admin/notifications')).status).toBe(401);
      const [row] = (await ctx.dataSource.query(`select status from notification where id = $1`, [id])) as Array<{ status: string }>;
      expect(row.status).toBe('failed');
    });
  });
});
