import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { ConsultationReminderService } from '@samverka/consultation';
import { FollowUpReminderService } from '@samverka/follow-up';
import { DigestService } from '@samverka/digests';
import { connectionLimits, isDatabaseUnavailable } from '@samverka/database';
import { Clock } from '@samverka/kernel';
import { NeedsReminderService } from '@samverka/needs';
import { CoverageAlertService } from '@samverka/organisation';
import { RoundDeadlineService } from '@samverka/rounds';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import PgBoss from 'pg-boss';

/** The worker's database URL (resolved before Nest starts); pg-boss keeps its tables there, in its own schema. */
export const WORKER_DATABASE_URL = Symbol('WORKER_DATABASE_URL');

export const PGBOSS_SCHEMA = 'pgboss';
const APPLICATION_NAME = 'samverka-worker-jobs';
export const SWEEP_CRON = '* * * * *';
export const SWEEP_TIME_ZONE = 'Europe/Stockholm';
export const SWEEPS = ['coverage-alerts', 'round-deadlines', 'needs-reminders', 'consultation-reminders', 'follow-up-reminders', 'status-digests'] as const;
export type SweepName = (typeof SWEEPS)[number];

/**
 * A sweep's queue: at most one job waiting and one running (pg-boss's `stately` policy), so a slow
 * sweep never piles up behind itself; no retries (the next minute's sweep is the retry); a sweep
 * still running after five minutes is failed, so a stuck one does not block the queue for long.
 */
const SWEEP_QUEUE: Omit<PgBoss.Queue, 'name'> = { policy: 'stately', retryLimit: 0, expireInSeconds: 5 * 60 };

/**
 * The periodic sweeps, as pg-boss schedules (`pgboss` schema in the worker's database): every
 * minute, Stockholm time, and once at start so a restarted worker catches up at once. pg-boss hands
 * each job to one worker process; the services are idempotent besides (their unique keys), so
 * two workers sweeping at once still record and queue everything once. No logic in the handlers.
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Schedules');
  private readonly boss: PgBoss;
  private readonly workerIds = new Map<SweepName, string>();
  private readonly sweeps: Record<SweepName, () => Promise<object>>;

  constructor(
    @Inject(WORKER_DATABASE_URL) private readonly databaseUrl: string,
    @Inject(SAMVERKA_CONFIG) config: SamverkaConfig,
    coverageAlerts: CoverageAlertService,
    roundDeadlines: RoundDeadlineService,
    needsReminders: NeedsReminderService,
    consultationReminders: ConsultationReminderService,
    followUpReminders: FollowUpReminderService,
    digests: DigestService,
    @Inject(Clock) clock: Clock,
  ) {
    // pg-boss hands these to its own pg pool: a database that is away fails its polls (logged below), it does not hang them.
    const { connectTimeoutMs, statementTimeoutMs } = connectionLimits(config.database, 'background');
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: PGBOSS_SCHEMA,
      application_name: APPLICATION_NAME,
      max: 2,
      connectionTimeoutMillis: connectTimeoutMs,
      statement_timeout: statementTimeoutMs,
    } as PgBoss.ConstructorOptions);
    // Connection losses, failed polls, maintenance errors: logged, never thrown (an unhandled 'error' event would end the process).
    this.boss.on('error', (e: Error) => this.logger.error(`pg-boss: ${e?.stack ?? e?.message ?? String(e)}`));
    this.sweeps = {
      'coverage-alerts': async () => {
        const result = await coverageAlerts.sweep();
        if (result.queued > 0) this.logger.log(`departments without a coordinator: queued ${result.queued} email(s)`);
        return result;
      },
      'round-deadlines': async () => {
        const result = await roundDeadlines.sweep();
        if (result.recorded + result.autoClosed + result.failed > 0) {
          this.logger.log(`round deadlines: recorded ${result.recorded} passed, closed ${result.autoClosed} phase(s), ${result.failed} left for the next sweep`);
        }
        return result;
      },
      'needs-reminders': async () => {
        const result = await needsReminders.sweep();
        if (result.queued + result.failed > 0) {
          this.logger.log(`needs reminders: queued ${result.queued} email(s), ${result.failed} department(s) left for the next sweep`);
        }
        return result;
      },
      'consultation-reminders': async () => {
        const result = await consultationReminders.sendDueReminders(clock.now());
        if (result.queued + result.failed > 0) {
          this.logger.log(`consultation reminders: queued ${result.queued} email(s), ${result.failed} committee(s) left for the next sweep`);
        }
        return result;
      },
      'follow-up-reminders': async () => {
        const result = await followUpReminders.sweep();
        if (result.queued + result.failed > 0) {
          this.logger.log(`follow-up reminders: queued ${result.queued} email(s), ${result.failed} organisation-period(s) left for the next sweep`);
        }
        return result;
      },
      // Every minute, like the others: a digest is due from Monday 07:00 and recorded once per window, so the other runs find nothing due.
      'status-digests': async () => {
        const result = await digests.sweep();
        if (result.due > 0) this.logger.log(`status digests: ${result.due} due, queued ${result.queued} email(s)`);
        return result;
      },
    };
  }

  /**
   * pg-boss 10 records a job's end (complete or fail) without awaiting it: when the database goes away at
   * that moment the rejection is unhandled, and Node would end the worker for it. That one is logged (the
   * job expires and runs again; the next minute's sweep runs anyway); any other unhandled rejection is
   * thrown on, as Node would have.
   */
  private readonly onUnhandledRejection = (reason: unknown): void => {
    if (isDatabaseUnavailable(reason) && String((reason as Error)?.stack ?? '').includes('pg-boss')) {
      this.logger.warn(`pg-boss could not record a job's end while the database was away: ${(reason as Error).message}`);
      return;
    }
    process.nextTick(() => {
      throw reason;
    });
  };

  async onApplicationBootstrap(): Promise<void> {
    process.on('unhandledRejection', this.onUnhandledRejection);
    try {
      await this.oneWorkerAtATime(async () => {
        await this.boss.start();
        for (const name of SWEEPS) {
          await this.boss.createQueue(name, { name, ...SWEEP_QUEUE });
          await this.boss.schedule(name, SWEEP_CRON, {}, { tz: SWEEP_TIME_ZONE });
          // Catch up now rather than at the next full minute; with one waiting job per queue at most,
          // workers starting together queue one run between them.
          await this.boss.send(name, {});
          this.workerIds.set(name, await this.boss.work(name, () => this.run(name)));
        }
      });
    } catch (e) {
      // A half-started pg-boss keeps polling and holds connections: stop it, then fail the start.
      await this.boss.stop({ graceful: false }).catch(() => undefined);
      throw e;
    }
    this.logger.log(`sweeps scheduled (${SWEEP_CRON}, ${SWEEP_TIME_ZONE}): ${SWEEPS.join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Takes no new job, waits for the sweeps in progress, then closes pg-boss's connections.
    await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    process.off('unhandledRejection', this.onUnhandledRejection);
  }

  /** The schedules as stored by pg-boss (`pgboss.schedule`). */
  schedules(): Promise<PgBoss.Schedule[]> {
    return this.boss.getSchedules();
  }

  /**
   * Sends a sweep job through pg-boss now and resolves with its output once a worker (this one or
   * another) has completed it; rejects when it failed or took longer than `timeoutMs`. For tests and
   * operators. Its own singleton key lets it run beside a scheduled run instead of being dropped.
   */
  async runNow(name: SweepName, timeoutMs = 30_000): Promise<object | null> {
    const id = await this.boss.send(name, {}, { singletonKey: `now:${randomUUID()}` });
    if (!id) throw new Error(`pg-boss did not queue the ${name} job`);
    const local = this.workerIds.get(name);
    if (local) this.boss.notifyWorker(local);
    const until = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.boss.getJobById(name, id, { includeArchive: true });
      if (job?.state === 'completed') return job.output ?? null;
      if (!job || job.state === 'failed' || job.state === 'cancelled') {
        throw new Error(`${name} job ${id} ${job?.state ?? 'vanished'}: ${JSON.stringify(job?.output ?? null)}`);
      }
      if (Date.now() > until) throw new Error(`${name} job ${id} still ${job.state} after ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  private async run(name: SweepName): Promise<object> {
    try {
      return await this.sweeps[name]();
    } catch (e) {
      this.logger.error(`${name} sweep failed, the next one runs within a minute: ${(e as Error)?.stack ?? String(e)}`);
      throw e;
    }
  }

  /**
   * pg-boss's `create_queue` deadlocks when two processes create queues at the same moment (two
   * workers starting on a new database, or after a release adds a queue), and its own start creates
   * one; so workers start pg-boss one after the other, under a session advisory lock held on a
   * connection of its own (closing it releases the lock, whatever happened).
   */
  private async oneWorkerAtATime(work: () => Promise<void>): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: APPLICATION_NAME });
    client.on('error', (e) => this.logger.error(`pg-boss set-up connection: ${e.message}`));
    await client.connect();
    try {
      await client.query(`select pg_advisory_lock(hashtext('samverka.worker.pgboss-setup'))`);
      await work();
    } finally {
      await client.end();
    }
  }
}
