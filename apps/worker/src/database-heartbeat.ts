import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Checks the database connection periodically and says so when it is lost and when it is back. */
@Injectable()
export class DatabaseHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private timer?: NodeJS.Timeout;
  private healthy = true;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), 30_000);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async beat(): Promise<boolean> {
    try {
      await this.dataSource.query('select 1');
      if (!this.healthy) this.logger.log('database connection restored');
      this.healthy = true;
    } catch (e) {
      if (this.healthy) this.logger.error(`database unreachable: ${(e as Error).message}`);
      this.healthy = false;
    }
    return this.healthy;
  }
}
