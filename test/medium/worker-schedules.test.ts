import { ConsultationModule } from '@samverka/consultation';
import { LoggerService } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@samverka/config';
import { DatabaseModule, schemaDiff } from '@samverka/database';
import { IdentityModule } from '@samverka/identity';
import { Clock, FixedClock, KernelModule } from '@samverka/kernel';
import { NotificationEntity } from '@samverka/notifications';
import { NeedsModule } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { PlanRoundQueryService, RoundDeadlineService, RoundsModule } from '@samverka/rounds';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { Schedules } from '../../apps/worker/src/schedules';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Given } from '../support/given';
import { createTestDatabase } from '../support/test-database';

const START = new Date('2026-03-02T09:00:00Z');
/** 2 May 2026: the rounds built at START have their needs deadline on 30 April. */
const AFTER_NEEDS_DEADLINE = new Date('2026-05-02T08:00:00Z');

/**
 * The worker app (same module as `npm run start:worker`) with its sweeps on pg-boss schedules,
 * against real PostgreSQL. Sweeps are triggered by sending jobs through pg-boss (`runNow`),
 * never by waiting for the cron minute and never by calling the services directly.
 */
describe(Schedules.name, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-schedules-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PUBLIC_URL: 'https://samverka.malmo.example' });
  const errors: string[] = [];
  const logger: LoggerService = {
    log: () => undefined,
    warn: () => undefined,
    error: (message: unknown, ...rest: unknown[]) => void errors.push([message, ...rest].map(String).join(' ')),
  };
  const open = new Set<TestingModule>();
  const databases: Array<{ url: string; drop(): Promise<void> }> = [];

  const database = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  };
  const init = async (moduleRef: TestingModule) => {
    moduleRef.useLogger(logger);
    open.add(moduleRef);
    await moduleRef.init();
    return moduleRef;
  };
  const close = async (moduleRef: TestingModule) => {
    open.delete(moduleRef);
    await moduleRef.close();
  };
  /** A worker process: the whole worker module, the clock replaced so the test can move time. */
  const startWorker = async (url: string, clock: FixedClock) =>
    init(await Test.createTestingModule({ imports: [WorkerModule.forRoot(config, url)] }).overrideProvider(Clock).useValue(clock).compile());
  /** The services without the worker (no pg-boss), to build rows before any worker has run. */
  const startServices = async (url: string, clock: FixedClock) =>
    init(
      await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), KernelModule, DatabaseModule.forRoot({ url }), IdentityModule, RoundsModule, NeedsModule, PlanModule, ConsultationModule] })
        .overrideProvider(Clock)
        .useValue(clock)
        .compile(),
    );

  const deadlinesReached = async (app: TestingModule, roundId: string) =>
    (await app.get(PlanRoundQueryService).historyOf(roundId)).filter((e) => e.type === 'DEADLINE_REACHED');
  const lacksCoordinatorEmails = (app: TestingModule, departmentId: string) =>
    app
      .get(DataSource)
      .getRepository<NotificationEntity>('NotificationEntity')
      .createQueryBuilder('n')
      .where('n.dedup_key like :prefix', { prefix: `department.lacks_coordinator:${departmentId}:%` })
      .getMany();
  /** A department without a coordinator, one management user for it, and a round it takes part in. */
  const scenario = async (given: Given) => {
    const department = await given.department();
    const manager = await given.user({ password: null, roles: [{ role: 'management', departmentId: department.id }] });
    const round = await given.roundInCollectingNeeds({ participantDepartmentIds: [department.id] });
    return { department, manager, round };
  };
  /** Connections open to `url`'s database under pg-boss's application name. */
  const pgBossConnections = async (url: string): Promise<number> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'samverka-worker-jobs'`,
      );
      return rows[0].n;
    } finally {
      await client.end();
    }
  };

  afterAll(async () => {
    // A context whose start failed cannot be closed (Nest rethrows the start's error); close the others regardless.
    await Promise.allSettled([...open].map(close));
    await Promise.allSettled(databases.map((db) => db.drop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('one worker', () => {
    let db: { url: string };
    const clock = new FixedClock(START);
    let worker: TestingModule;

    beforeAll(async () => {
      db = await database();
      worker = await startWorker(db.url, clock);
    });
    beforeEach(() => clock.set(START));

    it('schedules the six sweeps in pg-boss every minute, Stockholm time', async () => {
      const schedules = (await worker.get(Schedules).schedules()) as Array<PgBoss.Schedule & { timezone: string }>;
      expect(schedules.map(({ name, cron, timezone }) => ({ name, cron, timezone })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { name: 'consultation-reminders', cron: '* * * * *', timezone: 'Europe/Stockholm' },
        { name: 'coverage-alerts', cron: '* * * * *', timezone: 'Europe/Stockholm' },
        { name: 'follow-up-reminders', cron: '* * * * *', timezone: 'Europe/Stockholm' },
        { name: 'needs-reminders', cron: '* * * * *', timezone: 'Europe/Stockholm' },
        { name: 'round-deadlines', cron: '* * * * *', timezone: 'Europe/Stockholm' },
        { name: 'status-digests', cron: '* * * * *', timezone: 'Europe/Stockholm' },
      ]);
    });

    it('keeps pg-boss in its own schema, outside what the migrations and the drift check cover', async () => {
      const [{ n }] = await worker.get(DataSource).query(`select count(*)::int as n from information_schema.tables where table_schema = 'pgboss'`);
      expect(n).toBeGreaterThan(0);
      expect((await schemaDiff(worker.get(DataSource))).up).toEqual([]);
    });

    it('a round-deadlines job records a passed needs deadline in the round history', async () => {
      const { round } = await scenario(new Given(worker));
      await worker.get(Schedules).runNow('round-deadlines');
      expect(await deadlinesReached(worker, round.id)).toEqual([]);

      clock.set(AFTER_NEEDS_DEADLINE);
      await worker.get(Schedules).runNow('round-deadlines');
      const reached = await deadlinesReached(worker, round.id);
      expect(reached).toHaveLength(1);
      expect(reached[0]).toMatchObject({ type: 'DEADLINE_REACHED', deadline: 'needs', deadlineDate: '2026-04-30', fromState: 'collectingNeeds' });
    });

    it('a coverage-alerts job queues the email telling management their department lacks a coordinator', async () => {
      const { department, manager } = await scenario(new Given(worker));
      await worker.get(Schedules).runNow('coverage-alerts');
      const emails = await lacksCoordinatorEmails(worker, department.id);
      expect(emails.map((n) => ({ kind: n.kind, to: n.recipientEmail }))).toEqual([{ kind: 'department.lacks_coordinator', to: manager.email }]);
    });

    it('a needs-reminders job queues the reminder to the coordinator of a department that has not handed in', async () => {
      const given = new Given(worker);
      const { department, round } = await scenario(given);
      const coordinator = await given.coordinator(department);
      clock.set(AFTER_NEEDS_DEADLINE);
      await worker.get(Schedules).runNow('needs-reminders');
      const reminders = await worker.get(DataSource).getRepository<NotificationEntity>('NotificationEntity').findBy({ kind: 'needs.reminder', recipientPersonId: coordinator.personId });
      expect(reminders.map((n) => n.dedupKey)).toEqual([`needs.reminder:${round.id}:${department.id}:2026-04-30:after:${coordinator.personId}`]);
    });

    it('a sweep that fails fails its job and is logged; the next one runs', async () => {
      const sweep = jest.spyOn(worker.get(RoundDeadlineService), 'sweep').mockRejectedValue(new Error('connection terminated unexpectedly'));
      try {
        await expect(worker.get(Schedules).runNow('round-deadlines')).rejects.toThrow(/round-deadlines job .* failed: .*connection terminated unexpectedly/);
      } finally {
        sweep.mockRestore();
      }
      expect(errors.splice(0)).toEqual([expect.stringMatching(/^round-deadlines sweep failed, .*connection terminated unexpectedly/s)]);
      await expect(worker.get(Schedules).runNow('round-deadlines')).resolves.toEqual({ recorded: 0, autoClosed: 0, failed: 0 });
    });

    it('closing the worker stops pg-boss and closes its connections', async () => {
      expect(await pgBossConnections(db.url)).toBeGreaterThan(0);
      await close(worker);
      let left = await pgBossConnections(db.url);
      for (let i = 0; left > 0 && i < 40; i++) {
        await sleep(50); // a closed connection leaves pg_stat_activity a moment later
        left = await pgBossConnections(db.url);
      }
      expect(left).toBe(0);
    });
  });

  describe('two workers on one database', () => {
    /** A fresh database with the scenario built at START by the services alone (pg-boss not installed yet). */
    const prepared = async () => {
      const db = await database();
      const setup = await startServices(db.url, new FixedClock(START));
      const built = await scenario(new Given(setup));
      await close(setup);
      return { db, ...built };
    };
    const startTwo = (url: string) => Promise.all([startWorker(url, new FixedClock(AFTER_NEEDS_DEADLINE)), startWorker(url, new FixedClock(AFTER_NEEDS_DEADLINE))]);
    beforeEach(() => void errors.splice(0));

    it('started together and both sweeping at once, record a passed deadline and queue an alert exactly once', async () => {
      const { db, department, manager, round } = await prepared();
      const [a, b] = await startTwo(db.url);
      // At once, beside the runs at start (and any cron tick): four more jobs, taken by either worker.
      const results = await Promise.all([
        a.get(Schedules).runNow('round-deadlines'),
        b.get(Schedules).runNow('round-deadlines'),
        a.get(Schedules).runNow('coverage-alerts'),
        b.get(Schedules).runNow('coverage-alerts'),
      ]);
      expect(results).toEqual([
        { recorded: expect.any(Number), autoClosed: 0, failed: 0 },
        { recorded: expect.any(Number), autoClosed: 0, failed: 0 },
        { queued: expect.any(Number) },
        { queued: expect.any(Number) },
      ]);
      const reached = await deadlinesReached(a, round.id);
      expect(reached.map((e) => [e.deadline, e.deadlineDate])).toEqual([['needs', '2026-04-30']]);
      expect((await lacksCoordinatorEmails(b, department.id)).map((n) => n.recipientEmail)).toEqual([manager.email]);
      expect(errors).toEqual([]);
      await Promise.all([close(a), close(b)]);
    });

    it('catch up at start, without waiting for the cron minute', async () => {
      const { db, department, round } = await prepared();
      const [a] = await startTwo(db.url);
      const started = Date.now();
      let done = false;
      while (!done && Date.now() - started < 3000) {
        await sleep(50);
        done = (await deadlinesReached(a, round.id)).length === 1 && (await lacksCoordinatorEmails(a, department.id)).length === 1;
      }
      expect(done).toBe(true);
      expect(errors).toEqual([]);
    });
  });
});
