import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { TransactionHost } from '@samverka/database';
import {
  Mailer,
  NotificationDispatcher,
  NotificationEntity,
  NotificationKinds,
  NotificationOutbox,
  NotificationRenderer,
  NotificationsModule,
  OutgoingMail,
  SentMail,
  SmtpMailer,
} from '@samverka/notifications';
import { simpleParser } from 'mailparser';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mediumContext, MediumContext } from '../support/medium';
import { TestSmtpServer } from '../support/smtp';

/**
 * The dispatcher against a real SMTP server, with a clock the test moves:
 * retries and their backoff, giving up, and a worker that dies holding a batch.
 * Settings: 3 attempts, retries after 30 s then 60 s, a lease of 5 s.
 */
const alert = (departmentName: string): NotificationKinds['department.lacks_coordinator'] => ({
  departmentName,
  since: '2026-02-20',
  daysOpen: 10,
  reminder: false,
  departmentUrl: 'http://localhost:3000/forvaltningar/x',
});

describe('sending queued emails (dispatcher, real SMTP server)', () => {
  let smtp: TestSmtpServer;
  let ctx: MediumContext;
  let config: SamverkaConfig;
  let sut: NotificationDispatcher;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    ctx = await mediumContext([NotificationsModule], new Date('2026-03-02T09:00:00Z'), {
      SMTP_URL: smtp.url,
      MAIL_MAX_ATTEMPTS: '3',
      MAIL_RETRY_BASE_SECONDS: '30',
      MAIL_LEASE_SECONDS: '5',
    });
    config = ctx.moduleRef.get(SAMVERKA_CONFIG);
    sut = ctx.get(NotificationDispatcher);
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.stop();
  });

  const enqueue = (departmentName: string, key = `test:${randomBytes(6).toString('hex')}`) =>
    ctx
      .get(TransactionHost)
      .run(() => ctx.get(NotificationOutbox).enqueue('department.lacks_coordinator', { email: 'chef@malmo.example', name: 'Märta Chef' }, alert(departmentName), key))
      .then(async (queued) => ({ queued, key, row: await ctx.dataSource.getRepository<NotificationEntity>('NotificationEntity').findOneByOrFail({ dedupKey: key }) }));
  const reload = (id: string) => ctx.dataSource.getRepository<NotificationEntity>('NotificationEntity').findOneByOrFail({ id });
  const messageIdOf = (id: string) => `<${id}@localhost>`;
  const advance = (seconds: number) => ctx.clock.set(new Date(ctx.clock.now().getTime() + seconds * 1000));

  it('sends a queued email once, however often the same key is queued', async () => {
    const first = await enqueue('Fastighetskontoret', 'test:same-key');
    const again = await enqueue('Fastighetskontoret (igen)', 'test:same-key');
    expect([first.queued, again.queued]).toEqual([true, false]);

    expect(await sut.dispatchDue('w1')).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await sut.dispatchDue('w1')).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(smtp.count(messageIdOf(first.row.id))).toBe(1);
    expect(smtp.received.at(-1)!.parsed.subject).toBe('Fastighetskontoret saknar samordnare för medborgarservice');
    const row = await reload(first.row.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, messageId: messageIdOf(first.row.id), lastError: null, lockedBy: null });
    expect(row.sentAt).toEqual(ctx.clock.now());
  });

  it('retries while the SMTP server refuses, with growing pauses, and delivers once', async () => {
    const { row } = await enqueue('Stadsbyggnadskontoret');
    smtp.refuseNext(2, 451);
    const start = ctx.clock.now().getTime();

    expect(await sut.dispatchDue('w1')).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let r = await reload(row.id);
    expect(r.status).toBe('pending');
    expect(r.lastError).toMatch(/451/);
    expect(r.nextAttemptAt.getTime()).toBe(start + 30_000);

    advance(29);
    expect(await sut.dispatchDue('w1')).toEqual({ sent: 0, retrying: 0, failed: 0 }); // not due yet
    advance(1);
    expect(await sut.dispatchDue('w1')).toEqual({ sent: 0, retrying: 1, failed: 0 });
    r = await reload(row.id);
    expect(r.nextAttemptAt.getTime()).toBe(start + 30_000 + 60_000);

    advance(60);
    expect(await sut.dispatchDue('w1')).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.refused).toBeGreaterThanOrEqual(2);
    expect(smtp.count(messageIdOf(row.id))).toBe(1);
    expect(await reload(row.id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('gives up after the last attempt when the SMTP server stays down, and keeps the error', async () => {
    const { row } = await enqueue('Kulturförvaltningen');
    await smtp.stop();
    try {
      expect(await sut.dispatchDue('w1')).toEqual({ sent: 0, retrying: 1, failed: 0 });
      advance(30);
      expect(await sut.dispatchDue('w1')).toEqual({ sent: 0, retrying: 1, failed: 0 });
      advance(60);
      expect(await sut.dispatchDue('w1')).toEqual({ sent: 0, retrying: 0, failed: 1 });
      advance(3600);
      expect(await sut.dispatchDue('w1')).toEqual({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      await smtp.restart();
    }
    const r = await reload(row.id);
    expect(r).toMatchObject({ status: 'failed', attempts: 3, sentAt: null, lockedBy: null });
    expect(r.lastError).toMatch(/ECONNREFUSED/);
    expect(smtp.count(messageIdOf(row.id))).toBe(0);
  });

  it('gives up on a permanent refusal too, keeping the SMTP answer', async () => {
    const { row } = await enqueue('Serviceförvaltningen');
    smtp.refuseNext(3, 550, 'Mailbox unavailable');
    for (const wait of [0, 30, 60]) {
      advance(wait);
      await sut.dispatchDue('w1');
    }
    const r = await reload(row.id);
    expect(r.status).toBe('failed');
    expect(r.lastError).toMatch(/550.*Mailbox unavailable/);
  });

  it('lets another worker deliver what a dead worker had claimed, once its lease runs out', async () => {
    const rows = await Promise.all(['Förvaltning A', 'Förvaltning B', 'Förvaltning C'].map((n) => enqueue(n)));
    // A worker that claims the batch and then hangs for ever (as if killed in the middle of the first send).
    const hanging: Mailer = { send: () => new Promise<SentMail>(() => undefined), close: async () => undefined };
    const dead = new NotificationDispatcher(ctx.dataSource, ctx.get(NotificationRenderer), hanging, ctx.clock, config);
    void dead.dispatchDue('dead-worker', 10);
    await waitUntil(async () => (await Promise.all(rows.map((r) => reload(r.row.id)))).every((r) => r.status === 'sending'));

    expect(await sut.dispatchDue('w2')).toEqual({ sent: 0, retrying: 0, failed: 0 }); // still leased
    advance(5);
    expect(await sut.dispatchDue('w2')).toEqual({ sent: 0, retrying: 0, failed: 0 }); // the lease lasts 5 s
    advance(1);
    expect(await sut.dispatchDue('w2')).toEqual({ sent: 3, retrying: 0, failed: 0 });

    for (const { row } of rows) {
      expect(smtp.count(messageIdOf(row.id))).toBe(1);
      expect(await reload(row.id)).toMatchObject({ status: 'sent', attempts: 2, lockedBy: null });
    }
  });

  it('sends again, with the same Message-ID, what was accepted but not recorded before the worker died (at least once)', async () => {
    const { row } = await enqueue('Miljöförvaltningen');
    // Really sends, then dies before the acceptance is written down.
    const real = new SmtpMailer(smtp.url, config.mail.from);
    const diesAfterSending: Mailer = {
      send: async (mail: OutgoingMail) => {
        await real.send(mail);
        return new Promise<SentMail>(() => undefined);
      },
      close: () => real.close(),
    };
    void new NotificationDispatcher(ctx.dataSource, ctx.get(NotificationRenderer), diesAfterSending, ctx.clock, config).dispatchDue('dying', 10);
    await waitUntil(async () => smtp.count(messageIdOf(row.id)) === 1);
    await real.close();

    expect(await sut.dispatchDue('w2')).toEqual({ sent: 0, retrying: 0, failed: 0 }); // within the lease: no second copy
    advance(6);
    expect(await sut.dispatchDue('w2')).toEqual({ sent: 1, retrying: 0, failed: 0 });
    advance(3600);
    expect(await sut.dispatchDue('w2')).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.count(messageIdOf(row.id))).toBe(2); // the window the lease allows, no more
    expect((await reload(row.id)).status).toBe('sent');
  });
});

describe('sending without SMTP_URL', () => {
  it('writes each email as an .eml file under DATA_DIR/mail', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverka-mail-'));
    const ctx = await mediumContext([NotificationsModule], new Date('2026-03-02T09:00:00Z'), { DATA_DIR: dataDir });
    try {
      const key = 'test:file';
      await ctx
        .get(TransactionHost)
        .run(() => ctx.get(NotificationOutbox).enqueue('department.lacks_coordinator', { email: 'chef@malmo.example', name: 'Märta Chef' }, alert('Gatukontoret'), key));
      expect(await ctx.get(NotificationDispatcher).dispatchDue('w1')).toEqual({ sent: 1, retrying: 0, failed: 0 });

      const files = readdirSync(join(dataDir, 'mail'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const mail = await simpleParser(readFileSync(join(dataDir, 'mail', files[0])));
      expect(mail.subject).toBe('Gatukontoret saknar samordnare för medborgarservice');
      expect(mail.text).toContain('Hej Märta!');
      const row = await ctx.dataSource.getRepository<NotificationEntity>('NotificationEntity').findOneByOrFail({ dedupKey: key });
      expect(mail.messageId).toBe(`<${row.id}@localhost>`);
      expect(row.status).toBe('sent');
    } finally {
      await ctx.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
