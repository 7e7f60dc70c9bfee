import { Test, TestingModule } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@samverka/config';
import { DatabaseModule, dataSourceOptions, isDatabaseUnavailable, TransactionHost } from '@samverka/database';
import { Clock, FixedClock, KernelModule } from '@samverka/kernel';
import { Mailer, NotificationDispatcher, NotificationOutbox, NotificationsModule, OutgoingMail, SentMail, SmtpMailer } from '@samverka/notifications';
import { DataSource } from 'typeorm';
import { DatabaseProxy } from '../support/database-proxy';
import { eventually } from '../support/eventually';
import { TestSmtpServer } from '../support/smtp';
import { createTestDatabase } from '../support/test-database';

/**
 * A statement a hung server never answers: the client gives up (the request can be answered), and
 * the connection it was on must not come back to the pool, least of all inside the transaction it
 * was in, once the server carries on.
 */
describe('a connection the database stopped answering', () => {
  let db: { url: string; drop(): Promise<void> };
  let proxy: DatabaseProxy;
  let app: DataSource;
  let direct: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    const started = await DatabaseProxy.start(db.url);
    proxy = started.proxy;
    // One connection, so whatever the pool hands out next is the one the transaction was on, if it came back.
    app = await new DataSource(dataSourceOptions(started.url, { poolSize: 1, limits: { connectTimeoutMs: 500, statementTimeoutMs: 500 } })).initialize();
    direct = await new DataSource(dataSourceOptions(db.url, { poolSize: 1 })).initialize();
    await direct.query('create table away_probe (n int)');
  });
  afterAll(async () => {
    proxy?.restore();
    await app?.destroy();
    await direct?.destroy();
    await proxy?.close();
    await db?.drop();
  });

  it('is closed, so the transaction is rolled back and the pool goes on with a fresh connection when the server thaws', async () => {
    const transaction = app.transaction(async (manager) => {
      await manager.query('insert into away_probe values (1)');
      proxy.freeze();
      await manager.query('insert into away_probe values (2)');
    });
    const failure = await transaction.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDatabaseUnavailable(failure)).toBe(true);

    proxy.thaw();

    // Whatever connection the pool hands out now is in no transaction (none was left open on it).
    const inTransaction = await eventually(
      'a query after the server thawed',
      async () => (await app.query('select txid_current_if_assigned() as txid'))[0].txid as unknown,
      () => true,
      10_000,
    );
    expect(inTransaction).toBeNull();
    expect(await app.query('select count(*)::int as n from away_probe')).toEqual([{ n: 0 }]);
    await app.transaction((manager) => manager.query('insert into away_probe values (3)'));
    expect(await direct.query('select n from away_probe')).toEqual([{ n: 3 }]);
  });
});

describe('statement timeouts', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  const limits = { connectTimeoutMs: 500, statementTimeoutMs: 300, longStatementTimeoutMs: 5000 };

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection: the long limit must not stay on it after the long work.
    dataSource = await new DataSource(dataSourceOptions(db.url, { poolSize: 1, limits })).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  /** Longer than the request limit; 1.5 s is also longer than the client waits for a request's statement (limit + 1 s). */
  const slowStatement = (tx: TransactionHost, seconds = 0.6) => tx.manager.query('select pg_sleep($1)', [seconds]);
  const failureOf = (work: Promise<unknown>) => work.then(() => undefined, (e: unknown) => e);

  it('cancels a request statement past its limit, lets long work (an export) run longer, and then limits the connection again', async () => {
    const tx = new TransactionHost(dataSource, limits);

    const cancelled = await failureOf(tx.run(() => slowStatement(tx)));
    expect((cancelled as { driverError?: { code?: string } })?.driverError?.code).toBe('57014');
    expect(isDatabaseUnavailable(cancelled)).toBe(true);

    await expect(tx.runLong(() => slowStatement(tx, 1.5))).resolves.toEqual([{ pg_sleep: '' }]);

    expect(await dataSource.query('show statement_timeout')).toEqual([{ statement_timeout: '300ms' }]);
    expect(isDatabaseUnavailable(await failureOf(slowStatement(tx)))).toBe(true);
  });
});

/**
 * The server ends a connection while a transaction is between two statements (a restart, a fast
 * shutdown, an operator's pg_terminate_backend): TypeORM releases the query runner on the
 * connection's error, and the next statement fails with its "already released" error rather than a
 * database error. That is the database going away too (a 503, not a 500), and nothing is written.
 */
describe('a connection ended between two statements of a transaction', () => {
  let db: { url: string; drop(): Promise<void> };
  let app: DataSource;
  let direct: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await new DataSource(dataSourceOptions(db.url, { poolSize: 2, limits: { connectTimeoutMs: 500, statementTimeoutMs: 2000 } })).initialize();
    direct = await new DataSource(dataSourceOptions(db.url, { poolSize: 1 })).initialize();
    await direct.query('create table ended_probe (n int)');
  });
  afterAll(async () => {
    await app?.destroy();
    await direct?.destroy();
    await db?.drop();
  });

  it.each(['run', 'runLong'] as const)('counts as the database away in %s, and leaves nothing written', async (method) => {
    const tx = new TransactionHost(app, { connectTimeoutMs: 500, statementTimeoutMs: 2000, longStatementTimeoutMs: 5000 });
    const failure = await tx[method](async () => {
      await tx.manager.query('insert into ended_probe values (1)');
      const [{ pid }] = (await tx.manager.query('select pg_backend_pid() as pid')) as Array<{ pid: number }>;
      await direct.query('select pg_terminate_backend($1)', [pid]);
      // The connection's error has reached TypeORM, which released the runner, before the next statement.
      await eventually('the query runner released', async () => tx.manager.queryRunner?.isReleased, (released) => released === true);
      await tx.manager.query('insert into ended_probe values (2)');
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect(await direct.query('select count(*)::int as n from ended_probe')).toEqual([{ n: 0 }]);
    // The pool goes on with a fresh connection.
    await tx.run(() => tx.manager.query('select 1'));
  });
});

/**
 * The SMTP server accepts an email and the database goes away before the worker records it: the
 * worker keeps the acceptance and records it when the database is back, so the email is not sent a
 * second time once its lease runs out.
 */
describe('an email accepted while the database goes away', () => {
  let db: { url: string; drop(): Promise<void> };
  let proxy: DatabaseProxy;
  let smtp: TestSmtpServer;
  let moduleRef: TestingModule;
  const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await TestSmtpServer.start();
    const started = await DatabaseProxy.start(db.url);
    proxy = started.proxy;
    const config = loadConfig({ NODE_ENV: 'test', SMTP_URL: smtp.url, MAIL_LEASE_SECONDS: '5' });
    const smtpMailer = new SmtpMailer(smtp.url, config.mail.from);
    /** The real SMTP mailer; the database goes away the moment the server has accepted. */
    class MailerThenOutage extends Mailer {
      async send(mail: OutgoingMail): Promise<SentMail> {
        const sent = await smtpMailer.send(mail);
        proxy.cut();
        return sent;
      }
      close = () => smtpMailer.close();
    }
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), KernelModule, DatabaseModule.forRoot({ url: started.url, poolSize: 2, limits: { connectTimeoutMs: 500, statementTimeoutMs: 1000 } }), NotificationsModule],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .overrideProvider(Mailer)
      .useValue(new MailerThenOutage())
      .compile();
    await moduleRef.init();
  });
  afterAll(async () => {
    proxy?.restore();
    await moduleRef?.close();
    await proxy?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('records the delivery once the database is back, and never sends it again', async () => {
    const tx = moduleRef.get(TransactionHost);
    await tx.run(() =>
      moduleRef.get(NotificationOutbox).enqueue(
        'department.lacks_coordinator',
        { email: 'chef@malmo.example', name: 'Märta Chef' },
        { departmentName: 'Gatukontoret', since: '2026-02-20', daysOpen: 10, reminder: false, departmentUrl: 'http://localhost:3000/forvaltningar/x' },
        'test:accepted-while-away',
      ),
    );
    const sut = moduleRef.get(NotificationDispatcher);

    const dispatched = sut.dispatchDue('w1');
    await smtp.waitFor(1);
    // The worker tries to record it while the database is away (more than once: it does not give up).
    await eventually('attempts to record while the database is away', async () => proxy.attemptsWhileAway, (n) => n >= 2);
    proxy.restore();
    await expect(dispatched).resolves.toEqual({ sent: 1, retrying: 0, failed: 0 });

    const [row] = (await tx.manager.query(`select id, status, attempts, message_id from notification where dedup_key = 'test:accepted-while-away'`)) as Array<{ id: string; status: string; attempts: number; message_id: string }>;
    expect(row).toMatchObject({ status: 'sent', attempts: 1, message_id: `<${row.id}@localhost>` });
    // Long after its lease, nothing is due: the one email arrived once.
    clock.set(new Date(clock.now().getTime() + 3600_000));
    expect(await sut.dispatchDue('w2')).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.count(`<${row.id}@localhost>`)).toBe(1);
    expect(smtp.received).toHaveLength(1);
  });
});
