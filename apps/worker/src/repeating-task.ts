import { Logger } from '@nestjs/common';

/**
 * Runs `work` now and then every `intervalMs`, never twice at once in this
 * process: a run that is still busy when the next is due is not overlapped,
 * and `work` returning `true` ("there is more") runs it again at once.
 * `stop()` takes no new run and resolves when the run in progress has ended.
 */
export class RepeatingTask {
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<boolean>,
    private readonly logger: Logger,
  ) {}

  get running(): boolean {
    return this.current !== undefined;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.runNow();
  }

  /** Runs at once (or joins the run in progress), then waits the interval for the next. */
  runNow(): Promise<void> {
    if (this.current) return this.current;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.current = this.drain().finally(() => {
      this.current = undefined;
      if (!this.stopped) this.timer = setTimeout(() => void this.runNow(), this.intervalMs);
    });
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  private async drain(): Promise<void> {
    let more = true;
    while (more && !this.stopped) {
      try {
        more = await this.work();
      } catch (e) {
        this.logger.error(`${this.name} failed: ${(e as Error)?.stack ?? String(e)}`);
        more = false;
      }
    }
  }
}
