import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { NotificationDispatcher } from '@samverka/notifications';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { RepeatingTask } from './repeating-task';

/** Emails claimed per round; a full batch means there may be more, so the next round starts at once. */
export const MAIL_BATCH_SIZE = 20;

/** This process's name on the rows it claims (`locked_by`): host, pid and a random part, unique across restarts. */
export const newWorkerId = (): string => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * Sends due emails: `NotificationDispatcher.dispatchDue` every poll interval
 * (WORKER_POLL_INTERVAL_MS), at once again while full batches come back.
 * On shutdown it takes no new batch and waits for the one in progress, so a
 * stop (SIGTERM) does not leave claimed emails to wait for their lease.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly workerId = newWorkerId();
  private readonly logger = new Logger('Mail');
  private readonly task: RepeatingTask;
  /** Aborted on shutdown: a delivery waiting for the database to record it gives up (its lease lets another worker take it). */
  private readonly stopping = new AbortController();

  constructor(
    private readonly dispatcher: NotificationDispatcher,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {
    this.task = new RepeatingTask('mail dispatch', config.mail.pollIntervalMs, () => this.round(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.logger.log(`worker ${this.workerId} sends due emails every ${this.config.mail.pollIntervalMs} ms`);
    this.task.start();
  }

  /** One round now (or the one in progress); for tests and operators. */
  runNow(): Promise<void> {
    return this.task.runNow();
  }

  async beforeApplicationShutdown(): Promise<void> {
    const stopped = this.task.stop();
    this.stopping.abort();
    await stopped;
  }

  private async round(): Promise<boolean> {
    const result = await this.dispatcher.dispatchDue(this.workerId, MAIL_BATCH_SIZE, this.stopping.signal);
    const taken = result.sent + result.retrying + result.failed;
    if (taken > 0) this.logger.log(`sent ${result.sent}, to retry ${result.retrying}, failed ${result.failed}`);
    return taken >= MAIL_BATCH_SIZE;
  }
}
