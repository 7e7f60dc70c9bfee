import { LoggerService } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@samverka/config';
import { DatabaseModule, TransactionHost } from '@samverka/database';
import { KernelModule } from '@samverka/kernel';
import { NotificationEntity, NotificationOutbox, NotificationsModule } from '@samverka/notifications';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailWorker } from '../../apps/worker/src/mail-worker';
import { Schedules } from '../../apps/worker/src/schedules';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DatabaseProxy } from '../support/database-proxy';
import { e2eContext, E2eContext } from '../support/e2e';
import { eventually } from '../support/eventually';
import { TestSmtpServer } from '../support/smtp';
import { createTestDatabase } from '../support/test-database';

/** Small limits, so the database being away shows within a couple of seconds. */
const LIMITS = { DATABASE_CONNECT_TIMEOUT_MS: '500', DATABASE_STATEMENT_TIMEOUT_MS: '1000', DATABASE_RETRY_AFTER_SECONDS: '7' };

/**
 * The database away: a test-owned TCP proxy stands between the app and its PostgreSQL and is cut
 * (server down: connections refused, open ones dropped) or frozen (server hangs: connections
 * accepted, nothing answered), then restored, without restarting the app.
 */
describe('the database away (API)', () => {
  let ctx: E2eContext;
  let proxy: DatabaseProxy;
  let token: string;

  beforeAll(async () => {
    ctx = await e2eContext(LIMITS, {
      reachDatabase: async (url) => {
        const started = await DatabaseProxy.start(url);
        proxy = started.proxy;
        return started.url;
      },
    });
    token = (await ctx.as([{ role: 'admin' }])).token;
  });
  afterAll(async () => {
    await proxy?.close();
    await ctx?.close();
  });
  afterEach(() => proxy.restore());

  /** A request that gives up (and fails the test) rather than hang. */
  const request = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(ctx.baseUrl + path, { redirect: 'manual', signal: AbortSignal.timeout(20_000), ...init });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as { code: string; message: string } };
  };
  const departments = () => request('/api/v1/departments', { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  const page = () => request('/forvaltningar', { headers: { accept: 'text/html', cookie: 'samverka_session=some-session-token' } });

  const expectUnavailable = async (res: Awaited<ReturnType<typeof request>>) => {
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
  };

  it('answers 503 with Retry-After while PostgreSQL is down, and recovers by itself when it is back', async () => {
    expect((await departments()).status).toBe(200);
    expect((await request('/health/ready')).status).toBe(200);

    proxy.cut();

    const api = await departments();
    await expectUnavailable(api);
    expect(api.json()).toEqual({ code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/tillfälligt otillgänglig/) });
    const signIn = await request('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: 'nobody@malmo.example', password: 'not-the-password' }),
    });
    await expectUnavailable(signIn);
    expect(signIn.json().code).toBe('DATABASE_UNAVAILABLE');

    const html = await page();
    await expectUnavailable(html);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.text).toContain('Tillfälligt otillgängligt');

    expect((await request('/health')).status).toBe(503);
    expect((await request('/health/ready')).status).toBe(503);
    expect(proxy.attemptsWhileAway).toBeGreaterThan(0);

    proxy.restore();

    await eventually('departments after the database is back', () => departments().then((r) => r.status), (s) => s === 200);
    expect((await request('/health')).status).toBe(200);
    expect((await request('/health/ready')).status).toBe(200);
    expect((await page()).status).not.toBe(503);
  });

  it('answers 503 rather than hang while PostgreSQL accepts connections and answers nothing, on open connections too', async () => {
    // Warm the pool: the open connections freeze along with the new ones.
    await Promise.all([departments(), departments(), departments()]);

    proxy.freeze();

    const [a, b] = await Promise.all([departments(), departments()]);
    await expectUnavailable(a);
    await expectUnavailable(b);
    expect(a.json().code).toBe('DATABASE_UNAVAILABLE');
    await expectUnavailable(await page());
    expect((await request('/health/ready')).status).toBe(503);

    proxy.restore();

    await eventually('departments after the database thawed', () => departments().then((r) => r.status), (s) => s === 200);
    expect((await request('/health/ready')).status).toBe(200);
  });
});

describe('the database away (worker)', () => {
  let smtp: TestSmtpServer;
  let proxy: DatabaseProxy;
  let worker: TestingModule;
  let direct: TestingModule;
  let dropDatabase: () => Promise<void>;
  const errors: string[] = [];
  const logger: LoggerService = {
    log: () => undefined,
    warn: () => undefined,
    error: (message: unknown, ...rest: unknown[]) => void errors.push([message, ...rest].map(String).join(' ')),
  };

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    const db = await createTestDatabase();
    dropDatabase = db.drop;
    const started = await DatabaseProxy.start(db.url);
    proxy = started.proxy;
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'samverka-db-away-')),
      SMTP_URL: smtp.url,
      WORKER_POLL_INTERVAL_MS: '100',
      DATABASE_CONNECT_TIMEOUT_MS: '500',
      DATABASE_LONG_STATEMENT_TIMEOUT_MS: '2000',
    });
    // The test's own way to the database, around the proxy: it queues the email while the worker cannot reach it.
    direct = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), KernelModule, DatabaseModule.forRoot({ url: db.url, poolSize: 2 }), NotificationsModule],
    }).compile();
    await direct.init();
    // Compiled last: a testing module sets the process's logger when compiled.
    worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config, started.url)] }).compile();
    worker.useLogger(logger);
    await worker.init();
  });
  afterAll(async () => {
    proxy?.restore();
    await worker?.close();
    await direct?.close();
    await proxy?.close();
    await smtp?.stop();
    await dropDatabase?.();
  });

  it('keeps polling while PostgreSQL is down, then sends the email queued meanwhile, once, and still runs its schedules', async () => {
    proxy.cut();
    const failedBefore = errors.filter((e) => e.includes('mail dispatch failed')).length;
    // The email is queued where the worker cannot see it yet (another process wrote it before the outage reached it).
    const key = `test:db-away:${Date.now()}`;
    await direct.get(TransactionHost).run(() =>
      direct.get(NotificationOutbox).enqueue(
        'department.lacks_coordinator',
        { email: 'chef@malmo.example', name: 'Märta Chef' },
        { departmentName: 'Gatukontoret', since: '2026-02-20', daysOpen: 10, reminder: false, departmentUrl: 'http://localhost:3000/forvaltningar/x' },
        key,
      ),
    );
    // At least two failed rounds: the worker retries rather than stop (or crash) on the first.
    await eventually('failed dispatch rounds while the database is down', async () => errors.filter((e) => e.includes('mail dispatch failed')).length - failedBefore, (n) => n >= 2);
    expect(smtp.received).toHaveLength(0);

    proxy.restore();

    await smtp.waitFor(1);
    const notifications = direct.get(TransactionHost).repository<NotificationEntity>('NotificationEntity');
    const row = await eventually('the email marked sent', () => notifications.findOneByOrFail({ dedupKey: key }), (r) => r.status === 'sent');
    // More rounds after the delivery send nothing again.
    await worker.get(MailWorker).runNow();
    await worker.get(MailWorker).runNow();
    expect(smtp.count(row.messageId!)).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(row.attempts).toBe(1);

    // pg-boss lost its connections too; its schedules still run a sweep on request.
    await expect(worker.get(Schedules).runNow('coverage-alerts', 20_000)).resolves.toEqual(expect.any(Object));
  });
});
