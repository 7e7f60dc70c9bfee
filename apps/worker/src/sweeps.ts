import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CoverageAlertService } from '@samverka/identity';
import { RepeatingTask } from './repeating-task';

export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Periodic sweeps, at start and once a minute: each is a service call that
 * queues what is due (idempotent through the outbox's keys, so two workers
 * sweeping at once queue nothing twice). No business logic here.
 */
@Injectable()
export class Sweeps implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Sweeps');
  private readonly task: RepeatingTask;

  constructor(private readonly coverageAlerts: CoverageAlertService) {
    this.task = new RepeatingTask('sweep', SWEEP_INTERVAL_MS, () => this.round(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  runNow(): Promise<void> {
    return this.task.runNow();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  private async round(): Promise<false> {
    const coverage = await this.coverageAlerts.sweep();
    if (coverage.queued > 0) this.logger.log(`departments without a coordinator: queued ${coverage.queued} email(s)`);
    return false;
  }
}
